package fr.opendmp.testkit.dmp.dmpi;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opendmp.core.access.AccessContext;
import fr.opendmp.core.ins.Ins;
import fr.opendmp.testkit.auth.SignedTestCredentials;
import fr.opendmp.testkit.dmp.FakeDmp;
import fr.opendmp.testkit.dmp.FakeProfessional;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** AuthMode.VERIFY (the default): the VIHF of wsse:Security is verified, STRICT ITI-41 needs a valid XAdES. */
class VerifiedDmpiTest {
    static final String INS = "279119913400976";
    static final String OID = "1.2.250.1.213.1.4.8";
    static final String CX = INS + "^^^&amp;" + OID + "&amp;ISO^NH";
    static final String PNR = "urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-b";
    static final String TD02 = "urn:hl7-org:v3:PRPA_IN201307UV02";
    static final String CDA = CrossProtocolScenarioTest.CDA;
    static FakeDmp dmp;
    static FakeProfessional doctor;
    static HttpClient client;
    static int counter;

    @BeforeAll
    static void start() {
        dmp = FakeDmp.builder().start();
        doctor = FakeProfessional.builder(SignedTestCredentials.DOCTOR_ID).name("Jean", "MEDECIN")
                .structureId(SignedTestCredentials.STRUCTURE_ID).profession("10").specialty("SM26")
                .authenticationMode("INDIRECTE_RENFORCEE").build();
        client = HttpClient.newBuilder().sslContext(dmp.credentials(doctor).sslContext().orElseThrow()).build();
    }

    @AfterAll
    static void stop() {
        dmp.close();
    }

    static String vihf(String ins) {
        String xml = new String(dmp.vihf(doctor, Ins.nir(ins), AccessContext.normal()), StandardCharsets.UTF_8);
        return xml.startsWith("<?xml") ? xml.substring(xml.indexOf("?>") + 2) : xml;
    }

    static URI svc(String s) {
        return URI.create(dmp.dmpiBaseUri() + "/" + s);
    }

    static DmpiMessages.Answer td02(String assertion) {
        String mid = DmpiMessages.id();
        String body = DmpiMessages.template("td02-request.xml", Map.of("MESSAGE_ID", mid, "REASON", "TEST_EXST",
                "INS_OID", OID, "INS", INS));
        return DmpiMessages.post(client, svc("patients"), TD02, DmpiMessages.envelope(TD02, assertion, body, mid));
    }

    @Test
    void td02AcceptsAVerifiedVihfInWsSecurity() {
        var a = td02(vihf(INS));
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.xpath("//hl7:acknowledgement/@typeCode")).isEqualTo("AA");
        assertThat(a.xpath("//hl7:queryAck/hl7:queryResponseCode/@code")).isEqualTo("OK");
    }

    @Test
    void anUnsignedDirectVihfIsAcceptedWithTheCardCertificateOfItsNameId() {
        FakeProfessional card = FakeProfessional.builder("899700000033").name("Anne", "CARTE")
                .authenticationMode("DIRECTE").build();
        HttpClient cardClient = HttpClient.newBuilder().sslContext(dmp.credentials(card).sslContext().orElseThrow()).build();
        String mid = DmpiMessages.id();
        String body = DmpiMessages.template("td02-request.xml", Map.of("MESSAGE_ID", mid, "REASON", "TEST_EXST",
                "INS_OID", OID, "INS", INS));
        String unsigned = DmpiMessages.template("assertion-unsigned.xml", Map.of("MESSAGE_ID", mid, "PS", card.idNatPs(),
                "PATIENT_CX", CX, "MODE", "normal"));
        var ok = DmpiMessages.post(cardClient, svc("patients"), TD02, DmpiMessages.envelope(TD02, unsigned, body, mid));
        assertThat(ok.xpath("//hl7:acknowledgement/@typeCode")).isEqualTo("AA");
        String someoneElse = unsigned.replace(card.idNatPs(), "899700000041");
        var refused = DmpiMessages.post(cardClient, svc("patients"), TD02, DmpiMessages.envelope(TD02, someoneElse, body, mid));
        assertThat(refused.xpath("//soap:Fault/soap:Code/soap:Subcode/soap:Value")).contains("VIHF_ATTRIBUTE_INVALID");
        var structureTls = td02(unsigned);
        assertThat(structureTls.xpath("//soap:Fault/soap:Code/soap:Value")).isEqualTo("soap:Sender");
    }

    @Test
    void aRequestWithoutVihfIsRefusedInVerifiedMode() {
        var a = td02("");
        assertThat(a.xpath("//soap:Fault/soap:Code/soap:Subcode/soap:Value")).endsWith(":CREDENTIAL_MISSING");
    }

    @Test
    void aTamperedVihfIsRefused() {
        var a = td02(vihf(INS).replace("MEDECIN", "MEDECIM"));
        assertThat(a.xpath("//soap:Fault/soap:Code/soap:Value")).isEqualTo("soap:Sender");
        assertThat(a.xpath("//soap:Fault/soap:Code/soap:Subcode/soap:Value")).contains("VIHF_");
    }

    @Test
    void aVihfForAnotherPatientThanTheRequestIsRefused() {
        var a = td02(vihf("180126235800106"));
        assertThat(a.xpath("//hl7:acknowledgement/@typeCode")).isEqualTo("AE");
        assertThat(a.xpath("//hl7:acknowledgementDetail/hl7:code/@code")).isEqualTo("PATIENT_MISMATCH");
    }

    @Test
    void aVihfSignedWithTheTlsCertificateGetsDmpInvalidCertificate() {
        var creds = dmp.tls().orElseThrow();
        String xml = fr.opendmp.auth.vihf.VihfIssuer.builder()
                .signer(new fr.opendmp.auth.vihf.VihfSigner(creds.tlsClient().keyMaterial()))
                .professional(SignedTestCredentials.doctor()).structure(SignedTestCredentials.structure())
                .software(SignedTestCredentials.software()).build()
                .issue(fr.opendmp.core.credentials.CredentialRequest.dmp(Ins.nir(INS), AccessContext.normal())).xmlString();
        HttpClient tlsClient = HttpClient.newBuilder().sslContext(creds.clientSslContext()).build();
        String mid = DmpiMessages.id();
        String body = DmpiMessages.template("td02-request.xml", Map.of("MESSAGE_ID", mid, "REASON", "TEST_EXST",
                "INS_OID", OID, "INS", INS));
        var a = DmpiMessages.post(tlsClient, svc("patients"), TD02,
                DmpiMessages.envelope(TD02, xml.startsWith("<?xml") ? xml.substring(xml.indexOf("?>") + 2) : xml, body, mid));
        assertThat(a.xpath("//soap:Fault/soap:Code/soap:Subcode/soap:Value")).isEqualTo("soap:DMPInvalidCertificate");
    }

    static DmpiMessages.Answer deposit(String uid, byte[] sent, byte[] signed, boolean withSignature) throws Exception {
        return deposit(uid, sent, signed, withSignature, dmp.tls().orElseThrow().signing());
    }

    static DmpiMessages.Answer deposit(String uid, byte[] sent, byte[] signed, boolean withSignature,
            fr.opendmp.testkit.ca.IssuedCertificate signer) throws Exception {
        String mid = DmpiMessages.id();
        String ssUid = uid + ".99";
        String sigUid = uid + ".98";
        Map<String, String> values = new java.util.HashMap<>(Map.of("PATIENT_CX", CX, "DOC_UID", uid, "SS_UID", ssUid,
                "AUTHOR", doctor.idNatPs(), "MESSAGE_ID", mid, "SIG_UID", sigUid));
        LinkedHashMap<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("doc1", sent);
        if (withSignature) {
            values.put("EXTRA_OBJECTS", DmpiMessages.template("signature-entry.xml", values));
            values.put("EXTRA_ASSOCIATIONS", DmpiMessages.template("signature-associations.xml", values));
            values.put("EXTRA_DOCUMENTS", "<xds:Document id=\"Signature01\"><xop:Include href=\"cid:sig1." + mid
                    + "@opendmp\"/></xds:Document>");
            parts.put("sig1", TestXades.sign(signer, ssUid, Map.of(uid, signed)));
        }
        String body = DmpiMessages.template("iti41-request.xml", values);
        return DmpiMessages.postMtom(client, svc("repository"), PNR,
                DmpiMessages.envelope(PNR, vihf(INS), body, mid), mid, parts);
    }

    static String uid() {
        return "1.2.250.1.999.8." + System.nanoTime() % 1_000_000 + "." + (++counter);
    }

    @Test
    void aSubmissionWithAValidXadesSignatureIsAccepted() throws Exception {
        byte[] cda = CDA.getBytes(StandardCharsets.UTF_8);
        var a = deposit(uid(), cda, cda, true);
        assertThat(a.xpath("//rs:RegistryResponse/@status")).as(a.xpath("//rs:RegistryError/@codeContext")).endsWith(":Success");
    }

    @Test
    void aDocumentChangedAfterSigningIsRefusedWithXadesDigestMismatch() throws Exception {
        byte[] signed = CDA.getBytes(StandardCharsets.UTF_8);
        byte[] sent = CDA.replace("<title>CR</title>", "<title>CR modifié</title>").getBytes(StandardCharsets.UTF_8);
        var a = deposit(uid(), sent, signed, true);
        assertThat(a.xpath("//rs:RegistryResponse/@status")).endsWith(":Failure");
        assertThat(a.xpath("//rs:RegistryError/@codeContext")).startsWith("XADES_DIGEST_MISMATCH");
    }

    @Test
    void aSignatureByAnotherStructureThanTheVihfsIsRefused() throws Exception {
        byte[] cda = CDA.getBytes(StandardCharsets.UTF_8);
        var other = dmp.tls().orElseThrow().ca().structureSign("99B0000099", "Autre structure");
        var a = deposit(uid(), cda, cda, true, other);
        assertThat(a.xpath("//rs:RegistryError/@codeContext")).startsWith("XADES_SIGNER_MISMATCH");
    }

    @Test
    void aStrictSubmissionWithoutSignatureIsRefusedWithXadesMissing() throws Exception {
        byte[] cda = CDA.getBytes(StandardCharsets.UTF_8);
        var a = deposit(uid(), cda, cda, false);
        assertThat(a.xpath("//rs:RegistryError/@codeContext")).startsWith("XADES_MISSING");
    }
}
