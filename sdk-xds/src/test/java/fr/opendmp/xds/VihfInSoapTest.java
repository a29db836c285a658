package fr.opendmp.xds;

import fr.opendmp.core.code.CodeSystems;
import fr.opendmp.core.code.Code;
import static org.assertj.core.api.Assertions.assertThat;

import fr.opendmp.auth.keys.KeyMaterial;
import fr.opendmp.auth.provider.AuthCredentialsProvider;
import fr.opendmp.auth.provider.KeyDocumentSigner;
import fr.opendmp.core.caller.AuthenticationMode;
import fr.opendmp.auth.vihf.DmpiVihfOptions;
import fr.opendmp.core.party.Professional;
import fr.opendmp.auth.vihf.Software;
import fr.opendmp.core.party.Organization;
import fr.opendmp.auth.vihf.VihfIssuer;
import fr.opendmp.auth.vihf.VihfSigner;
import fr.opendmp.core.access.AccessContext;
import fr.opendmp.core.access.AccessMode;
import fr.opendmp.core.access.AuthorizedPatientsBy;
import fr.opendmp.core.client.DmpClient;
import fr.opendmp.core.credentials.CredentialsProvider;
import fr.opendmp.core.transport.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The VIHF of sdk-auth in wsse:Security, per call (caller, access mode, patient), DMPi profile. */
class VihfInSoapTest extends XdsTestSupport {

    CredentialsProvider provider(AuthenticationMode mode, DmpiVihfOptions options) {
        KeyMaterial key = KeyMaterial.of(signingKeys.getPrivate(), List.of(signingCert));
        VihfIssuer issuer = VihfIssuer.builder().signer(new VihfSigner(key))
                .professional(Professional.of("810001234567", "MEDECIN", "JEAN").withProfession(Code.of(CodeSystems.TRE_G15, "10", "Médecin"))
                .withSpecialty(Code.of(CodeSystems.TRE_R38, "SM26", "Médecine générale")))
                .structure(Organization.of("10B0000001").withSector(Code.of(CodeSystems.TRE_R02, "SA07", "Secteur SA07")))
                .software(new Software("OpenDMP-tests", "1.0", "TEST-HOMOLOG", java.util.Optional.empty()))
                .mode(mode).build();
        return AuthCredentialsProvider.builder().soapVihf(issuer).dmpiVihfOptions(options)
                .documentSigner(KeyDocumentSigner.of(key)).build();
    }

    DmpClient client(CredentialsProvider credentials) {
        return DmpClient.builder().transport(XdsTransport.builder().endpoint(endpoint()).build())
                .credentials(credentials).software("OpenDMP-tests", "1.0", "TEST-HOMOLOG").sourceId("1.2.250.1.999.42")
                .retryPolicy(new RetryPolicy(1, Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofSeconds(2)))
                .build();
    }

    static String attr(Document d, String name) {
        return xs(d, "//saml2:Attribute[@Name='" + name + "']/saml2:AttributeValue");
    }

    @Test
    void indirectVihfIsSignedVerifiableAndCarriesTheCall() throws Exception {
        answer("patients", 200, vector("td02-response.xml"));
        try (DmpClient dmp = client(provider(AuthenticationMode.INDIRECTE, DmpiVihfOptions.DEFAULTS))) {
            dmp.access(INS, AccessContext.brisDeGlace("patient inconscient"));
        }
        Document d = envelope(requests("patients").get(0));
        String a = "/soap:Envelope/soap:Header/wsse:Security/saml2:Assertion";
        assertThat(count(d, a)).isEqualTo(1);
        assertThat(count(d, a + "/saml2:Conditions")).isZero();
        assertThat(xs(d, a + "/saml2:Subject/saml2:NameID")).isEqualTo("810001234567");
        assertThat(attr(d, "Authentification_mode")).isEqualTo("INDIRECTE");
        assertThat(count(d, "//saml2:Attribute[@Name='Authentification_Mode']")).isZero();
        assertThat(attr(d, "urn:oasis:names:tc:xacml:2.0:resource:resource-id"))
                .isEqualTo("279119913400976^^^&1.2.250.1.213.1.4.8&ISO^NH");
        assertThat(attr(d, "Ressource_URN")).isEqualTo("urn:dmp");
        assertThat(attr(d, "VIHF_Version")).isEqualTo("3.0");
        assertThat(attr(d, "Identifiant_Structure")).isEqualTo("10B0000001");
        assertThat(xs(d, "//saml2:Attribute[@Name='urn:oasis:names:tc:xspa:1.0:subject:purposeofuse']"
                + "/saml2:AttributeValue/hl7:PurposeOfUse/@code")).isEqualTo("bris_de_glace");
        assertThat(attr(d, "Mode_Acces_Raison")).isEqualTo("patient inconscient");
        assertThat(xs(d, a + "/saml2:AuthnStatement/saml2:AuthnContext/saml2:AuthnContextClassRef"))
                .isEqualTo("urn:oasis:names:tc:SAML:2.0:ac:classes:Password");
        assertThat(xs(d, a + "/ds:Signature/ds:SignedInfo/ds:SignatureMethod/@Algorithm"))
                .isEqualTo("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256");
        Element assertion = (Element) nodes(d, a).item(0);
        assertion.setIdAttribute("ID", true);
        DOMValidateContext ctx = new DOMValidateContext(signingCert.getPublicKey(),
                nodes(d, a + "/ds:Signature").item(0));
        assertThat(XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(ctx).validate(ctx)).isTrue();
    }

    @Test
    void directVihfIsUnsignedByDefaultAndAirHasItsDeclaration() {
        answer("patients", 200, vector("td02-response.xml"));
        try (DmpClient dmp = client(provider(AuthenticationMode.DIRECTE, DmpiVihfOptions.DEFAULTS))) {
            dmp.access(INS, AccessMode.NORMAL);
        }
        Document d = envelope(requests("patients").get(0));
        assertThat(count(d, "//saml2:Assertion/ds:Signature")).isZero();
        assertThat(xs(d, "//saml2:AuthnContextClassRef")).isEqualTo("urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI");
        assertThat(count(d, "//saml2:Attribute[@Name='Mode_Acces_Raison']")).isZero();
        reset();
        answer("patients", 200, vector("td02-response.xml"));
        try (DmpClient dmp = client(provider(AuthenticationMode.INDIRECTE_RENFORCEE, DmpiVihfOptions.builder()
                .authModeAttributeName(DmpiVihfOptions.AuthModeAttributeName.UPPER_M)
                .signatureAlgorithm(DmpiVihfOptions.VihfSignatureAlgorithm.RSA_SHA1).build()))) {
            dmp.access(INS, AccessMode.NORMAL);
        }
        Document air = envelope(requests("patients").get(0));
        assertThat(attr(air, "Authentification_Mode")).isEqualTo("INDIRECTE_RENFORCEE");
        assertThat(xs(air, "//saml2:AuthnContextDecl")).isEqualTo("CONF_EXI_PGSSIS");
        assertThat(xs(air, "//saml2:Assertion/ds:Signature/ds:SignedInfo/ds:SignatureMethod/@Algorithm"))
                .isEqualTo("http://www.w3.org/2000/09/xmldsig#rsa-sha1");
    }

    @Test
    void td04VihfNamesNoPatient() {
        answer("patientsSpecific", 200, vector("td04-response.xml"));
        try (DmpClient dmp = client(provider(AuthenticationMode.INDIRECTE, DmpiVihfOptions.DEFAULTS))) {
            dmp.authorizedPatients(Instant.parse("2026-01-01T00:00:00Z"), AuthorizedPatientsBy.LAST_DOCUMENT);
        }
        Document d = envelope(requests("patientsSpecific").get(0));
        assertThat(count(d, "//saml2:Assertion")).isEqualTo(1);
        assertThat(count(d, "//saml2:Attribute[@Name='urn:oasis:names:tc:xacml:2.0:resource:resource-id']")).isZero();
        assertThat(xs(d, "//pat:dateType")).isEqualTo("LASTDOC");
    }

    @Test
    void aFreshAssertionPerCallByDefault() {
        answer("patients", 200, vector("td02-response.xml"));
        try (DmpClient dmp = client(provider(AuthenticationMode.INDIRECTE, DmpiVihfOptions.DEFAULTS))) {
            dmp.access(INS, AccessMode.NORMAL);
            dmp.invalidateCaches();
            dmp.access(INS, AccessMode.NORMAL);
        }
        var rs = requests("patients");
        assertThat(xs(envelope(rs.get(0)), "//saml2:Assertion/@ID"))
                .isNotEqualTo(xs(envelope(rs.get(1)), "//saml2:Assertion/@ID"));
    }
}
