package fr.opendmp.core.client;

import fr.opendmp.core.access.AccessStatus;
import fr.opendmp.core.caller.Caller;
import fr.opendmp.core.client.internal.ClientCore;
import fr.opendmp.core.document.DocumentEntry;
import fr.opendmp.core.document.RetrievedDocument;
import fr.opendmp.core.ins.Ins;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Opens a patient's record in two round trips of the critical path: the access check and the
 * search at once, then the newest contents at once, all on the client's bounded executor.
 */
final class RecordOpening {

    private static final Comparator<DocumentEntry> NEWEST_FIRST = Comparator
            .comparing((DocumentEntry e) -> e.metadata().creationTime()).reversed()
            .thenComparing(DocumentEntry::uniqueId);

    private RecordOpening() {
    }

    static CompletableFuture<PatientRecord> open(ClientCore core, DmpDocuments documents, Caller caller, Ins ins,
            RecordOptions options) {
        CompletableFuture<AccessStatus> access = CompletableFuture.supplyAsync(() -> core.access(ins, caller),
                core.executor());
        CompletableFuture<List<DocumentEntry>> listed = CompletableFuture.supplyAsync(
                () -> documents.searchAll(ins, options.query()), core.executor());
        return listed.thenCombine(access, (entries, status) -> {
            List<DocumentEntry> current = fold(entries);
            List<DocumentEntry> fresh = options.lastVisit().map(m -> m.unseen(current)).orElse(current);
            Map<String, CompletableFuture<RetrievedDocument>> prefetched = new LinkedHashMap<>();
            for (DocumentEntry e : current.subList(0, Math.min(options.prefetch(), current.size()))) {
                prefetched.put(e.uniqueId(), documents.retrieveAsync(e));
            }
            return new PatientRecord(status, current, fresh, prefetched, documents::retrieveAsync);
        });
    }

    /** One entry per logical document: the newest version of each logicalId; newest first. */
    static List<DocumentEntry> fold(List<DocumentEntry> entries) {
        Map<String, DocumentEntry> byLogicalId = new LinkedHashMap<>();
        List<DocumentEntry> out = new ArrayList<>();
        for (DocumentEntry e : entries) {
            Optional<String> lid = e.logicalId();
            if (lid.isEmpty()) {
                out.add(e);
            } else {
                byLogicalId.merge(lid.get(), e, (a, b) -> version(b) > version(a) ? b : a);
            }
        }
        out.addAll(byLogicalId.values());
        out.sort(NEWEST_FIRST);
        return out;
    }

    private static long version(DocumentEntry e) {
        try {
            return e.versionId().map(Long::parseLong).orElse(0L);
        } catch (NumberFormatException notANumber) {
            return e.lastUpdated().map(t -> t.toInstant().toEpochMilli()).orElse(0L);
        }
    }
}
