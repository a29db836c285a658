package fr.opendmp.testkit.dmp.internal.dmpi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.opendmp.testkit.dmp.DeletedDocuments;
import fr.opendmp.testkit.dmp.MetadataVersionIdentity;
import fr.opendmp.testkit.dmp.internal.AccessRules;
import fr.opendmp.testkit.dmp.internal.Caller;
import fr.opendmp.testkit.dmp.internal.Engine;
import fr.opendmp.testkit.dmp.internal.FhirException;
import fr.opendmp.testkit.dmp.internal.Patches;
import fr.opendmp.testkit.dmp.internal.SearchFields;
import fr.opendmp.testkit.dmp.internal.StoredDocument;
import fr.opendmp.testkit.dmp.internal.ValueSets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.w3c.dom.Element;

/** ITI-18 (TD3.1a/b), ITI-43 (TD3.2) and ITI-57 (TD3.3a–d) on the one store. */
final class XdsRegistry {
    static final String FIND_DOCUMENTS = "urn:uuid:14d4debf-8f97-4251-9a74-a90016b0af0d";
    static final String GET_DOCUMENTS = "urn:uuid:5c4f972b-d56b-40ac-a5fc-c8ca9b40b9d4";
    static final String GET_DOCUMENTS_AND_ASSOCIATIONS = "urn:uuid:bab9529a-4a10-40b3-a01f-f68a615d247a";
    static final Set<String> OTHER_QUERIES = Set.of("urn:uuid:f26abbcb-ac74-4422-8a30-edb644bbc1a9",
            "urn:uuid:a7ae438b-4bc2-4642-93e9-be891f7bb155", "urn:uuid:e8e3cb2c-e39c-46b9-99e4-c12f57260b83",
            "urn:uuid:12941a89-e02e-4be5-967c-ce4bfc8fe492");
    private static final Set<String> SINGLE = Set.of("$XDSDocumentEntryPatientId", "$XDSDocumentEntryCreationTimeFrom",
            "$XDSDocumentEntryCreationTimeTo", "$XDSDocumentEntryServiceStartTimeFrom", "$XDSDocumentEntryServiceStartTimeTo",
            "$XDSDocumentEntryServiceStopTimeFrom", "$XDSDocumentEntryServiceStopTimeTo");

    private final Engine engine;
    private final DmpiSettings settings;

    XdsRegistry(Engine engine, DmpiSettings settings) {
        this.engine = engine;
        this.settings = settings;
    }

    // ------------------------------------------------------------------ ITI-18

    /** The answer of a query: the body and the patient concerned. */
    record QueryResult(String body, Optional<String> ins) {
    }

    QueryResult query(Element request, Caller caller, boolean[] td31b) {
        String returnType = Xml.child(request, Ns.QUERY, "ResponseOption").map(e -> e.getAttribute("returnType"))
                .orElse("LeafClass");
        Element q = Xml.child(request, Ns.RIM, "AdhocQuery").orElseThrow(() -> RegistryErrors.Failure.of(
                "XDSRegistryError", "REQUIRED", "rim:AdhocQuery is missing", ""));
        String id = q.getAttribute("id");
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (Element slot : Xml.children(q, Ns.RIM, "Slot")) {
            List<String> values = new ArrayList<>();
            Xml.child(slot, Ns.RIM, "ValueList").ifPresent(vl -> Xml.children(vl, Ns.RIM, "Value")
                    .forEach(v -> values.addAll(values(v.getTextContent()))));
            params.computeIfAbsent(slot.getAttribute("name"), k -> new ArrayList<>()).addAll(values);
        }
        for (Map.Entry<String, List<String>> p : params.entrySet()) {
            if (SINGLE.contains(p.getKey()) && p.getValue().size() > 1) {
                throw RegistryErrors.Failure.of("XDSStoredQueryParamNumber", "PARAM_NUMBER",
                        p.getKey() + " takes a single value", p.getKey());
            }
        }
        List<StoredDocument> found;
        Optional<String> ins = Optional.empty();
        if (FIND_DOCUMENTS.equals(id)) {
            String cx = single(params, "$XDSDocumentEntryPatientId");
            String[] parsed = Iti41.parseCx(cx);
            if (parsed == null) {
                throw RegistryErrors.Failure.of("XDSStoredQueryParamNumber", "INVALID_INS",
                        "$XDSDocumentEntryPatientId is not an INS CX", "$XDSDocumentEntryPatientId");
            }
            List<String> statuses = params.getOrDefault("$XDSDocumentEntryStatus", List.of());
            if (statuses.isEmpty()) {
                throw RegistryErrors.Failure.of("XDSStoredQueryMissingParam", "REQUIRED",
                        "$XDSDocumentEntryStatus is required", "$XDSDocumentEntryStatus");
            }
            ins = Optional.of(parsed[0]);
            found = find(parsed[0], statuses, params, caller);
        } else if (GET_DOCUMENTS.equals(id) || GET_DOCUMENTS_AND_ASSOCIATIONS.equals(id)) {
            td31b[0] = true;
            List<String> uuids = params.getOrDefault("$XDSDocumentEntryEntryUUID", List.of());
            List<String> uids = params.getOrDefault("$XDSDocumentEntryUniqueId", List.of());
            if (!uuids.isEmpty() && !uids.isEmpty()) {
                throw RegistryErrors.Failure.of("XDSStoredQueryParamNumber", "PARAM_NUMBER",
                        "give $XDSDocumentEntryEntryUUID or $XDSDocumentEntryUniqueId, not both", id);
            }
            if (uuids.isEmpty() && uids.isEmpty()) {
                throw RegistryErrors.Failure.of("XDSStoredQueryMissingParam", "REQUIRED",
                        "$XDSDocumentEntryEntryUUID or $XDSDocumentEntryUniqueId is required", id);
            }
            found = get(uuids, uids, caller);
            ins = found.stream().map(StoredDocument::patientIns).findFirst().or(caller::patientIns);
        } else if (OTHER_QUERIES.contains(id)) {
            found = List.of();
        } else {
            throw RegistryErrors.Failure.of("XDSUnknownStoredQuery", "UNKNOWN_QUERY", "unknown stored query " + id, id);
        }
        StringBuilder b = new StringBuilder("<query:AdhocQueryResponse xmlns:query=\"").append(Ns.QUERY)
                .append("\" xmlns:rim=\"").append(Ns.RIM).append("\" status=\"").append(Ns.SUCCESS)
                .append("\" startIndex=\"0\" totalResultCount=\"").append(found.size()).append("\"><rim:RegistryObjectList>");
        engine.store().read(() -> {
            for (StoredDocument d : found) {
                if ("ObjectRef".equals(returnType)) {
                    b.append("<rim:ObjectRef id=\"urn:uuid:").append(d.id()).append("\"/>");
                } else {
                    b.append(XdsMetadata.extrinsicObject(d, engine.store().logicalId(d.id()),
                            engine.store().versionName(d.id()), settings.repositoryUniqueId()));
                }
            }
            return null;
        });
        b.append("</rim:RegistryObjectList></query:AdhocQueryResponse>");
        return new QueryResult(b.toString(), ins);
    }

    private List<StoredDocument> find(String ins, List<String> statuses, Map<String, List<String>> params, Caller caller) {
        return engine.store().read(() -> {
            engine.rules().checkRecord(caller, ins, true);
            boolean deletedAsked = statuses.contains(Ns.DELETED) && settings.deletedDocuments() == DeletedDocuments.HIDDEN_UNLESS_REQUESTED;
            List<StoredDocument> out = new ArrayList<>();
            for (String id : engine.store().documentIds(ins)) {
                StoredDocument d = engine.store().document(id).orElseThrow();
                if (!statuses.contains(XdsMetadata.status(d)) || !visible(caller, d, deletedAsked)) {
                    continue;
                }
                if (matches(d, params)) {
                    out.add(d);
                }
            }
            return out;
        });
    }

    private boolean visible(Caller caller, StoredDocument d, boolean deletedAllowed) {
        if (!d.deleted()) {
            return engine.rules().visible(caller, d);
        }
        if (!deletedAllowed) {
            return false;
        }
        ObjectNode undeleted = d.resource().deepCopy();
        undeleted.put("status", "current");
        return engine.rules().visible(caller, new StoredDocument(d.id(), d.binaryId(), d.patientIns(), d.uniqueId(),
                undeleted, d.content(), SearchFields.of(undeleted), d.version()));
    }

    private static boolean matches(StoredDocument d, Map<String, List<String>> params) {
        SearchFields f = d.fields();
        Map<String, String> codeParams = Map.of("$XDSDocumentEntryClassCode", "category", "$XDSDocumentEntryTypeCode", "type",
                "$XDSDocumentEntryFormatCode", "format", "$XDSDocumentEntryPracticeSettingCode", "setting",
                "$XDSDocumentEntryHealthcareFacilityTypeCode", "facility", "$XDSDocumentEntryEventCodeList", "event",
                "$XDSDocumentEntryConfidentialityCode", "security-label");
        for (Map.Entry<String, String> p : codeParams.entrySet()) {
            List<String> wanted = params.getOrDefault(p.getKey(), List.of());
            if (!wanted.isEmpty() && wanted.stream().noneMatch(w -> {
                String[] c = w.split("\\^", -1);
                String system = c.length > 2 && !c[2].isEmpty() ? XdsMetadata.system(c[2]) : "";
                return f.hasToken(p.getValue(), system.isEmpty() ? c[0] : ValueSets.get().normalize(system) + "|" + c[0])
                        || f.hasToken(p.getValue(), system + "|" + c[0]);
            })) {
                return false;
            }
        }
        if (!range(f.date(), params, "$XDSDocumentEntryCreationTime")
                || !range(f.periodStart(), params, "$XDSDocumentEntryServiceStartTime")
                || !range(f.periodEnd(), params, "$XDSDocumentEntryServiceStopTime")) {
            return false;
        }
        List<String> authors = params.getOrDefault("$XDSDocumentEntryAuthorPerson", List.of());
        if (!authors.isEmpty() && authors.stream().noneMatch(a -> {
            String prefix = a.endsWith("%") ? a.substring(0, a.length() - 1) : a;
            String id = prefix.contains("^") ? prefix.substring(0, prefix.indexOf('^')) : prefix;
            return f.hasToken("author.identifier", id);
        })) {
            return false;
        }
        return true;
    }

    private static boolean range(Optional<Instant> at, Map<String, List<String>> params, String name) {
        Optional<Instant> from = params.getOrDefault(name + "From", List.of()).stream().findFirst().flatMap(Dtm::parse);
        Optional<Instant> to = params.getOrDefault(name + "To", List.of()).stream().findFirst().flatMap(Dtm::parse);
        if (from.isEmpty() && to.isEmpty()) {
            return true;
        }
        if (at.isEmpty()) {
            return false;
        }
        return from.map(x -> !at.get().isBefore(x)).orElse(true) && to.map(x -> at.get().isBefore(x)).orElse(true);
    }

    private List<StoredDocument> get(List<String> uuids, List<String> uids, Caller caller) {
        return engine.store().read(() -> {
            caller.patientIns().ifPresent(ins -> engine.rules().checkRecord(caller, ins, false));
            List<StoredDocument> candidates = new ArrayList<>();
            for (String u : uuids) {
                engine.store().document(u.startsWith("urn:uuid:") ? u.substring(9) : u).ifPresent(candidates::add);
            }
            for (String u : uids) {
                candidates.addAll(engine.store().documentsWithIdentifier(XdsMetadata.fhirUniqueId(u)));
            }
            List<StoredDocument> out = new ArrayList<>();
            for (StoredDocument d : candidates) {
                if (caller.patientIns().map(p -> !p.equals(d.patientIns())).orElse(false)) {
                    continue;
                }
                engine.rules().checkRecord(caller, d.patientIns(), false);
                // a deleted entry is found only by a FindDocuments that asks for the Deleted status
                if (engine.rules().visible(caller, d) && !out.contains(d)) {
                    out.add(d);
                }
            }
            return out;
        });
    }

    private static void immutable(RimObject eo, String scheme, com.fasterxml.jackson.databind.JsonNode stored) {
        Optional<RimObject.Coded> sent = eo.first(scheme);
        if (sent.isPresent() && !sent.get().code().equals(stored.path("code").asText(""))) {
            throw RegistryErrors.Failure.of("XDSMetadataUpdateError", "IMMUTABLE_FIELD",
                    "only the confidentialityCode may change in a new metadata version", eo.id);
        }
    }

    /** @return the values of a query Value: {@code 'a'}, {@code ('a','b')} or an unquoted time */
    static List<String> values(String raw) {
        String v = raw.trim();
        if (v.startsWith("(") && v.endsWith(")")) {
            v = v.substring(1, v.length() - 1);
        }
        List<String> out = new ArrayList<>();
        for (String part : v.split(",")) {
            String p = part.trim();
            if (p.length() >= 2 && p.startsWith("'") && p.endsWith("'")) {
                p = p.substring(1, p.length() - 1);
            }
            if (!p.isEmpty()) {
                out.add(p);
            }
        }
        return out;
    }

    private static String single(Map<String, List<String>> params, String name) {
        List<String> v = params.getOrDefault(name, List.of());
        if (v.isEmpty()) {
            throw RegistryErrors.Failure.of("XDSStoredQueryMissingParam", "REQUIRED", name + " is required", name);
        }
        return v.get(0);
    }

    // ------------------------------------------------------------------ ITI-43

    /** A retrieved document. */
    record Retrieved(String uniqueId, String mimeType, byte[] bytes, String ins) {
    }

    List<Retrieved> retrieve(Element request, Caller caller, RegistryErrors errs) {
        List<Retrieved> out = new ArrayList<>();
        for (Element r : Xml.children(request, Ns.XDS, "DocumentRequest")) {
            String repo = Xml.text(Xml.child(r, Ns.XDS, "RepositoryUniqueId"));
            String uid = Xml.text(Xml.child(r, Ns.XDS, "DocumentUniqueId"));
            if (!settings.repositoryUniqueId().equals(repo)) {
                errs.error("XDSUnknownRepositoryId", "UNKNOWN_REPOSITORY", "unknown repositoryUniqueId " + repo, repo);
                continue;
            }
            Optional<StoredDocument> d = engine.store().read(() -> {
                caller.patientIns().ifPresent(ins -> engine.rules().checkRecord(caller, ins, true));
                for (StoredDocument x : engine.store().documentsWithIdentifier(XdsMetadata.fhirUniqueId(uid))) {
                    if (caller.patientIns().map(p -> !p.equals(x.patientIns())).orElse(false) || x.deleted()) {
                        continue;
                    }
                    engine.rules().checkRecord(caller, x.patientIns(), true);
                    if (engine.rules().visible(caller, x)) {
                        return Optional.of(x);
                    }
                }
                return Optional.<StoredDocument>empty();
            });
            if (d.isEmpty()) {
                errs.error("XDSDocumentUniqueIdError", "DOCUMENT_NOT_FOUND", "no document the caller may read has this uniqueId",
                        uid);
                continue;
            }
            out.add(new Retrieved(uid, d.get().contentType(), d.get().content(), d.get().patientIns()));
        }
        if (out.isEmpty() && errs.list.isEmpty()) {
            errs.error("XDSRegistryMetadataError", "REQUIRED", "no DocumentRequest", "");
        }
        return out;
    }

    // ------------------------------------------------------------------ ITI-57

    /** What an update did, for the history. */
    record Update(String ins, String action) {
    }

    Update update(Element request, Caller caller) {
        Element list = Xml.child(request, Ns.RIM, "RegistryObjectList").orElseThrow(() -> RegistryErrors.Failure.of(
                "XDSMetadataUpdateError", "REQUIRED", "rim:RegistryObjectList is missing", ""));
        List<RimObject> entries = new ArrayList<>();
        List<RimObject> associations = new ArrayList<>();
        for (Element e : Xml.children(list)) {
            if (Xml.is(e, Ns.RIM, "ExtrinsicObject")) {
                entries.add(new RimObject(e));
            } else if (Xml.is(e, Ns.RIM, "Association")) {
                associations.add(new RimObject(e));
            } else if (Xml.is(e, Ns.RIM, "RegistryPackage") && new RimObject(e).hasNode(Ns.FOLDER)) {
                throw RegistryErrors.Failure.of("XDSRegistryMetadataError", "FOLDER_NOT_SUPPORTED", "no folders", e.getAttribute("id"));
            }
        }
        Optional<RimObject> status = associations.stream()
                .filter(a -> Ns.UPDATE_STATUS.equals(a.element.getAttribute("associationType"))).findFirst();
        if (entries.isEmpty() && status.isPresent()) {
            return availability(status.get(), caller);
        }
        if (entries.size() == 1 && status.isEmpty()) {
            return newVersion(entries.get(0), associations, caller);
        }
        throw RegistryErrors.Failure.of("XDSMetadataUpdateError", "UPDATE_PATTERN",
                "an update is one new DocumentEntry version or one UpdateAvailabilityStatus association", "");
    }

    private Update availability(RimObject a, Caller caller) {
        String target = a.element.getAttribute("targetObject");
        String id = target.startsWith("urn:uuid:") ? target.substring(9) : target;
        String original = a.slot("OriginalStatus").orElse("");
        String next = a.slot("NewStatus").orElse("");
        return engine.store().write(() -> {
            caller.patientIns().ifPresent(ins -> engine.rules().checkRecord(caller, ins, false));
            StoredDocument d = engine.store().document(id).orElseThrow(() -> RegistryErrors.Failure.of(
                    "XDSMetadataUpdateError", "DOCUMENT_NOT_FOUND", "no such DocumentEntry", target));
            engine.rules().checkRecord(caller, d.patientIns(), false);
            String current = XdsMetadata.status(d);
            if (!visible(caller, d, true)) {
                throw RegistryErrors.Failure.of("XDSMetadataUpdateError", "DOCUMENT_NOT_FOUND", "no such DocumentEntry", target);
            }
            if (Ns.DELETED.equals(current)) {
                throw RegistryErrors.Failure.of("XDSMetadataUpdateError", "STATUS_TRANSITION", "Deleted is terminal", target);
            }
            if (!current.equals(original)) {
                throw RegistryErrors.Failure.of("XDSMetadataUpdateError", "STATUS_TRANSITION",
                        "OriginalStatus is not the current status", target);
            }
            boolean toDeleted = Ns.DELETED.equals(next);
            boolean toArchived = Ns.ARCHIVED.equals(next) && Ns.APPROVED.equals(current);
            boolean toApproved = Ns.APPROVED.equals(next) && Ns.ARCHIVED.equals(current);
            if (!toDeleted && !toArchived && !toApproved) {
                throw RegistryErrors.Failure.of("XDSMetadataUpdateError", "STATUS_TRANSITION",
                        "transition not allowed", target);
            }
            if (toDeleted && !AccessRules.isAuthor(caller, d)) {
                throw FhirException.of(403, "forbidden", "NOT_AUTHOR", "only an author may delete a document", "");
            }
            ObjectNode res = d.resource().deepCopy();
            if (toDeleted) {
                res.put("status", "entered-in-error");
            } else {
                ArrayNode ext = res.has("extension") ? (ArrayNode) res.get("extension") : res.putArray("extension");
                for (int i = ext.size() - 1; i >= 0; i--) {
                    if (SearchFields.IS_ARCHIVED.equals(ext.get(i).path("url").asText())) {
                        ext.remove(i);
                    }
                }
                ext.addObject().put("url", SearchFields.IS_ARCHIVED).put("valueBoolean", toArchived);
            }
            int version = d.version() + 1;
            res.putObject("meta").put("versionId", Integer.toString(version))
                    .put("lastUpdated", engine.clock().instant().toString());
            engine.store().putDocument(new StoredDocument(d.id(), d.binaryId(), d.patientIns(), d.uniqueId(), res,
                    d.content(), SearchFields.of(res), version));
            return new Update(d.patientIns(), toDeleted ? "TD3.3c" : "TD3.3d");
        });
    }

    private Update newVersion(RimObject eo, List<RimObject> associations, Caller caller) {
        String lidAttr = eo.element.getAttribute("lid");
        String lid = lidAttr.startsWith("urn:uuid:") ? lidAttr.substring(9) : lidAttr;
        Optional<RimObject> member = associations.stream().filter(a -> Ns.HAS_MEMBER.equals(a.element.getAttribute("associationType"))
                && eo.id.equals(a.element.getAttribute("targetObject"))).findFirst();
        String previous = member.flatMap(m -> m.slot("PreviousVersion")).orElseThrow(() -> RegistryErrors.Failure.of(
                "XDSMetadataUpdateError", "REQUIRED", "the HasMember association needs a PreviousVersion slot", eo.id));
        return engine.store().write(() -> {
            caller.patientIns().ifPresent(ins -> engine.rules().checkRecord(caller, ins, false));
            List<StoredDocument> versions = lid.isEmpty() ? List.of() : engine.store().versions(lid);
            StoredDocument latest = versions.stream().filter(v -> "current".equals(v.status()))
                    .max((x, y) -> Integer.compare(engine.store().versionName(x.id()), engine.store().versionName(y.id())))
                    .orElseThrow(() -> RegistryErrors.Failure.of("XDSMetadataUpdateError", "DOCUMENT_NOT_FOUND",
                            "no Approved DocumentEntry has this lid", lidAttr));
            engine.rules().checkRecord(caller, latest.patientIns(), false);
            if (!engine.rules().visible(caller, latest)) {
                throw RegistryErrors.Failure.of("XDSMetadataUpdateError", "DOCUMENT_NOT_FOUND", "no such lid", lidAttr);
            }
            if (!previous.equals(Integer.toString(engine.store().versionName(latest.id())))) {
                throw RegistryErrors.Failure.of("XDSMetadataVersionError", "VERSION_CONFLICT",
                        "PreviousVersion is not the latest version (" + engine.store().versionName(latest.id()) + ")", eo.id);
            }
            String uid = eo.identifiers.getOrDefault(Ns.DE_UNIQUE_ID, "");
            if (!uid.isEmpty() && !XdsMetadata.fhirUniqueId(uid).equals(latest.uniqueId())) {
                throw RegistryErrors.Failure.of("XDSMetadataUpdateError", "IMMUTABLE_FIELD", "the uniqueId cannot change", eo.id);
            }
            // only the confidentiality may change: the codes sent for the other coded fields must be the stored ones
            immutable(eo, Ns.DE_TYPE, latest.resource().path("type").path("coding").path(0));
            immutable(eo, Ns.DE_CLASS, latest.resource().path("category").path(0).path("coding").path(0));
            immutable(eo, Ns.DE_FORMAT, latest.resource().path("content").path(0).path("format"));
            String pid = eo.identifiers.getOrDefault(Ns.DE_PATIENT_ID, "");
            String[] pcx = pid.isEmpty() ? null : Iti41.parseCx(pid);
            if (!pid.isEmpty() && (pcx == null || !pcx[0].equals(latest.patientIns()))) {
                throw RegistryErrors.Failure.of("XDSMetadataUpdateError", "IMMUTABLE_FIELD", "the patientId cannot change", eo.id);
            }
            ObjectNode changed = latest.resource().deepCopy();
            ArrayNode labels = changed.putArray("securityLabel");
            int v3 = 0;
            for (RimObject.Coded c : eo.coded(Ns.DE_CONF)) {
                String system = XdsMetadata.system(c.codingScheme());
                if (!ValueSets.get().contains(ValueSets.CONFIDENTIALITY, system, c.code())) {
                    throw RegistryErrors.Failure.of("XDSRegistryMetadataError", "UNKNOWN_CODE",
                            "confidentialityCode " + c.code() + " is not in JDV_J58", eo.id);
                }
                if (ValueSets.V3_CONFIDENTIALITY.equals(ValueSets.get().normalize(system))) {
                    v3++;
                }
                ObjectNode coding = labels.addObject().putArray("coding").addObject();
                coding.put("system", system).put("code", c.code());
            }
            if (v3 != 1 || labels.size() > 4) {
                throw RegistryErrors.Failure.of("XDSRegistryMetadataError", "SECURITY_LABEL",
                        "exactly one N/R/V confidentialityCode and at most three visibility codes", eo.id);
            }
            engine.rules().checkChange(caller, latest, SearchFields.of(changed), latest.status());
            if (engine.patches().identity() == MetadataVersionIdentity.NEW_ENTRY_UUID) {
                Patches.newVersion(engine.store(), latest, changed, engine.clock());
            } else {
                int version = latest.version() + 1;
                changed.putObject("meta").put("versionId", Integer.toString(version))
                        .put("lastUpdated", engine.clock().instant().toString());
                engine.store().putDocument(new StoredDocument(latest.id(), latest.binaryId(), latest.patientIns(),
                        latest.uniqueId(), changed, latest.content(), SearchFields.of(changed), version));
                engine.store().putVersion(latest.id(), lid, engine.store().versionName(latest.id()) + 1);
            }
            return new Update(latest.patientIns(), "TD3.3a");
        });
    }
}
