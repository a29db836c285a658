package fr.opendmp.core.error;

import java.util.Objects;
import java.util.Optional;

/**
 * One issue of a FHIR {@code OperationOutcome} the service returned (or the client raised).
 *
 * @param severity {@code fatal}, {@code error}, {@code warning} or {@code information}
 * @param code the FHIR issue type ({@code invalid}, {@code forbidden}, {@code not-found}…)
 * @param ruleId the rule identifier in {@code issue.details.coding.code}, when the server gives one
 *     (the fake DMP gives e.g. {@code DUPLICATE_UNIQUEID})
 * @param diagnostics the server's explanation, if any
 * @param expression the FHIRPath of the faulty element, if any
 */
public record OutcomeIssue(String severity, String code, Optional<String> ruleId,
        Optional<String> diagnostics, Optional<String> expression) {

    /**
     * Checks that every part is present.
     * @param severity {@code fatal}, {@code error}, {@code warning} or {@code information}
     * @param code the FHIR issue type ({@code invalid}, {@code forbidden}, {@code not-found}…)
     * @param ruleId the rule identifier in {@code issue.details.coding.code}, when the server gives one
     *     (the fake DMP gives e.g. {@code DUPLICATE_UNIQUEID})
     * @param diagnostics the server's explanation, if any
     * @param expression the FHIRPath of the faulty element, if any
     */
    public OutcomeIssue {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(diagnostics, "diagnostics");
        Objects.requireNonNull(expression, "expression");
    }

    /** @return whether this issue is an error (severity {@code fatal} or {@code error}) */
    public boolean isError() {
        return severity.equals("fatal") || severity.equals("error");
    }
}
