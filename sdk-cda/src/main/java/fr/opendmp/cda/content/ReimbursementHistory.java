package fr.opendmp.cda.content;

import fr.opendmp.cda.content.internal.DocumentWalk;
import fr.opendmp.cda.content.internal.Kinds;
import fr.opendmp.cda.content.internal.ReimbursementParser;
import fr.opendmp.cda.read.CdaDocument;
import java.util.List;
import java.util.Set;

/**
 * The historique de remboursements the Assurance Maladie feeds into the DMP (CNAM-HR 2021.01, type
 * {@code REMB}): dispensed medicines and vaccines, medical devices, hospital stays and acts, with
 * their dates. A category the document says nothing is known of ({@code no-known-*} entries) is
 * listed in {@link #nothingKnown()} rather than read as an item.
 *
 * <pre>{@code
 * ReimbursementHistory remb = ReimbursementHistory.read(CdaReader.read(bytes));
 * remb.medicines().forEach(m -> show(m.label(), m.date()));
 * }</pre>
 *
 * @param items every line, in document order
 * @param nothingKnown the categories the document declares empty
 * @param unreadable what could not be read, and why
 */
public record ReimbursementHistory(List<Reimbursed> items, List<Reimbursed.Category> nothingKnown,
        List<Unreadable> unreadable) implements ClinicalContent {

    /**
     * Copies the lists.
     *
     * @param items the items
     * @param nothingKnown the nothing known
     * @param unreadable the unreadable
     */
    public ReimbursementHistory {
        items = List.copyOf(items);
        nothingKnown = List.copyOf(nothingKnown);
        unreadable = List.copyOf(unreadable);
    }

    /**
     * Reads a reimbursement history.
     *
     * @param cda a document read by {@link fr.opendmp.cda.read.CdaReader}
     * @return its lines
     * @throws ContentKindException if it is not a structured REMB document
     */
    public static ReimbursementHistory read(CdaDocument cda) {
        Kinds.require(cda, "historique de remboursements (REMB)", Set.of(Kinds.REMB));
        return DocumentWalk.walk(cda, ReimbursementParser::parse);
    }

    /**
     * @param category the category
     * @return the lines of one category, in document order
     */
    public List<Reimbursed> of(Reimbursed.Category category) {
        return items.stream().filter(i -> i.category() == category).toList();
    }

    /** @return the dispensed medicines */
    public List<Reimbursed> medicines() {
        return of(Reimbursed.Category.MEDICINE);
    }

    /** @return the acts */
    public List<Reimbursed> acts() {
        return of(Reimbursed.Category.ACT);
    }

    /** Masked: counts only. */
    @Override
    public String toString() {
        return "ReimbursementHistory[items=" + items.size() + ", nothingKnown=" + nothingKnown + ", unreadable="
                + unreadable.size() + "]";
    }
}
