package fr.opendmp.core.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import fr.opendmp.core.access.AccessContext;
import fr.opendmp.core.client.internal.Caches;
import fr.opendmp.core.client.internal.DepositService;
import fr.opendmp.core.client.internal.DmpCalls;
import fr.opendmp.core.client.internal.Errors;
import fr.opendmp.core.client.internal.Lookup;
import fr.opendmp.core.client.internal.QueryEncoder;
import fr.opendmp.core.document.Audience;
import fr.opendmp.core.document.Deposit;
import fr.opendmp.core.document.DepositReceipt;
import fr.opendmp.core.document.DocumentEntry;
import fr.opendmp.core.document.DocumentId;
import fr.opendmp.core.document.RetrievedDocument;
import fr.opendmp.core.document.Visibility;
import fr.opendmp.core.ins.Ins;
import fr.opendmp.core.search.DocumentPage;
import fr.opendmp.core.search.DocumentQuery;
import fr.opendmp.core.transport.fhir.DocumentReferenceReader;
import fr.opendmp.core.transport.fhir.DocumentReferenceWriter;
import fr.opendmp.core.transport.fhir.FhirJson;
import fr.opendmp.core.transport.fhir.MetadataPatches;
import fr.opendmp.core.transport.fhir.SearchsetReader;
import fr.opendmp.core.transport.http.HttpResult;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Document operations of a {@link DmpClient} in one access mode: deposit (TD2), replace (TD2.1),
 * search (TD3.1), retrieve (TD3.2), mask/visibility/delete/archive (TD3.3). Obtain it with
 * {@link DmpClient#documents()} (normal mode) or {@link DmpClient#documents(AccessContext)} (bris de
 * glace with its reason, centre de régulation): the mode travels in the credential, never in the URL.
 * Thread-safe; every call has a {@code …Async} variant.
 */
public final class DmpDocuments {

    private final DmpCalls calls;
    private final Lookup lookup;
    private final DepositService deposits;
    private final Caches caches;
    private final AccessContext access;
    private final Executor executor;

    DmpDocuments(DmpCalls calls, Lookup lookup, DepositService deposits, Caches caches, AccessContext access,
            Executor executor) {
        this.calls = calls;
        this.lookup = lookup;
        this.deposits = deposits;
        this.caches = caches;
        this.access = access;
        this.executor = executor;
    }

    /** @return the access mode of these operations */
    public AccessContext access() {
        return access;
    }

    /**
     * Deposits one document (ITI-105) or several / a folder (ITI-65). The identity must be qualified:
     * this is checked before anything is sent. A lost answer is followed by a lookup by uniqueId, so a
     * retry never stores a second copy.
     *
     * @return the receipt
     * @throws fr.opendmp.core.ins.IdentityNotQualifiedException if the identity is not qualified
     * @throws DmpException for any refusal or failure
     */
    public DepositReceipt deposit(Deposit deposit) {
        return deposits.deposit(deposit, Optional.empty(), access);
    }

    /** @return {@link #deposit(Deposit)} asynchronously */
    public CompletableFuture<DepositReceipt> depositAsync(Deposit deposit) {
        return async(() -> deposit(deposit));
    }

    /**
     * Replaces document {@code old} by the single document of {@code replacement} (TD2.1: ITI-65 with
     * {@code relatesTo replaces} and the patch superseding {@code old}).
     *
     * @return the receipt of the new document
     */
    public DepositReceipt replace(DocumentId old, Deposit replacement) {
        if (replacement.documents().size() != 1) {
            throw Errors.invalid("a replacement carries exactly one document",
                    "deposit the other documents separately");
        }
        return deposits.deposit(replacement, Optional.of(old), access);
    }

    /** @return {@link #replace(DocumentId, Deposit)} asynchronously */
    public CompletableFuture<DepositReceipt> replaceAsync(DocumentId old, Deposit replacement) {
        return async(() -> replace(old, replacement));
    }

    /** @return the first page of documents matching the query (TD3.1a) */
    public DocumentPage search(Ins ins, DocumentQuery query) {
        return page(ins, QueryEncoder.search(ins, query));
    }

    /** @return {@link #search(Ins, DocumentQuery)} asynchronously */
    public CompletableFuture<DocumentPage> searchAsync(Ins ins, DocumentQuery query) {
        return async(() -> search(ins, query));
    }

    /** @return every matching document, pages fetched lazily as the stream is consumed */
    public Stream<DocumentEntry> stream(Ins ins, DocumentQuery query) {
        Iterator<DocumentEntry> it = new Iterator<>() {
            private DocumentPage page;
            private int index;

            @Override
            public boolean hasNext() {
                if (page == null) {
                    page = search(ins, query);
                }
                while (index >= page.entries().size() && page.hasNext()) {
                    page = page.next();
                    index = 0;
                }
                return index < page.entries().size();
            }

            @Override
            public DocumentEntry next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.entries().get(index++);
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL),
                false);
    }

    /** @return the document with this uniqueId, if the DMP has it for this patient (TD3.1b) */
    public Optional<DocumentEntry> findByUniqueId(Ins ins, String uniqueId) {
        return lookup.byUniqueId(ins, fr.opendmp.core.document.UniqueIds.normalise(uniqueId), access);
    }

    /**
     * Fetches a document's content (TD3.2) and checks its size and SHA-1 against the entry.
     *
     * @throws IntegrityException if they do not match
     */
    public RetrievedDocument retrieve(DocumentEntry entry) {
        Ins ins = patientOf(entry);
        String url = entry.url();
        if (url.startsWith("urn:")) {
            throw Errors.invalid("document " + entry.uniqueId() + " has no retrievable URL",
                    "this caller may only see metadata (TD3.1b); retrieve needs the consultation profile");
        }
        boolean fhirDocument = url.startsWith("Bundle/") || url.contains("/Bundle/");
        String accept = fhirDocument ? FhirJson.FHIR_JSON : entry.metadata().contentType();
        HttpResult r = calls.call("retrieve a document", "GET", calls.resolve(url), ins, access, Optional.empty(), "",
                accept, true, calls.config().maxDocumentBytes());
        byte[] bytes = r.body();
        if (entry.size().isPresent() && entry.size().get() != bytes.length) {
            throw integrity("size " + bytes.length + " differs from the declared " + entry.size().get(), r);
        }
        if (entry.hash().isPresent() && !entry.hash().get().equals(DocumentReferenceWriter.sha1Base64(bytes))) {
            throw integrity("SHA-1 differs from the declared hash", r);
        }
        return new RetrievedDocument(entry, r.contentType().orElse(accept), bytes);
    }

    /** @return {@link #retrieve(DocumentEntry)} asynchronously */
    public CompletableFuture<RetrievedDocument> retrieveAsync(DocumentEntry entry) {
        return async(() -> retrieve(entry));
    }

    /** @return the entry after masking it to other professionals (TD3.3a) */
    public DocumentEntry mask(DocumentEntry entry) {
        return update("mask a document", entry, dr -> MetadataPatches.visibility(dr, Visibility.MASQUE_PS, true));
    }

    /** @return {@link #mask(DocumentEntry)} asynchronously */
    public CompletableFuture<DocumentEntry> maskAsync(DocumentEntry entry) {
        return async(() -> mask(entry));
    }

    /** @return the entry after unmasking it (TD3.3a) */
    public DocumentEntry unmask(DocumentEntry entry) {
        return update("unmask a document", entry, dr -> MetadataPatches.visibility(dr, Visibility.MASQUE_PS, false));
    }

    /** @return {@link #unmask(DocumentEntry)} asynchronously */
    public CompletableFuture<DocumentEntry> unmaskAsync(DocumentEntry entry) {
        return async(() -> unmask(entry));
    }

    /**
     * Makes a document visible or invisible to the patient or to the legal representatives (TD3.3b).
     *
     * @return the updated entry
     */
    public DocumentEntry setVisibility(DocumentEntry entry, Audience audience, boolean visible) {
        return update("change a document's visibility", entry,
                dr -> MetadataPatches.visibility(dr, audience.hiddenFlag(), !visible));
    }

    /** @return {@link #setVisibility(DocumentEntry, Audience, boolean)} asynchronously */
    public CompletableFuture<DocumentEntry> setVisibilityAsync(DocumentEntry entry, Audience audience,
            boolean visible) {
        return async(() -> setVisibility(entry, audience, visible));
    }

    /** @return the entry after its logical deletion (TD3.3c; only the author may do it) */
    public DocumentEntry delete(DocumentEntry entry) {
        return update("delete a document", entry,
                dr -> MetadataPatches.status(calls.config().deleteStrategy().wire()));
    }

    /** @return {@link #delete(DocumentEntry)} asynchronously */
    public CompletableFuture<DocumentEntry> deleteAsync(DocumentEntry entry) {
        return async(() -> delete(entry));
    }

    /** @return the entry after archiving it (TD3.3d) */
    public DocumentEntry archive(DocumentEntry entry) {
        return update("archive a document", entry, dr -> MetadataPatches.archived(dr, true));
    }

    /** @return {@link #archive(DocumentEntry)} asynchronously */
    public CompletableFuture<DocumentEntry> archiveAsync(DocumentEntry entry) {
        return async(() -> archive(entry));
    }

    /** @return the entry after unarchiving it (TD3.3d) */
    public DocumentEntry unarchive(DocumentEntry entry) {
        return update("unarchive a document", entry, dr -> MetadataPatches.archived(dr, false));
    }

    /** @return {@link #unarchive(DocumentEntry)} asynchronously */
    public CompletableFuture<DocumentEntry> unarchiveAsync(DocumentEntry entry) {
        return async(() -> unarchive(entry));
    }

    private DocumentPage page(Ins ins, String url) {
        SearchsetReader.Page p = caches.search()
                .map(c -> c.get(new Caches.Key(ins.fhirIdentifier(), access, url),
                        k -> lookup.page("search documents", url, ins, access)))
                .orElseGet(() -> lookup.page("search documents", url, ins, access));
        return new DocumentPage(p.entries().stream().map(e -> e.withPatient(ins)).toList(), p.total(), p.next(),
                p.warnings(), next -> page(ins, next));
    }

    private DocumentEntry update(String operation, DocumentEntry entry, Function<JsonNode, ArrayNode> patchOf) {
        Ins ins = patientOf(entry);
        JsonNode current = current(operation, ins, entry);
        ArrayNode patch = patchOf.apply(current);
        if (patch.isEmpty()) {
            return DocumentReferenceReader.read(current).withPatient(ins);
        }
        HttpResult r = calls.call(operation, "PATCH", calls.resolve(QueryEncoder.conditional(entry.uniqueId())), ins,
                access, Optional.of(FhirJson.bytes(patch)), "application/json-patch+json", FhirJson.FHIR_JSON, false,
                calls.config().maxResponseBytes());
        caches.search().ifPresent(c -> c.invalidateAll());
        if (r.body().length == 0) {
            return DocumentReferenceReader.read(current(operation, ins, entry)).withPatient(ins);
        }
        try {
            return DocumentReferenceReader.read(DmpCalls.json(r)).withPatient(ins);
        } catch (DmpException e) {
            throw DmpCalls.withRequestId(e, r);
        }
    }

    private JsonNode current(String operation, Ins ins, DocumentEntry entry) {
        try {
            return calls.getJson(operation + " (read it first)",
                    calls.resolve("DocumentReference/" + entry.id().entryUuid()), ins, access);
        } catch (NotFoundException e) {
            SearchsetReader.Page page = lookup.page(operation + " (find it by uniqueId)",
                    QueryEncoder.byUniqueId(ins, entry.uniqueId()), ins, access);
            if (page.entries().isEmpty()) {
                throw e;
            }
            return calls.getJson(operation + " (read it first)",
                    calls.resolve("DocumentReference/" + page.entries().get(0).id().entryUuid()), ins, access);
        }
    }

    private static Ins patientOf(DocumentEntry entry) {
        return entry.patient().orElseThrow(() -> Errors.invalid("the entry of document " + entry.uniqueId()
                + " is not bound to a patient", "use an entry returned by search() or findByUniqueId()"));
    }

    private static IntegrityException integrity(String what, HttpResult r) {
        return new IntegrityException("the retrieved document does not match its metadata: " + what,
                new DmpException.Details(DmpException.Side.SERVICE, false,
                        "do not use this content; retrieve it again and report the request id if it persists",
                        Optional.of(r.status()), Optional.of(r.requestId()), java.util.List.of()), null);
    }

    private <T> CompletableFuture<T> async(Supplier<T> call) {
        return CompletableFuture.supplyAsync(call, executor);
    }
}
