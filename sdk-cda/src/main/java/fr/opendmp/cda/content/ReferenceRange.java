package fr.opendmp.cda.content;

import java.util.Objects;
import java.util.Optional;

/**
 * The normal range of a lab result ({@code referenceRange/observationRange}).
 *
 * @param low the lower bound, if any
 * @param high the upper bound, if any
 * @param text the range as text, when it is given as text
 */
public record ReferenceRange(Optional<Quantity> low, Optional<Quantity> high, Optional<String> text) {

    /**
     * Checks presence; a range has a bound or a text.
     *
     * @param low the low
     * @param high the high
     * @param text the text
     */
    public ReferenceRange {
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(high, "high");
        Objects.requireNonNull(text, "text");
        if (low.isEmpty() && high.isEmpty() && text.isEmpty()) {
            throw new IllegalArgumentException("a reference range needs a bound or a text");
        }
    }

    /** Masked. */
    @Override
    public String toString() {
        return "ReferenceRange[***]";
    }
}
