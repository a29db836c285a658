package fr.opendmp.testkit.dmp.internal;

/**
 * One OperationOutcome issue.
 *
 * @param severity fatal, error, warning or information
 * @param code FHIR issue type
 * @param ruleId the fake's rule id (system urn:opendmp:fake:error)
 * @param diagnostics human text (never an INS, a name or a body)
 * @param expression FHIRPath of the faulty element ("" when none)
 */
public record Issue(String severity, String code, String ruleId, String diagnostics, String expression) {

    /** @return an error issue */
    public static Issue error(String code, String ruleId, String diagnostics, String expression) {
        return new Issue("error", code, ruleId, diagnostics, expression);
    }

    /** @return a warning issue */
    public static Issue warning(String code, String ruleId, String diagnostics, String expression) {
        return new Issue("warning", code, ruleId, diagnostics, expression);
    }

    /** @return whether this issue is an error or fatal */
    public boolean isError() {
        return "error".equals(severity) || "fatal".equals(severity);
    }
}
