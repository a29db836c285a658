package fr.opendmp.cda.content;

import fr.opendmp.cda.content.internal.Kinds;
import fr.opendmp.cda.read.CdaDocument;
import java.util.List;

/**
 * The typed content of a document a consulting doctor looks for first, one record type per kind.
 * {@link #read(CdaDocument)} picks the reader from the document type: any N1 document →
 * {@link EmbeddedDocument}; {@code SYNTH} → {@link MedicalSummary}; {@code 11502-2} →
 * {@link LabReport}; {@code 87273-9} / {@code 11369-6} → {@link VaccinationRecord}; {@code REMB} →
 * {@link ReimbursementHistory}; {@code 18748-4} → {@link ImagingReport}.
 */
public sealed interface ClinicalContent permits MedicalSummary, LabReport, VaccinationRecord, EmbeddedDocument,
        ReimbursementHistory, ImagingReport {

    /** @return what the reader found but could not read, and why (empty when everything was read) */
    List<Unreadable> unreadable();

    /**
     * Reads a document with the reader of its kind.
     *
     * @param cda a document read by {@link fr.opendmp.cda.read.CdaReader}
     * @return its typed content
     * @throws ContentKindException if no reader knows this kind of document
     */
    static ClinicalContent read(CdaDocument cda) {
        if (cda.isN1()) {
            return EmbeddedDocument.read(cda);
        }
        String type = Kinds.typeCode(cda).orElse("");
        return switch (type) {
            case Kinds.SYNTH -> MedicalSummary.read(cda);
            case Kinds.LAB -> LabReport.read(cda);
            case Kinds.VAC_NOTE, Kinds.VAC_HISTORY -> VaccinationRecord.read(cda);
            case Kinds.REMB -> ReimbursementHistory.read(cda);
            case Kinds.IMAGING -> ImagingReport.read(cda);
            default -> throw new ContentKindException("document of a kind the typed readers know", Kinds.describe(cda));
        };
    }
}
