package fr.opendmp.cda.content;

import fr.opendmp.core.code.Code;
import fr.opendmp.core.code.CodeSystems;
import java.util.Objects;
import java.util.Optional;

/**
 * One result of a biology report: the test, its value, unit, normal range, interpretation and date.
 *
 * @param test the test code (LOINC when the lab coded it so; a local code otherwise, see {@link #loinc()})
 * @param label the test as text (original text through the narrative, else display name), if any
 * @param value the value
 * @param referenceRange the normal range, if given
 * @param interpretation the interpretation ({@code N}, {@code L}, {@code H}… of HL7 ObservationInterpretation), if given
 * @param time when the result was produced (the observation's time, else its battery's or report's), if known
 * @param specialty the report section the result is in (e.g. LOINC {@code 18719-5} Biochimie), if coded
 */
public record LabResult(Optional<Code> test, Optional<String> label, ResultValue value,
        Optional<ReferenceRange> referenceRange, Optional<Code> interpretation, Optional<ClinicalTime> time,
        Optional<Code> specialty) {

    /**
     * Checks presence; a result names its test by a code or a label.
     *
     * @param test the test
     * @param label the label
     * @param value the value
     * @param referenceRange the reference range
     * @param interpretation the interpretation
     * @param time the time
     * @param specialty the specialty
     */
    public LabResult {
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(referenceRange, "referenceRange");
        Objects.requireNonNull(interpretation, "interpretation");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(specialty, "specialty");
        if (test.isEmpty() && label.isEmpty()) {
            throw new IllegalArgumentException("a result needs a test code or label");
        }
    }

    /** @return the LOINC code of the test, when the test is LOINC-coded */
    public Optional<String> loinc() {
        return test.filter(c -> CodeSystems.LOINC.equals(c.system())).map(Code::code);
    }

    /** @return the unit of a measured value, if it has one */
    public Optional<String> unit() {
        if (value instanceof ResultValue.Measured m) {
            return Optional.of(m.quantity().unit()).filter(u -> !u.isEmpty());
        }
        if (value instanceof ResultValue.Interval i) {
            return i.low().or(i::high).map(Quantity::unit).filter(u -> !u.isEmpty());
        }
        return Optional.empty();
    }

    /** Masked: which parts are present, never the test, value or interpretation. */
    @Override
    public String toString() {
        return "LabResult[test ***, value ***" + (referenceRange.isPresent() ? ", range ***" : "")
                + (interpretation.isPresent() ? ", interpretation ***" : "") + (time.isPresent() ? ", time ***" : "")
                + "]";
    }
}
