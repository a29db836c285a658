package fr.opendmp.testkit.dmp;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/** Strict-valid DocumentReference / Bundle fixtures built with Jackson's tree model. */
final class Docs {
    static final String CDA = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ClinicalDocument xmlns=\"urn:hl7-org:v3\">"
            + "<code code=\"11488-4\" codeSystem=\"2.16.840.1.113883.6.1\"/><title>CR</title></ClinicalDocument>";
    static final String AUTHOR = "899700218896";

    private Docs() {
    }

    static String uniqueId(int n) {
        return "urn:oid:1.2.250.1.999.1.1." + n;
    }

    /** A comprehensive DocumentReference (ITI-65 form) valid in strict mode. */
    static ObjectNode comprehensive(String ins, String uniqueId, String authorId, String binaryUrl, byte[] content) {
        ObjectNode d = RawHttp.MAPPER.createObjectNode();
        d.put("resourceType", "DocumentReference");
        ArrayNode contained = d.putArray("contained");
        contained.addObject().put("resourceType", "Patient").put("id", "pat").putArray("identifier").addObject()
                .put("system", RawHttp.INS_SYSTEM).put("value", ins);
        contained.addObject().put("resourceType", "Practitioner").put("id", "aut").putArray("identifier").addObject()
                .put("system", "urn:oid:1.2.250.1.71.4.2.1").put("value", authorId);
        d.putObject("masterIdentifier").put("system", "urn:ietf:rfc:3986").put("value", uniqueId);
        d.put("status", "current");
        coding(d.putObject("type"), "http://loinc.org", "11488-4");
        coding(d.putArray("category").addObject(),
                "https://mos.esante.gouv.fr/NOS/TRE_A03-ClasseDocument/FHIR/TRE-A03-ClasseDocument", "10");
        d.putObject("subject").put("reference", "Patient?identifier=" + RawHttp.INS_SYSTEM + "|" + ins);
        d.put("date", "2026-06-12T10:00:00+02:00");
        d.putArray("author").addObject().put("reference", "#aut");
        d.putObject("authenticator").put("reference", "#aut");
        d.putObject("custodian").putObject("identifier").put("system", "urn:oid:1.2.250.1.71.4.2.2")
                .put("value", "1750000001");
        coding(d.putArray("securityLabel").addObject(), "http://terminology.hl7.org/CodeSystem/v3-Confidentiality", "N");
        ObjectNode content0 = d.putArray("content").addObject();
        ObjectNode att = content0.putObject("attachment");
        att.put("contentType", "application/xml").put("language", "fr-FR").put("url", binaryUrl)
                .put("size", content.length).put("hash", sha1(content)).put("title", "CR de consultation")
                .put("creation", "2026-06-12T10:00:00+02:00");
        content0.putObject("format").put("system", "urn:oid:1.3.6.1.4.1.19376.1.2.3")
                .put("code", "urn:ihe:iti:xds-sd:pdf:2008");
        ObjectNode ctx = d.putObject("context");
        ctx.putObject("period").put("start", "2026-06-12T09:00:00+02:00");
        ctx.putObject("sourcePatientInfo").put("reference", "#pat");
        coding(ctx.putObject("facilityType"), "urn:oid:1.2.250.1.71.4.2.4", "SA07");
        coding(ctx.putObject("practiceSetting"), "urn:oid:1.2.250.1.213.1.1.4.9", "AMBULATOIRE");
        return d;
    }

    /** An ITI-65 transaction with one document, valid in strict mode. */
    static ObjectNode bundle(String ins, String uniqueId, String authorId, byte[] content) {
        ObjectNode b = RawHttp.MAPPER.createObjectNode();
        b.put("resourceType", "Bundle").put("type", "transaction");
        ArrayNode entries = b.putArray("entry");
        ObjectNode ss = entries.addObject().put("fullUrl", "urn:uuid:00000000-0000-0000-0000-000000000001");
        ObjectNode list = ss.putObject("resource");
        list.put("resourceType", "List");
        list.putArray("contained").addObject().put("resourceType", "Practitioner").put("id", "aut")
                .putArray("identifier").addObject().put("system", "urn:oid:1.2.250.1.71.4.2.1").put("value", authorId);
        list.putArray("identifier").addObject().put("use", "usual").put("system", "urn:ietf:rfc:3986")
                .put("value", uniqueId + ".99");
        list.put("status", "current").put("mode", "working");
        coding(list.putObject("code"), "https://profiles.ihe.net/ITI/MHD/CodeSystem/MHDlistTypes", "submissionset");
        list.putObject("subject").put("reference", "Patient?identifier=" + RawHttp.INS_SYSTEM + "|" + ins);
        list.put("date", "2026-06-12T10:05:00+02:00");
        list.putObject("source").put("reference", "#aut");
        list.putArray("entry").addObject().putObject("item").put("reference",
                "urn:uuid:00000000-0000-0000-0000-000000000002");
        ss.putObject("request").put("method", "POST").put("url", "List");
        ObjectNode de = entries.addObject().put("fullUrl", "urn:uuid:00000000-0000-0000-0000-000000000002");
        de.set("resource", comprehensive(ins, uniqueId, authorId, "urn:uuid:00000000-0000-0000-0000-000000000003",
                content));
        de.putObject("request").put("method", "POST").put("url", "DocumentReference");
        ObjectNode be = entries.addObject().put("fullUrl", "urn:uuid:00000000-0000-0000-0000-000000000003");
        be.putObject("resource").put("resourceType", "Binary").put("contentType", "application/xml")
                .put("data", Base64.getEncoder().encodeToString(content));
        be.putObject("request").put("method", "POST").put("url", "Binary");
        return b;
    }

    static ObjectNode bundle(String ins, String uniqueId) {
        return bundle(ins, uniqueId, AUTHOR, CDA.getBytes(StandardCharsets.UTF_8));
    }

    private static void coding(ObjectNode concept, String system, String code) {
        concept.putArray("coding").addObject().put("system", system).put("code", code);
    }

    static String sha1(byte[] b) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1").digest(b));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
