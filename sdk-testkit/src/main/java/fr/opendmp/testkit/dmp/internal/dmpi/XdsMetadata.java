package fr.opendmp.testkit.dmp.internal.dmpi;

import fr.opendmp.core.code.CodeSystems;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.opendmp.testkit.dmp.internal.FhirDates;
import fr.opendmp.testkit.dmp.internal.Json;
import fr.opendmp.testkit.dmp.internal.StoredDocument;
import fr.opendmp.testkit.dmp.internal.ValueSets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one mapping between an XDS DocumentEntry and the stored DocumentReference (spec dmp-xds §16.1,
 * PDSM4DMP ConceptMaps): a deposit over XDS is stored as the DocumentReference the FHIR side serves,
 * and every stored document is rendered back as an ExtrinsicObject.
 */
final class XdsMetadata {
    static final String PS_SYSTEM = CodeSystems.ID_NAT_PS;
    static final String STRUCTURE_SYSTEM = CodeSystems.ID_NAT_STRUCT;
    static final String RFC3986 = "urn:ietf:rfc:3986";
    static final String URN_SYSTEM = "URN";

    private XdsMetadata() {
    }

    /** @return the FHIR form of an XDS uniqueId (an OID becomes {@code urn:oid:OID}) */
    static String fhirUniqueId(String xds) {
        return xds.matches("[0-2](\\.\\d+)+") ? "urn:oid:" + xds : xds;
    }

    /** @return the XDS form of a stored uniqueId */
    static String xdsUniqueId(String fhir) {
        return fhir.startsWith("urn:oid:") ? fhir.substring("urn:oid:".length()) : fhir;
    }

    /**
     * @param eo the ExtrinsicObject
     * @param ins the patient matricule
     * @param insOid the INS OID of the patientId
     * @param content the document bytes
     * @param fallbackStructure the structure id used as custodian when no author institution is given
     * @return the DocumentReference to store (comprehensive form, attachment url to be set by storage)
     */
    static ObjectNode toDocumentReference(RimObject eo, String ins, String insOid, byte[] content,
            String fallbackStructure) {
        ObjectNode d = Json.object();
        d.put("resourceType", "DocumentReference");
        ArrayNode contained = d.putArray("contained");
        ObjectNode pat = contained.addObject().put("resourceType", "Patient").put("id", "pat");
        pat.putArray("identifier").addObject().put("system", "urn:oid:" + insOid).put("value", ins);
        String uniqueId = eo.identifiers.getOrDefault(Ns.DE_UNIQUE_ID, "");
        d.putObject("masterIdentifier").put("system", RFC3986).put("value", fhirUniqueId(uniqueId));
        d.put("status", "current");
        eo.first(Ns.DE_TYPE).ifPresent(c -> coding(d.putObject("type"), c));
        eo.first(Ns.DE_CLASS).ifPresent(c -> coding(d.putArray("category").addObject(), c));
        d.putObject("subject").put("reference", "Patient?identifier=urn:oid:" + insOid + "|" + ins);
        eo.slot("creationTime").flatMap(Dtm::parse).ifPresent(t -> d.put("date", t.toString()));
        ArrayNode authors = d.putArray("author");
        int n = 0;
        Optional<String> institution = Optional.empty();
        for (RimObject.Coded a : eo.coded(Ns.DE_AUTHOR)) {
            Optional<String> person = first(a.slots(), "authorPerson");
            Optional<String> inst = first(a.slots(), "authorInstitution");
            Optional<String> specialty = first(a.slots(), "authorSpecialty");
            Optional<String> role = first(a.slots(), "authorRole");
            if (person.isPresent()) {
                String cid = "aut" + (++n);
                ObjectNode pr = contained.addObject().put("resourceType", "Practitioner").put("id", cid);
                xcn(pr, person.get());
                if (inst.isEmpty() && specialty.isEmpty() && role.isEmpty()) {
                    authors.addObject().put("reference", "#" + cid);
                } else {
                    // the FHIR contract's shape: a PractitionerRole with organization, code (role) and specialty
                    ObjectNode pro = contained.addObject().put("resourceType", "PractitionerRole").put("id", cid + "-role");
                    pro.putArray("identifier").addObject().put("system", PS_SYSTEM).put("value", person.get().split("\\^", -1)[0]);
                    pro.putObject("practitioner").put("reference", "#" + cid);
                    inst.ifPresent(x -> {
                        String[] f = x.split("\\^", -1);
                        ObjectNode org = pro.putObject("organization");
                        org.putObject("identifier").put("system", STRUCTURE_SYSTEM).put("value", f.length > 9 ? f[9] : "");
                        if (!f[0].isBlank()) {
                            org.put("display", f[0]);
                        }
                    });
                    role.ifPresent(x -> concept(pro.putArray("code").addObject(), x));
                    specialty.ifPresent(x -> concept(pro.putArray("specialty").addObject(), x));
                    authors.addObject().put("reference", "#" + cid + "-role");
                }
            }
            if (inst.isPresent() && institution.isEmpty()) {
                institution = xonId(inst.get());
            }
        }
        eo.slot("legalAuthenticator").ifPresent(xcn -> {
            ObjectNode pr = contained.addObject().put("resourceType", "Practitioner").put("id", "leg");
            xcn(pr, xcn);
            d.putObject("authenticator").put("reference", "#leg");
        });
        d.putObject("custodian").putObject("identifier").put("system", STRUCTURE_SYSTEM)
                .put("value", institution.orElse(fallbackStructure));
        ArrayNode labels = d.putArray("securityLabel");
        for (RimObject.Coded c : eo.coded(Ns.DE_CONF)) {
            coding(labels.addObject(), c);
        }
        if (!eo.description.isEmpty()) {
            d.put("description", eo.description);
        }
        ObjectNode content0 = d.putArray("content").addObject();
        ObjectNode att = content0.putObject("attachment");
        att.put("contentType", eo.element.getAttribute("mimeType"));
        eo.slot("languageCode").ifPresent(l -> att.put("language", l));
        att.put("url", "cid:" + eo.id);
        att.put("size", content.length);
        att.put("hash", fr.opendmp.testkit.dmp.internal.Deposits.sha1(content));
        att.put("title", eo.name);
        eo.slot("creationTime").flatMap(Dtm::parse).ifPresent(t -> att.put("creation", t.toString()));
        eo.first(Ns.DE_FORMAT).ifPresent(c -> {
            ObjectNode f = content0.putObject("format");
            f.put("system", system(c.codingScheme())).put("code", c.code());
            if (!c.display().isEmpty()) {
                f.put("display", c.display());
            }
        });
        ObjectNode ctx = d.putObject("context");
        ArrayNode events = null;
        for (RimObject.Coded c : eo.coded(Ns.DE_EVENT)) {
            events = events == null ? ctx.putArray("event") : events;
            coding(events.addObject(), c);
        }
        Optional<String> start = eo.slot("serviceStartTime").flatMap(Dtm::parse).map(Object::toString);
        Optional<String> stop = eo.slot("serviceStopTime").flatMap(Dtm::parse).map(Object::toString);
        if (start.isPresent() || stop.isPresent()) {
            ObjectNode p = ctx.putObject("period");
            start.ifPresent(s -> p.put("start", s));
            stop.ifPresent(s -> p.put("end", s));
        }
        eo.first(Ns.DE_FACILITY).ifPresent(c -> coding(ctx.putObject("facilityType"), c));
        eo.first(Ns.DE_PRACTICE).ifPresent(c -> coding(ctx.putObject("practiceSetting"), c));
        ctx.putObject("sourcePatientInfo").put("reference", "#pat");
        return d;
    }

    /**
     * @return the SubmissionSet as the FHIR SubmissionSet List (MHD): code submissionset, subject, date
     *     (submissionTime), identifier (uniqueId, sourceId), title, source author (entries added at storage)
     */
    static ObjectNode submissionSetList(RimObject ss, String ins, String insOid) {
        ObjectNode l = Json.object();
        l.put("resourceType", "List");
        ArrayNode ids = l.putArray("identifier");
        ids.addObject().put("use", "usual").put("system", RFC3986)
                .put("value", fhirUniqueId(ss.identifiers.getOrDefault(Ns.SS_UNIQUE_ID, "")));
        l.put("status", "current").put("mode", "working");
        if (!ss.name.isEmpty()) {
            l.put("title", ss.name);
        }
        l.putObject("code").putArray("coding").addObject()
                .put("system", "https://profiles.ihe.net/ITI/MHD/CodeSystem/MHDlistTypes").put("code", "submissionset");
        l.putObject("subject").put("reference", "Patient?identifier=urn:oid:" + insOid + "|" + ins);
        ss.slot("submissionTime").flatMap(Dtm::parse).ifPresent(t -> l.put("date", t.toString()));
        ss.first(Ns.SS_AUTHOR).flatMap(a -> first(a.slots(), "authorPerson")).ifPresent(p -> {
            ObjectNode pr = l.putArray("contained").addObject().put("resourceType", "Practitioner").put("id", "aut");
            xcn(pr, p);
            l.putObject("source").put("reference", "#aut");
        });
        String source = ss.identifiers.getOrDefault(Ns.SS_SOURCE_ID, "");
        if (!source.isEmpty()) {
            l.putArray("extension").addObject().put("url", "https://profiles.ihe.net/ITI/MHD/StructureDefinition/ihe-sourceId")
                    .putObject("valueIdentifier").put("value", fhirUniqueId(source));
        }
        return l;
    }

    /** A coded slot value {@code code^display^codingScheme} as a CodeableConcept. */
    private static void concept(ObjectNode concept, String value) {
        String[] f = value.split("\\^", -1);
        ObjectNode c = concept.putArray("coding").addObject();
        if (f.length > 2 && !f[2].isBlank()) {
            c.put("system", system(f[2]));
        }
        c.put("code", f[0]);
        if (f.length > 1 && !f[1].isBlank()) {
            c.put("display", f[1]);
        }
    }

    private static String slotCode(JsonNode concept) {
        JsonNode c = concept.path("coding").path(0);
        return c.path("code").asText("") + "^" + c.path("display").asText("") + "^" + codingScheme(c.path("system").asText(""));
    }

    private static Optional<String> first(Map<String, List<String>> slots, String name) {
        List<String> v = slots.getOrDefault(name, List.of());
        return v.isEmpty() || v.get(0).isBlank() ? Optional.empty() : Optional.of(v.get(0));
    }

    private static void xcn(ObjectNode practitioner, String xcn) {
        String[] f = xcn.split("\\^", -1);
        practitioner.putArray("identifier").addObject().put("system", PS_SYSTEM).put("value", f[0]);
        if (f.length > 2 && !(f[1] + f[2]).isBlank()) {
            ObjectNode name = practitioner.putArray("name").addObject();
            if (!f[1].isBlank()) {
                name.put("family", f[1]);
            }
            if (!f[2].isBlank()) {
                name.putArray("given").add(f[2]);
            }
        }
    }

    private static Optional<String> xonId(String xon) {
        String[] f = xon.split("\\^", -1);
        return f.length > 9 && !f[9].isBlank() ? Optional.of(f[9]) : Optional.empty();
    }

    /** @return the FHIR system of an XDS codingScheme */
    static String system(String codingScheme) {
        return codingScheme.matches("[0-2](\\.\\d+)+") ? "urn:oid:" + codingScheme
                : URN_SYSTEM.equals(codingScheme) ? RFC3986 : codingScheme;
    }

    /** @return the XDS codingScheme of a FHIR system */
    static String codingScheme(String system) {
        if (RFC3986.equals(system)) {
            return URN_SYSTEM;
        }
        return ValueSets.get().normalize(system);
    }

    private static void coding(ObjectNode concept, RimObject.Coded c) {
        ObjectNode coding = concept.putArray("coding").addObject();
        coding.put("system", system(c.codingScheme())).put("code", c.code());
        if (!c.display().isEmpty()) {
            coding.put("display", c.display());
        }
    }

    // ---------------------------------------------------------------- stored → ExtrinsicObject

    /** @return the XDS availabilityStatus of a stored document */
    static String status(StoredDocument d) {
        return switch (d.status()) {
            case "superseded" -> Ns.DEPRECATED;
            case "entered-in-error" -> Ns.DELETED;
            default -> d.fields().archived() ? Ns.ARCHIVED : Ns.APPROVED;
        };
    }

    /** @return the patient CX of a stored document ({@code ins^^^&oid&ISO^NH}) */
    static String patientCx(StoredDocument d) {
        String ref = d.resource().path("subject").path("reference").asText("");
        String oid = "1.2.250.1.213.1.4.10";
        int bar = ref.indexOf('|');
        if (ref.startsWith("Patient?identifier=urn:oid:") && bar > 0) {
            oid = ref.substring("Patient?identifier=urn:oid:".length(), bar);
        }
        return d.patientIns() + "^^^&" + oid + "&ISO^NH";
    }

    /**
     * @param d the stored document
     * @param lid its logical id
     * @param versionName its metadata version (1 for the first)
     * @param repositoryUniqueId the repository's OID
     * @return the LeafClass ExtrinsicObject
     */
    static String extrinsicObject(StoredDocument d, String lid, int versionName, String repositoryUniqueId) {
        JsonNode r = d.resource();
        String id = "urn:uuid:" + d.id();
        StringBuilder b = new StringBuilder(2048);
        b.append("<rim:ExtrinsicObject id=\"").append(id).append("\" lid=\"urn:uuid:").append(Xml.esc(lid))
                .append("\" mimeType=\"").append(Xml.esc(d.contentType())).append("\" objectType=\"")
                .append(Ns.DOC_ENTRY).append("\" status=\"").append(status(d)).append("\">");
        JsonNode att = r.path("content").path(0).path("attachment");
        Optional<String> created = FhirDates.instant(r.path("date").asText()).map(Dtm::format);
        created.ifPresent(c -> slot(b, "creationTime", c));
        slot(b, "hash", HexFormat.of().formatHex(Base64.getDecoder().decode(att.path("hash").asText(""))));
        if (att.hasNonNull("language")) {
            slot(b, "languageCode", att.path("language").asText());
        }
        contained(r, r.path("authenticator").path("reference").asText("")).ifPresent(p ->
                slot(b, "legalAuthenticator", xcnOf(p)));
        slot(b, "repositoryUniqueId", repositoryUniqueId);
        FhirDates.instant(r.path("context").path("period").path("start").asText()).map(Dtm::format)
                .ifPresent(v -> slot(b, "serviceStartTime", v));
        FhirDates.instant(r.path("context").path("period").path("end").asText()).map(Dtm::format)
                .ifPresent(v -> slot(b, "serviceStopTime", v));
        slot(b, "size", Long.toString(d.content().length));
        slot(b, "sourcePatientId", patientCx(d));
        localized(b, "Name", att.path("title").asText(""));
        if (r.hasNonNull("description")) {
            localized(b, "Description", r.path("description").asText());
        }
        b.append("<rim:VersionInfo versionName=\"").append(versionName).append("\"/>");
        int n = 0;
        for (JsonNode a : r.path("author")) {
            Optional<JsonNode> p = contained(r, a.path("reference").asText(""));
            if (p.isEmpty()) {
                continue;
            }
            Optional<JsonNode> role = Optional.empty();
            if ("PractitionerRole".equals(p.get().path("resourceType").asText())) {
                role = p;
                p = contained(r, p.get().path("practitioner").path("reference").asText(""));
            }
            String cid = id + "-author" + (++n);
            b.append("<rim:Classification classificationScheme=\"").append(Ns.DE_AUTHOR).append("\" classifiedObject=\"")
                    .append(id).append("\" id=\"").append(Xml.esc(cid)).append("\" nodeRepresentation=\"\">");
            if (p.isPresent()) {
                slot(b, "authorPerson", xcnOf(p.get()));
            }
            if (role.isPresent() && role.get().has("organization")) {
                JsonNode org = role.get().path("organization");
                slot(b, "authorInstitution", org.path("display").asText("") + "^^^^^&" + CodeSystems.ID_NAT_STRUCT_OID + "&ISO^IDNST^^^"
                        + org.path("identifier").path("value").asText(""));
            } else if (role.isEmpty() && r.path("custodian").path("identifier").hasNonNull("value")) {
                slot(b, "authorInstitution", "^^^^^&" + CodeSystems.ID_NAT_STRUCT_OID + "&ISO^IDNST^^^"
                        + r.path("custodian").path("identifier").path("value").asText());
            }
            if (role.isPresent()) {
                for (JsonNode c : role.get().path("code")) {
                    slot(b, "authorRole", slotCode(c));
                }
                for (JsonNode c : role.get().path("specialty")) {
                    slot(b, "authorSpecialty", slotCode(c));
                }
            }
            b.append("</rim:Classification>");
        }
        classification(b, id, Ns.DE_CLASS, r.path("category").path(0).path("coding").path(0), "class");
        for (JsonNode l : r.path("securityLabel")) {
            classification(b, id, Ns.DE_CONF, l.path("coding").path(0), "conf" + (++n));
        }
        for (JsonNode e : r.path("context").path("event")) {
            classification(b, id, Ns.DE_EVENT, e.path("coding").path(0), "event" + (++n));
        }
        classification(b, id, Ns.DE_FORMAT, r.path("content").path(0).path("format"), "format");
        classification(b, id, Ns.DE_FACILITY, r.path("context").path("facilityType").path("coding").path(0), "facility");
        classification(b, id, Ns.DE_PRACTICE, r.path("context").path("practiceSetting").path("coding").path(0),
                "practice");
        classification(b, id, Ns.DE_TYPE, r.path("type").path("coding").path(0), "type");
        identifier(b, id, Ns.DE_PATIENT_ID, patientCx(d), "XDSDocumentEntry.patientId");
        identifier(b, id, Ns.DE_UNIQUE_ID, xdsUniqueId(d.uniqueId()), "XDSDocumentEntry.uniqueId");
        return b.append("</rim:ExtrinsicObject>").toString();
    }

    private static Optional<JsonNode> contained(JsonNode r, String ref) {
        if (!ref.startsWith("#")) {
            return Optional.empty();
        }
        for (JsonNode c : r.path("contained")) {
            if (ref.substring(1).equals(c.path("id").asText())) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    private static String xcnOf(JsonNode practitioner) {
        String id = practitioner.path("identifier").path(0).path("value").asText("");
        JsonNode name = practitioner.path("name").path(0);
        return id + "^" + name.path("family").asText("") + "^" + name.path("given").path(0).asText("")
                + "^^^^^^&" + CodeSystems.ID_NAT_PS_OID + "&ISO^D^^^IDNPS";
    }

    private static void classification(StringBuilder b, String id, String scheme, JsonNode coding, String suffix) {
        if (coding.isMissingNode() || !coding.hasNonNull("code")) {
            return;
        }
        b.append("<rim:Classification classificationScheme=\"").append(scheme).append("\" classifiedObject=\"")
                .append(id).append("\" id=\"").append(id).append('-').append(suffix)
                .append("\" nodeRepresentation=\"").append(Xml.esc(coding.path("code").asText())).append("\">");
        slot(b, "codingScheme", codingScheme(coding.path("system").asText("")));
        localized(b, "Name", coding.path("display").asText(""));
        b.append("</rim:Classification>");
    }

    private static void identifier(StringBuilder b, String id, String scheme, String value, String name) {
        b.append("<rim:ExternalIdentifier id=\"").append(id).append('-').append(name.substring(name.lastIndexOf('.') + 1))
                .append("\" identificationScheme=\"").append(scheme).append("\" objectType=\"")
                .append("urn:oasis:names:tc:ebxml-regrep:ObjectType:RegistryObject:ExternalIdentifier")
                .append("\" registryObject=\"").append(id).append("\" value=\"").append(Xml.esc(value)).append("\">");
        localized(b, "Name", name);
        b.append("</rim:ExternalIdentifier>");
    }

    static void slot(StringBuilder b, String name, String value) {
        b.append("<rim:Slot name=\"").append(Xml.esc(name)).append("\"><rim:ValueList><rim:Value>")
                .append(Xml.esc(value)).append("</rim:Value></rim:ValueList></rim:Slot>");
    }

    private static void localized(StringBuilder b, String what, String value) {
        b.append("<rim:").append(what).append("><rim:LocalizedString charset=\"UTF8\" xml:lang=\"FR\" value=\"")
                .append(Xml.esc(value)).append("\"/></rim:").append(what).append('>');
    }
}
