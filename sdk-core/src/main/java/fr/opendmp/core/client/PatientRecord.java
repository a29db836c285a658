package fr.opendmp.core.client;

import fr.opendmp.core.access.AccessStatus;
import fr.opendmp.core.code.Code;
import fr.opendmp.core.document.DocumentEntry;
import fr.opendmp.core.document.RetrievedDocument;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A patient's DMP as one caller sees it when opening the record: the access status, the current
 * documents newest first (each replaced or re-versioned document folded into its current version),
 * grouped by class and type, what is new since the caller's last visit, and the contents of the
 * newest documents, fetched in parallel while the record was opened. Contents are kept by this
 * object only (never in a cache shared with other callers). Thread-safe.
 *
 * <pre>{@code
 * PatientRecord record = dmp.as(caller).openRecord(ins, RecordOptions.builder().lastVisit(stored).build());
 * record.sinceLastVisit().forEach(...);            // added or replaced since
 * store(record.marker());                          // for the next visit
 * RetrievedDocument vsm = record.content(record.documents().get(0)).join();   // already fetched
 * }</pre>
 */
public final class PatientRecord {

    private final AccessStatus access;
    private final List<DocumentEntry> documents;
    private final List<DocumentEntry> sinceLastVisit;
    private final Map<String, CompletableFuture<RetrievedDocument>> contents;
    private final Function<DocumentEntry, CompletableFuture<RetrievedDocument>> fetch;

    PatientRecord(AccessStatus access, List<DocumentEntry> documents, List<DocumentEntry> sinceLastVisit,
            Map<String, CompletableFuture<RetrievedDocument>> prefetched,
            Function<DocumentEntry, CompletableFuture<RetrievedDocument>> fetch) {
        this.access = Objects.requireNonNull(access, "access");
        this.documents = List.copyOf(documents);
        this.sinceLastVisit = List.copyOf(sinceLastVisit);
        this.contents = new java.util.concurrent.ConcurrentHashMap<>(prefetched);
        this.fetch = fetch;
    }

    /** @return the DMP's state and the caller's rights (TD0.2), asked in parallel with the search */
    public AccessStatus access() {
        return access;
    }

    /** @return the current documents, newest first (by creation time) */
    public List<DocumentEntry> documents() {
        return documents;
    }

    /** @return the documents grouped by class, then by type, groups in order of their newest document */
    public Map<Code, Map<Code, List<DocumentEntry>>> byClassAndType() {
        Map<Code, Map<Code, List<DocumentEntry>>> groups = new LinkedHashMap<>();
        for (DocumentEntry e : documents) {
            groups.computeIfAbsent(e.metadata().classCode(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(e.type(), k -> new java.util.ArrayList<>()).add(e);
        }
        groups.replaceAll((k, v) -> {
            v.replaceAll((t, list) -> List.copyOf(list));
            return java.util.Collections.unmodifiableMap(v);
        });
        return java.util.Collections.unmodifiableMap(groups);
    }

    /** @return the documents added or replaced since the marker given, newest first; all of them without one */
    public List<DocumentEntry> sinceLastVisit() {
        return sinceLastVisit;
    }

    /** @return the marker of this visit, to store per patient and caller and give back next time */
    public VisitMarker marker() {
        return VisitMarker.of(documents);
    }

    /**
     * @param entry one of {@link #documents()}
     * @return its content, size and hash checked: already under way for the newest, fetched on
     *     demand (once) for the others
     */
    public CompletableFuture<RetrievedDocument> content(DocumentEntry entry) {
        Objects.requireNonNull(entry, "entry");
        return contents.computeIfAbsent(entry.uniqueId(), k -> fetch.apply(entry));
    }

    /**
     * @param entry one of {@link #documents()}
     * @return its content if its fetch has completed successfully
     */
    public Optional<RetrievedDocument> contentIfReady(DocumentEntry entry) {
        CompletableFuture<RetrievedDocument> f = contents.get(entry.uniqueId());
        return f != null && f.isDone() && !f.isCompletedExceptionally() ? Optional.of(f.join()) : Optional.empty();
    }

    /** @return counts only: a record holds health data */
    @Override
    public String toString() {
        return "PatientRecord[" + documents.size() + " documents, " + sinceLastVisit.size() + " new, access "
                + access.state() + "]";
    }
}
