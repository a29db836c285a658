package fr.opendmp.cda.content;

import fr.opendmp.cda.content.internal.DocumentWalk;
import fr.opendmp.cda.content.internal.Kinds;
import fr.opendmp.cda.content.internal.VaccinationParser;
import fr.opendmp.cda.read.CdaDocument;
import java.util.List;
import java.util.Set;

/**
 * The vaccinations of a note de vaccination (VAC-NOTE, LOINC {@code 87273-9}) or of the
 * historique des vaccinations the DMP consolidates from them (VAC, {@code 11369-6}): every
 * FR-Vaccination entry of the vaccinations section, in document order.
 *
 * <pre>{@code
 * VaccinationRecord vac = VaccinationRecord.read(CdaReader.read(bytes));
 * vac.vaccinations().get(0).lot();   // Optional[4456672]
 * }</pre>
 *
 * @param history whether the document is the consolidated history (VAC) rather than a note
 * @param vaccinations the vaccinations, in document order
 * @param unreadable what could not be read, and why
 */
public record VaccinationRecord(boolean history, List<Vaccination> vaccinations, List<Unreadable> unreadable)
        implements ClinicalContent {

    /**
     * Copies the lists.
     *
     * @param history the history
     * @param vaccinations the vaccinations
     * @param unreadable the unreadable
     */
    public VaccinationRecord {
        vaccinations = List.copyOf(vaccinations);
        unreadable = List.copyOf(unreadable);
    }

    /**
     * Reads a note de vaccination or a vaccination history.
     *
     * @param cda a document read by {@link fr.opendmp.cda.read.CdaReader}
     * @return its vaccinations
     * @throws ContentKindException if it is neither
     */
    public static VaccinationRecord read(CdaDocument cda) {
        Kinds.require(cda, "note de vaccination (87273-9) or historique des vaccinations (11369-6)",
                Set.of(Kinds.VAC_NOTE, Kinds.VAC_HISTORY));
        boolean history = Kinds.typeCode(cda).filter(Kinds.VAC_HISTORY::equals).isPresent();
        return DocumentWalk.walk(cda, (root, x) -> VaccinationParser.parse(root, x, history));
    }

    /** Masked: counts only. */
    @Override
    public String toString() {
        return "VaccinationRecord[" + (history ? "history" : "note") + ", vaccinations=" + vaccinations.size()
                + ", unreadable=" + unreadable.size() + "]";
    }
}
