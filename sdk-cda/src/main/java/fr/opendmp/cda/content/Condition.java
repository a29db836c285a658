package fr.opendmp.cda.content;

import fr.opendmp.core.code.Code;
import java.util.Objects;
import java.util.Optional;

/**
 * A pathology or antecedent read from a problem entry (FR-Probleme): its coded value (CIM-10,
 * SNOMED CT…), the text shown to the reader and its period.
 *
 * @param code the coded problem, if coded
 * @param label the text (original text through the narrative, else the display name), if any
 * @param start when it began, if known
 * @param end when it ended, if it did
 * @param status the concern's {@code statusCode} (e.g. {@code active}, {@code completed}), if any
 */
public record Condition(Optional<Code> code, Optional<String> label, Optional<ClinicalTime> start,
        Optional<ClinicalTime> end, Optional<String> status) {

    /**
     * Checks presence; a condition has a code or a label.
     *
     * @param code the code
     * @param label the label
     * @param start the start
     * @param end the end
     * @param status the status
     */
    public Condition {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(status, "status");
        if (code.isEmpty() && label.isEmpty()) {
            throw new IllegalArgumentException("a condition needs a code or a label");
        }
    }

    /** Masked: which parts are present, never their value. */
    @Override
    public String toString() {
        return "Condition[" + (code.isPresent() ? "code ***" : "no code") + (label.isPresent() ? ", label ***" : "")
                + (start.isPresent() ? ", dates ***" : "") + "]";
    }
}
