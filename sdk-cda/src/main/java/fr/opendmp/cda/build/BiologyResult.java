package fr.opendmp.cda.build;

import fr.opendmp.core.code.Code;
import fr.opendmp.core.code.CodeSystems;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A quantitative lab result for a structured CR de biologie: LOINC test, value with its UCUM unit,
 * normal range, interpretation and time, filed under a chapter (the LOINC code of the speciality,
 * e.g. {@code 18719-5} Biochimie).
 *
 * @param chapter the chapter (LOINC speciality code with display name)
 * @param test the test (LOINC code with display name)
 * @param value the value, as the lab gave it (no rounding)
 * @param unit the UCUM unit ("" for none)
 * @param low the lower bound of the normal range, if any (same unit)
 * @param high the upper bound of the normal range, if any (same unit)
 * @param interpretation the interpretation, if any
 * @param time when the result was validated
 */
public record BiologyResult(Code chapter, Code test, BigDecimal value, String unit, Optional<BigDecimal> low,
        Optional<BigDecimal> high, Optional<Interpretation> interpretation, OffsetDateTime time) {

    /**
     * Checks every part.
     *
     * @param chapter the chapter
     * @param test the test
     * @param value the value
     * @param unit the unit
     * @param low the low
     * @param high the high
     * @param interpretation the interpretation
     * @param time the time
     * @throws CdaBuildException {@code INVALID_VALUE} when the chapter or the test is not LOINC with a display name
     */
    public BiologyResult {
        Objects.requireNonNull(chapter, "chapter");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(high, "high");
        Objects.requireNonNull(interpretation, "interpretation");
        Objects.requireNonNull(time, "time");
        for (Code c : new Code[] {chapter, test}) {
            if (!CodeSystems.LOINC.equals(c.system()) || c.display().isBlank()) {
                throw new CdaBuildException(CdaBuildException.Reason.INVALID_VALUE,
                        "a chapter and a test are LOINC codes with their display name");
            }
        }
    }

    /**
     * @param chapter the chapter
     * @param test the test
     * @param value the value
     * @param unit the unit
     * @param time the time
     * @return a result without range or interpretation; add them with the {@code with…} methods
     */
    public static BiologyResult of(Code chapter, Code test, BigDecimal value, String unit, OffsetDateTime time) {
        return new BiologyResult(chapter, test, value, unit, Optional.empty(), Optional.empty(), Optional.empty(),
                time);
    }

    /**
     * @param lowBound the low bound
     * @param highBound the high bound
     * @return a copy with this normal range, both bounds in the result's unit
     */
    public BiologyResult withRange(BigDecimal lowBound, BigDecimal highBound) {
        return withLow(lowBound).withHigh(highBound);
    }

    /**
     * @param lowBound the low bound
     * @return a copy with this lower bound of the normal range (e.g. "&gt; 60")
     */
    public BiologyResult withLow(BigDecimal lowBound) {
        return new BiologyResult(chapter, test, value, unit, Optional.of(lowBound), high, interpretation, time);
    }

    /**
     * @param highBound the high bound
     * @return a copy with this upper bound of the normal range (e.g. "&lt; 5")
     */
    public BiologyResult withHigh(BigDecimal highBound) {
        return new BiologyResult(chapter, test, value, unit, low, Optional.of(highBound), interpretation, time);
    }

    /**
     * @param interpretationValue the interpretation value
     * @return a copy with this interpretation
     */
    public BiologyResult withInterpretation(Interpretation interpretationValue) {
        return new BiologyResult(chapter, test, value, unit, low, high, Optional.of(interpretationValue), time);
    }

    /** Masked: which parts are present, never the test, value or range. */
    @Override
    public String toString() {
        return "BiologyResult[test ***, value ***" + (low.isPresent() || high.isPresent() ? ", range ***" : "")
                + (interpretation.isPresent() ? ", interpretation ***" : "") + "]";
    }
}
