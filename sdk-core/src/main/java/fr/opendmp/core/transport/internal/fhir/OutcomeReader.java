package fr.opendmp.core.transport.internal.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import fr.opendmp.core.error.OutcomeIssue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the issues of an {@code OperationOutcome}. Not API. */
public final class OutcomeReader {

    /** The system of the fake DMP's rule ids. */
    public static final String FAKE_RULE_SYSTEM = "urn:opendmp:fake:error";

    private OutcomeReader() {
    }

    /** @return the issues of the body, or empty if it is not an OperationOutcome */
    public static List<OutcomeIssue> read(byte[] body) {
        if (body.length == 0) {
            return List.of();
        }
        try {
            JsonNode root = FhirJson.readTree(body);
            return root == null ? List.of() : issues(root);
        } catch (IOException e) {
            return List.of();
        }
    }

    /** @return the issues of an OperationOutcome node */
    public static List<OutcomeIssue> issues(JsonNode outcome) {
        if (!"OperationOutcome".equals(outcome.path("resourceType").asText())) {
            return List.of();
        }
        List<OutcomeIssue> issues = new ArrayList<>();
        for (JsonNode issue : outcome.path("issue")) {
            issues.add(new OutcomeIssue(issue.path("severity").asText("error"), issue.path("code").asText("unknown"),
                    ruleId(issue.path("details")), FhirJson.text(issue, "diagnostics")
                            .or(() -> FhirJson.text(issue.path("details"), "text")),
                    Optional.ofNullable(issue.path("expression").path(0).textValue())));
        }
        return List.copyOf(issues);
    }

    private static Optional<String> ruleId(JsonNode details) {
        String any = null;
        for (JsonNode coding : details.path("coding")) {
            if (FAKE_RULE_SYSTEM.equals(coding.path("system").asText())) {
                return FhirJson.text(coding, "code");
            }
            if (any == null) {
                any = coding.path("code").textValue();
            }
        }
        return Optional.ofNullable(any);
    }
}
