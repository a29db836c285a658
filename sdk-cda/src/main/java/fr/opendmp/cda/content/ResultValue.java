package fr.opendmp.cda.content;

import fr.opendmp.core.code.Code;
import java.util.Objects;
import java.util.Optional;

/**
 * The value of a lab result, by its HL7 type. Every {@code toString()} is masked.
 */
public sealed interface ResultValue {

    /**
     * A measured value: {@code PQ}, or {@code INT}/{@code REAL} (unit "").
     *
     * @param quantity the value and its unit
     */
    record Measured(Quantity quantity) implements ResultValue {
        /**
         * Checks presence.
         *
         * @param quantity the quantity
         */
        public Measured {
            Objects.requireNonNull(quantity, "quantity");
        }

        /** Masked. */
        @Override
        public String toString() {
            return "Measured[***]";
        }
    }

    /**
     * A value given as an interval ({@code IVL_PQ}), e.g. "&lt; 1.0 mg/L".
     *
     * @param low the lower bound, if any
     * @param high the upper bound, if any
     */
    record Interval(Optional<Quantity> low, Optional<Quantity> high) implements ResultValue {
        /**
         * Checks presence; an interval has a bound.
         *
         * @param low the low
         * @param high the high
         */
        public Interval {
            Objects.requireNonNull(low, "low");
            Objects.requireNonNull(high, "high");
            if (low.isEmpty() && high.isEmpty()) {
                throw new IllegalArgumentException("an interval needs a bound");
            }
        }

        /** Masked. */
        @Override
        public String toString() {
            return "Interval[***]";
        }
    }

    /**
     * A coded value ({@code CD}, {@code CE}, {@code CV}, {@code CO}): a germ, "positive"…
     *
     * @param code the code, if coded
     * @param label the text (original text through the narrative, else display name), if any
     */
    record Coded(Optional<Code> code, Optional<String> label) implements ResultValue {
        /**
         * Checks presence; a coded value has a code or a label.
         *
         * @param code the code
         * @param label the label
         */
        public Coded {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(label, "label");
            if (code.isEmpty() && label.isEmpty()) {
                throw new IllegalArgumentException("a coded value needs a code or a label");
            }
        }

        /** Masked. */
        @Override
        public String toString() {
            return "Coded[***]";
        }
    }

    /**
     * A textual value ({@code ST}, {@code ED}, {@code BL} as {@code true}/{@code false}).
     *
     * @param text the text
     */
    record Text(String text) implements ResultValue {
        /**
         * Checks presence.
         *
         * @param text the text
         */
        public Text {
            Objects.requireNonNull(text, "text");
        }

        /** Masked. */
        @Override
        public String toString() {
            return "Text[***]";
        }
    }
}
