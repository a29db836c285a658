package fr.opendmp.testkit.dmp;

import fr.opendmp.testkit.auth.AssertionResigner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import fr.opendmp.auth.keys.TrustAnchors;
import fr.opendmp.auth.provider.BearerTokenPlacement;
import fr.opendmp.auth.provider.SamlHeaderPlacement;
import fr.opendmp.auth.tls.MutualTls;
import fr.opendmp.core.caller.AuthenticationMode;
import fr.opendmp.core.party.Professional;
import fr.opendmp.auth.vihf.VihfIssuer;
import fr.opendmp.auth.vihf.VihfSigner;
import fr.opendmp.core.access.AccessContext;
import fr.opendmp.core.access.AccessMode;
import fr.opendmp.core.access.AccessStatus;
import fr.opendmp.core.access.DmpState;
import fr.opendmp.core.client.DmpClient;
import fr.opendmp.core.credentials.CredentialRequest;
import fr.opendmp.core.credentials.CredentialsProvider;
import fr.opendmp.core.document.Author;
import fr.opendmp.core.code.Code;
import fr.opendmp.core.code.CodeSystems;
import fr.opendmp.core.document.Deposit;
import fr.opendmp.core.document.DepositReceipt;
import fr.opendmp.core.document.DocumentEntry;
import fr.opendmp.core.document.DocumentMetadata;
import fr.opendmp.core.document.DocumentType;
import fr.opendmp.core.party.Organization;
import fr.opendmp.core.party.Professional;
import fr.opendmp.core.ins.IdentityTraits;
import fr.opendmp.core.ins.Ins;
import fr.opendmp.core.ins.InsMatricule;
import fr.opendmp.core.ins.InsOid;
import fr.opendmp.core.ins.InsOidPolicy;
import fr.opendmp.core.ins.PatientIdentity;
import fr.opendmp.core.ins.Sex;
import fr.opendmp.core.search.DocumentQuery;
import fr.opendmp.testkit.auth.SignedTestCredentials;
import fr.opendmp.testkit.ca.TestCa;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link AuthMode#VERIFY}: HTTPS with mTLS and a signed VIHF, through the real DmpClient and raw HTTP. */
class VerifiedAuthTest {
    private static final Ins PATIENT = Ins.of(InsMatricule.parse("279119913400976"), InsOid.NIR_TEST);
    private static final Ins OTHER_PATIENT = Ins.of(InsMatricule.parse("168124912307861"), InsOid.NIR_TEST);
    private static final Professional NURSE = Professional.of("899700366241", "Anne", "TEST").withProfession(Code.of(CodeSystems.TRE_G15, "60", "Infirmier"));

    private static TestCa ca;
    private static TestCa foreign;
    private static SignedTestCredentials credentials;
    private static FakeDmp fake;
    private static HttpClient http;

    @BeforeAll
    static void start() {
        ca = TestCa.create("OpenDMP TEST IGC Santé");
        foreign = TestCa.create("Foreign CA");
        credentials = SignedTestCredentials.create(ca, Clock.systemUTC());
        fake = FakeDmp.builder().auth(AuthMode.VERIFY).tls(credentials).start();
        http = HttpClient.newBuilder().sslContext(credentials.clientSslContext())
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        fake.close();
    }

    @BeforeEach
    void reset() {
        fake.reset();
        fake.seedPatient(FakePatient.open(PATIENT.value())).seedPatient(FakePatient.open(OTHER_PATIENT.value()));
    }

    @Test
    void verifyModeServesHttpsOnLocalhost() {
        assertThat(fake.baseUri().toString()).startsWith("https://localhost:").endsWith("/fhir");
        assertThat(fake.auth()).isEqualTo(AuthMode.VERIFY);
    }

    @Test
    void verifyIsTheDefaultAndWithoutTlsCredentialsUsesTheSharedTestPki() {
        try (FakeDmp a = FakeDmp.builder().start(); FakeDmp b = FakeDmp.builder().auth(AuthMode.VERIFY).start()) {
            assertThat(a.auth()).isEqualTo(AuthMode.VERIFY);
            assertThat(a.baseUri().getScheme()).isEqualTo("https");
            assertThat(a.tls().orElseThrow().ca()).isSameAs(b.tls().orElseThrow().ca());
            assertThat(a.tls().orElseThrow().ca()).isNotSameAs(ca);
        }
    }

    @Test
    void accessDepositAndSearchSucceedOverMutualTlsWithASignedVihfInTheIheSamlHeader() {
        try (DmpClient dmp = client(credentials.provider(SamlHeaderPlacement.iheSaml(), AuthenticationMode.INDIRECTE_RENFORCEE))) {
            accessDepositSearch(dmp);
        }
        assertThat(fake.history()).isNotEmpty().allSatisfy(e -> {
            assertThat(e.idNatPs()).isEqualTo(SignedTestCredentials.DOCTOR_ID);
            assertThat(e.status()).isLessThan(300);
        });
    }

    @Test
    void accessDepositAndSearchSucceedWithTheVihfAsBearerToken() {
        try (DmpClient dmp = client(credentials.provider(new BearerTokenPlacement(), AuthenticationMode.INDIRECTE_RENFORCEE))) {
            accessDepositSearch(dmp);
        }
    }

    @Test
    void aRequestWithoutCredentialIsRefusedWith401AndTraced() throws Exception {
        HttpResponse<String> r = get(Optional.empty());
        assertRefused(r, 401, "CREDENTIAL_MISSING");
        AccessEvent last = fake.history().get(fake.history().size() - 1);
        assertThat(last.status()).isEqualTo(401);
        assertThat(last.ruleIds()).containsExactly("CREDENTIAL_MISSING");
    }

    @Test
    void anUnsignedJwtOfTheTestModeIsRefusedWith401() throws Exception {
        String jwt = TestCredentials.of(FakeProfessional.doctor(SignedTestCredentials.DOCTOR_ID))
                .authorizationFor(PATIENT);
        assertRefused(get(Optional.of(jwt)), 401, "INVALID_CREDENTIAL");
    }

    @Test
    void aVihfWithoutSignatureIsRefusedWith401() throws Exception {
        String xml = signedXml(credentials.vihfIssuer(), PATIENT, AccessContext.normal());
        String unsigned = xml.replaceAll("(?s)<(\\w+:)?Signature[ >].*</(\\w+:)?Signature>", "");
        assertThat(unsigned).isNotEqualTo(xml);
        assertRefused(get(Optional.of(saml(unsigned))), 401, "VIHF_SIGNATURE_INVALID");
    }

    @Test
    void aTamperedVihfIsRefusedWith401() throws Exception {
        String xml = signedXml(credentials.vihfIssuer(), PATIENT, AccessContext.normal());
        String tampered = xml.replace("TEST Paul", "TEST Pierre");
        assertThat(tampered).isNotEqualTo(xml);
        assertRefused(get(Optional.of(saml(tampered))), 401, "VIHF_SIGNATURE_INVALID");
    }

    @Test
    void anExpiredVihfIsRefusedWith401() throws Exception {
        Clock hourAgo = Clock.offset(Clock.systemUTC(), Duration.ofHours(-1));
        VihfIssuer old = VihfIssuer.builder().signer(new VihfSigner(credentials.signing().keyMaterial()))
                .professional(SignedTestCredentials.doctor()).structure(SignedTestCredentials.structure())
                .software(SignedTestCredentials.software()).clock(hourAgo).build();
        assertRefused(get(Optional.of(saml(signedXml(old, PATIENT, AccessContext.normal())))), 401, "VIHF_EXPIRED");
    }

    @Test
    void aVihfForAnotherPatientIsRefusedWith403() throws Exception {
        String xml = signedXml(credentials.vihfIssuer(), OTHER_PATIENT, AccessContext.normal());
        assertRefused(get(Optional.of(saml(xml))), 403, "PATIENT_MISMATCH");
    }

    @Test
    void brisDeGlaceByANurseIsAForbiddenAccessModeWith403() throws Exception {
        VihfIssuer nurse = VihfIssuer.builder().signer(new VihfSigner(credentials.signing().keyMaterial()))
                .professional(NURSE).structure(SignedTestCredentials.structure())
                .software(SignedTestCredentials.software()).build();
        String xml = signedXml(nurse, PATIENT, AccessContext.brisDeGlace("urgence"));
        assertRefused(get(Optional.of(saml(xml))), 403, "VIHF_MODE_ACCES_FORBIDDEN");
    }

    @Test
    void brisDeGlaceWithoutReasonIsRefusedWith403() throws Exception {
        String xml = signedXml(credentials.vihfIssuer(), PATIENT, AccessContext.brisDeGlace("urgence"));
        String noReason = new String(AssertionResigner.resign(xml.getBytes(StandardCharsets.UTF_8),
                credentials.signing().keyMaterial(), AssertionResigner.removeAttribute("Mode_Acces_Raison")), StandardCharsets.UTF_8);
        assertRefused(get(Optional.of(saml(noReason))), 403, "VIHF_ATTRIBUTE_MISSING:Mode_Acces_Raison");
    }

    @Test
    void aValidlySignedVihfWithoutLpsNomIsRefusedWith401NamingTheAttribute() throws Exception {
        String xml = signedXml(credentials.vihfIssuer(), PATIENT, AccessContext.normal());
        String noLps = new String(AssertionResigner.resign(xml.getBytes(StandardCharsets.UTF_8),
                credentials.signing().keyMaterial(), AssertionResigner.removeAttribute("LPS_Nom")), StandardCharsets.UTF_8);
        assertRefused(get(Optional.of(saml(noLps))), 401, "VIHF_ATTRIBUTE_MISSING:LPS_Nom");
    }

    @Test
    void aVihfSignedByAForeignCaIsRefusedWith401() throws Exception {
        VihfIssuer issuer = VihfIssuer.builder()
                .signer(new VihfSigner(foreign.structureSign(SignedTestCredentials.STRUCTURE_ID, "Ailleurs")
                        .keyMaterial()))
                .professional(SignedTestCredentials.doctor()).structure(SignedTestCredentials.structure())
                .software(SignedTestCredentials.software()).build();
        assertRefused(get(Optional.of(saml(signedXml(issuer, PATIENT, AccessContext.normal())))), 401,
                "VIHF_CERT_UNTRUSTED");
    }

    @Test
    void aClientCertificateFromAForeignCaFailsTheHandshake() {
        SSLContext foreignClient = MutualTls.builder()
                .clientKey(foreign.structureAuthClient(SignedTestCredentials.STRUCTURE_ID, "Ailleurs").keyMaterial())
                .trust(TrustAnchors.of(List.of(ca.root()))).build();
        HttpClient client = HttpClient.newBuilder().sslContext(foreignClient).connectTimeout(Duration.ofSeconds(5))
                .build();
        int before = fake.history().size();
        assertThatThrownBy(() -> client.send(request(Optional.empty()), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
        assertThat(fake.history()).hasSize(before);
    }

    private static void accessDepositSearch(DmpClient dmp) {
        AccessStatus status = dmp.access(PATIENT, AccessMode.NORMAL);
        assertThat(status.state()).isEqualTo(DmpState.OPEN);
        String uid = "urn:oid:1.2.250.1.999.1." + System.nanoTime();
        DepositReceipt receipt = dmp.documents().deposit(deposit(uid));
        assertThat(receipt.documents()).singleElement().satisfies(d -> assertThat(d.uniqueId()).isEqualTo(uid));
        List<DocumentEntry> entries = dmp.documents().search(PATIENT, DocumentQuery.builder().build()).entries();
        assertThat(entries).extracting(DocumentEntry::uniqueId).contains(uid);
    }

    private static DmpClient client(CredentialsProvider provider) {
        return DmpClient.builder().endpoint(fake.baseUri()).credentials(provider)
                .software("OpenDMP-verify", "0.1", "TEST-OPENDMP").sourceId("1.2.250.1.999.42")
                .insOidPolicy(InsOidPolicy.TEST).accessCacheTtl(Duration.ZERO).build();
    }

    private static Deposit deposit(String uid) {
        OffsetDateTime t = OffsetDateTime.of(2026, 6, 12, 10, 0, 0, 0, ZoneOffset.ofHours(2));
        DocumentMetadata metadata = DocumentMetadata.builder().uniqueId(uid).type(DocumentType.CR_CONSULTATION)
                .title("CR de consultation").facilityType(Code.of(CodeSystems.TRE_R02, "SA07", "Cabinet individuel"))
                .practiceSetting(Code.of(CodeSystems.PRACTICE_SETTING, "AMBULATOIRE", "Ambulatoire"))
                .creationTime(t).serviceStart(t)
                .author(Author.of(Professional.of(SignedTestCredentials.DOCTOR_ID)
                        .withOrganization(Organization.of("1" + "750000000", "Cabinet de test"))))
                .build();
        IdentityTraits traits = IdentityTraits.builder().birthName("TESTDMP").birthFirstNames("ALICE")
                .birthDate("1979-11-13").sex(Sex.F).birthPlaceCode("99134").build();
        byte[] cda = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><ClinicalDocument xmlns=\"urn:hl7-org:v3\">"
                + "<id root=\"" + uid.replace("urn:oid:", "") + "\"/>"
                + "<code code=\"11488-4\" codeSystem=\"2.16.840.1.113883.6.1\"/></ClinicalDocument>")
                .getBytes(StandardCharsets.UTF_8);
        return Deposit.builder().patient(PatientIdentity.qualified(traits, PATIENT)).document(metadata, cda).build();
    }

    private static String signedXml(VihfIssuer issuer, Ins patient, AccessContext access) {
        return issuer.issue(CredentialRequest.dmp(patient, access)).xmlString();
    }

    private static String saml(String xml) {
        return "IHE-SAML " + Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
    }

    private static HttpRequest request(Optional<String> authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(fake.baseUri() + "/"
                        + RawHttp.searchByPatient(PATIENT.value())))
                .timeout(Duration.ofSeconds(10)).header("Accept", "application/fhir+json").GET();
        authorization.ifPresent(a -> b.header("Authorization", a));
        return b.build();
    }

    private static HttpResponse<String> get(Optional<String> authorization) throws Exception {
        return http.send(request(authorization), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertRefused(HttpResponse<String> r, int status, String ruleCode) throws Exception {
        assertThat(r.statusCode()).isEqualTo(status);
        JsonNode oo = RawHttp.MAPPER.readTree(r.body());
        assertThat(oo.path("resourceType").asText()).isEqualTo("OperationOutcome");
        JsonNode coding = oo.path("issue").path(0).path("details").path("coding").path(0);
        assertThat(coding.path("system").asText()).isEqualTo("urn:opendmp:fake:error");
        assertThat(coding.path("code").asText()).isEqualTo(ruleCode);
    }
}
