package fr.opendmp.testkit.dmp.dmpi;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opendmp.testkit.dmp.AuthMode;
import fr.opendmp.testkit.dmp.FakeDmp;
import fr.opendmp.testkit.dmp.FakePatient;
import fr.opendmp.testkit.dmp.FakeProfessional;
import fr.opendmp.testkit.dmp.Fault;
import fr.opendmp.testkit.dmp.Validation;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The checks of spec dmp-xds §17.1 and the proprietary / HL7 operations, each naming its rule id or IHE code. */
class DmpiChecksTest {
    static final String INS = CrossProtocolScenarioTest.INS;
    static final String CX = CrossProtocolScenarioTest.CX;
    static final String AUTHOR = CrossProtocolScenarioTest.AUTHOR;
    static final String OTHER = CrossProtocolScenarioTest.OTHER;
    static final String PNR = CrossProtocolScenarioTest.PNR;
    static final String QUERY = CrossProtocolScenarioTest.QUERY;
    static final String RETRIEVE = CrossProtocolScenarioTest.RETRIEVE;
    static final String CDA = CrossProtocolScenarioTest.CDA;
    static final String HAB = "urn:si-dmp-habilitations:HabilitationsEndPoint:";
    static FakeDmp dmp;
    static int counter;

    @BeforeAll
    static void start() {
        dmp = FakeDmp.builder().auth(AuthMode.OFF).requireSignatureEntry(false).dmpiServiceAlias("myRegistry", "registry")
                .start();
        dmp.seedProfessional(FakeProfessional.builder(AUTHOR).name("Jean", "MEDECIN").build());
        // the scenario helpers (deposit, find, fhirSearch) act on this class's fake while it runs
        CrossProtocolScenarioTest.dmp = dmp;
    }

    @AfterAll
    static void stop() {
        CrossProtocolScenarioTest.dmp = null;
        dmp.close();
    }

    static URI svc(String s) {
        return URI.create(dmp.dmpiBaseUri() + "/" + s);
    }

    static String assertion(String ps, String mode) {
        return CrossProtocolScenarioTest.assertion(ps, mode);
    }

    static String uid() {
        return "1.2.250.1.999.9." + System.nanoTime() % 1_000_000 + "." + (++counter);
    }

    static DmpiMessages.Answer pnr(Map<String, String> extra, LinkedHashMap<String, byte[]> parts, String mid) {
        Map<String, String> values = new java.util.HashMap<>(Map.of("PATIENT_CX", CX, "AUTHOR", AUTHOR, "MESSAGE_ID", mid));
        values.putIfAbsent("DOC_UID", uid());
        values.putAll(extra);
        values.putIfAbsent("SS_UID", values.get("DOC_UID") + ".99");
        String body = DmpiMessages.template("iti41-request.xml", values);
        return DmpiMessages.postMtom(DmpiMessages.HTTP, svc("repository"), PNR,
                DmpiMessages.envelope(PNR, assertion(AUTHOR, "normal"), body, mid), mid, parts);
    }

    static LinkedHashMap<String, byte[]> doc(byte[] b) {
        LinkedHashMap<String, byte[]> m = new LinkedHashMap<>();
        m.put("doc1", b);
        return m;
    }

    static String call(String service, String action, String template, Map<String, String> values, String ps) {
        var a = DmpiMessages.post(svc(service), action, DmpiMessages.envelope(action, assertion(ps, "normal"),
                DmpiMessages.template(template, values), DmpiMessages.id()));
        return new String(a.body(), StandardCharsets.UTF_8);
    }

    @Test
    void aMissingMtomPartIsXdsMissingDocument() {
        var a = pnr(Map.of(), new LinkedHashMap<>(), DmpiMessages.id());
        assertThat(a.xpath("//rs:RegistryError/@errorCode")).isEqualTo("XDSMissingDocument");
        assertThat(a.xpath("//rs:RegistryError/@codeContext")).startsWith("MTOM_PART_MISSING");
    }

    @Test
    void aWrongHashSlotIsXdsNonIdenticalHash() {
        var a = pnr(Map.of("EXTRA_SLOTS", "<rim:Slot name=\"hash\"><rim:ValueList><rim:Value>"
                + "0000000000000000000000000000000000000000</rim:Value></rim:ValueList></rim:Slot>"),
                doc(CDA.getBytes(StandardCharsets.UTF_8)), DmpiMessages.id());
        assertThat(a.xpath("//rs:RegistryError/@errorCode")).isEqualTo("XDSNonIdenticalHash");
        assertThat(a.xpath("//rs:RegistryError/@codeContext")).startsWith("HASH_MISMATCH");
    }

    @Test
    void aCdaAboutAnotherPatientIsRefused() {
        String other = CDA.replace("<title>", "<recordTarget><patientRole><id root=\"1.2.250.1.213.1.4.8\" "
                + "extension=\"180126235800106\"/></patientRole></recordTarget><title>");
        var a = pnr(Map.of(), doc(other.getBytes(StandardCharsets.UTF_8)), DmpiMessages.id());
        assertThat(a.xpath("//rs:RegistryError/@errorCode")).isEqualTo("XDSPatientIdDoesNotMatch");
    }

    @Test
    void aFolderIsNotSupported() {
        var a = pnr(Map.of("EXTRA_OBJECTS", "<rim:RegistryPackage id=\"Folder01\"><rim:Classification classificationNode="
                + "\"urn:uuid:d9d542f3-6cc4-48b6-8870-ea235fbc94c2\" classifiedObject=\"Folder01\" id=\"f1\"/></rim:RegistryPackage>"),
                doc(CDA.getBytes(StandardCharsets.UTF_8)), DmpiMessages.id());
        assertThat(a.xpath("//rs:RegistryError/@codeContext")).startsWith("FOLDER_NOT_SUPPORTED");
    }

    @Test
    void aCodeOutsideItsValueSetIsRefusedInStrictMode() {
        String mid = DmpiMessages.id();
        String body = DmpiMessages.template("iti41-request.xml", Map.of("PATIENT_CX", CX, "AUTHOR", AUTHOR, "MESSAGE_ID", mid,
                "DOC_UID", uid(), "SS_UID", uid())).replace("nodeRepresentation=\"SA07\"", "nodeRepresentation=\"NOPE\"");
        var a = DmpiMessages.postMtom(DmpiMessages.HTTP, svc("repository"), PNR,
                DmpiMessages.envelope(PNR, assertion(AUTHOR, "normal"), body, mid), mid, doc(CDA.getBytes(StandardCharsets.UTF_8)));
        assertThat(a.xpath("//rs:RegistryError/@codeContext")).startsWith("UNKNOWN_CODE");
    }

    @Test
    void aReplacementOverXdsDeprecatesTheOldEntryOnBothProtocols() throws Exception {
        String old = CrossProtocolScenarioTest.deposit(uid());
        String oldId = CrossProtocolScenarioTest.entryOf(old);
        String mid = DmpiMessages.id();
        var a = pnr(Map.of("EXTRA_ASSOCIATIONS", "<rim:Association id=\"r1\" associationType=\"urn:ihe:iti:2007:AssociationType:RPLC\""
                + " sourceObject=\"Document01\" targetObject=\"urn:uuid:" + oldId + "\"/>"), doc(CDA.getBytes(StandardCharsets.UTF_8)), mid);
        assertThat(a.xpath("//rs:RegistryResponse/@status")).endsWith(":Success");
        var found = CrossProtocolScenarioTest.find(AUTHOR, "normal", "'urn:oasis:names:tc:ebxml-regrep:StatusType:Deprecated'");
        assertThat(found.xpath("//rim:ExtrinsicObject[@id='urn:uuid:" + oldId + "']/@status")).endsWith(":Deprecated");
        assertThat(CrossProtocolScenarioTest.fhirSearch("&status=superseded").toString()).contains(oldId);
        assertThat(dmp.history()).anySatisfy(e -> assertThat(e.action()).isEqualTo("TD2.1b"));
    }

    @Test
    void storedQueryParametersAreChecked() {
        String missing = "<query:AdhocQueryRequest xmlns:query=\"urn:oasis:names:tc:ebxml-regrep:xsd:query:3.0\" "
                + "xmlns:rim=\"urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0\"><rim:AdhocQuery id=\"urn:uuid:14d4debf-8f97-4251-9a74-a90016b0af0d\"/>"
                + "</query:AdhocQueryRequest>";
        var a = DmpiMessages.post(svc("registry"), QUERY, DmpiMessages.envelope(QUERY, assertion(AUTHOR, "normal"), missing,
                DmpiMessages.id()));
        assertThat(a.xpath("//rs:RegistryError/@errorCode")).isEqualTo("XDSStoredQueryMissingParam");
        var unknown = DmpiMessages.post(svc("myRegistry"), QUERY, DmpiMessages.envelope(QUERY, assertion(AUTHOR, "normal"),
                missing.replace("14d4debf", "00000000"), DmpiMessages.id()));
        assertThat(unknown.xpath("//rs:RegistryError/@errorCode")).isEqualTo("XDSUnknownStoredQuery");
        String both = missing.replace("urn:uuid:14d4debf-8f97-4251-9a74-a90016b0af0d\"/>", "urn:uuid:5c4f972b-d56b-40ac-a5fc-c8ca9b40b9d4\">"
                + "<rim:Slot name=\"$XDSDocumentEntryUniqueId\"><rim:ValueList><rim:Value>('1.2.3')</rim:Value></rim:ValueList></rim:Slot>"
                + "<rim:Slot name=\"$XDSDocumentEntryEntryUUID\"><rim:ValueList><rim:Value>('urn:uuid:x')</rim:Value></rim:ValueList></rim:Slot>"
                + "</rim:AdhocQuery>");
        var number = DmpiMessages.post(svc("registry"), QUERY, DmpiMessages.envelope(QUERY, assertion(AUTHOR, "normal"), both,
                DmpiMessages.id()));
        assertThat(number.xpath("//rs:RegistryError/@errorCode")).isEqualTo("XDSStoredQueryParamNumber");
    }

    @Test
    void getDocumentsByUniqueIdAnswersAnObjectRef() {
        String uid = CrossProtocolScenarioTest.deposit(uid());
        String q = "<query:AdhocQueryRequest xmlns:query=\"urn:oasis:names:tc:ebxml-regrep:xsd:query:3.0\" "
                + "xmlns:rim=\"urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0\"><query:ResponseOption returnType=\"ObjectRef\"/>"
                + "<rim:AdhocQuery id=\"urn:uuid:5c4f972b-d56b-40ac-a5fc-c8ca9b40b9d4\"><rim:Slot name=\"$XDSDocumentEntryUniqueId\">"
                + "<rim:ValueList><rim:Value>('" + uid + "')</rim:Value></rim:ValueList></rim:Slot></rim:AdhocQuery></query:AdhocQueryRequest>";
        var a = DmpiMessages.post(svc("registry"), QUERY, DmpiMessages.envelope(QUERY, assertion(AUTHOR, "normal"), q,
                DmpiMessages.id()));
        assertThat(a.count("//rim:ObjectRef")).isEqualTo(1);
        assertThat(dmp.history()).anySatisfy(e -> assertThat(e.action()).isEqualTo("TD3.1b"));
    }

    @Test
    void retrieveChecksTheRepositoryAndTheUniqueId() {
        var repo = DmpiMessages.post(svc("repository"), RETRIEVE, DmpiMessages.envelope(RETRIEVE, assertion(AUTHOR, "normal"),
                DmpiMessages.template("iti43-request.xml", Map.of("REPOSITORY", "1.2.3", "DOC_UID", "1.2.3.4")), DmpiMessages.id()));
        assertThat(repo.xpath("//rs:RegistryError/@errorCode")).isEqualTo("XDSUnknownRepositoryId");
        var doc = DmpiMessages.post(svc("repository"), RETRIEVE, DmpiMessages.envelope(RETRIEVE, assertion(AUTHOR, "normal"),
                DmpiMessages.template("iti43-request.xml", Map.of("REPOSITORY", "1.2.250.1.213.4.1.1.1.2", "DOC_UID", "1.2.3.4")),
                DmpiMessages.id()));
        assertThat(doc.contentType()).startsWith("multipart/related");
        assertThat(doc.xpath("//rs:RegistryError/@errorCode")).isEqualTo("XDSDocumentUniqueIdError");
    }

    @Test
    void td03AddTwiceIsDmpOkWithNothingDoneAndABlockedProfessionalGetsDmpKo() {
        String first = call("habilitations", HAB + "setAuthorization", "td03-request.xml", Map.of("ACTION", "AJOUT"), OTHER);
        assertThat(first).contains("<hab:status>DMPOk</hab:status>");
        String second = call("habilitations", HAB + "setAuthorization", "td03-request.xml", Map.of("ACTION", "AJOUT"), OTHER);
        assertThat(second).contains("DMPOk").contains("aucune action");
        String list = call("habilitations", HAB + "listAuthorizationByPatient", "td16-request.xml", Map.of("MODE", "ACTIVE"), AUTHOR);
        assertThat(list).contains("<hab:nationalId>" + OTHER + "</hab:nationalId>").contains("<hab:mode>ACTIVE</hab:mode>");
        String mine = call("patientsSpecific", "urn:si-dmp-patients:PatientSpecificEndPoint:patientList", "td04-request.xml",
                Map.of("START", "20200101000000"), OTHER);
        assertThat(mine).contains("<pat:nationalId>" + INS + "</pat:nationalId>").contains("DMPOk");
        dmp.block(INS, "899700000025");
        try {
            String blocked = call("habilitations", HAB + "setAuthorization", "td03-request.xml", Map.of("ACTION", "AJOUT"),
                    "899700000025");
            assertThat(blocked).contains("<hab:status>DMPKo</hab:status>").contains("BLOCKED:");
        } finally {
            dmp.unblock(INS, "899700000025");
        }
    }

    @Test
    void td13aReportsOppositionsAndAnOppositionRefusesTheMatchingMode() {
        dmp.oppose(INS, true, true);
        try {
            String mid = DmpiMessages.id();
            String body = DmpiMessages.template("td02-request.xml", Map.of("MESSAGE_ID", mid, "REASON", "CNSLT_DATA",
                    "INS_OID", CrossProtocolScenarioTest.OID, "INS", INS));
            var a = DmpiMessages.post(svc("patients"), "urn:hl7-org:v3:PRPA_IN201307UV02",
                    DmpiMessages.envelope("urn:hl7-org:v3:PRPA_IN201307UV02", assertion(AUTHOR, "normal"), body, mid));
            assertThat(a.xpath("//hl7:administrativeObservation[hl7:code/@code='OPPOSITION_BRIS_DE_GLACE']/hl7:value/@value"))
                    .isEqualTo("true");
            var bdg = CrossProtocolScenarioTest.find(OTHER, "bris_de_glace", "'urn:oasis:names:tc:ebxml-regrep:StatusType:Approved'");
            assertThat(bdg.xpath("//soap:Fault/soap:Code/soap:Subcode/soap:Value")).endsWith(":MODE_FORBIDDEN");
        } finally {
            dmp.oppose(INS, true, false);
        }
    }

    @Test
    void td02OnAPatientWithoutDmpAnswersNf() {
        String ins = "180126235800106";
        dmp.seedPatient(FakePatient.withoutDmp(ins));
        String mid = DmpiMessages.id();
        String body = DmpiMessages.template("td02-request.xml", Map.of("MESSAGE_ID", mid, "REASON", "TEST_EXST",
                "INS_OID", CrossProtocolScenarioTest.OID, "INS", ins));
        var a = DmpiMessages.post(svc("patients"), "urn:hl7-org:v3:PRPA_IN201307UV02",
                DmpiMessages.envelope("urn:hl7-org:v3:PRPA_IN201307UV02", "", body, mid));
        assertThat(a.xpath("//hl7:queryAck/hl7:queryResponseCode/@code")).isEqualTo("NF");
    }

    @Test
    void envelopeChecks() {
        String env = DmpiMessages.envelope(QUERY, "", "<x/>", DmpiMessages.id());
        var unknownAction = DmpiMessages.post(svc("registry"), "urn:x", env.replace(QUERY, "urn:x:unknown"));
        assertThat(unknownAction.xpath("//soap:Subcode/soap:Value")).endsWith("ActionNotSupported");
        var mustUnderstand = DmpiMessages.post(svc("registry"), QUERY, env.replace("<wsa:To/>",
                "<x:Odd xmlns:x=\"urn:x\" soap:mustUnderstand=\"1\"/>"));
        assertThat(mustUnderstand.xpath("//soap:Code/soap:Value")).isEqualTo("soap:MustUnderstand");
        var soap11 = DmpiMessages.post(svc("registry"), QUERY, env.replace("http://www.w3.org/2003/05/soap-envelope",
                "http://schemas.xmlsoap.org/soap/envelope/"));
        assertThat(soap11.xpath("//soap:Code/soap:Value")).isEqualTo("soap:VersionMismatch");
        var dtd = DmpiMessages.post(svc("registry"), QUERY, "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + env.substring(env.indexOf("?>") + 2));
        assertThat(dtd.xpath("//soap:Subcode/soap:Value")).endsWith(":MALFORMED_XML");
    }

    @Test
    void anAfterHandlingFaultOnIti41StoresTheDocumentButDropsTheAnswer() throws Exception {
        dmp.injectDmpiFault("TD2.1", Fault.dropAnswerAfterHandling(), 1);
        String uid = uid();
        try {
            pnr(Map.of("DOC_UID", uid), doc(CDA.getBytes(StandardCharsets.UTF_8)), DmpiMessages.id());
        } catch (IllegalStateException expected) {
            assertThat(expected).hasRootCauseInstanceOf(java.io.IOException.class);
        }
        assertThat(CrossProtocolScenarioTest.fhirSearch("").toString()).contains(uid);
    }

    @Test
    void aDmpiFaultCanBeInjectedThroughTheAdminApi() throws Exception {
        var r = DmpiMessages.HTTP.send(java.net.http.HttpRequest.newBuilder(URI.create(dmp.adminUri() + "/faults"))
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"operation\":\"TD3.2\",\"kind\":\"STATUS\",\"status\":502,\"times\":1}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        var a = DmpiMessages.post(svc("repository"), RETRIEVE, DmpiMessages.envelope(RETRIEVE, assertion(AUTHOR, "normal"),
                DmpiMessages.template("iti43-request.xml", Map.of("REPOSITORY", "1.2.250.1.213.4.1.1.1.2", "DOC_UID", "1.2.3")),
                DmpiMessages.id()));
        assertThat(a.status()).isEqualTo(502);
        assertThat(a.contentType()).startsWith("multipart/related");
        assertThat(a.xpath("//soap:Fault/soap:Code/soap:Value")).isEqualTo("soap:Receiver");
    }

    @Test
    void lenientModeAcceptsSoap11AndReportsUnknownCodesAsWarnings() {
        try (FakeDmp lenient = FakeDmp.builder().auth(AuthMode.OFF).validation(Validation.LENIENT).start()) {
            String mid = DmpiMessages.id();
            String body = DmpiMessages.template("iti41-request.xml", Map.of("PATIENT_CX", CX, "AUTHOR", AUTHOR,
                    "MESSAGE_ID", mid, "DOC_UID", uid(), "SS_UID", uid())).replace("nodeRepresentation=\"SA07\"", "nodeRepresentation=\"NOPE\"");
            String env = DmpiMessages.envelope(PNR, "", body, mid).replace("http://www.w3.org/2003/05/soap-envelope",
                    "http://schemas.xmlsoap.org/soap/envelope/");
            var a = DmpiMessages.postMtom(DmpiMessages.HTTP, URI.create(lenient.dmpiBaseUri() + "/repository"), PNR, env, mid,
                    doc(CDA.getBytes(StandardCharsets.UTF_8)));
            String text = new String(a.body(), StandardCharsets.UTF_8);
            assertThat(text).contains("ResponseStatusType:Success").contains("ErrorSeverityType:Warning").contains("UNKNOWN_CODE");
        }
    }
}
