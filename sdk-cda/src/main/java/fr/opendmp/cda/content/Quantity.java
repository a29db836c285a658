package fr.opendmp.cda.content;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A physical quantity ({@code PQ}): a decimal value kept as written (no rounding) and its UCUM unit.
 *
 * @param value the value
 * @param unit the UCUM unit ("" when none, which means {@code 1})
 */
public record Quantity(BigDecimal value, String unit) {

    /**
     * Checks presence.
     *
     * @param value the value
     * @param unit the unit
     */
    public Quantity {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(unit, "unit");
    }

    /** Masked: a result value is health data. */
    @Override
    public String toString() {
        return "Quantity[***]";
    }
}
