package fr.opendmp.testkit.dmp;

import static fr.opendmp.testkit.dmp.RawHttp.INS;
import static fr.opendmp.testkit.dmp.RawHttp.OTHER_INS;
import static org.assertj.core.api.Assertions.assertThat;

import fr.opendmp.core.access.AccessContext;
import fr.opendmp.core.ins.Ins;
import fr.opendmp.testkit.junit.FakeDmpTest;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OFF test mode itself (its subject: unsigned credentials are read, not verified), so the fake
 * is explicitly {@code AuthMode.OFF}.
 */
@FakeDmpTest(auth = AuthMode.OFF)
class OffModeCredentialsTest {
    private static final FakeProfessional OTHER = FakeProfessional.doctor("899700000001");
    private FakeDmp dmp;
    private RawHttp http;

    @BeforeEach
    void connect(FakeDmp fake) {
        dmp = fake;
        http = new RawHttp(fake);
    }

    @Test
    void offModeServesPlainHttpAndARequestWithoutCredentialActsAsTheDefaultProfessional() {
        assertThat(dmp.baseUri().toString()).startsWith("http://127.0.0.1:");
        assertThat(dmp.sslContext()).isEmpty();
        assertThat(dmp.credentials(OTHER)).isInstanceOf(TestCredentials.class);
        assertThat(http.get(RawHttp.searchByPatient(INS)).status()).isEqualTo(200);
        assertThat(dmp.history().get(dmp.history().size() - 1).idNatPs()).isEqualTo(dmp.defaultProfessional().idNatPs());
    }

    @Test
    void aForgedUnsignedJwtInBrisDeGlaceWithoutReasonIsRefused() {
        String jwt = TestCredentials.of(OTHER).jwt(Optional.of(Ins.nir(INS)), AccessContext.normal())
                .replace('.', '~');
        String[] parts = jwt.split("~", -1);
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8)
                .replace("\"purposeofuse\":\"normal\"", "\"purposeofuse\":\"bris_de_glace\"");
        String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + ".";
        var r = http.as("Bearer " + forged).get(RawHttp.searchByPatient(INS));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.rule()).isEqualTo("BRIS_DE_GLACE_REASON_MISSING");
    }

    @Test
    void anUnsignedSamlVihfIsReadInOffMode() {
        dmp.revokeAuthorization(INS, OTHER.idNatPs());
        String vihf = "<saml:Assertion xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\"><saml:Subject><saml:NameID>"
                + OTHER.idNatPs() + "</saml:NameID></saml:Subject><saml:AttributeStatement>"
                + "<saml:Attribute Name=\"urn:oasis:names:tc:xacml:2.0:resource:resource-id\"><saml:AttributeValue>"
                + INS + "^^^&amp;1.2.250.1.213.1.4.8&amp;ISO^NH</saml:AttributeValue></saml:Attribute>"
                + "</saml:AttributeStatement></saml:Assertion>";
        String header = "IHE-SAML " + java.util.Base64.getEncoder().encodeToString(vihf.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        var r = http.as(header).get(RawHttp.searchByPatient(INS));
        assertThat(r.rule()).isEqualTo("NO_AUTHORIZATION");
        assertThat(http.as(header).get(RawHttp.searchByPatient(OTHER_INS)).rule()).isEqualTo("PATIENT_MISMATCH");
    }


    @Test
    void theFakesLogNeverContainsTheUnsignedJwt() throws Exception {
        String jwt = TestCredentials.of(OTHER).jwt(Optional.of(Ins.nir(INS)), AccessContext.normal());
        String log = LogCapture.during(() -> {
            assertThat(http.as("Bearer " + jwt).get(RawHttp.searchByPatient(INS)).status()).isEqualTo(200);
            http.as("Bearer " + jwt).get(RawHttp.searchByPatient(OTHER_INS));
        });
        assertThat(log).as("the fake logs its requests").contains("GET");
        assertThat(log).doesNotContain(jwt.substring(jwt.indexOf('.') + 1, jwt.indexOf('.') + 30))
                .doesNotContain("Bearer").doesNotContain(INS).doesNotContain(OTHER_INS);
    }
}
