package fr.opendmp.core.client.internal;

import fr.opendmp.core.access.AccessStatus;
import fr.opendmp.core.caller.Caller;
import fr.opendmp.core.client.IntegrityPolicy;
import fr.opendmp.core.credentials.CredentialsProvider;
import fr.opendmp.core.document.ContentHash;
import fr.opendmp.core.document.Deposit;
import fr.opendmp.core.document.DepositReceipt;
import fr.opendmp.core.document.DocumentContent;
import fr.opendmp.core.document.DocumentEntry;
import fr.opendmp.core.document.DocumentId;
import fr.opendmp.core.error.ConflictException;
import fr.opendmp.core.error.DmpException;
import fr.opendmp.core.error.InvalidInputException;
import fr.opendmp.core.error.MalformedResponseException;
import fr.opendmp.core.ins.Ins;
import fr.opendmp.core.ins.InsOidPolicy;
import fr.opendmp.core.transport.DmpOperations;
import fr.opendmp.core.transport.internal.http.Retrier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a client does the same way over every transport: the INS OID policy, the access cache
 * keyed by caller, the deposit's idempotency by uniqueId and content hash, and the checks of what
 * comes back (patient, paging). Not API. Thread-safe.
 */
public final class ClientCore {

    private static final Logger LOG = LoggerFactory.getLogger(ClientCore.class);

    private final DmpOperations operations;
    private final String transport;
    private final CredentialsProvider credentials;
    private final Caches caches;
    private final Executor executor;
    private final InsOidPolicy insOidPolicy;
    private final IntegrityPolicy integrityPolicy;
    private final int maxPages;
    private final Retrier retrier;
    private final AtomicBoolean warnedProductionOid = new AtomicBoolean();

    /**
     * @param operations the transport's operations
     * @param transport the transport's name
     * @param credentials the credentials provider (keys the caches)
     * @param caches the caches
     * @param executor where async calls run
     * @param insOidPolicy which INS OIDs may reach the service
     * @param integrityPolicy what a retrieval requires of size and hash
     * @param maxPages the most pages a stream follows
     * @param retrier the one retry decision
     */
    public ClientCore(DmpOperations operations, String transport, CredentialsProvider credentials, Caches caches,
            Executor executor, InsOidPolicy insOidPolicy, IntegrityPolicy integrityPolicy, int maxPages,
            Retrier retrier) {
        this.operations = operations;
        this.transport = transport;
        this.credentials = credentials;
        this.caches = caches;
        this.executor = executor;
        this.insOidPolicy = insOidPolicy;
        this.integrityPolicy = integrityPolicy;
        this.maxPages = maxPages;
        this.retrier = retrier;
    }

    /** @return the transport's operations */
    public DmpOperations operations() {
        return operations;
    }

    /** @return the transport's name */
    public String transport() {
        return transport;
    }

    /** @return the caches */
    public Caches caches() {
        return caches;
    }

    /** @return where async calls run */
    public Executor executor() {
        return executor;
    }

    /** @return what a retrieval requires of size and hash */
    public IntegrityPolicy integrityPolicy() {
        return integrityPolicy;
    }

    /** @return the most pages a stream follows */
    public int maxPages() {
        return maxPages;
    }

    /** @return a cache key for this patient, caller and request */
    public Caches.Key key(Ins ins, Caller caller, String what) {
        return new Caches.Key(credentials, ins.fhirIdentifier(), caller, what);
    }

    /** @return the access status, from the cache when it is fresh (the key names the caller) */
    public AccessStatus access(Ins ins, Caller caller) {
        checkOid(ins);
        return caches.access().map(c -> c.get(key(ins, caller, "access"), k -> operations.access(ins, caller)))
                .orElseGet(() -> operations.access(ins, caller));
    }

    /**
     * Deposits with the one retry decision; after a retryable failure, and on a conflict, the
     * uniqueIds are looked up: documents already stored with the same content hash are the answer
     * (a resend never stores a second copy, and never turns a lost answer into a conflict).
     */
    public DepositReceipt deposit(Deposit deposit, Optional<DocumentId> replaces, Caller caller) {
        checkOid(deposit.ins());
        return retrier.run(() -> {
            try {
                return operations.depositOnce(deposit, replaces, caller);
            } catch (ConflictException conflict) {
                Optional<DepositReceipt> stored;
                try {
                    stored = stored(deposit, caller);
                } catch (DmpException check) {
                    conflict.addSuppressed(check);
                    throw conflict;
                }
                return stored.orElseThrow(() -> conflict);
            }
        }, () -> {
            LOG.debug("deposit attempt failed; looking its uniqueIds up before sending again");
            return stored(deposit, caller);
        });
    }

    private Optional<DepositReceipt> stored(Deposit deposit, Caller caller) {
        List<DocumentId> ids = new ArrayList<>();
        for (DocumentContent doc : deposit.documents()) {
            Optional<DocumentEntry> e = operations.findByUniqueId(deposit.ins(), doc.metadata().uniqueId(), caller);
            if (e.isEmpty() || !sameContent(e.get(), doc)) {
                return Optional.empty();
            }
            ids.add(e.get().id());
        }
        return Optional.of(new DepositReceipt(ids, Optional.empty(), true, Optional.empty()));
    }

    private static boolean sameContent(DocumentEntry stored, DocumentContent sent) {
        return stored.hash().map(h -> h.equals(ContentHash.sha1Base64(sent.content()))).orElse(false)
                && stored.size().map(s -> s == sent.size()).orElse(true);
    }

    /**
     * Binds an entry the service returned to the patient asked for: an entry that names another
     * patient is refused, never overwritten.
     */
    public DocumentEntry bind(DocumentEntry entry, Ins asked) {
        if (entry.patient().isPresent()
                && !entry.patient().get().fhirIdentifier().equals(asked.fhirIdentifier())) {
            throw new MalformedResponseException("the DMP returned a document of another patient than the one"
                    + " asked for (document " + entry.uniqueId() + ")", DmpException.Details.of(
                    "show nothing of this answer to the user and report it to the DMP support"), null);
        }
        return entry.patient().isPresent() ? entry : entry.withPatient(asked);
    }

    /** Refuses, before any call, an INS whose OID the client's policy does not let through. */
    public void checkOid(Ins ins) {
        if (!insOidPolicy.allows(ins)) {
            throw new InvalidInputException("the patient's INS has the " + ins.oid() + " OID (a fictitious patient)"
                    + " and this client is configured for production",
                    "fictitious test or demonstration patients never reach a real DMP; against a test platform or"
                            + " the fake DMP, build the client with insOidPolicy(InsOidPolicy.TEST)");
        }
        if (insOidPolicy.isUnexpected(ins) && warnedProductionOid.compareAndSet(false, true)) {
            LOG.warn("a production INS OID ({}) was sent by a client configured for a test platform", ins.oid());
        }
    }
}
