package fr.opendmp.testkit.dmp.internal;

import com.fasterxml.jackson.databind.JsonNode;
import fr.opendmp.testkit.dmp.Validation;
import java.util.List;

/** Checks a DocumentReference of a deposit (DocumentReference profiles of the PDSM4DMP implementation guide, comprehensive and ITI-105 simplified publish); collects issues, throws nothing. */
public final class DocumentValidator {
    private final Validation validation;

    /** Creates a validator for this mode. */
    public DocumentValidator(Validation validation) {
        this.validation = validation;
    }

    /**
     * @param doc the DocumentReference
     * @param at FHIRPath prefix, e.g. {@code Bundle.entry[1].resource} or {@code DocumentReference}
     * @param simplified whether ITI-105 (attachment.data instead of url; most metadata optional)
     * @param out where issues go
     */
    public void validate(JsonNode doc, String at, boolean simplified, List<Issue> out) {
        requireText(doc.path("masterIdentifier").path("value"), at + ".masterIdentifier.value", out);
        if (doc.hasNonNull("status") && !"current".equals(doc.path("status").asText())) {
            out.add(Issue.error("value", "INVALID_STATUS", "a deposited document must have status current",
                    at + ".status"));
        }
        require(doc.path("type"), at + ".type", out);
        coded(doc.path("type").path("coding"), ValueSets.TYPE, at + ".type.coding[0]", out);
        require(doc.path("date"), at + ".date", out);
        require(doc.path("author"), at + ".author", out);
        JsonNode att = doc.path("content").path(0).path("attachment");
        require(doc.path("content"), at + ".content", out);
        String attAt = at + ".content[0].attachment";
        require(att.path("contentType"), attAt + ".contentType", out);
        require(att.path("title"), attAt + ".title", out);
        if (simplified) {
            require(att.path("data"), attAt + ".data", out);
        } else {
            require(att.path("url"), attAt + ".url", out);
            require(att.path("size"), attAt + ".size", out);
            require(att.path("hash"), attAt + ".hash", out);
            require(att.path("language"), attAt + ".language", out);
            require(doc.path("category"), at + ".category", out);
            require(doc.path("securityLabel"), at + ".securityLabel", out);
            require(doc.path("content").path(0).path("format"), at + ".content[0].format", out);
            require(doc.path("context").path("period").path("start"), at + ".context.period.start", out);
            require(doc.path("context").path("facilityType"), at + ".context.facilityType", out);
            require(doc.path("context").path("practiceSetting"), at + ".context.practiceSetting", out);
            require(doc.path("context").path("sourcePatientInfo"), at + ".context.sourcePatientInfo", out);
            if (Json.isEmpty(doc.path("contained"))) {
                out.add(Issue.error("required", "REQUIRED", "contained author resources are required",
                        at + ".contained"));
            }
        }
        if (Json.isEmpty(doc.path("custodian"))) {
            soft(out, "required", "REQUIRED", "custodian is required by PDSm (absent from the DMP examples)",
                    at + ".custodian");
        }
        JsonNode cats = doc.path("category");
        for (int i = 0; i < cats.size(); i++) {
            coded(cats.path(i).path("coding"), ValueSets.CLASS, at + ".category[" + i + "].coding[0]", out);
        }
        coded(listOf(doc.path("content").path(0).path("format")), ValueSets.FORMAT, at + ".content[0].format", out);
        coded(doc.path("context").path("facilityType").path("coding"), ValueSets.FACILITY,
                at + ".context.facilityType.coding[0]", out);
        coded(doc.path("context").path("practiceSetting").path("coding"), ValueSets.SETTING,
                at + ".context.practiceSetting.coding[0]", out);
        JsonNode labels = doc.path("securityLabel");
        int v3 = 0;
        for (int i = 0; i < labels.size(); i++) {
            JsonNode c = labels.path(i).path("coding").path(0);
            String sys = ValueSets.get().normalize(c.path("system").asText(""));
            if (ValueSets.V3_CONFIDENTIALITY.equals(sys)) {
                v3++;
            }
            coded(labels.path(i).path("coding"), ValueSets.CONFIDENTIALITY, at + ".securityLabel[" + i + "]", out);
        }
        if (labels.size() > 4) {
            out.add(Issue.error("invalid", "SECURITY_LABEL", "securityLabel has 1 to 4 codes", at + ".securityLabel"));
        }
        if (labels.size() > 0 && v3 != 1) {
            out.add(Issue.error("invalid", "SECURITY_LABEL",
                    "securityLabel must hold exactly one v3-Confidentiality code (N, R or V)", at + ".securityLabel"));
        }
    }

    private static JsonNode listOf(JsonNode coding) {
        return coding.isMissingNode() ? coding : Json.MAPPER.createArrayNode().add(coding);
    }

    private void coded(JsonNode codings, String set, String at, List<Issue> out) {
        if (codings.isMissingNode() || codings.isEmpty()) {
            return;
        }
        for (JsonNode c : codings) {
            if (ValueSets.get().contains(set, c.path("system").asText(""), c.path("code").asText(""))) {
                return;
            }
        }
        JsonNode c = codings.path(0);
        soft(out, "code-invalid", "UNKNOWN_CODE", "code " + c.path("system").asText("") + "|"
                + c.path("code").asText("") + " is not in " + set, at);
    }

    private void soft(List<Issue> out, String code, String rule, String text, String at) {
        out.add(validation == Validation.STRICT ? Issue.error(code, rule, text, at) : Issue.warning(code, rule, text, at));
    }

    private static void require(JsonNode node, String at, List<Issue> out) {
        if (Json.isEmpty(node)) {
            out.add(Issue.error("required", "REQUIRED", at.substring(at.lastIndexOf('.') + 1) + " is required", at));
        }
    }

    private static void requireText(JsonNode node, String at, List<Issue> out) {
        if (!node.isTextual() || node.asText().isBlank()) {
            out.add(Issue.error("required", "REQUIRED", "masterIdentifier (uniqueId) is required", at));
        }
    }
}
