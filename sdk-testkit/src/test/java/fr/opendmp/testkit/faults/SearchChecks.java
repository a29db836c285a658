package fr.opendmp.testkit.faults;

import fr.opendmp.core.document.DocumentEntry;
import fr.opendmp.core.ins.Ins;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What one thread's search answer must respect under load, whatever the faults: the workloads' one check. */
final class SearchChecks {

    private SearchChecks() {
    }

    /**
     * @param found the documents a search of the thread's patient returned
     * @param ins the thread's patient
     * @param current the uniqueIds the thread deposited and knows current
     * @param replaced the uniqueIds the thread replaced
     * @param violations where each broken rule is written
     */
    static void check(List<DocumentEntry> found, Ins ins, Collection<String> current, Set<String> replaced,
            Collection<String> violations) {
        Set<String> seen = new HashSet<>();
        for (DocumentEntry e : found) {
            if (!seen.add(e.uniqueId())) {
                violations.add("a search returned a document twice");
            }
            if (e.patient().isPresent() && !e.patient().get().equals(ins)) {
                violations.add("a search returned a document of another patient");
            }
            if (replaced.contains(e.uniqueId())) {
                violations.add("a search returned a replaced document as current");
            }
        }
        if (!seen.containsAll(current)) {
            violations.add("a search missed a document its thread had deposited");
        }
    }
}
