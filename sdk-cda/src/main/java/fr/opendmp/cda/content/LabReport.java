package fr.opendmp.cda.content;

import fr.opendmp.cda.content.internal.DocumentWalk;
import fr.opendmp.cda.content.internal.Kinds;
import fr.opendmp.cda.content.internal.LabParser;
import fr.opendmp.cda.read.CdaDocument;
import java.util.List;
import java.util.Set;

/**
 * The results of a structured compte rendu d'examens biologiques (CR-BIO, type {@code 11502-2},
 * XD-LAB): every observation of every laboratory entry, batteries and isolates flattened in
 * document order. A result whose value type is not read or that has no value is listed in
 * {@link #unreadable()}. An N1 biology report (PDF) is read by {@link EmbeddedDocument}.
 *
 * <pre>{@code
 * LabReport lab = LabReport.read(CdaReader.read(bytes));
 * LabResult tsh = lab.results().get(0);
 * tsh.loinc();           // Optional[3016-3]
 * tsh.value();           // Measured[Quantity 1.950 m[IU]/L]
 * }</pre>
 *
 * @param results the results, in document order
 * @param unreadable what could not be read, and why
 */
public record LabReport(List<LabResult> results, List<Unreadable> unreadable) implements ClinicalContent {

    /**
     * Copies the lists.
     *
     * @param results the results
     * @param unreadable the unreadable
     */
    public LabReport {
        results = List.copyOf(results);
        unreadable = List.copyOf(unreadable);
    }

    /**
     * Reads a structured biology report.
     *
     * @param cda a document read by {@link fr.opendmp.cda.read.CdaReader}
     * @return its results
     * @throws ContentKindException if it is not a structured CR de biologie (an N1 one included)
     */
    public static LabReport read(CdaDocument cda) {
        Kinds.require(cda, "structured CR de biologie (11502-2)", Set.of(Kinds.LAB));
        return DocumentWalk.walk(cda, LabParser::parse);
    }

    /** Masked: counts only. */
    @Override
    public String toString() {
        return "LabReport[results=" + results.size() + ", unreadable=" + unreadable.size() + "]";
    }
}
