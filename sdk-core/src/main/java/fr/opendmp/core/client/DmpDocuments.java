package fr.opendmp.core.client;

import fr.opendmp.core.access.AccessContext;
import fr.opendmp.core.caller.Caller;
import fr.opendmp.core.client.internal.ClientCore;
import fr.opendmp.core.document.Audience;
import fr.opendmp.core.document.ContentHash;
import fr.opendmp.core.document.Deposit;
import fr.opendmp.core.document.DepositReceipt;
import fr.opendmp.core.document.DocumentEntry;
import fr.opendmp.core.document.DocumentId;
import fr.opendmp.core.document.RetrievedDocument;
import fr.opendmp.core.document.UniqueIds;
import fr.opendmp.core.error.DmpException;
import fr.opendmp.core.error.IntegrityException;
import fr.opendmp.core.error.InvalidInputException;
import fr.opendmp.core.error.MalformedResponseException;
import fr.opendmp.core.ins.Ins;
import fr.opendmp.core.search.DocumentPage;
import fr.opendmp.core.search.DocumentQuery;
import fr.opendmp.core.search.SignatureEntries;
import fr.opendmp.core.transport.MetadataUpdate;
import fr.opendmp.core.transport.TransportPage;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Document operations of a {@link DmpClient} for one caller: deposit (TD2.1), replace (TD2.1b),
 * search (TD3.1a), find by uniqueId (TD3.1b), retrieve (TD3.2), mask / visibility / delete /
 * archive (TD3.3). Obtain it with {@link DmpClient#documents()}, {@link DmpClient#documents(AccessContext)}
 * or {@code dmp.as(caller).documents()}: the caller travels in the credential of each request,
 * never in the URL. Thread-safe; every call has an {@code …Async} twin run on the client's
 * bounded executor.
 */
public final class DmpDocuments {

    private final ClientCore core;
    private final Caller caller;

    DmpDocuments(ClientCore core, Caller caller) {
        this.core = core;
        this.caller = caller;
    }

    /** @return the access mode of these operations */
    public AccessContext access() {
        return caller.access();
    }

    /** @return who makes these operations */
    public Caller caller() {
        return caller;
    }

    /**
     * Deposits one document or several in one submission. The identity must be qualified: this is
     * checked before anything is sent. After a lost answer the uniqueIds are looked up before the
     * deposit is sent again, and a resend of the same content returns the stored documents' receipt
     * ({@link DepositReceipt#recovered()}): a deposit is never stored twice, and never turned into
     * a conflict by a retry. The same uniqueId with another content stays a conflict.
     *
     * @param deposit the documents and the patient
     * @return the receipt
     * @throws fr.opendmp.core.ins.IdentityNotQualifiedException if the identity is not qualified
     * @throws DmpException for any refusal or failure
     */
    public DepositReceipt deposit(Deposit deposit) {
        return core.deposit(deposit, Optional.empty(), caller);
    }

    /**
     * @param deposit the documents and the patient
     * @return {@link #deposit(Deposit)} asynchronously
     */
    public CompletableFuture<DepositReceipt> depositAsync(Deposit deposit) {
        return async(() -> deposit(deposit));
    }

    /**
     * Replaces document {@code old} by the single document of {@code replacement} (TD2.1b).
     *
     * @param old the document replaced
     * @param replacement one document
     * @return the receipt of the new document
     */
    public DepositReceipt replace(DocumentId old, Deposit replacement) {
        if (replacement.documents().size() != 1) {
            throw new InvalidInputException("a replacement carries exactly one document",
                    "deposit the other documents separately");
        }
        return core.deposit(replacement, Optional.of(old), caller);
    }

    /**
     * @param old the document replaced
     * @param replacement one document
     * @return {@link #replace(DocumentId, Deposit)} asynchronously
     */
    public CompletableFuture<DepositReceipt> replaceAsync(DocumentId old, Deposit replacement) {
        return async(() -> replace(old, replacement));
    }

    /**
     * The first page of a search. The signature entries of DMPi submissions are dropped from it and
     * from every following page unless the query shows them ({@link DocumentQuery#signatureEntries()}),
     * so a page may hold fewer entries than its size, even none, while {@link DocumentPage#hasNext()}
     * says more follow; {@link #stream(Ins, DocumentQuery)} follows them.
     *
     * @param ins the patient's INS
     * @param query the query
     * @return the first page of documents matching the query (TD3.1a)
     */
    public DocumentPage search(Ins ins, DocumentQuery query) {
        core.checkOid(ins);
        String key = "search:" + query;
        TransportPage page = core.caches().search()
                .map(c -> c.get(core.key(ins, caller, key), k -> core.operations().search(ins, query, caller)))
                .orElseGet(() -> core.operations().search(ins, query, caller));
        return page(ins, page, "", query.signatureEntries());
    }

    /**
     * @param ins the patient's INS
     * @param query the query
     * @return {@link #search(Ins, DocumentQuery)} asynchronously
     */
    public CompletableFuture<DocumentPage> searchAsync(Ins ins, DocumentQuery query) {
        return async(() -> search(ins, query));
    }

    /**
     * Every matching document, pages fetched lazily as the stream is consumed. A service whose
     * {@code next} links loop, or that pages past the client's {@code maxPages}, ends the stream
     * with a {@link MalformedResponseException} instead of looping forever. An entry a service
     * repeats on a later page (paging by offset while the record changes) is given once.
     *
     * @param ins the patient's INS
     * @param query the query
     * @return the documents, in the service's order
     */
    public Stream<DocumentEntry> stream(Ins ins, DocumentQuery query) {
        Iterator<DocumentEntry> it = new Iterator<>() {
            private final Set<DocumentId> given = new HashSet<>();
            private DocumentPage page;
            private int index;
            private int pages;

            @Override
            public boolean hasNext() {
                if (page == null) {
                    page = search(ins, query);
                    pages = 1;
                }
                while (true) {
                    while (index >= page.entries().size() && page.hasNext()) {
                        if (++pages > core.maxPages()) {
                            throw new MalformedResponseException("the DMP's search goes past " + core.maxPages()
                                    + " pages", DmpException.Details.of("narrow the query (dates, types), or raise"
                                    + " maxPages if such a long answer is expected"), null);
                        }
                        page = page.next();
                        index = 0;
                    }
                    if (index >= page.entries().size()) {
                        return false;
                    }
                    // a service paging by offset while the record changes repeats an entry on the next page
                    if (!given.contains(page.entries().get(index).id())) {
                        return true;
                    }
                    index++;
                }
            }

            @Override
            public DocumentEntry next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                DocumentEntry entry = page.entries().get(index++);
                given.add(entry.id());
                return entry;
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL),
                false);
    }

    /**
     * @param ins the patient's INS
     * @param query the query
     * @return every matching document, every page read (see {@link #stream(Ins, DocumentQuery)})
     */
    public List<DocumentEntry> searchAll(Ins ins, DocumentQuery query) {
        try (Stream<DocumentEntry> s = stream(ins, query)) {
            return s.collect(Collectors.toUnmodifiableList());
        }
    }

    /**
     * @param ins the patient's INS
     * @param query the query
     * @return {@link #searchAll(Ins, DocumentQuery)} asynchronously
     */
    public CompletableFuture<List<DocumentEntry>> searchAllAsync(Ins ins, DocumentQuery query) {
        return async(() -> searchAll(ins, query));
    }

    /**
     * @param ins the patient's INS
     * @param uniqueId the unique id
     * @return the document with this uniqueId, if the DMP has it for this patient (TD3.1b); a
     *     signature entry too, since it is asked for by name
     */
    public Optional<DocumentEntry> findByUniqueId(Ins ins, String uniqueId) {
        core.checkOid(ins);
        return core.operations().findByUniqueId(ins, UniqueIds.normalise(uniqueId), caller)
                .map(e -> core.bind(e, ins));
    }

    /**
     * @param ins the patient's INS
     * @param uniqueId the unique id
     * @return {@link #findByUniqueId(Ins, String)} asynchronously
     */
    public CompletableFuture<Optional<DocumentEntry>> findByUniqueIdAsync(Ins ins, String uniqueId) {
        return async(() -> findByUniqueId(ins, uniqueId));
    }

    /**
     * Fetches a document's content (TD3.2) and checks its size and SHA-1 against the entry. By
     * default ({@link IntegrityPolicy#REQUIRE_SIZE_AND_HASH}) an entry that declares neither is
     * refused too: unchecked content never reaches the caller.
     *
     * @param entry the entry
     * @return the verified content
     * @throws IntegrityException if they do not match, or cannot be checked
     */
    public RetrievedDocument retrieve(DocumentEntry entry) {
        Ins ins = patientOf(entry);
        core.checkOid(ins);
        if (core.integrityPolicy() == IntegrityPolicy.REQUIRE_SIZE_AND_HASH
                && (entry.size().isEmpty() || entry.hash().isEmpty())) {
            throw integrity("the entry declares no " + (entry.size().isEmpty() ? "size" : "hash")
                    + ", so its content cannot be checked", Optional.empty());
        }
        RetrievedDocument doc = core.operations().retrieve(entry, caller);
        byte[] bytes = doc.bytes();
        if (entry.size().isPresent() && entry.size().get() != bytes.length) {
            throw integrity("size " + bytes.length + " differs from the declared " + entry.size().get(),
                    Optional.empty());
        }
        if (entry.hash().isPresent() && !entry.hash().get().equals(ContentHash.sha1Base64(bytes))) {
            throw integrity("SHA-1 differs from the declared hash", Optional.empty());
        }
        return doc;
    }

    /**
     * @param entry the entry
     * @return {@link #retrieve(DocumentEntry)} asynchronously
     */
    public CompletableFuture<RetrievedDocument> retrieveAsync(DocumentEntry entry) {
        return async(() -> retrieve(entry));
    }

    /**
     * @param entry the entry
     * @return the entry after masking it to other professionals (TD3.3a)
     */
    public DocumentEntry mask(DocumentEntry entry) {
        return update(entry, new MetadataUpdate.Mask(true));
    }

    /**
     * @param entry the entry
     * @return {@link #mask(DocumentEntry)} asynchronously
     */
    public CompletableFuture<DocumentEntry> maskAsync(DocumentEntry entry) {
        return async(() -> mask(entry));
    }

    /**
     * @param entry the entry
     * @return the entry after unmasking it (TD3.3a)
     */
    public DocumentEntry unmask(DocumentEntry entry) {
        return update(entry, new MetadataUpdate.Mask(false));
    }

    /**
     * @param entry the entry
     * @return {@link #unmask(DocumentEntry)} asynchronously
     */
    public CompletableFuture<DocumentEntry> unmaskAsync(DocumentEntry entry) {
        return async(() -> unmask(entry));
    }

    /**
     * Makes a document visible or invisible to the patient or to the legal representatives (TD3.3b).
     *
     * @param entry the entry
     * @param audience the audience
     * @param visible whether visible
     * @return the updated entry
     */
    public DocumentEntry setVisibility(DocumentEntry entry, Audience audience, boolean visible) {
        return update(entry, new MetadataUpdate.Visibility(audience, visible));
    }

    /**
     * @param entry the entry
     * @param audience the audience
     * @param visible whether visible
     * @return {@link #setVisibility(DocumentEntry, Audience, boolean)} asynchronously
     */
    public CompletableFuture<DocumentEntry> setVisibilityAsync(DocumentEntry entry, Audience audience,
            boolean visible) {
        return async(() -> setVisibility(entry, audience, visible));
    }

    /**
     * @param entry the entry
     * @return the entry after its logical deletion (TD3.3c; only the author may do it)
     */
    public DocumentEntry delete(DocumentEntry entry) {
        return update(entry, new MetadataUpdate.Delete());
    }

    /**
     * @param entry the entry
     * @return {@link #delete(DocumentEntry)} asynchronously
     */
    public CompletableFuture<DocumentEntry> deleteAsync(DocumentEntry entry) {
        return async(() -> delete(entry));
    }

    /**
     * @param entry the entry
     * @return the entry after archiving it (TD3.3d)
     */
    public DocumentEntry archive(DocumentEntry entry) {
        return update(entry, new MetadataUpdate.Archive(true));
    }

    /**
     * @param entry the entry
     * @return {@link #archive(DocumentEntry)} asynchronously
     */
    public CompletableFuture<DocumentEntry> archiveAsync(DocumentEntry entry) {
        return async(() -> archive(entry));
    }

    /**
     * @param entry the entry
     * @return the entry after unarchiving it (TD3.3d)
     */
    public DocumentEntry unarchive(DocumentEntry entry) {
        return update(entry, new MetadataUpdate.Archive(false));
    }

    /**
     * @param entry the entry
     * @return {@link #unarchive(DocumentEntry)} asynchronously
     */
    public CompletableFuture<DocumentEntry> unarchiveAsync(DocumentEntry entry) {
        return async(() -> unarchive(entry));
    }

    private DocumentPage page(Ins ins, TransportPage p, String current, SignatureEntries signatures) {
        List<DocumentEntry> entries = p.entries().stream().map(e -> core.bind(e, ins))
                .filter(e -> signatures == SignatureEntries.SHOW || !e.isSignature()).toList();
        return new DocumentPage(entries, p.total(), p.next(), p.warnings(), next -> {
            if (next.equals(current)) {
                throw new MalformedResponseException("the DMP's next link points to the page it came from",
                        DmpException.Details.of("report it to the DMP support; the search cannot go further"), null);
            }
            return page(ins, core.operations().page(ins, next, caller), next, signatures);
        });
    }

    private DocumentEntry update(DocumentEntry entry, MetadataUpdate change) {
        Ins ins = patientOf(entry);
        core.checkOid(ins);
        DocumentEntry updated = core.bind(core.operations().update(entry, change, caller), ins);
        core.caches().search().ifPresent(c -> c.invalidateAll());
        return updated;
    }

    private static Ins patientOf(DocumentEntry entry) {
        return entry.patient().orElseThrow(() -> new InvalidInputException("the entry of document "
                + entry.uniqueId() + " is not bound to a patient",
                "use an entry returned by search() or findByUniqueId()"));
    }

    private static IntegrityException integrity(String what, Optional<String> requestId) {
        return new IntegrityException("the retrieved document does not match its metadata: " + what,
                new DmpException.Details(false,
                        "do not use this content; retrieve it again and report the request id if it persists",
                        Optional.empty(), requestId, List.of()), null);
    }

    private <T> CompletableFuture<T> async(Supplier<T> call) {
        return CompletableFuture.supplyAsync(call, core.executor());
    }
}
