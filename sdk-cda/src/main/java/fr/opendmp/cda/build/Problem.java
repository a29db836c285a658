package fr.opendmp.cda.build;

import fr.opendmp.core.code.Code;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A pathology, antecedent or procedure for the narrative of a section.
 *
 * @param label the text shown to the reader
 * @param code a code (CIM-10, SNOMED CT, CCAM…), if known
 * @param start when it began, if known
 * @param end when it ended, if it did
 */
public record Problem(String label, Optional<Code> code, Optional<LocalDate> start, Optional<LocalDate> end) {

    /**
     * Checks every part.
     * @param label the text shown to the reader
     * @param code a code (CIM-10, SNOMED CT, CCAM…), if known
     * @param start when it began, if known
     * @param end when it ended, if it did
     */
    public Problem {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (label.isBlank()) {
            throw new IllegalArgumentException("a problem needs a label");
        }
    }

    /**
     * @param label the text shown to the reader
     * @return a problem known by its label only
     */
    public static Problem of(String label) {
        return new Problem(label, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * @param value the with code
     * @return a copy with this code
     */
    public Problem withCode(Code value) {
        return new Problem(label, Optional.of(value), start, end);
    }

    /**
     * @param from the from
     * @param to the to
     * @return a copy with this period ({@code to} may be null)
     */
    public Problem withPeriod(LocalDate from, LocalDate to) {
        return new Problem(label, code, Optional.of(from), Optional.ofNullable(to));
    }

    /** Health data masked: which parts are present, never their value. */
    @Override
    public String toString() {
        return "Problem[label ***" + (code.isPresent() ? ", code ***" : "") + (start.isPresent() ? ", dates ***" : "")
                + "]";
    }
}
