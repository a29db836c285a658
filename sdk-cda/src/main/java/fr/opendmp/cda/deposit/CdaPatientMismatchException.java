package fr.opendmp.cda.deposit;

import fr.opendmp.core.error.DmpClientException;
import java.util.List;

/**
 * A CDA document names another patient than the deposit's qualified identity (code
 * {@code CDA_PATIENT_MISMATCH}): depositing it would file one patient's document in another
 * patient's DMP. Raised before anything is built or sent.
 *
 * <p>Client side, not retryable. {@link #fields()} says which parts of the identity differ; the
 * message names those parts and the position of the document, never a value (no INS, name or
 * birth date).
 */
public final class CdaPatientMismatchException extends DmpClientException {

    /** The error code. */
    public static final String CODE = "CDA_PATIENT_MISMATCH";

    private static final long serialVersionUID = 1L;

    /** Serialized: see {@link #documentIndex()}. */
    private final int documentIndex;
    /** Serialized: see {@link #fields()}. */
    private final List<PatientField> fields;

    /**
     * @param documentIndex the position of the document in the deposit (0 for the first)
     * @param fields the parts of the identity that differ (at least one)
     */
    public CdaPatientMismatchException(int documentIndex, List<PatientField> fields) {
        super(CODE + ": CDA document #" + (documentIndex + 1) + " names another patient than the deposit ("
                + (fields.isEmpty() ? "unknown" : fields.toString()) + " differ)",
                Details.of("deposit the document in the DMP of the patient its header names, or rebuild it from"
                        + " this patient's qualified identity; never change an identity to make it match"), null);
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("a mismatch names at least one field");
        }
        this.documentIndex = documentIndex;
        this.fields = List.copyOf(fields);
    }

    /** @return the position of the document in the deposit (0 for the first) */
    public int documentIndex() {
        return documentIndex;
    }

    /** @return the parts of the identity that differ, in {@link PatientField} order */
    public List<PatientField> fields() {
        return fields;
    }
}
