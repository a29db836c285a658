package fr.opendmp.core.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import fr.opendmp.core.access.AccessContext;
import fr.opendmp.core.client.ConflictException;
import fr.opendmp.core.client.DmpException;
import fr.opendmp.core.client.ServerErrorException;
import fr.opendmp.core.client.TransportException;
import fr.opendmp.core.client.UnavailableException;
import fr.opendmp.core.document.Deposit;
import fr.opendmp.core.document.DepositReceipt;
import fr.opendmp.core.document.DocumentContent;
import fr.opendmp.core.document.DocumentEntry;
import fr.opendmp.core.document.DocumentId;
import fr.opendmp.core.document.UniqueIds;
import fr.opendmp.core.ins.Ins;
import fr.opendmp.core.transport.fhir.DocumentReferenceWriter;
import fr.opendmp.core.transport.fhir.FhirJson;
import fr.opendmp.core.transport.fhir.TransactionBundleWriter;
import fr.opendmp.core.transport.fhir.TransactionResponseReader;
import fr.opendmp.core.transport.http.HttpCall;
import fr.opendmp.core.transport.http.HttpResult;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deposits (TD2) and replacements (TD2.1), made idempotent: when the answer is lost (timeout,
 * reset, 5xx, 429), the client looks the documents up by uniqueId (TD3.1b) before sending again,
 * and returns the stored ones instead of creating a second copy. Not API.
 */
public final class DepositService {

    private static final Logger LOG = LoggerFactory.getLogger(DepositService.class);

    private final DmpCalls calls;
    private final Lookup lookup;

    /**
     * @param calls the call builder
     * @param lookup the uniqueId lookup
     */
    public DepositService(DmpCalls calls, Lookup lookup) {
        this.calls = calls;
        this.lookup = lookup;
    }

    /**
     * @param deposit what to deposit
     * @param replaces the document replaced (TD2.1), if any
     * @param access the access mode
     * @return the receipt
     */
    public DepositReceipt deposit(Deposit deposit, Optional<DocumentId> replaces, AccessContext access) {
        Ins ins = deposit.ins();
        ClientConfig cfg = calls.config();
        DocumentReferenceWriter.Options options = new DocumentReferenceWriter.Options(cfg.uniqueIdAlsoAsIdentifier(),
                deposit.custodian());
        boolean simple = deposit.isSimple() && replaces.isEmpty();
        byte[] body;
        URI uri;
        if (simple) {
            body = FhirJson.bytes(DocumentReferenceWriter.write(deposit.documents().get(0), ins, Optional.empty(),
                    Optional.empty(), options));
            uri = calls.resolve("DocumentReference");
        } else {
            String sourceOid = cfg.sourceOid().orElseThrow(() -> Errors.invalid(
                    "an ITI-65 deposit needs the software's sourceId OID",
                    "set DmpClient.builder().sourceId(\"<OID of this software instance>\")"));
            body = FhirJson.bytes(TransactionBundleWriter.write(deposit, ins, new TransactionBundleWriter.Context(
                    sourceOid, UniqueIds.randomOid(), OffsetDateTime.now(cfg.http().clock()),
                    replaces.map(DocumentId::entryUuid), options)));
            uri = calls.resolve("");
        }
        if (body.length > cfg.maxDocumentBytes() * 2) {
            throw Errors.invalid("the deposit is larger than the client's limit", "split it or raise maxDocumentBytes");
        }
        HttpCall call = calls.httpCall("POST", uri, ins, access, Optional.of(body), FhirJson.FHIR_JSON,
                FhirJson.FHIR_JSON, false, cfg.maxResponseBytes());
        int attempts = cfg.http().retry().maxAttempts();
        String operation = replaces.isPresent() ? "replace a document" : "deposit documents";
        for (int attempt = 1; ; attempt++) {
            DmpException failure;
            try {
                HttpResult r = calls.exchange().sendOnce(call, java.util.UUID.randomUUID().toString());
                if (r.ok()) {
                    return receipt(r, simple, deposit);
                }
                failure = Errors.from(operation, r);
                if (failure instanceof ConflictException && attempt > 1) {
                    Optional<DepositReceipt> stored = findStored(deposit, ins, access);
                    if (stored.isPresent()) {
                        return stored.get();
                    }
                }
                if (!(failure instanceof UnavailableException || failure instanceof ServerErrorException)) {
                    throw failure;
                }
            } catch (TransportException e) {
                failure = e;
            }
            if (attempt >= attempts) {
                throw failure;
            }
            calls.exchange().pause(failure instanceof UnavailableException u && u.retryAfter().isPresent()
                    && u.retryAfter().get().compareTo(cfg.http().retry().maxRetryAfter()) <= 0
                    ? u.retryAfter().get() : cfg.http().retry().backoff(attempt));
            LOG.debug("deposit attempt {} failed ({}); checking by uniqueId before sending again", attempt,
                    failure.getClass().getSimpleName());
            Optional<DepositReceipt> stored;
            try {
                stored = findStored(deposit, ins, access);
            } catch (DmpException checkFailure) {
                failure.addSuppressed(checkFailure);
                throw failure;
            }
            if (stored.isPresent()) {
                return stored.get();
            }
        }
    }

    private Optional<DepositReceipt> findStored(Deposit deposit, Ins ins, AccessContext access) {
        List<DocumentId> ids = new ArrayList<>();
        for (DocumentContent doc : deposit.documents()) {
            Optional<DocumentEntry> e = lookup.byUniqueId(ins, doc.metadata().uniqueId(), access);
            if (e.isEmpty()) {
                return Optional.empty();
            }
            ids.add(e.get().id());
        }
        return Optional.of(new DepositReceipt(ids, Optional.empty(), true, Optional.empty()));
    }

    private static DepositReceipt receipt(HttpResult r, boolean simple, Deposit deposit) {
        JsonNode json = r.body().length == 0 ? null : DmpCalls.json(r);
        if (simple) {
            String id = json != null && json.hasNonNull("id") ? json.get("id").asText()
                    : r.location().flatMap(l -> TransactionResponseReader.idFromLocation(l, "DocumentReference"))
                            .orElseThrow(() -> Errors.malformed("the DMP's answer to the deposit has no id", r, null));
            return new DepositReceipt(List.of(new DocumentId(id, deposit.documents().get(0).metadata().uniqueId())),
                    Optional.empty(), false, Optional.of(r.requestId()));
        }
        if (json == null) {
            throw Errors.malformed("the DMP's answer to the deposit is empty", r, null);
        }
        TransactionResponseReader.Result result = TransactionResponseReader.read(json);
        if (result.documentIds().size() != deposit.documents().size()) {
            throw Errors.malformed("the DMP's transaction-response names " + result.documentIds().size()
                    + " documents for " + deposit.documents().size() + " sent", r, null);
        }
        List<DocumentId> ids = new ArrayList<>();
        for (int i = 0; i < result.documentIds().size(); i++) {
            ids.add(new DocumentId(result.documentIds().get(i), deposit.documents().get(i).metadata().uniqueId()));
        }
        return new DepositReceipt(ids, result.submissionSetId(), false, Optional.of(r.requestId()));
    }
}
