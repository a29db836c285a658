package fr.opendmp.core.transport.internal.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import fr.opendmp.core.access.AccessStatus;
import fr.opendmp.core.caller.Caller;
import fr.opendmp.core.credentials.CredentialRequest;
import fr.opendmp.core.document.Deposit;
import fr.opendmp.core.document.DepositReceipt;
import fr.opendmp.core.document.DocumentEntry;
import fr.opendmp.core.document.DocumentId;
import fr.opendmp.core.document.DocumentStatus;
import fr.opendmp.core.document.RetrievedDocument;
import fr.opendmp.core.document.UniqueIds;
import fr.opendmp.core.document.Visibility;
import fr.opendmp.core.error.CredentialsException;
import fr.opendmp.core.error.CredentialsUnavailableException;
import fr.opendmp.core.error.DmpException;
import fr.opendmp.core.error.NotFoundException;
import fr.opendmp.core.ins.Ins;
import fr.opendmp.core.search.DocumentQuery;
import fr.opendmp.core.transport.DmpOperations;
import fr.opendmp.core.transport.FhirTransport;
import fr.opendmp.core.transport.MetadataUpdate;
import fr.opendmp.core.transport.TransportContext;
import fr.opendmp.core.transport.TransportPage;
import fr.opendmp.core.transport.internal.http.ExchangeSettings;
import fr.opendmp.core.transport.internal.http.HttpCall;
import fr.opendmp.core.transport.internal.http.HttpExchange;
import fr.opendmp.core.transport.internal.http.HttpResult;
import fr.opendmp.core.transport.internal.http.RequestBody;
import java.io.IOException;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The DMP operations over the FHIR interface: URLs against the endpoint, the credential of each
 * request for its patient and caller, the FHIR bodies, the OperationOutcome errors. Not API.
 * Thread-safe.
 */
public final class FhirOperations implements DmpOperations {

    private static final String SERVICE = "the DMP";

    private final FhirTransport transport;
    private final TransportContext context;
    private final HttpExchange exchange;
    private final String base;

    /**
     * @param transport the FHIR settings
     * @param context the client's shared resources and settings
     */
    public FhirOperations(FhirTransport transport, TransportContext context) {
        this.transport = transport;
        this.context = context;
        this.exchange = new HttpExchange(ExchangeSettings.of(context));
        String b = transport.endpoint().toString();
        this.base = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    }

    @Override
    public AccessStatus access(Ins ins, Caller caller) {
        JsonNode bundle = getJson("read the DMP's access status", resolve(QueryEncoder.patient(ins)), ins, caller);
        return AccessStatusReader.read(bundle, caller.access().mode());
    }

    @Override
    public DepositReceipt depositOnce(Deposit deposit, Optional<DocumentId> replaces, Caller caller) {
        Ins ins = deposit.ins();
        DocumentReferenceWriter.Options options = new DocumentReferenceWriter.Options(
                transport.uniqueIdAlsoAsIdentifier(), deposit.custodian());
        boolean simple = deposit.isSimple() && replaces.isEmpty();
        RequestBody body;
        URI uri;
        if (simple) {
            body = StreamedJson.body(DocumentReferenceWriter.write(deposit.documents().get(0), ins, Optional.empty(),
                    Optional.empty(), options));
            uri = resolve("DocumentReference");
        } else {
            String sourceOid = context.sourceOid().orElseThrow(() -> FhirErrors.invalid(
                    "an ITI-65 deposit needs the software's sourceId OID",
                    "set DmpClient.builder().sourceId(\"<OID of this software instance>\")"));
            body = StreamedJson.body(TransactionBundleWriter.write(deposit, ins, new TransactionBundleWriter.Context(
                    sourceOid, UniqueIds.randomOid(), OffsetDateTime.now(context.clock()),
                    replaces.map(DocumentId::entryUuid), options)));
            uri = resolve("");
        }
        if (body.length() > context.maxDocumentBytes() * 2) {
            throw FhirErrors.invalid("the deposit is larger than the client's limit",
                    "split it or raise maxDocumentBytes");
        }
        String operation = replaces.isPresent() ? "replace a document" : "deposit documents";
        HttpCall call = call("POST", uri, ins, caller, Optional.of(body), FhirJson.FHIR_JSON, true,
                context.maxResponseBytes());
        HttpResult r = exchange.sendOnce(call, UUID.randomUUID().toString(),
                (result, retryable) -> FhirErrors.from(operation, result, retryable));
        return receipt(r, simple, deposit);
    }

    @Override
    public TransportPage search(Ins ins, DocumentQuery query, Caller caller) {
        return page("search documents", QueryEncoder.search(ins, query), ins, caller);
    }

    @Override
    public TransportPage page(Ins ins, String next, Caller caller) {
        return page("search documents (next page)", next, ins, caller);
    }

    @Override
    public Optional<DocumentEntry> findByUniqueId(Ins ins, String uniqueId, Caller caller) {
        TransportPage page = page("find a document by uniqueId", QueryEncoder.byUniqueId(ins, uniqueId), ins, caller);
        // a metadata change makes a new version under the same uniqueId: the current one answers
        return page.entries().stream().filter(e -> e.uniqueId().equals(uniqueId))
                .max(java.util.Comparator.comparing((DocumentEntry e) -> e.status() == DocumentStatus.CURRENT)
                        .thenComparing(e -> e.versionId().map(FhirOperations::number).orElse(0L)));
    }

    private static long number(String version) {
        try {
            return Long.parseLong(version);
        } catch (NumberFormatException e) {
            return 0L;
        }
    }

    @Override
    public RetrievedDocument retrieve(DocumentEntry entry, Caller caller) {
        Ins ins = entry.patient().orElseThrow();
        String url = entry.url();
        if (url.startsWith("urn:")) {
            throw FhirErrors.invalid("document " + entry.uniqueId() + " has no retrievable URL",
                    "this caller may only see metadata (TD3.1b); retrieve needs the consultation profile");
        }
        boolean fhirDocument = url.startsWith("Bundle/") || url.contains("/Bundle/");
        String accept = fhirDocument ? FhirJson.FHIR_JSON : entry.metadata().contentType();
        HttpCall call = new HttpCall(SERVICE, "GET", resolve(url), headers(ins, caller, accept, Optional.empty()),
                Optional.empty(), true, context.maxDocumentBytes());
        HttpResult r = exchange.send(call, (result, retryable) -> FhirErrors.from("retrieve a document", result,
                retryable));
        return new RetrievedDocument(entry, r.contentType().orElse(accept), r.body());
    }

    @Override
    public DocumentEntry update(DocumentEntry entry, MetadataUpdate update, Caller caller) {
        Ins ins = entry.patient().orElseThrow();
        String operation = update.operation();
        JsonNode current = current(operation, ins, entry, caller);
        ArrayNode patch = patch(update, current);
        if (patch.isEmpty()) {
            return DocumentReferenceReader.read(current);
        }
        Optional<String> version = entry.versionId().or(() -> FhirJson.text(current.path("meta"), "versionId"));
        Map<String, List<String>> headers = new HashMap<>(headers(ins, caller, FhirJson.FHIR_JSON,
                Optional.of("application/json-patch+json")));
        version.ifPresent(v -> headers.put("If-Match", List.of("W/\"" + v + "\"")));
        HttpCall call = new HttpCall(SERVICE, "PATCH", resolve(QueryEncoder.conditional(entry.uniqueId())), headers,
                Optional.of(RequestBody.of(FhirJson.bytes(patch))), false, context.maxResponseBytes());
        HttpResult r = exchange.send(call, (result, retryable) -> FhirErrors.from(operation, result, retryable));
        if (r.body().length == 0) {
            return DocumentReferenceReader.read(current(operation, ins, entry, caller));
        }
        try {
            return DocumentReferenceReader.read(json(r));
        } catch (DmpException e) {
            throw withRequestId(e, r);
        }
    }

    @Override
    public String transportName() {
        return "FHIR";
    }

    @Override
    public void close() {
        // the HTTP client belongs to the DmpClient (shared with its derived clients)
    }

    private ArrayNode patch(MetadataUpdate update, JsonNode current) {
        if (update instanceof MetadataUpdate.Mask m) {
            return MetadataPatches.visibility(current, Visibility.MASQUE_PS, m.masked());
        }
        if (update instanceof MetadataUpdate.Visibility v) {
            return MetadataPatches.visibility(current, v.audience().hiddenFlag(), !v.visible());
        }
        if (update instanceof MetadataUpdate.Archive a) {
            return MetadataPatches.archived(current, a.archived());
        }
        return MetadataPatches.status(transport.deleteStrategy().wire());
    }

    private JsonNode current(String operation, Ins ins, DocumentEntry entry, Caller caller) {
        try {
            return getJson(operation + " (read it first)", resolve("DocumentReference/" + entry.id().entryUuid()),
                    ins, caller);
        } catch (NotFoundException e) {
            TransportPage page = page(operation + " (find it by uniqueId)",
                    QueryEncoder.byUniqueId(ins, entry.uniqueId()), ins, caller);
            if (page.entries().isEmpty()) {
                throw e;
            }
            return getJson(operation + " (read it first)",
                    resolve("DocumentReference/" + page.entries().get(0).id().entryUuid()), ins, caller);
        }
    }

    private TransportPage page(String operation, String url, Ins ins, Caller caller) {
        HttpResult r = exchange.send(call("GET", resolve(url), ins, caller, Optional.empty(), "", true,
                context.maxResponseBytes()), (result, retryable) -> FhirErrors.from(operation, result, retryable));
        try {
            SearchsetReader.Page p = SearchsetReader.read(r.body());
            return new TransportPage(p.entries(), p.total(), p.next(), p.warnings());
        } catch (IOException e) {
            throw FhirErrors.malformed("the DMP's searchset could not be read whole (" + e.getMessage() + ")", r, e);
        } catch (DmpException e) {
            throw withRequestId(e, r);
        }
    }

    private JsonNode getJson(String operation, URI uri, Ins ins, Caller caller) {
        HttpResult r = exchange.send(call("GET", uri, ins, caller, Optional.empty(), "", true,
                context.maxResponseBytes()), (result, retryable) -> FhirErrors.from(operation, result, retryable));
        return json(r);
    }

    private HttpCall call(String method, URI uri, Ins ins, Caller caller, Optional<RequestBody> body,
            String contentType, boolean idempotent, long maxBytes) {
        return new HttpCall(SERVICE, method, uri, headers(ins, caller, FhirJson.FHIR_JSON,
                body.map(b -> contentType.isEmpty() ? FhirJson.FHIR_JSON : contentType)), body, idempotent, maxBytes);
    }

    private Map<String, List<String>> headers(Ins ins, Caller caller, String accept, Optional<String> contentType) {
        Map<String, List<String>> headers;
        try {
            headers = new HashMap<>(context.credentials().headers(CredentialRequest.dmp(ins, caller)));
        } catch (CredentialsException e) {
            throw new CredentialsUnavailableException(e);
        }
        headers.put("Accept", List.of(accept));
        contentType.ifPresent(t -> headers.put("Content-Type", List.of(t)));
        return headers;
    }

    /**
     * Resolves a server URL (relative to the base, or absolute on the same origin). Credentials are
     * never sent to another origin.
     */
    private URI resolve(String url) {
        URI uri;
        try {
            uri = url.isEmpty() ? URI.create(base) : url.startsWith("http://") || url.startsWith("https://")
                    ? URI.create(url) : URI.create(base + "/" + (url.startsWith("/") ? url.substring(1) : url));
        } catch (IllegalArgumentException e) {
            throw new fr.opendmp.core.error.MalformedResponseException("the DMP gave a link that is not a valid URL",
                    DmpException.Details.of("report it to the DMP support with the request id of the answer that"
                            + " carried it"), null);
        }
        URI endpoint = transport.endpoint();
        if (uri.getScheme() == null || uri.getHost() == null
                || !uri.getScheme().equalsIgnoreCase(endpoint.getScheme())
                || !uri.getHost().equalsIgnoreCase(endpoint.getHost()) || uri.getPort() != endpoint.getPort()) {
            throw new fr.opendmp.core.error.MalformedResponseException("refusing to follow a DMP link to another"
                    + " origin (" + uri.getScheme() + "://" + uri.getHost() + ")", DmpException.Details.of(
                    "the DMP's links must stay on the configured endpoint; credentials are never sent elsewhere"),
                    null);
        }
        return uri;
    }

    private static JsonNode json(HttpResult result) {
        try {
            JsonNode node = FhirJson.readTree(result.body());
            if (node == null || !node.isObject()) {
                throw FhirErrors.malformed("the DMP answered with an empty or non-object JSON body", result, null);
            }
            return node;
        } catch (IOException e) {
            throw FhirErrors.malformed("the DMP's answer is not valid JSON (malformed, truncated or with a"
                    + " duplicate key)", result, e);
        }
    }

    private static DmpException withRequestId(DmpException e, HttpResult result) {
        if (e.requestId().isPresent()) {
            return e;
        }
        return FhirErrors.malformed(e.getMessage(), result, e);
    }

    private static DepositReceipt receipt(HttpResult r, boolean simple, Deposit deposit) {
        JsonNode json = r.body().length == 0 ? null : json(r);
        if (simple) {
            String id = json != null && json.hasNonNull("id") ? json.get("id").asText()
                    : r.location().flatMap(l -> TransactionResponseReader.idFromLocation(l, "DocumentReference"))
                            .orElseThrow(() -> FhirErrors.malformed("the DMP's answer to the deposit has no id", r,
                                    null));
            return new DepositReceipt(List.of(new DocumentId(id, deposit.documents().get(0).metadata().uniqueId())),
                    Optional.empty(), false, Optional.of(r.requestId()));
        }
        if (json == null) {
            throw FhirErrors.malformed("the DMP's answer to the deposit is empty", r, null);
        }
        TransactionResponseReader.Result result = TransactionResponseReader.read(json);
        if (result.documentIds().size() != deposit.documents().size()) {
            throw FhirErrors.malformed("the DMP's transaction-response names " + result.documentIds().size()
                    + " documents for " + deposit.documents().size() + " sent", r, null);
        }
        List<DocumentId> ids = new ArrayList<>();
        for (int i = 0; i < result.documentIds().size(); i++) {
            ids.add(new DocumentId(result.documentIds().get(i), deposit.documents().get(i).metadata().uniqueId()));
        }
        return new DepositReceipt(ids, result.submissionSetId(), false, Optional.of(r.requestId()));
    }
}
