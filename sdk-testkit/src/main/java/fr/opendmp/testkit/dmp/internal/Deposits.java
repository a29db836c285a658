package fr.opendmp.testkit.dmp.internal;

import fr.opendmp.core.code.CodeSystems;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.opendmp.testkit.dmp.CdaHeader;
import fr.opendmp.testkit.dmp.CdaHeaderReader;
import fr.opendmp.testkit.dmp.Validation;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** TD2 / TD2.1: ITI-105 simplified publish and ITI-65 provide bundle (atomic). */
public final class Deposits {
    private static final String SUBMISSION_SET = "submissionset";
    /** Most entries a provide bundle may hold. */
    public static final int MAX_ENTRIES = 1_000;

    private final DmpStore store;
    private final AccessRules rules;
    private final DocumentValidator validator;
    private final Validation validation;
    private final CdaHeaderReader cdaReader;
    private final Clock clock;

    /** Creates the service. */
    public Deposits(DmpStore store, AccessRules rules, Validation validation, CdaHeaderReader cdaReader, Clock clock) {
        this.store = store;
        this.rules = rules;
        this.validator = new DocumentValidator(validation);
        this.validation = validation;
        this.cdaReader = cdaReader;
        this.clock = clock;
    }

    /** Result of a deposit: the response body and the warnings. */
    public record Result(String patientIns, ObjectNode body, String location, List<Issue> warnings) {
    }

    /**
     * One document of an ITI-41 submission (DMPi), already converted and validated.
     *
     * @param resource the DocumentReference to store
     * @param content its bytes
     * @param replaces the entryUUID it replaces (RPLC), if any
     */
    public record XdsDocument(ObjectNode resource, byte[] content, Optional<String> replaces) {
    }

    /**
     * ITI-41 storage, atomic: the same record checks, duplicate and replacement rules as ITI-65
     * (409 {@code DUPLICATE_UNIQUEID}, 422 {@code REPLACEMENT_TARGET}). Call outside any lock.
     *
     * @return the new entryUUIDs, in order
     */
    public List<String> xds(String ins, List<XdsDocument> docs, Caller caller) {
        return xds(ins, docs, Optional.empty(), caller);
    }

    /**
     * ITI-41 storage with the submission set, stored as the SubmissionSet List ITI-66 serves (its entries
     * filled with the new DocumentReferences).
     *
     * @return the new entryUUIDs, in order
     */
    public List<String> xds(String ins, List<XdsDocument> docs, Optional<ObjectNode> submissionSet, Caller caller) {
        return store.write(() -> {
            rules.checkCredentialPatient(caller, ins);
            rules.requireOpenDmp(ins);
            Set<String> uniqueIds = new HashSet<>();
            for (XdsDocument d : docs) {
                String uid = d.resource().path("masterIdentifier").path("value").asText();
                if (!uniqueIds.add(uid) || store.documentByUniqueId(ins, uid).isPresent()) {
                    throw duplicate(uid.isEmpty() ? "uniqueId" : "uniqueId " + uid);
                }
            }
            List<Optional<StoredDocument>> replaced = new ArrayList<>();
            for (XdsDocument d : docs) {
                Optional<StoredDocument> old = d.replaces().map(id -> store.document(id)
                        .filter(x -> x.patientIns().equals(ins) && "current".equals(x.status()) && !x.fields().archived())
                        .orElseThrow(() -> FhirException.of(422, "business-rule", "REPLACEMENT_TARGET",
                                "the RPLC target is not an Approved document of this patient", id)));
                replaced.add(old);
            }
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < docs.size(); i++) {
                StoredDocument stored = render(docs.get(i).resource().deepCopy(), docs.get(i).content(), ins, caller);
                store.putDocument(stored);
                replaced.get(i).ifPresent(this::supersede);
                ids.add(stored.id());
            }
            submissionSet.ifPresent(ss -> {
                ObjectNode list = ss.deepCopy();
                String id = UUID.randomUUID().toString();
                list.put("id", id);
                list.putObject("meta").put("versionId", "1").put("lastUpdated", clock.instant().toString());
                ArrayNode entries = list.putArray("entry");
                ids.forEach(d -> entries.addObject().putObject("item").put("reference", "DocumentReference/" + d));
                store.putList(new StoredList(id, ins, SUBMISSION_SET, FhirDates.instant(list.path("date").asText()), list));
            });
            return ids;
        });
    }

    /**
     * Patient safety for DMPi deposits, in every validation mode: an XML document's CDA header must name
     * the submission's patient (422 {@code PATIENT_MISMATCH}; 422 {@code XML_TOO_DEEP} for a document
     * nesting too deep).
     */
    public void checkXmlDocumentPatient(byte[] content, String ins, String at) {
        checkCdaPatient(cdaHeader(content, at), ins, at);
    }

    /** ITI-105: POST [base]/DocumentReference. */
    public Result simplified(JsonNode body, Caller caller) {
        if (!body.isObject() || !"DocumentReference".equals(body.path("resourceType").asText())) {
            throw FhirException.of(400, "structure", "NOT_A_DOCUMENT_REFERENCE",
                    "the body must be a DocumentReference", "DocumentReference");
        }
        ObjectNode doc = ((ObjectNode) body).deepCopy();
        List<Issue> issues = new ArrayList<>();
        String ins = PatientRefs.fromReference(doc.path("subject"), "DocumentReference.subject");
        byte[] content = decode(doc.path("content").path(0).path("attachment").path("data"),
                "DocumentReference.content[0].attachment.data");
        if (content != null && isXml(doc)) {
            CdaHeader header = cdaHeader(content, "DocumentReference.content[0].attachment.data");
            checkCdaPatient(header, ins, "DocumentReference.content[0].attachment.data");
            if (header.typeCode().isPresent() && Json.isEmpty(doc.path("type"))) {
                ObjectNode c = doc.putObject("type").putArray("coding").addObject();
                c.put("system", "urn:oid:" + header.typeSystemOid().orElse(""));
                c.put("code", header.typeCode().get());
            }
        }
        validator.validate(doc, "DocumentReference", true, issues);
        checkSizeAndHash(doc, content, "DocumentReference", issues);
        failOnErrors(issues);
        return store.write(() -> {
            rules.checkCredentialPatient(caller, ins);
            rules.requireOpenDmp(ins);
            String uniqueId = doc.path("masterIdentifier").path("value").asText();
            if (store.documentByUniqueId(ins, uniqueId).isPresent()) {
                throw duplicate("DocumentReference.masterIdentifier.value");
            }
            Optional<StoredDocument> replaced = replacedTarget(doc, ins, "DocumentReference", Optional.empty());
            StoredDocument stored = render(doc, content, ins, caller);
            store.putDocument(stored);
            replaced.ifPresent(this::supersede);
            return new Result(ins, stored.resource(), "DocumentReference/" + stored.id() + "/_history/1",
                    warnings(issues));
        });
    }

    /** ITI-65: POST [base] with a transaction Bundle. */
    public Result bundle(JsonNode body, Caller caller) {
        if (!body.isObject() || !"Bundle".equals(body.path("resourceType").asText())) {
            throw FhirException.of(400, "structure", "NOT_A_BUNDLE", "the body must be a transaction Bundle", "Bundle");
        }
        if (!"transaction".equals(body.path("type").asText())) {
            throw FhirException.of(422, "invalid", "NOT_A_TRANSACTION", "Bundle.type must be transaction", "Bundle.type");
        }
        JsonNode entries = body.path("entry");
        if (entries.size() > MAX_ENTRIES) {
            throw FhirException.of(413, "too-costly", "TOO_MANY_ENTRIES",
                    "a provide bundle holds at most " + MAX_ENTRIES + " entries", "Bundle.entry");
        }
        List<Issue> issues = new ArrayList<>();
        Map<String, Integer> byFullUrl = new HashMap<>();
        List<Integer> docs = new ArrayList<>();
        List<Integer> lists = new ArrayList<>();
        List<Integer> patches = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            JsonNode e = entries.path(i);
            byFullUrl.put(e.path("fullUrl").asText(), i);
            String type = e.path("resource").path("resourceType").asText();
            switch (type) {
                case "DocumentReference" -> docs.add(i);
                case "List" -> lists.add(i);
                case "Parameters" -> patches.add(i);
                case "Binary" -> { }
                default -> issues.add(Issue.error("structure", "UNEXPECTED_ENTRY",
                        "unexpected resource type in a provide bundle: " + type, "Bundle.entry[" + i + "]"));
            }
        }
        long submissionSets = lists.stream()
                .filter(i -> isListCode(entries.path(i).path("resource"), SUBMISSION_SET)).count();
        if (submissionSets != 1) {
            issues.add(Issue.error("required", "SUBMISSION_SET", "the bundle needs exactly one SubmissionSet List",
                    "Bundle.entry"));
        }
        if (docs.isEmpty()) {
            issues.add(Issue.error("required", "REQUIRED", "the bundle needs at least one DocumentReference", "Bundle.entry"));
        }
        failOnErrors(issues);
        Set<String> patientsSeen = new HashSet<>();
        Map<Integer, byte[]> contents = new HashMap<>();
        for (int i : docs) {
            String at = "Bundle.entry[" + i + "].resource";
            JsonNode doc = entries.path(i).path("resource");
            patientsSeen.add(PatientRefs.fromReference(doc.path("subject"), at + ".subject"));
            validator.validate(doc, at, false, issues);
            String url = doc.path("content").path(0).path("attachment").path("url").asText("");
            Integer bin = byFullUrl.get(url);
            if (!url.isEmpty() && (bin == null
                    || !"Binary".equals(entries.path(bin).path("resource").path("resourceType").asText()))) {
                issues.add(Issue.error("not-found", "UNRESOLVED_ATTACHMENT",
                        "attachment.url does not resolve to a Binary of the bundle", at + ".content[0].attachment.url"));
                continue;
            }
            if (bin != null) {
                JsonNode binary = entries.path(bin).path("resource");
                byte[] content = decode(binary.path("data"), "Bundle.entry[" + bin + "].resource.data");
                if (!binary.path("contentType").asText().equals(
                        doc.path("content").path(0).path("attachment").path("contentType").asText())) {
                    issues.add(Issue.error("value", "CONTENT_TYPE_MISMATCH",
                            "Binary.contentType differs from attachment.contentType",
                            at + ".content[0].attachment.contentType"));
                }
                checkSizeAndHash(doc, content, at, issues);
                if (content != null && isXml(doc)) {
                    String dataAt = "Bundle.entry[" + bin + "].resource.data";
                    checkCdaPatient(cdaHeader(content, dataAt), PatientRefs.fromReference(doc.path("subject"),
                            at + ".subject"), dataAt);
                }
                contents.put(i, content);
            }
        }
        for (int i : lists) {
            String at = "Bundle.entry[" + i + "].resource";
            JsonNode list = entries.path(i).path("resource");
            patientsSeen.add(PatientRefs.fromReference(list.path("subject"), at + ".subject"));
            if (isListCode(list, SUBMISSION_SET) && !hasUniqueIdentifier(list)) {
                issues.add(validation == Validation.STRICT
                        ? Issue.error("required", "REQUIRED", "SubmissionSet identifier (uniqueId) is required", at + ".identifier")
                        : Issue.warning("required", "REQUIRED", "SubmissionSet identifier (uniqueId) is missing",
                                at + ".identifier"));
            }
            for (JsonNode item : list.path("entry")) {
                if (!byFullUrl.containsKey(item.path("item").path("reference").asText())) {
                    issues.add(Issue.error("not-found", "UNRESOLVED_REFERENCE",
                            "List.entry.item does not resolve inside the bundle", at + ".entry"));
                }
            }
        }
        if (patientsSeen.size() > 1) {
            issues.add(Issue.error("business-rule", "PATIENT_MISMATCH",
                    "every resource of the bundle must be about the same patient", "Bundle.entry"));
        }
        failOnErrors(issues);
        String ins = patientsSeen.iterator().next();
        return store.write(() -> {
            rules.checkCredentialPatient(caller, ins);
            rules.requireOpenDmp(ins);
            Set<String> uniqueIds = new HashSet<>();
            for (int i : docs) {
                String uid = entries.path(i).path("resource").path("masterIdentifier").path("value").asText();
                if (!uniqueIds.add(uid) || store.documentByUniqueId(ins, uid).isPresent()) {
                    throw duplicate("Bundle.entry[" + i + "].resource.masterIdentifier.value");
                }
            }
            Map<Integer, Optional<StoredDocument>> replaced = new HashMap<>();
            for (int i : docs) {
                Optional<String> patchTarget = patches.isEmpty() ? Optional.empty()
                        : Optional.of(patchTarget(entries.path(patches.get(0)), "Bundle.entry[" + patches.get(0) + "]"));
                replaced.put(i, replacedTarget(entries.path(i).path("resource"), ins, "Bundle.entry[" + i + "].resource",
                        patchTarget));
            }
            if (!patches.isEmpty() && replaced.values().stream().allMatch(Optional::isEmpty)) {
                throw FhirException.of(422, "business-rule", "REPLACEMENT_MISMATCH",
                        "a PATCH entry needs a DocumentReference with relatesTo replaces on the same target",
                        "Bundle.entry[" + patches.get(0) + "]");
            }
            return commit(entries, ins, caller, docs, lists, contents, replaced, issues);
        });
    }

    private Result commit(JsonNode entries, String ins, Caller caller, List<Integer> docs, List<Integer> lists,
            Map<Integer, byte[]> contents, Map<Integer, Optional<StoredDocument>> replaced, List<Issue> issues) {
        ObjectNode response = Json.object();
        response.put("resourceType", "Bundle");
        response.put("id", UUID.randomUUID().toString());
        response.put("type", "transaction-response");
        ArrayNode out = response.putArray("entry");
        Map<String, String> docIdByFullUrl = new HashMap<>();
        Map<Integer, String> locations = new HashMap<>();
        for (int i : docs) {
            ObjectNode doc = (ObjectNode) entries.path(i).path("resource").deepCopy();
            String binUrl = doc.path("content").path(0).path("attachment").path("url").asText();
            StoredDocument stored = render(doc, contents.get(i), ins, caller);
            store.putDocument(stored);
            replaced.get(i).ifPresent(this::supersede);
            docIdByFullUrl.put(entries.path(i).path("fullUrl").asText(), stored.id());
            locations.put(i, "DocumentReference/" + stored.id() + "/_history/1");
            for (int b = 0; b < entries.size(); b++) {
                if (entries.path(b).path("fullUrl").asText().equals(binUrl)) {
                    locations.put(b, stored.binaryId().startsWith("Bundle/") ? stored.binaryId()
                            : "Binary/" + stored.binaryId());
                }
            }
        }
        for (int i : lists) {
            ObjectNode list = (ObjectNode) entries.path(i).path("resource").deepCopy();
            String id = UUID.randomUUID().toString();
            list.put("id", id);
            list.putObject("meta").put("versionId", "1").put("lastUpdated", clock.instant().toString());
            for (JsonNode item : list.path("entry")) {
                String ref = item.path("item").path("reference").asText();
                if (docIdByFullUrl.containsKey(ref)) {
                    ((ObjectNode) item.path("item")).put("reference", "DocumentReference/" + docIdByFullUrl.get(ref));
                }
            }
            String code = isListCode(list, SUBMISSION_SET) ? SUBMISSION_SET : "folder";
            store.putList(new StoredList(id, ins, code, FhirDates.instant(list.path("date").asText()), list));
            locations.put(i, "List/" + id + "/_history/1");
        }
        for (int i = 0; i < entries.size(); i++) {
            ObjectNode r = out.addObject().putObject("response");
            String type = entries.path(i).path("resource").path("resourceType").asText();
            if ("Parameters".equals(type)) {
                r.put("status", "200 OK");
                r.put("location", entries.path(i).path("request").path("url").asText());
            } else {
                r.put("status", "201 Created");
                r.put("location", locations.getOrDefault(i, type + "/" + UUID.randomUUID()));
            }
        }
        List<Issue> warnings = warnings(issues);
        if (!warnings.isEmpty()) {
            ((ObjectNode) out.get(0).path("response")).set("outcome", Outcomes.of(warnings));
        }
        return new Result(ins, response, "", warnings);
    }

    private Optional<StoredDocument> replacedTarget(JsonNode doc, String ins, String at, Optional<String> patchTarget) {
        JsonNode relates = doc.path("relatesTo");
        for (int r = 0; r < relates.size(); r++) {
            if (!"replaces".equals(relates.path(r).path("code").asText())) {
                continue;
            }
            String expr = at + ".relatesTo[" + r + "].target";
            JsonNode target = relates.path(r).path("target");
            String ref = target.path("reference").asText("");
            Optional<StoredDocument> old = ref.startsWith("DocumentReference/")
                    ? store.document(ref.substring("DocumentReference/".length()))
                    : store.documentByUniqueId(ins, target.path("identifier").path("value").asText(""));
            if (old.isEmpty() || !old.get().patientIns().equals(ins) || old.get().deleted()) {
                throw FhirException.of(422, "business-rule", "REPLACED_NOT_FOUND",
                        "the replaced document is not in this patient's DMP", expr);
            }
            if (!"current".equals(old.get().status())) {
                throw FhirException.of(422, "business-rule", "REPLACED_NOT_CURRENT",
                        "the replaced document is not current", expr);
            }
            if (patchTarget.isPresent() && !patchTarget.get().equals(old.get().id())) {
                throw FhirException.of(422, "business-rule", "REPLACEMENT_MISMATCH",
                        "relatesTo target differs from the PATCH entry's target", expr);
            }
            return old;
        }
        return Optional.empty();
    }

    private static String patchTarget(JsonNode entry, String at) {
        String url = entry.path("request").path("url").asText("");
        if (!"PATCH".equals(entry.path("request").path("method").asText()) || !url.startsWith("DocumentReference/")) {
            throw FhirException.of(422, "invalid", "INVALID_PATCH_ENTRY",
                    "a Parameters entry must be PATCH DocumentReference/<id>", at + ".request");
        }
        for (JsonNode op : entry.path("resource").path("parameter")) {
            Map<String, String> parts = new HashMap<>();
            for (JsonNode part : op.path("part")) {
                for (Map.Entry<String, JsonNode> f : part.properties()) {
                    if (f.getKey().startsWith("value")) {
                        parts.put(part.path("name").asText(), f.getValue().asText());
                    }
                }
            }
            if (!"replace".equals(parts.get("type")) || !"DocumentReference.status".equals(parts.get("path"))
                    || !"superseded".equals(parts.get("value"))) {
                throw FhirException.of(422, "invalid", "INVALID_PATCH_ENTRY",
                        "the only patch allowed in a replacement is replace DocumentReference.status = superseded",
                        at + ".resource");
            }
        }
        return url.substring("DocumentReference/".length());
    }

    private void supersede(StoredDocument old) {
        ObjectNode res = old.resource().deepCopy();
        res.put("status", "superseded");
        int version = old.version() + 1;
        res.putObject("meta").put("versionId", Integer.toString(version)).put("lastUpdated", clock.instant().toString());
        store.putDocument(new StoredDocument(old.id(), old.binaryId(), old.patientIns(), old.uniqueId(), res,
                old.content(), SearchFields.of(res), version));
    }

    private StoredDocument render(ObjectNode doc, byte[] content, String ins, Caller caller) {
        String id = UUID.randomUUID().toString();
        String binaryId = UUID.randomUUID().toString();
        ObjectNode meta = doc.putObject("meta");
        meta.put("versionId", "1");
        meta.put("lastUpdated", clock.instant().toString());
        meta.putArray("profile")
                .add("https://interop.esante.gouv.fr/ig/fhir/pdsm/StructureDefinition/pdsm-comprehensive-document-reference");
        doc.put("id", id);
        doc.put("status", "current");
        ArrayNode ids = doc.putArray("identifier");
        ids.addObject().put("use", "official").put("system", "urn:ietf:rfc:3986").put("value", "urn:uuid:" + id);
        if (Json.isEmpty(doc.path("custodian"))) {
            ObjectNode cust = doc.putObject("custodian");
            cust.putObject("identifier").put("system", CodeSystems.ID_NAT_STRUCT)
                    .put("value", caller.professional().structureId().isEmpty() ? "DMP" : caller.professional().structureId());
        }
        ObjectNode att = (ObjectNode) doc.path("content").path(0).path("attachment");
        att.remove("data");
        boolean fhirDocument = "application/fhir+json".equals(att.path("contentType").asText());
        String path = (fhirDocument ? "Bundle/" : "Binary/") + binaryId;
        att.put("url", path);
        byte[] bytes = content == null ? new byte[0] : content;
        att.put("size", bytes.length);
        att.put("hash", sha1(bytes));
        return new StoredDocument(id, fhirDocument ? "Bundle/" + binaryId : binaryId, ins,
                doc.path("masterIdentifier").path("value").asText(), doc, bytes, SearchFields.of(doc), 1);
    }

    private static boolean isXml(JsonNode doc) {
        String mime = doc.path("content").path(0).path("attachment").path("contentType").asText("");
        return mime.startsWith("application/xml") || mime.startsWith("text/xml");
    }

    /**
     * Reads a CDA header: first a streaming scan (refuses a document nesting too deep, 422
     * {@code XML_TOO_DEEP}, before any other reader sees it), then the configured reader; the patient
     * comes from the configured reader or, if it does not read it, from the scan.
     */
    private CdaHeader cdaHeader(byte[] content, String at) {
        CdaScan.Result scan = CdaScan.scan(content);
        if (scan.status() == CdaScan.Status.TOO_DEEP) {
            throw FhirException.of(422, "too-costly", "XML_TOO_DEEP",
                    "the document nests deeper than " + CdaScan.MAX_DEPTH + " elements", at);
        }
        CdaHeader header;
        try {
            header = cdaReader.read(content);
        } catch (RuntimeException | StackOverflowError e) {
            header = CdaHeader.empty();
        }
        if (header == null) {
            header = CdaHeader.empty();
        }
        return header.patientIns().isPresent() ? header : new CdaHeader(header.typeSystemOid(), header.typeCode(),
                header.title(), scan.header().patientIns());
    }

    /** Patient safety, in every validation mode: the CDA must be about the deposit's patient. */
    private static void checkCdaPatient(CdaHeader header, String subjectIns, String at) {
        if (header.patientIns().isPresent() && !sameIns(header.patientIns().get(), subjectIns)) {
            throw FhirException.of(422, "business-rule", "PATIENT_MISMATCH",
                    "the CDA header (recordTarget/patientRole/id) names another patient than the deposit's subject",
                    at);
        }
    }

    private static boolean sameIns(String cda, String subject) {
        String a = cda.trim();
        return a.equals(subject) || (a.length() == 13 && subject.startsWith(a));
    }

    private static boolean isListCode(JsonNode list, String code) {
        for (JsonNode c : list.path("code").path("coding")) {
            if (code.equals(c.path("code").asText())) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasUniqueIdentifier(JsonNode list) {
        for (JsonNode id : list.path("identifier")) {
            if (id.path("value").asText("").startsWith("urn:oid:")) {
                return true;
            }
        }
        return false;
    }

    private static byte[] decode(JsonNode data, String at) {
        if (data.isMissingNode() || data.isNull()) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(data.asText());
        } catch (IllegalArgumentException e) {
            throw FhirException.of(422, "value", "INVALID_BASE64", "data is not valid base64", at);
        }
    }

    private static void checkSizeAndHash(JsonNode doc, byte[] content, String at, List<Issue> out) {
        if (content == null) {
            return;
        }
        JsonNode att = doc.path("content").path(0).path("attachment");
        String attAt = at + ".content[0].attachment";
        if (att.hasNonNull("size") && att.path("size").asLong() != content.length) {
            out.add(Issue.error("value", "SIZE_MISMATCH", "attachment.size is " + att.path("size").asLong()
                    + " but the document has " + content.length + " bytes", attAt + ".size"));
        }
        if (att.hasNonNull("hash") && !att.path("hash").asText().equals(sha1(content))) {
            out.add(Issue.error("value", "HASH_MISMATCH",
                    "attachment.hash is not the base64 SHA-1 of the document", attAt + ".hash"));
        }
    }

    /** @return base64 of the SHA-1 of the bytes */
    public static String sha1(byte[] bytes) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static FhirException duplicate(String at) {
        return FhirException.of(409, "duplicate", "DUPLICATE_UNIQUEID",
                "a document with this uniqueId is already in this DMP", at);
    }

    private static void failOnErrors(List<Issue> issues) {
        if (issues.stream().anyMatch(Issue::isError)) {
            throw new FhirException(422, issues, Map.of());
        }
    }

    private static List<Issue> warnings(List<Issue> issues) {
        return issues.stream().filter(i -> !i.isError()).toList();
    }
}
