package fr.opendmp.cda.content;

import fr.opendmp.cda.content.internal.DocumentWalk;
import fr.opendmp.cda.content.internal.ImagingParser;
import fr.opendmp.cda.content.internal.Kinds;
import fr.opendmp.cda.read.CdaDocument;
import java.util.List;
import java.util.Set;

/**
 * The study references of a structured compte rendu d'imagerie (CR-IMG 2024.01, LOINC
 * {@code 18748-4}): every study of its DICOM object catalogues (section DCM {@code 121181}), with
 * series, instances and the addresses to reach the images at the source. A structured CR without a
 * catalogue is read as no study, listed in {@link #unreadable()}.
 *
 * @param studies the studies, in document order
 * @param unreadable what could not be read, and why
 */
public record ImagingReport(List<ImagingStudy> studies, List<Unreadable> unreadable) implements ClinicalContent {

    /**
     * Copies the lists.
     *
     * @param studies the studies
     * @param unreadable the unreadable
     */
    public ImagingReport {
        studies = List.copyOf(studies);
        unreadable = List.copyOf(unreadable);
    }

    /**
     * Reads a structured imaging report.
     *
     * @param cda a document read by {@link fr.opendmp.cda.read.CdaReader}
     * @return its study references
     * @throws ContentKindException if it is not a structured CR d'imagerie
     */
    public static ImagingReport read(CdaDocument cda) {
        Kinds.require(cda, "structured CR d'imagerie (18748-4)", Set.of(Kinds.IMAGING));
        return DocumentWalk.walk(cda, ImagingParser::parse);
    }

    /** Masked: counts only. */
    @Override
    public String toString() {
        return "ImagingReport[studies=" + studies.size() + ", unreadable=" + unreadable.size() + "]";
    }
}
