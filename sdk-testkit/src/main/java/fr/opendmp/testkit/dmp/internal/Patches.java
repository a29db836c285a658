package fr.opendmp.testkit.dmp.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.opendmp.testkit.dmp.MetadataVersionIdentity;
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
    private final MetadataVersionIdentity identity;

    /** Creates the service with {@link MetadataVersionIdentity#NEW_ENTRY_UUID}. */
    public Patches(DmpStore store, AccessRules rules, Clock clock, Validation validation) {
        this(store, rules, clock, validation, MetadataVersionIdentity.NEW_ENTRY_UUID);
    }

    /** Creates the service. */
    public Patches(DmpStore store, AccessRules rules, Clock clock, Validation validation,
            MetadataVersionIdentity identity) {
        this.store = store;
        this.rules = rules;
        this.clock = clock;
        this.validation = validation;
        this.identity = identity;
    }

    /** @return what a metadata change does to a document's identity */
    public MetadataVersionIdentity identity() {
        return identity;
    }

    /** The patched document. */
    public record Result(String patientIns, StoredDocument document) {
    }

    /**
     * @param id the entryUUID (PATCH by id) or null
     * @param identifier the {@code identifier} token of a conditional PATCH, or null
     */
    public Result patch(String id, String identifier, JsonNode ops, Caller caller) {
        return patch(id, identifier, ops, caller, java.util.Optional.empty());
    }

    /**
     * @param id the entryUUID (PATCH by id) or null
     * @param identifier the {@code identifier} token of a conditional PATCH, or null
     * @param ifMatch the {@code If-Match} header, if any: a version other than the stored one → 412
     *     {@code VERSION_CONFLICT} (optimistic concurrency)
     */
    public Result patch(String id, String identifier, JsonNode ops, Caller caller, java.util.Optional<String> ifMatch) {
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
            if (ifMatch.isPresent() && !ifMatch.get().isBlank() && !"*".equals(ifMatch.get().trim())) {
                String wanted = ifMatch.get().trim().replaceFirst("^W/", "").replace("\"", "");
                if (!wanted.equals(Integer.toString(doc.version()))) {
                    throw FhirException.of(412, "conflict", "VERSION_CONFLICT",
                            "If-Match names version " + wanted + " but the document is at version " + doc.version()
                                    + ": read it again", "DocumentReference.meta.versionId");
                }
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
            boolean labelsChanged = !doc.resource().path("securityLabel").equals(patched.path("securityLabel"));
            if (labelsChanged && identity == MetadataVersionIdentity.NEW_ENTRY_UUID
                    && doc.status().equals(status) && "current".equals(status)) {
                return new Result(doc.patientIns(), newVersion(store, doc, patched, clock));
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

    /**
     * A new metadata version (ITI-57, or a FHIR PATCH under {@link MetadataVersionIdentity#NEW_ENTRY_UUID}):
     * a new entryUUID with the same logical id, bytes and uniqueId, version + 1; the previous version
     * becomes superseded (Deprecated). Call under the write lock.
     *
     * @param store the state
     * @param old the current version
     * @param changed its resource with the new metadata
     * @param clock the time source
     * @return the stored new version
     */
    public static StoredDocument newVersion(DmpStore store, StoredDocument old, ObjectNode changed, Clock clock) {
        String lid = store.logicalId(old.id());
        int versionName = store.versionName(old.id()) + 1;
        String newId = java.util.UUID.randomUUID().toString();
        ObjectNode res = changed.deepCopy();
        res.put("id", newId);
        res.put("status", "current");
        res.putObject("meta").put("versionId", Integer.toString(versionName))
                .put("lastUpdated", clock.instant().toString());
        StoredDocument created = new StoredDocument(newId, old.binaryId(), old.patientIns(), old.uniqueId(), res,
                old.content(), SearchFields.of(res), versionName);
        ObjectNode before = old.resource().deepCopy();
        before.put("status", "superseded");
        int oldVersion = old.version() + 1;
        before.putObject("meta").put("versionId", Integer.toString(oldVersion))
                .put("lastUpdated", clock.instant().toString());
        store.putDocument(new StoredDocument(old.id(), old.binaryId(), old.patientIns(), old.uniqueId(), before,
                old.content(), SearchFields.of(before), oldVersion));
        store.putDocument(created);
        store.putVersion(newId, lid, versionName);
        return created;
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
            // the versions of one logical document share its identifiers: the current one is meant
            List<String> lids = found.stream().map(d -> store.logicalId(d.id())).distinct().toList();
            List<StoredDocument> current = found.stream().filter(d -> "current".equals(d.status())).toList();
            if (lids.size() == 1 && current.size() == 1) {
                return current.get(0);
            }
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
