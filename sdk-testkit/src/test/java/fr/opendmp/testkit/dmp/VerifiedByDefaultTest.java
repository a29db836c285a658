package fr.opendmp.testkit.dmp;

import static fr.opendmp.testkit.dmp.RawHttp.INS;
import static fr.opendmp.testkit.dmp.RawHttp.OTHER_INS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opendmp.auth.keys.KeyMaterial;
import fr.opendmp.auth.keys.TrustAnchors;
import fr.opendmp.auth.tls.MutualTls;
import fr.opendmp.core.access.AccessContext;
import fr.opendmp.core.access.AccessMode;
import fr.opendmp.core.credentials.CredentialRequest;
import fr.opendmp.core.ins.Ins;
import fr.opendmp.testkit.auth.AssertionResigner;
import fr.opendmp.testkit.ca.TestCa;
import fr.opendmp.testkit.internal.KeyCache;
import fr.opendmp.testkit.junit.FakeDmpTest;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The default fake ({@code @FakeDmpTest} without options = VERIFY) with the generic VIHF path:
 * a professional that is not {@code SignedTestCredentials}' doctor, with its own structure, gets
 * credentials from {@code fake.credentials(professional)}; each refusal of issue #7.
 */
@FakeDmpTest
class VerifiedByDefaultTest {
    /** A hospital physician (cardiology) of another structure than the test kit's fixed doctor. */
    private static final FakeProfessional CARDIOLOGIST = FakeProfessional.builder("899700555501")
            .name("Claire", "CARDIO").structureId("10B0555555").specialty("SM04").sector("SA01")
            .authenticationMode("INDIRECTE_RENFORCEE").build();
    private static final FakeProfessional PHARMACIST = FakeProfessional.builder("899700555502")
            .profession("21").specialty("G15_21H").structureId("10B0555555").build();
    private static TestCa foreign;

    private FakeDmp dmp;
    private RawHttp http;

    @BeforeAll
    static void foreignCa() {
        foreign = TestCa.create("Foreign CA");
    }

    @BeforeEach
    void connect(FakeDmp fake) {
        dmp = fake;
        http = new RawHttp(fake);
    }

    private String vihfXml(FakeProfessional who, String ins, AccessContext access) {
        String header = dmp.credentials(who).headers(CredentialRequest.dmp(Ins.nir(ins), access))
                .get("Authorization").get(0);
        assertThat(header).startsWith("IHE-SAML ");
        return new String(Base64.getDecoder().decode(header.substring("IHE-SAML ".length())), StandardCharsets.UTF_8);
    }

    private static String saml(String xml) {
        return "IHE-SAML " + Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
    }

    private KeyMaterial signingKeyOf(FakeProfessional who) {
        return KeyCache.of(dmp.tls().orElseThrow().ca()).structure(who.structureId()).signingKey();
    }

    private String resigned(String xml, KeyMaterial key, java.util.function.Consumer<org.w3c.dom.Document> change)
            throws Exception {
        return new String(AssertionResigner.resign(xml.getBytes(StandardCharsets.UTF_8), key, change),
                StandardCharsets.UTF_8);
    }

    private RawHttp.Response search(String authorization) {
        return http.as(CARDIOLOGIST).as(authorization).get(RawHttp.searchByPatient(INS));
    }

    private static void assertRefused(RawHttp.Response r, int status, String rule) {
        assertThat(r.status()).isEqualTo(status);
        assertThat(r.json().path("resourceType").asText()).isEqualTo("OperationOutcome");
        assertThat(r.rule()).isEqualTo(rule);
    }

    @Test
    void theDefaultFakeVerifiesAndTheGenericCredentialsOfAnyProfessionalAreAccepted() {
        assertThat(dmp.auth()).isEqualTo(AuthMode.VERIFY);
        assertThat(dmp.baseUri().getScheme()).isEqualTo("https");
        var deposit = http.as(CARDIOLOGIST).postJson("", Docs.bundle(INS, Docs.uniqueId(1)).toString());
        assertThat(deposit.status()).isEqualTo(200);
        var search = http.as(PHARMACIST).get(RawHttp.searchByPatient(INS));
        assertThat(search.status()).isEqualTo(200);
        assertThat(search.json().path("total").asInt()).isEqualTo(1);
        List<AccessEvent> history = dmp.history();
        assertThat(history).extracting(AccessEvent::idNatPs).containsExactly(CARDIOLOGIST.idNatPs(), PHARMACIST.idNatPs());
        assertThat(history).allSatisfy(e -> assertThat(e.status()).isEqualTo(200));
    }

    @Test
    void theVerifiedVihfCarriesTheProfessionalsAttributes() {
        String xml = vihfXml(CARDIOLOGIST, INS, AccessContext.normal());
        assertThat(xml).contains(">899700555501<").contains("10B0555555").contains("SA01^1.2.250.1.71.4.2.4")
                .contains("code=\"SM04\"").contains("INDIRECTE_RENFORCEE");
    }

    @Test
    void rulesBehaveAsInOffModeForAVerifiedCaller() {
        dmp.revokeAuthorization(INS, CARDIOLOGIST.idNatPs());
        assertRefused(http.as(CARDIOLOGIST).get(RawHttp.searchByPatient(INS)), 403, "NO_AUTHORIZATION");
        assertThat(http.as(CARDIOLOGIST, INS, AccessContext.brisDeGlace("urgence vitale"))
                .get(RawHttp.searchByPatient(INS)).status()).isEqualTo(200);
        assertThat(http.as(CARDIOLOGIST, INS, AccessContext.centreRegulation())
                .get(RawHttp.searchByPatient(INS)).status()).isEqualTo(200);
        AccessEvent last = dmp.history().get(dmp.history().size() - 1);
        assertThat(last.mode()).isEqualTo(AccessMode.CENTRE_REGULATION);
        FakeProfessional indirect = FakeProfessional.builder("899700555503").structureId("10B0555555")
                .authenticationMode("INDIRECTE").build();
        assertRefused(http.as(indirect).get(RawHttp.searchByPatient(INS)), 403, "AUTHENTICATION_MODE");
    }

    @Test
    void aCardHolderInDirectModeIsVerifiedWithItsCardCertificate() {
        FakeProfessional card = FakeProfessional.builder("899700555504").name("Marc", "CARTE")
                .authenticationMode("DIRECTE").build();
        var r = http.as(card).get("Patient?identifier=" + RawHttp.enc(RawHttp.INS_SYSTEM + "|" + INS));
        assertThat(r.status()).isEqualTo(200);
        assertThat(dmp.history().get(dmp.history().size() - 1).idNatPs()).isEqualTo(card.idNatPs());
    }

    @Test
    void aRequestWithoutCredentialIsRefusedWith401() {
        assertRefused(http.anonymous().get(RawHttp.searchByPatient(INS)), 401, "CREDENTIAL_MISSING");
    }

    @Test
    void depositsRefusedBeforeTheirBodyIsReadLeaveTheConnectionUsable() {
        String bundle = Docs.bundle(INS, Docs.uniqueId(3)).toString();
        for (int i = 0; i < 20; i++) {
            assertThat(http.anonymous().postJson("", bundle).status()).isEqualTo(401);
            assertThat(http.as(CARDIOLOGIST, INS, AccessContext.brisDeGlace("urgence")).as(
                    saml(vihfXml(CARDIOLOGIST, OTHER_INS, AccessContext.normal()).replace("SM04", "SM26")))
                    .postJson("", bundle).status()).isEqualTo(401);
            assertThat(http.as(CARDIOLOGIST).get(RawHttp.searchByPatient(INS)).status()).isEqualTo(200);
        }
        assertThat(dmp.documentCount()).isZero();
    }

    @Test
    void anUnsignedVihfIsRefusedWith401() {
        String xml = vihfXml(CARDIOLOGIST, INS, AccessContext.normal());
        String unsigned = xml.replaceAll("(?s)<(\\w+:)?Signature[ >].*</(\\w+:)?Signature>", "");
        assertThat(unsigned).isNotEqualTo(xml);
        assertRefused(search(saml(unsigned)), 401, "VIHF_SIGNATURE_INVALID");
    }

    @Test
    void aTamperedVihfIsRefusedWith401() {
        String xml = vihfXml(CARDIOLOGIST, INS, AccessContext.normal());
        String tampered = xml.replace("SM04", "SM26");
        assertThat(tampered).isNotEqualTo(xml);
        assertRefused(search(saml(tampered)), 401, "VIHF_SIGNATURE_INVALID");
    }

    @Test
    void anExpiredVihfIsRefusedWith401() throws Exception {
        String xml = vihfXml(CARDIOLOGIST, INS, AccessContext.normal());
        String hourAgo = Instant.now().minus(Duration.ofHours(1)).toString();
        String old = resigned(xml, signingKeyOf(CARDIOLOGIST),
                doc -> doc.getDocumentElement().setAttribute("IssueInstant", hourAgo));
        assertRefused(search(saml(old)), 401, "VIHF_EXPIRED");
    }

    @Test
    void aVihfSignedByAnotherCaIsRefusedWith401() throws Exception {
        String xml = vihfXml(CARDIOLOGIST, INS, AccessContext.normal());
        KeyMaterial foreignKey = foreign.structureSign(CARDIOLOGIST.structureId(), "Ailleurs").keyMaterial();
        String issuer = foreignKey.certificate().getSubjectX500Principal().getName();
        String wrongCa = resigned(xml, foreignKey, doc -> doc.getElementsByTagNameNS(
                "urn:oasis:names:tc:SAML:2.0:assertion", "Issuer").item(0).setTextContent(issuer));
        assertRefused(search(saml(wrongCa)), 401, "VIHF_CERT_UNTRUSTED");
    }

    @Test
    void aClientCertificateOfAnotherCaFailsTheHandshake() {
        SSLContext foreignClient = MutualTls.builder()
                .clientKey(foreign.structureAuthClient(CARDIOLOGIST.structureId(), "Ailleurs").keyMaterial())
                .trust(TrustAnchors.of(List.of(dmp.tls().orElseThrow().ca().root()))).build();
        HttpClient client = HttpClient.newBuilder().sslContext(foreignClient).connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(java.net.URI.create(dmp.baseUri() + "/"
                + RawHttp.searchByPatient(INS))).timeout(Duration.ofSeconds(5))
                .header("Authorization", saml(vihfXml(CARDIOLOGIST, INS, AccessContext.normal()))).GET().build();
        int before = dmp.history().size();
        assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
        assertThat(dmp.history()).hasSize(before);
    }

    @Test
    void aValidlySignedVihfWithoutARequiredAttributeIsRefusedWith401NamingIt() throws Exception {
        String xml = vihfXml(CARDIOLOGIST, INS, AccessContext.normal());
        String missing = resigned(xml, signingKeyOf(CARDIOLOGIST), AssertionResigner.removeAttribute("Secteur_Activite"));
        assertRefused(search(saml(missing)), 401, "VIHF_ATTRIBUTE_MISSING:Secteur_Activite");
    }

    @Test
    void aVihfForAnotherPatientIsRefusedWith403AndNothingIsDeposited() {
        var r = http.as(CARDIOLOGIST, OTHER_INS, AccessContext.normal()).get(RawHttp.searchByPatient(INS));
        assertRefused(r, 403, "PATIENT_MISMATCH");
        var dep = http.as(CARDIOLOGIST, OTHER_INS, AccessContext.normal())
                .postJson("", Docs.bundle(INS, Docs.uniqueId(2)).toString());
        assertThat(dep.status()).isEqualTo(403);
        assertThat(dmp.documentCount()).isZero();
    }

    @Test
    void brisDeGlaceWithoutReasonIsRefusedWith403() throws Exception {
        String xml = vihfXml(CARDIOLOGIST, INS, AccessContext.brisDeGlace("urgence vitale"));
        String noReason = resigned(xml, signingKeyOf(CARDIOLOGIST), AssertionResigner.removeAttribute("Mode_Acces_Raison"));
        assertRefused(search(saml(noReason)), 403, "VIHF_ATTRIBUTE_MISSING:Mode_Acces_Raison");
    }

    @Test
    void aPhysicianWithoutSpecialtyOrAPatientCannotGetVerifiedCredentials() {
        FakeProfessional noSpecialty = FakeProfessional.builder("899700555505").specialty("").build();
        assertThatThrownBy(() -> dmp.credentials(noSpecialty)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a specialty");
        FakeProfessional patient = FakeProfessional.builder(INS).profession("PATIENT").specialty("").build();
        assertThatThrownBy(() -> dmp.credentials(patient)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("AuthMode.OFF");
    }

    @Test
    void theFakesLogNeverContainsTheVihfTheKeyOrTheIns() throws Exception {
        String xml = vihfXml(CARDIOLOGIST, INS, AccessContext.brisDeGlace("urgence vitale"));
        String base64 = Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
        String log = LogCapture.during(() -> {
            http.as(CARDIOLOGIST, INS, AccessContext.brisDeGlace("urgence vitale")).get(RawHttp.searchByPatient(INS));
            http.as("IHE-SAML " + base64).get(RawHttp.searchByPatient(INS));
            search(saml(xml.replace("SM04", "SM26")));
            http.anonymous().get(RawHttp.searchByPatient(INS));
        });
        assertThat(log).as("the fake logs its requests").contains("GET");
        assertThat(log).doesNotContain(base64.substring(0, 40)).doesNotContain("Assertion").doesNotContain("IHE-SAML")
                .doesNotContain("PRIVATE KEY").doesNotContain(INS).doesNotContain("CARDIO")
                .doesNotContain(Base64.getEncoder().encodeToString(signingKeyOf(CARDIOLOGIST).privateKey().getEncoded())
                        .substring(0, 40));
    }
}
