package fr.opendmp.testkit.auth;

import fr.opendmp.core.code.CodeSystems;
import fr.opendmp.core.code.Code;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opendmp.auth.keys.TrustAnchors;
import fr.opendmp.auth.provider.AuthCredentialsProvider;
import fr.opendmp.auth.provider.CredentialSource;
import fr.opendmp.auth.provider.SamlHeaderPlacement;
import fr.opendmp.auth.tls.MutualTls;
import fr.opendmp.auth.vihf.SignedVihf;
import fr.opendmp.core.party.Organization;
import fr.opendmp.auth.vihf.VihfIssuer;
import fr.opendmp.auth.vihf.VihfSigner;
import fr.opendmp.core.access.AccessContext;
import fr.opendmp.core.credentials.CredentialRequest;
import fr.opendmp.core.error.CredentialsException;
import fr.opendmp.core.credentials.CredentialsProvider;
import fr.opendmp.testkit.ca.IssuedCertificate;
import fr.opendmp.testkit.ca.MutableClock;
import fr.opendmp.testkit.ca.TestCa;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VihfIssuerAndProviderTest {

    static TestCa ca;
    static IssuedCertificate sign;
    static IssuedCertificate authCli;

    MutableClock clock;
    VihfIssuer issuer;

    @BeforeAll
    static void issue() {
        ca = TestCa.create("OpenDMP TEST IGC Santé");
        sign = ca.structureSign(VihfVerifierTest.STRUCTURE, "Centre Hospitalier de Test");
        authCli = ca.structureAuthClient(VihfVerifierTest.STRUCTURE, "Centre Hospitalier de Test");
    }

    @BeforeEach
    void setUp() {
        clock = MutableClock.now();
        issuer = VihfIssuer.builder().signer(new VihfSigner(sign.keyMaterial())).professional(VihfVerifierTest.DOCTOR)
                .structure(Organization.of(VihfVerifierTest.STRUCTURE).withSector(Code.of(CodeSystems.TRE_R02, "SA07", "Secteur SA07")))
                .software(VihfVerifierTest.LPS).clock(clock).build();
    }

    @Test
    void sameProfessionalPatientAndModeReuseTheCachedVihfUntilNearExpiry() {
        CredentialRequest request = CredentialRequest.dmp(VihfVerifierTest.PATIENT, AccessContext.normal());
        SignedVihf first = issuer.issue(request);

        clock.advance(Duration.ofMinutes(3));
        assertThat(issuer.issue(request).id()).isEqualTo(first.id());

        clock.advance(Duration.ofSeconds(61)); // 4 min 1 s: inside the 60 s renewal margin of a 5 min VIHF
        SignedVihf renewed = issuer.issue(request);
        assertThat(renewed.id()).isNotEqualTo(first.id());
        assertThat(renewed.notOnOrAfter()).isEqualTo(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS)
                .plus(Duration.ofMinutes(5)));
    }

    @Test
    void anotherPatientOrModeGetsItsOwnVihf() {
        SignedVihf normal = issuer.issue(CredentialRequest.dmp(VihfVerifierTest.PATIENT, AccessContext.normal()));
        SignedVihf other = issuer.issue(CredentialRequest.dmp(VihfVerifierTest.OTHER_PATIENT, AccessContext.normal()));
        SignedVihf emergency = issuer.issue(CredentialRequest.dmp(VihfVerifierTest.PATIENT,
                AccessContext.brisDeGlace("urgence")));

        assertThat(List.of(normal.id(), other.id(), emergency.id())).doesNotHaveDuplicates();
    }

    @Test
    void issuedVihfPassesTheVerifier() {
        VihfVerifier verifier = VihfVerifier.builder().trust(ca).clock(clock).build();
        SignedVihf vihf = issuer.issue(CredentialRequest.dmp(VihfVerifierTest.PATIENT,
                AccessContext.centreRegulation()));

        VihfVerification result = verifier.verify(vihf.xml(), Optional.of(authCli.certificate()),
                Optional.of(VihfVerifierTest.PATIENT.cx()));

        assertThat(result.accepted()).isTrue();
    }

    @Test
    void insiRequestWithoutPatientUsesTheInsiProfile() {
        SignedVihf vihf = issuer.issue(CredentialRequest.insi());

        assertThat(vihf.xmlString().contains("<saml:AttributeValue>urn:insi</saml:AttributeValue>")).isTrue();
        assertThat(vihf.xmlString().contains("resource-id")).isFalse();
    }

    @Test
    void providerPutsTheVihfInTheIheSamlHeaderAndGivesTheTlsContext() {
        CredentialsProvider provider = AuthCredentialsProvider.builder()
                .sslContext(MutualTls.builder().clientKey(authCli.keyMaterial())
                        .trust(TrustAnchors.of(List.of(ca.root()))).build())
                .source(CredentialSource.vihf(issuer)).placement(SamlHeaderPlacement.iheSaml()).build();

        Map<String, List<String>> headers = provider.headers(
                CredentialRequest.dmp(VihfVerifierTest.PATIENT, AccessContext.normal()));

        assertThat(provider.sslContext()).isPresent();
        assertThat(headers).containsOnlyKeys("Authorization");
        String value = headers.get("Authorization").get(0);
        assertThat(value).startsWith("IHE-SAML ");
        byte[] xml = Base64.getDecoder().decode(value.substring("IHE-SAML ".length()));
        assertThat(VihfVerifier.builder().trust(ca).clock(clock).build().verify(xml).accepted()).isTrue();
    }

    @Test
    void providerDefaultsToBearerPlacement() {
        CredentialsProvider provider = AuthCredentialsProvider.builder().source(CredentialSource.vihf(issuer)).build();

        String value = provider.headers(CredentialRequest.dmp(VihfVerifierTest.PATIENT, AccessContext.normal()))
                .get("Authorization").get(0);

        assertThat(value).startsWith("Bearer ");
        byte[] xml = Base64.getUrlDecoder().decode(value.substring(7));
        assertThat(VihfVerifier.builder().trust(ca).clock(clock).build().verify(xml).accepted()).isTrue();
    }

    @Test
    void verifierReadsTheAssertionBackFromEitherPlacement() {
        CredentialRequest request = CredentialRequest.dmp(VihfVerifierTest.PATIENT, AccessContext.normal());
        String bearer = AuthCredentialsProvider.builder().source(CredentialSource.vihf(issuer)).build()
                .headers(request).get("Authorization").get(0);
        String iheSaml = AuthCredentialsProvider.builder().source(CredentialSource.vihf(issuer))
                .placement(SamlHeaderPlacement.iheSaml()).build().headers(request).get("Authorization").get(0);
        VihfVerifier verifier = VihfVerifier.builder().trust(ca).clock(clock).build();

        assertThat(verifier.verify(VihfVerifier.assertionFromHeader(bearer).orElseThrow()).accepted()).isTrue();
        assertThat(verifier.verify(VihfVerifier.assertionFromHeader(iheSaml).orElseThrow()).accepted()).isTrue();
        assertThat(VihfVerifier.assertionFromHeader("Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln")).isEmpty();
    }

    @Test
    void samlPlacementRefusesAnAccessTokenWithATypedError() {
        CredentialsProvider provider = AuthCredentialsProvider.builder()
                .source(request -> new fr.opendmp.auth.provider.Credential.AccessToken("abc.def.ghi"))
                .placement(SamlHeaderPlacement.iheSaml()).build();

        assertThatThrownBy(() -> provider.headers(CredentialRequest.insi()))
                .isInstanceOf(CredentialsException.class).hasMessageNotContaining("abc.def.ghi");
    }
}
