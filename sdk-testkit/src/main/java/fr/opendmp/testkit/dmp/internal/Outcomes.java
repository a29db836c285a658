package fr.opendmp.testkit.dmp.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Builds OperationOutcome resources. */
public final class Outcomes {
    /** System of the fake's rule ids in issue.details.coding. */
    public static final String RULE_SYSTEM = "urn:opendmp:fake:error";

    private Outcomes() {
    }

    /** @return an OperationOutcome with these issues */
    public static ObjectNode of(List<Issue> issues) {
        ObjectNode oo = Json.object();
        oo.put("resourceType", "OperationOutcome");
        ArrayNode arr = oo.putArray("issue");
        for (Issue i : issues) {
            ObjectNode n = arr.addObject();
            n.put("severity", i.severity());
            n.put("code", i.code());
            ObjectNode coding = n.putObject("details").putArray("coding").addObject();
            coding.put("system", RULE_SYSTEM);
            coding.put("code", i.ruleId());
            n.put("diagnostics", i.diagnostics());
            if (!i.expression().isEmpty()) {
                n.putArray("expression").add(i.expression());
            }
        }
        return oo;
    }
}
