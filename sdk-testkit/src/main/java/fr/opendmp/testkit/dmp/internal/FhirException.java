package fr.opendmp.testkit.dmp.internal;

import java.util.List;
import java.util.Map;

/** A refusal: an HTTP status and the OperationOutcome issues that explain it. */
public final class FhirException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient List<Issue> issues;
    private final transient Map<String, String> headers;

    /** Creates the refusal. */
    public FhirException(int status, List<Issue> issues, Map<String, String> headers) {
        super(issues.isEmpty() ? "HTTP " + status : issues.get(0).ruleId() + ": " + issues.get(0).diagnostics(),
                null, false, false);
        this.status = status;
        this.issues = List.copyOf(issues);
        this.headers = Map.copyOf(headers);
    }

    /** @return a refusal with one error issue */
    public static FhirException of(int status, String code, String ruleId, String diagnostics, String expression) {
        return new FhirException(status, List.of(Issue.error(code, ruleId, diagnostics, expression)), Map.of());
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    /** @return the issues */
    public List<Issue> issues() {
        return issues;
    }

    /** @return extra response headers */
    public Map<String, String> headers() {
        return headers;
    }
}
