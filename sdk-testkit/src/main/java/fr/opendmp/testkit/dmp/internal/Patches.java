package fr.opendmp.testkit.dmp.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.opendmp.testkit.dmp.Validation;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/** TD3.3a–d: conditional PATCH by identifier and PATCH by id (JSON Patch on status, securityLabel, isArchived). */
public final class Patches {
    private static final Set<String> PATCHABLE = Set.of("status", "securityLabel", "extension");
    private static final Set<String> STATUSES = Set.of("current", "superseded", "entered-in-error");

    private final DmpStore store;
    private final AccessRules rules;
    private final Clock clock;
    private final Validation validation;

    /** Creates the service. */
    public Patches(DmpStore store, AccessRules rules, Clock clock, Validation validation) {
        this.store = store;
        this.rules = rules;
        this.clock = clock;
        this.validation = validation;
    }

    /** The patched document. */
    public record Result(String patientIns, StoredDocument document) {
    }

    /**
     * @param id the entryUUID (PATCH by id) or null
     * @param identifier the {@code identifier} token of a conditional PATCH, or null
     */
    public Result patch(String id, String identifier, JsonNode ops, Caller caller) {
        if (!ops.isArray()) {
            throw FhirException.of(422, "invalid", "INVALID_PATCH", "the body must be a JSON Patch array", "");
        }
        List<String> tops = JsonPatch.topElements(ops);
        for (int i = 0; i < tops.size(); i++) {
            if (!PATCHABLE.contains(tops.get(i))) {
                throw FhirException.of(405, "not-supported", "PATCH_FORBIDDEN_ELEMENT",
                        "only status, securityLabel and the isArchived extension may be patched", "Patch[" + i + "].path");
            }
        }
        return store.write(() -> {
            // a caller whose credential names the patient is checked on that record before any lookup,
            // so that a refusal never depends on whether a document exists
            caller.patientIns().ifPresent(ins -> rules.checkRecord(caller, ins, false));
            StoredDocument doc = target(id, identifier, caller);
            rules.checkRecord(caller, doc.patientIns(), false);
            if (!rules.visible(caller, doc)) {
                throw AccessRules.documentNotFound();
            }
            ObjectNode patched = JsonPatch.apply(doc.resource(), ops);
            String status = patched.path("status").asText("");
            if (!STATUSES.contains(status)) {
                throw FhirException.of(422, "value", "INVALID_STATUS", "status must be current, superseded or entered-in-error",
                        "DocumentReference.status");
            }
            rules.checkChange(caller, doc, SearchFields.of(patched), status);
            if (validation == Validation.LENIENT) {
                keepConfidentialityLevel(doc.resource(), patched);
            }
            checkLabels(patched);
            for (JsonNode ext : patched.path("extension")) {
                if (SearchFields.IS_ARCHIVED.equals(ext.path("url").asText()) && !ext.path("valueBoolean").isBoolean()) {
                    throw FhirException.of(422, "value", "INVALID_PATCH", "isArchived needs a valueBoolean",
                            "DocumentReference.extension");
                }
            }
            int version = doc.version() + 1;
            patched.putObject("meta").put("versionId", Integer.toString(version))
                    .put("lastUpdated", clock.instant().toString());
            StoredDocument updated = new StoredDocument(doc.id(), doc.binaryId(), doc.patientIns(), doc.uniqueId(),
                    patched, doc.content(), SearchFields.of(patched), version);
            store.putDocument(updated);
            return new Result(doc.patientIns(), updated);
        });
    }

    /** The document named by id or by identifier, among the caller's patient's when the credential names one. */
    private StoredDocument target(String id, String identifier, Caller caller) {
        if (id != null) {
            return store.document(id).filter(x -> !x.deleted()).orElseThrow(AccessRules::documentNotFound);
        }
        String value = identifier.substring(identifier.indexOf('|') + 1);
        List<StoredDocument> found = store.documentsWithIdentifier(value).stream().filter(d -> !d.deleted())
                .filter(d -> rules.visible(caller, d))
                .filter(d -> caller.patientIns().map(d.patientIns()::equals).orElse(true)).toList();
        if (found.isEmpty()) {
            throw FhirException.of(404, "not-found", "DOCUMENT_NOT_FOUND", "no DocumentReference has this identifier",
                    "identifier");
        }
        if (found.size() > 1) {
            throw FhirException.of(412, "multiple-matches", "MULTIPLE_MATCHES",
                    "the conditional PATCH matches several documents", "identifier");
        }
        return found.get(0);
    }

    /**
     * Lenient mode: the guide's mask patch replaces {@code /securityLabel/0} and so drops the v3
     * level; put the previous level back at the end instead of refusing (strict mode refuses, 422).
     */
    private static void keepConfidentialityLevel(ObjectNode before, ObjectNode after) {
        if (!after.path("securityLabel").isArray()) {
            return;
        }
        ArrayNode labels = (ArrayNode) after.get("securityLabel");
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = labels.size() - 1; i >= 0; i--) {
            JsonNode c = labels.get(i).path("coding").path(0);
            if (!seen.add(ValueSets.get().normalize(c.path("system").asText("")) + "|" + c.path("code").asText())) {
                labels.remove(i);
            }
        }
        for (JsonNode l : after.path("securityLabel")) {
            if (isV3(l)) {
                return;
            }
        }
        for (JsonNode l : before.path("securityLabel")) {
            if (isV3(l)) {
                ((ArrayNode) after.get("securityLabel")).add(l.deepCopy());
                return;
            }
        }
    }

    private static boolean isV3(JsonNode label) {
        return ValueSets.V3_CONFIDENTIALITY.equals(
                ValueSets.get().normalize(label.path("coding").path(0).path("system").asText("")));
    }

    private static void checkLabels(ObjectNode doc) {
        JsonNode labels = doc.path("securityLabel");
        int v3 = 0;
        for (int i = 0; i < labels.size(); i++) {
            JsonNode c = labels.path(i).path("coding").path(0);
            if (!ValueSets.get().contains(ValueSets.CONFIDENTIALITY, c.path("system").asText(""), c.path("code").asText(""))) {
                throw FhirException.of(422, "code-invalid", "UNKNOWN_CODE", "securityLabel code is not in JDV_J58",
                        "DocumentReference.securityLabel[" + i + "]");
            }
            if (ValueSets.V3_CONFIDENTIALITY.equals(ValueSets.get().normalize(c.path("system").asText("")))) {
                v3++;
            }
        }
        if (v3 != 1 && labels.size() > 0) {
            throw FhirException.of(422, "business-rule", "SECURITY_LABEL",
                    "exactly one v3-Confidentiality code (N, R or V) must remain", "DocumentReference.securityLabel");
        }
    }
}
