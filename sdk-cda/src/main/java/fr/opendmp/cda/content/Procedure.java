package fr.opendmp.cda.content;

import fr.opendmp.core.code.Code;
import java.util.Objects;
import java.util.Optional;

/**
 * A procedure (surgical antecedent, act) read from a {@code procedure} entry.
 *
 * @param code the act code (CCAM…), if coded
 * @param label the text, if any
 * @param date when it was done, if known
 */
public record Procedure(Optional<Code> code, Optional<String> label, Optional<ClinicalTime> date) {

    /**
     * Checks presence; a procedure has a code or a label.
     *
     * @param code the code
     * @param label the label
     * @param date the date
     */
    public Procedure {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(date, "date");
        if (code.isEmpty() && label.isEmpty()) {
            throw new IllegalArgumentException("a procedure needs a code or a label");
        }
    }

    /** Masked: which parts are present, never their value. */
    @Override
    public String toString() {
        return "Procedure[" + (code.isPresent() ? "code ***" : "no code") + (date.isPresent() ? ", date ***" : "")
                + "]";
    }
}
