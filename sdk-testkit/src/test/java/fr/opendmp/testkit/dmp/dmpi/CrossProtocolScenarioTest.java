package fr.opendmp.testkit.dmp.dmpi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.opendmp.testkit.dmp.AuthMode;
import fr.opendmp.testkit.dmp.FakeDmp;
import fr.opendmp.testkit.dmp.Fault;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One fake, two protocols: what is done over DMPi is seen over FHIR and the reverse (AuthMode.OFF). */
class CrossProtocolScenarioTest {
    static final String INS = "279119913400976";
    static final String OID = "1.2.250.1.213.1.4.10";
    static final String CX = INS + "^^^&amp;" + OID + "&amp;ISO^NH";
    static final String AUTHOR = "899700218896";
    static final String OTHER = "899700000017";
    static final String PNR = "urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-b";
    static final String QUERY = "urn:ihe:iti:2007:RegistryStoredQuery";
    static final String RETRIEVE = "urn:ihe:iti:2007:RetrieveDocumentSet";
    static final String UPDATE = "urn:ihe:iti:2010:UpdateDocumentSet";
    static final String CDA = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ClinicalDocument xmlns=\"urn:hl7-org:v3\">"
            + "<code code=\"11488-4\" codeSystem=\"2.16.840.1.113883.6.1\"/><title>CR</title></ClinicalDocument>";
    static final ObjectMapper JSON = new ObjectMapper();
    static FakeDmp dmp;
    static int counter;

    @BeforeAll
    static void start() {
        dmp = FakeDmp.builder().auth(AuthMode.OFF).requireSignatureEntry(false).start();
    }

    @AfterAll
    static void stop() {
        dmp.close();
    }

    static URI svc(String s) {
        return URI.create(dmp.dmpiBaseUri() + "/" + s);
    }

    static String assertion(String ps, String mode) {
        return DmpiMessages.template("assertion-unsigned.xml", Map.of("MESSAGE_ID", DmpiMessages.id(), "PS", ps,
                "PATIENT_CX", CX, "MODE", mode, "REASON", "urgence vitale"));
    }

    static String deposit(String uid) {
        String mid = DmpiMessages.id();
        String body = DmpiMessages.template("iti41-request.xml", Map.of("PATIENT_CX", CX, "DOC_UID", uid,
                "SS_UID", uid + ".99", "AUTHOR", AUTHOR, "MESSAGE_ID", mid));
        var a = DmpiMessages.postMtom(svc("repository"), PNR, DmpiMessages.envelope(PNR, assertion(AUTHOR, "normal"), body, mid),
                mid, CDA.getBytes(StandardCharsets.UTF_8));
        assertThat(a.xpath("//rs:RegistryResponse/@status")).as(a.xpath("//rs:RegistryError/@codeContext"))
                .endsWith(":Success");
        assertThat(a.xpath("//wsa:RelatesTo")).isEqualTo("urn:uuid:" + mid);
        return uid;
    }

    static DmpiMessages.Answer find(String ps, String mode, String statuses) {
        String mid = DmpiMessages.id();
        String body = DmpiMessages.template("iti18-find.xml", Map.of("PATIENT_CX", CX, "STATUSES", statuses,
                "RETURN_TYPE", "LeafClass"));
        return DmpiMessages.post(svc("registry"), QUERY, DmpiMessages.envelope(QUERY, assertion(ps, mode), body, mid));
    }

    static JsonNode fhirSearch(String query) throws Exception {
        HttpResponse<String> r = DmpiMessages.HTTP.send(HttpRequest.newBuilder(URI.create(dmp.baseUri()
                + "/DocumentReference?patient.identifier=" + URLEncoder.encode("urn:oid:1.2.250.1.213.1.4.8|" + INS,
                StandardCharsets.UTF_8) + query)).GET().build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body());
    }

    static String uid() {
        return "1.2.250.1.999.7." + System.nanoTime() % 1_000_000 + "." + (++counter);
    }

    static String entryOf(String uid) throws Exception {
        for (JsonNode e : fhirSearch("&status=current,superseded,entered-in-error").path("entry")) {
            if (("urn:oid:" + uid).equals(e.path("resource").path("masterIdentifier").path("value").asText())
                    && "current".equals(e.path("resource").path("status").asText())) {
                return e.path("resource").path("id").asText();
            }
        }
        throw new AssertionError("not found over FHIR");
    }

    @Test
    void aDocumentDepositedOverXdsIsFoundAndReadOverFhirAndOverXds() throws Exception {
        String uid = deposit(uid());
        String id = entryOf(uid);
        var found = find(AUTHOR, "normal", "'urn:oasis:names:tc:ebxml-regrep:StatusType:Approved'");
        assertThat(found.xpath("//rim:ExtrinsicObject[rim:ExternalIdentifier/@value='" + uid + "']/@id"))
                .isEqualTo("urn:uuid:" + id);
        String author = "//rim:ExtrinsicObject[@id='urn:uuid:" + id + "']/rim:Classification[@classificationScheme="
                + "'urn:uuid:93606bcf-9494-43ec-9b4e-a7748d1a838d']";
        assertThat(found.xpath(author + "/rim:Slot[@name='authorPerson']/rim:ValueList/rim:Value")).startsWith(AUTHOR + "^");
        assertThat(found.xpath(author + "/rim:Slot[@name='authorInstitution']/rim:ValueList/rim:Value")).endsWith("^1750000001");
        assertThat(found.xpath(author + "/rim:Slot[@name='authorSpecialty']/rim:ValueList/rim:Value"))
                .startsWith("G15_10/SM26^").endsWith("^1.2.250.1.213.1.1.4.5");
        assertThat(fhirSearch("").toString()).contains("PractitionerRole").contains("G15_10/SM26");
        HttpResponse<String> lists = DmpiMessages.HTTP.send(HttpRequest.newBuilder(URI.create(dmp.baseUri()
                + "/List?code=submissionset&patient.identifier=" + URLEncoder.encode("urn:oid:1.2.250.1.213.1.4.8|" + INS,
                StandardCharsets.UTF_8))).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(lists.body()).contains("urn:oid:" + uid + ".99").contains("DocumentReference/" + id);
        assertThat(found.xpath("//rim:ExtrinsicObject[@id='urn:uuid:" + id + "']/rim:Slot[@name='size']/rim:ValueList/rim:Value"))
                .isEqualTo(Integer.toString(CDA.getBytes(StandardCharsets.UTF_8).length));
        String mid = DmpiMessages.id();
        var got = DmpiMessages.post(svc("repository"), RETRIEVE, DmpiMessages.envelope(RETRIEVE, assertion(AUTHOR, "normal"),
                DmpiMessages.template("iti43-request.xml", Map.of("REPOSITORY", "1.2.250.1.213.4.1.1.1.2", "DOC_UID", uid)), mid));
        assertThat(got.contentType()).startsWith("multipart/related");
        assertThat(new String(got.body(), StandardCharsets.UTF_8)).contains(CDA.substring(40));
        assertThat(got.xpath("//xds:DocumentResponse/xds:Document/xop:Include/@href")).startsWith("cid:");
    }

    @Test
    void aDocumentDepositedOverFhirIsFoundOverXds() throws Exception {
        String uid = uid();
        String dr = "{\"resourceType\":\"DocumentReference\",\"masterIdentifier\":{\"system\":\"urn:ietf:rfc:3986\",\"value\":\"urn:oid:"
                + uid + "\"},\"status\":\"current\",\"type\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"11488-4\"}]},"
                + "\"subject\":{\"reference\":\"Patient?identifier=urn:oid:1.2.250.1.213.1.4.10|" + INS + "\"},"
                + "\"date\":\"2026-06-12T10:00:00+02:00\",\"author\":[{\"reference\":\"#a\"}],\"contained\":[{\"resourceType\":"
                + "\"Practitioner\",\"id\":\"a\",\"identifier\":[{\"system\":\"urn:oid:1.2.250.1.71.4.2.1\",\"value\":\"" + AUTHOR + "\"}]}],"
                + "\"custodian\":{\"identifier\":{\"system\":\"urn:oid:1.2.250.1.71.4.2.2\",\"value\":\"1750000001\"}},"
                + "\"content\":[{\"attachment\":{\"contentType\":\"text/xml\",\"title\":\"CR\",\"data\":\""
                + java.util.Base64.getEncoder().encodeToString(CDA.getBytes(StandardCharsets.UTF_8)) + "\"}}]}";
        dmp.seedDocument(fr.opendmp.testkit.dmp.FakeProfessional.doctor(AUTHOR), dr);
        var found = find(AUTHOR, "normal", "'urn:oasis:names:tc:ebxml-regrep:StatusType:Approved'");
        assertThat(found.count("//rim:ExtrinsicObject[rim:ExternalIdentifier/@value='" + uid + "']")).isEqualTo(1);
    }

    @Test
    void maskingOverXdsMakesANewVersionSeenOverFhir() throws Exception {
        String uid = deposit(uid());
        String id = entryOf(uid);
        String mid = DmpiMessages.id();
        var a = DmpiMessages.post(svc("registry"), UPDATE, DmpiMessages.envelope(UPDATE, assertion(AUTHOR, "normal"),
                DmpiMessages.template("iti57-mask.xml", Map.of("LID", id, "DOC_UID", uid, "PREVIOUS", "1")), mid));
        assertThat(a.xpath("//rs:RegistryResponse/@status")).as(a.xpath("//rs:RegistryError/@codeContext")).endsWith(":Success");
        assertThat(a.xpath("//wsa:Action")).isEqualTo("urn:ihe:iti:2010:UpdateDocumentSet-Response");
        String newId = entryOf(uid);
        assertThat(newId).isNotEqualTo(id);
        var found = find(AUTHOR, "normal", "'urn:oasis:names:tc:ebxml-regrep:StatusType:Approved'");
        assertThat(found.xpath("//rim:ExtrinsicObject[@id='urn:uuid:" + newId + "']/@lid")).as(new String(found.body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("urn:uuid:" + id);
        assertThat(found.xpath("//rim:ExtrinsicObject[@id='urn:uuid:" + newId + "']/rim:VersionInfo/@versionName")).isEqualTo("2");
        var other = find(OTHER, "normal", "'urn:oasis:names:tc:ebxml-regrep:StatusType:Approved'");
        assertThat(other.count("//rim:ExtrinsicObject[rim:ExternalIdentifier/@value='" + uid + "']")).isZero();
        var stale = DmpiMessages.post(svc("registry"), UPDATE, DmpiMessages.envelope(UPDATE, assertion(AUTHOR, "normal"),
                DmpiMessages.template("iti57-mask.xml", Map.of("LID", id, "DOC_UID", uid, "PREVIOUS", "1")), DmpiMessages.id()));
        assertThat(stale.xpath("//rs:RegistryError/@errorCode")).isEqualTo("XDSMetadataVersionError");
        var typeChanged = DmpiMessages.post(svc("registry"), UPDATE, DmpiMessages.envelope(UPDATE, assertion(AUTHOR, "normal"),
                DmpiMessages.template("iti57-mask.xml", Map.of("LID", id, "DOC_UID", uid, "PREVIOUS", "2",
                        "EXTRA_CLASSIFICATIONS", "<rim:Classification classificationScheme=\"urn:uuid:f0306f51-975f-434e-a61c-c59651d33983\" "
                                + "classifiedObject=\"Document01\" id=\"t1\" nodeRepresentation=\"34133-9\"/>")), DmpiMessages.id()));
        assertThat(typeChanged.xpath("//rs:RegistryError/@codeContext")).startsWith("IMMUTABLE_FIELD");
    }

    @Test
    void archiveOverXdsIsArchivedOverFhirAndDeleteIsForTheAuthorOnly() throws Exception {
        String uid = deposit(uid());
        String id = entryOf(uid);
        var arch = DmpiMessages.post(svc("registry"), UPDATE, DmpiMessages.envelope(UPDATE, assertion(AUTHOR, "normal"),
                DmpiMessages.template("iti57-status.xml", Map.of("ENTRY_UUID", id, "ORIGINAL",
                        "urn:oasis:names:tc:ebxml-regrep:StatusType:Approved", "NEW", "urn:asip:ci-sis:2010:StatusType:Archived")),
                DmpiMessages.id()));
        assertThat(arch.xpath("//rs:RegistryResponse/@status")).endsWith(":Success");
        assertThat(fhirSearch("&isArchived=true").toString()).contains(id);
        var notAuthor = DmpiMessages.post(svc("registry"), UPDATE, DmpiMessages.envelope(UPDATE, assertion(OTHER, "normal"),
                DmpiMessages.template("iti57-status.xml", Map.of("ENTRY_UUID", id, "ORIGINAL",
                        "urn:asip:ci-sis:2010:StatusType:Archived", "NEW", "urn:asip:ci-sis:2010:StatusType:Deleted")),
                DmpiMessages.id()));
        assertThat(notAuthor.xpath("//soap:Fault/soap:Code/soap:Subcode/soap:Value")).endsWith(":NOT_AUTHOR");
        var del = DmpiMessages.post(svc("registry"), UPDATE, DmpiMessages.envelope(UPDATE, assertion(AUTHOR, "normal"),
                DmpiMessages.template("iti57-status.xml", Map.of("ENTRY_UUID", id, "ORIGINAL",
                        "urn:asip:ci-sis:2010:StatusType:Archived", "NEW", "urn:asip:ci-sis:2010:StatusType:Deleted")),
                DmpiMessages.id()));
        assertThat(del.xpath("//rs:RegistryResponse/@status")).endsWith(":Success");
        var again = DmpiMessages.post(svc("registry"), UPDATE, DmpiMessages.envelope(UPDATE, assertion(AUTHOR, "normal"),
                DmpiMessages.template("iti57-status.xml", Map.of("ENTRY_UUID", id, "ORIGINAL",
                        "urn:asip:ci-sis:2010:StatusType:Deleted", "NEW", "urn:oasis:names:tc:ebxml-regrep:StatusType:Approved")),
                DmpiMessages.id()));
        assertThat(again.xpath("//rs:RegistryError/@codeContext")).startsWith("STATUS_TRANSITION");
        assertThat(find(AUTHOR, "normal", "'urn:asip:ci-sis:2010:StatusType:Deleted'")
                .count("//rim:ExtrinsicObject[@id='urn:uuid:" + id + "']")).isEqualTo(1);
    }

    @Test
    void aBlockedProfessionalIsRefusedAndBrisDeGlaceIsTraced() {
        dmp.block(INS, OTHER);
        try {
            var refused = find(OTHER, "normal", "'urn:oasis:names:tc:ebxml-regrep:StatusType:Approved'");
            assertThat(refused.status()).isEqualTo(500);
            assertThat(refused.xpath("//soap:Fault/soap:Code/soap:Subcode/soap:Value")).endsWith(":BLOCKED");
            var emergency = find(OTHER, "bris_de_glace", "'urn:oasis:names:tc:ebxml-regrep:StatusType:Approved'");
            assertThat(emergency.xpath("/soap:Envelope/soap:Body/query:AdhocQueryResponse/@status")).endsWith(":Success");
            assertThat(dmp.history()).anySatisfy(e -> {
                assertThat(e.action()).isEqualTo("TD3.1a");
                assertThat(e.mode()).isEqualTo(fr.opendmp.core.access.AccessMode.BRIS_DE_GLACE);
                assertThat(e.reason()).isPresent();
                assertThat(e.succeeded()).isTrue();
            });
        } finally {
            dmp.unblock(INS, OTHER);
        }
    }

    @Test
    void td02AnswersTheCallersAuthorizationAndTheDmpState() {
        String mid = DmpiMessages.id();
        String body = DmpiMessages.template("td02-request.xml", Map.of("MESSAGE_ID", mid, "REASON", "TEST_EXST",
                "INS_OID", OID, "INS", INS));
        var a = DmpiMessages.post(svc("patients"), "urn:hl7-org:v3:PRPA_IN201307UV02",
                DmpiMessages.envelope("urn:hl7-org:v3:PRPA_IN201307UV02", assertion(AUTHOR, "normal"), body, mid));
        assertThat(a.xpath("//hl7:acknowledgement/@typeCode")).isEqualTo("AA");
        assertThat(a.xpath("//hl7:queryAck/hl7:queryResponseCode/@code")).isEqualTo("OK");
        assertThat(a.xpath("//hl7:attentionLine[hl7:keyWordText/@code='AUTORISATION']/hl7:value/@code")).isEqualTo("VALIDE");
        assertThat(a.xpath("//hl7:patient/hl7:statusCode/@code")).isEqualTo("active");
        assertThat(a.xpath("//wsa:Action")).isEqualTo("urn:hl7-org:v3:PRPA_IN201308UV02");
    }

    @Test
    void aSecurityLabelPatchOverFhirIsANewVersionOverXds() throws Exception {
        String uid = deposit(uid());
        String id = entryOf(uid);
        String mask = "[{\"op\":\"add\",\"path\":\"/securityLabel/-\",\"value\":{\"coding\":[{\"system\":"
                + "\"urn:oid:1.2.250.1.213.1.1.4.13\",\"code\":\"MASQUE_PS\"}]}}]";
        HttpResponse<String> r = DmpiMessages.HTTP.send(HttpRequest.newBuilder(URI.create(dmp.baseUri() + "/DocumentReference/" + id))
                .header("Content-Type", "application/json-patch+json").method("PATCH", HttpRequest.BodyPublishers.ofString(mask))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        String newId = JSON.readTree(r.body()).path("id").asText();
        var found = find(AUTHOR, "normal", "'urn:oasis:names:tc:ebxml-regrep:StatusType:Approved',"
                + "'urn:oasis:names:tc:ebxml-regrep:StatusType:Deprecated'");
        assertThat(found.xpath("//rim:ExtrinsicObject[@id='urn:uuid:" + newId + "']/@lid")).as(new String(found.body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("urn:uuid:" + id);
        assertThat(found.xpath("//rim:ExtrinsicObject[@id='urn:uuid:" + newId + "']/rim:VersionInfo/@versionName")).isEqualTo("2");
        assertThat(found.xpath("//rim:ExtrinsicObject[@id='urn:uuid:" + id + "']/@status")).endsWith(":Deprecated");
    }

    @ParameterizedTest
    @CsvSource({"TD0.2,patients,urn:hl7-org:v3:PRPA_IN201307UV02", "TD0.3,habilitations,urn:si-dmp-habilitations:HabilitationsEndPoint:setAuthorization",
            "TD1.6,habilitations,urn:si-dmp-habilitations:HabilitationsEndPoint:listAuthorizationByPatient",
            "TD0.4,patientsSpecific,urn:si-dmp-patients:PatientSpecificEndPoint:patientList", "TD2.1,repository," + PNR,
            "TD3.1,registry," + QUERY, "TD3.2,repository," + RETRIEVE, "TD3.3,registry," + UPDATE})
    void anInjectedFaultHitsItsOperation(String td, String service, String action) {
        dmp.injectDmpiFault(java.util.regex.Pattern.quote(td) + " ", Fault.status(503, Duration.ZERO), 1);
        String root = Map.of("TD0.2", "<hl7:PRPA_IN201307UV02 xmlns:hl7=\"urn:hl7-org:v3\"/>",
                "TD0.3", "<hab:setAuthorization xmlns:hab=\"urn:si-dmp-habilitations\"/>",
                "TD1.6", "<hab:listAuthorizationByPatient xmlns:hab=\"urn:si-dmp-habilitations\"/>",
                "TD0.4", "<pat:patientList xmlns:pat=\"urn:si-dmp-patients\"/>",
                "TD2.1", "<xds:ProvideAndRegisterDocumentSetRequest xmlns:xds=\"urn:ihe:iti:xds-b:2007\"/>",
                "TD3.1", "<q:AdhocQueryRequest xmlns:q=\"urn:oasis:names:tc:ebxml-regrep:xsd:query:3.0\"/>",
                "TD3.2", "<xds:RetrieveDocumentSetRequest xmlns:xds=\"urn:ihe:iti:xds-b:2007\"/>",
                "TD3.3", "<lcm:SubmitObjectsRequest xmlns:lcm=\"urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0\"/>").get(td);
        var a = DmpiMessages.post(svc(service), action, DmpiMessages.envelope(action, assertion(AUTHOR, "normal"), root,
                DmpiMessages.id()));
        assertThat(a.status()).isEqualTo(503);
        assertThat(a.xpath("//soap:Fault/soap:Code/soap:Value")).isEqualTo("soap:Receiver");
        assertThat(a.xpath("//soap:Fault/soap:Code/soap:Subcode/soap:Value")).endsWith(":INJECTED_FAULT");
    }

    @Test
    void aMissingAddressingHeaderIsASenderFault() {
        String env = DmpiMessages.envelope(QUERY, "", "<x/>", DmpiMessages.id()).replaceAll("<wsa:Action[^<]*</wsa:Action>", "");
        var a = DmpiMessages.post(svc("registry"), QUERY, env);
        assertThat(a.xpath("//soap:Fault/soap:Code/soap:Subcode/soap:Value")).endsWith("MessageAddressingHeaderRequired");
    }

    @Test
    void anInjectedFaultAnswersAReceiverFaultForThatOperationOnly() {
        dmp.injectDmpiFault("TD3.1", Fault.status(503, Duration.ZERO), 1);
        var a = find(AUTHOR, "normal", "'urn:oasis:names:tc:ebxml-regrep:StatusType:Approved'");
        assertThat(a.status()).isEqualTo(503);
        assertThat(a.xpath("//soap:Fault/soap:Code/soap:Value")).isEqualTo("soap:Receiver");
        assertThat(find(AUTHOR, "normal", "'urn:oasis:names:tc:ebxml-regrep:StatusType:Approved'").status()).isEqualTo(200);
    }

    @Test
    void aDuplicateUniqueIdIsRefusedWithTheIheCode() {
        String uid = deposit(uid());
        String mid = DmpiMessages.id();
        String body = DmpiMessages.template("iti41-request.xml", Map.of("PATIENT_CX", CX, "DOC_UID", uid,
                "SS_UID", uid + ".98", "AUTHOR", AUTHOR, "MESSAGE_ID", mid));
        var a = DmpiMessages.postMtom(svc("repository"), PNR, DmpiMessages.envelope(PNR, assertion(AUTHOR, "normal"), body, mid),
                mid, CDA.getBytes(StandardCharsets.UTF_8));
        assertThat(a.xpath("//rs:RegistryError/@errorCode")).isEqualTo("XDSDuplicateUniqueIdInRegistry");
    }
}
