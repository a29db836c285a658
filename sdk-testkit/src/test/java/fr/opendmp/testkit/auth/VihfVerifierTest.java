package fr.opendmp.testkit.auth;

import fr.opendmp.core.code.CodeSystems;
import fr.opendmp.core.code.Code;
import static fr.opendmp.testkit.auth.VihfFailure.Code.*;
import static org.assertj.core.api.Assertions.assertThat;

import fr.opendmp.auth.keys.KeyMaterial;
import fr.opendmp.core.caller.AuthenticationMode;
import fr.opendmp.core.party.Professional;
import fr.opendmp.auth.vihf.SignedVihf;
import fr.opendmp.auth.vihf.Software;
import fr.opendmp.core.party.Organization;
import fr.opendmp.auth.vihf.VihfBuilder;
import fr.opendmp.auth.vihf.VihfSigner;
import fr.opendmp.core.access.AccessContext;
import fr.opendmp.core.access.AccessMode;
import fr.opendmp.core.ins.Ins;
import fr.opendmp.core.ins.InsMatricule;
import fr.opendmp.core.ins.InsOid;
import fr.opendmp.testkit.ca.CertificateProfile;
import fr.opendmp.testkit.ca.IssuedCertificate;
import fr.opendmp.testkit.ca.MutableClock;
import fr.opendmp.testkit.ca.TestCa;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VihfVerifierTest {

    static final String STRUCTURE = "10B0167011";
    static final Ins PATIENT = Ins.of(InsMatricule.parse("279119913400976"), InsOid.NIR_TEST);
    static final Ins OTHER_PATIENT = Ins.of(InsMatricule.parse("168124912307861"), InsOid.NIR_TEST);
    static final Professional DOCTOR = Professional.of("899700366240", "Paul", "TEST").withProfession(Code.of(CodeSystems.TRE_G15, "10", "Médecin"))
                .withSpecialty(Code.of(CodeSystems.TRE_R38, "SM26", "Qualifié en médecine générale"));
    static final Professional NURSE = Professional.of("899700366241", "Anne", "TEST").withProfession(Code.of(CodeSystems.TRE_G15, "60", "Infirmier"));
    static final Software LPS = new Software("OpenDMP Test", "1.0.0", "KIR-test-001", Optional.of("1.2.250.1.999.1"));

    static TestCa ca;
    static TestCa foreign;
    static IssuedCertificate sign;
    static IssuedCertificate authCli;

    MutableClock clock;
    VihfVerifier verifier;

    @BeforeAll
    static void issueCertificates() {
        ca = TestCa.create("OpenDMP TEST IGC Santé");
        foreign = TestCa.create("Foreign CA");
        sign = ca.structureSign(STRUCTURE, "Centre Hospitalier de Test");
        authCli = ca.structureAuthClient(STRUCTURE, "Centre Hospitalier de Test");
    }

    @BeforeEach
    void setUp() {
        clock = MutableClock.now();
        verifier = VihfVerifier.builder().trust(ca).clock(clock).build();
    }

    SignedVihf signed(KeyMaterial key, Professional professional, AccessContext access) {
        return new VihfSigner(key).sign(VihfBuilder.create().professional(professional)
                .structure(Organization.of(STRUCTURE).withSector(Code.of(CodeSystems.TRE_R02, "SA07", "Secteur SA07"))).software(LPS).patient(PATIENT)
                .access(access).clock(clock).build());
    }

    SignedVihf signed() {
        return signed(sign.keyMaterial(), DOCTOR, AccessContext.normal());
    }

    VihfFailure refusal(VihfVerification verification) {
        assertThat(verification).isInstanceOf(VihfVerification.Refused.class);
        return ((VihfVerification.Refused) verification).failure();
    }

    @Test
    void signedVihfIsAcceptedWithEveryAttributeReadBack() {
        VihfVerification result = verifier.verify(signed().xml(), Optional.of(authCli.certificate()),
                Optional.of(PATIENT.cx()));

        assertThat(result).isInstanceOf(VihfVerification.Accepted.class);
        VerifiedCaller caller = ((VihfVerification.Accepted) result).caller();
        assertThat(caller.nameId()).isEqualTo("899700366240");
        assertThat(caller.authenticationMode()).isEqualTo("INDIRECTE");
        assertThat(caller.structureId()).contains(STRUCTURE);
        assertThat(caller.secteurActivite()).isEqualTo("SA07^1.2.250.1.71.4.2.4");
        assertThat(caller.roles()).extracting(VerifiedCaller.Role::code).containsExactly("10", "SM26");
        assertThat(caller.accessMode()).isEqualTo(AccessMode.NORMAL);
        assertThat(caller.patientCx().equals(Optional.of(PATIENT.cx()))).as("patient read back").isTrue();
        assertThat(caller.resourceUrn()).isEqualTo("urn:dmp");
        assertThat(caller.software()).isEqualTo("OpenDMP Test 1.0.0");
        assertThat(caller.homologationId()).isEqualTo("KIR-test-001");
        assertThat(caller.warnings()).isEmpty();
        assertThat(caller.toString().contains(PATIENT.value()) || caller.toString().contains("Paul"))
                .as("toString masks patient and name").isFalse();
    }

    @Test
    void signedXmlHasTheSpecifiedSignatureAlgorithmsAndIssuer() {
        String xml = signed().xmlString();
        // booleans, not contains(): a failure must not print the XML (it holds an INS)
        for (String expected : List.of("<ds:CanonicalizationMethod Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"",
                "<ds:SignatureMethod Algorithm=\"http://www.w3.org/2001/04/xmldsig-more#rsa-sha256\"",
                "<ds:DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"",
                "http://www.w3.org/2000/09/xmldsig#enveloped-signature",
                ">CN=DMP SIGN,OU=" + STRUCTURE + ",O=Centre Hospitalier de Test,ST=Paris (75),C=FR</saml:Issuer>",
                "code=\"normal\" codeSystem=\"1.2.250.1.213.1.1.4.248\"",
                "<ec:InclusiveNamespaces xmlns:ec=\"http://www.w3.org/2001/10/xml-exc-c14n#\"")) {
            assertThat(xml.contains(expected)).as(expected).isTrue();
        }
        assertThat(xml.indexOf("<saml:Issuer")).isLessThan(xml.indexOf("<ds:Signature"));
        assertThat(xml.indexOf("<ds:Signature")).isLessThan(xml.indexOf("<saml:Subject"));
    }

    @Test
    void unsignedVihfIsRefusedAsSignatureInvalid() {
        String xml = signed().xmlString().replaceAll("(?s)<ds:Signature.*</ds:Signature>", "");
        assertThat(xml.contains("Signature")).as("signature removed").isFalse();

        assertThat(refusal(verifier.verify(xml.getBytes(StandardCharsets.UTF_8))).code()).isEqualTo(VIHF_SIGNATURE_INVALID);
    }

    @Test
    void tamperedAttributeBreaksTheDigest() {
        String xml = signed().xmlString();
        String tampered = xml.replace(">1.0.0<", ">6.6.6<");
        assertThat(tampered.equals(xml)).as("tampered").isFalse();

        VihfFailure failure = refusal(verifier.verify(tampered.getBytes(StandardCharsets.UTF_8)));
        assertThat(failure.code()).isEqualTo(VIHF_SIGNATURE_INVALID);
        assertThat(failure.attribute()).contains("Signature");
    }

    @Test
    void tamperedPatientIsRefusedEvenWhenTheExpectedPatientMatchesTheTamperedValue() {
        String tampered = signed().xmlString().replace(PATIENT.value(), OTHER_PATIENT.value());

        assertThat(refusal(verifier.verify(tampered.getBytes(StandardCharsets.UTF_8), Optional.empty(),
                Optional.of(OTHER_PATIENT.cx()))).code()).isEqualTo(VIHF_SIGNATURE_INVALID);
    }

    @Test
    void vihfPastItsValidityIsRefusedAsExpired() {
        byte[] xml = signed().xml();
        clock.advance(Duration.ofMinutes(11));

        assertThat(refusal(verifier.verify(xml)).code()).isEqualTo(VIHF_EXPIRED);
    }

    @Test
    void vihfIssuedInTheFutureIsRefusedAsNotYetValid() {
        byte[] xml = signed().xml();
        clock.advance(Duration.ofMinutes(-6));

        assertThat(refusal(verifier.verify(xml)).code()).isEqualTo(VIHF_NOT_YET_VALID);
    }

    @Test
    void vihfSignedByAForeignCaIsRefusedAsUntrusted() {
        IssuedCertificate foreignSign = foreign.structureSign(STRUCTURE, "Centre Hospitalier de Test");

        assertThat(refusal(verifier.verify(signed(foreignSign.keyMaterial(), DOCTOR, AccessContext.normal()).xml())).code())
                .isEqualTo(VIHF_CERT_UNTRUSTED);
    }

    @Test
    void vihfSignedWithAnExpiredCertificateIsRefused() {
        IssuedCertificate expired = ca.issue(CertificateProfile.ORG_SIGN).structure(STRUCTURE, "CH").expired().issue();
        // KeyMaterial checks nothing about validity: the verifier must
        assertThat(refusal(verifier.verify(signed(expired.keyMaterial(), DOCTOR, AccessContext.normal()).xml())).code())
                .isEqualTo(VIHF_CERT_EXPIRED);
    }

    @Test
    void vihfSignedWithARevokedCertificateIsRefused() {
        IssuedCertificate revoked = ca.issue(CertificateProfile.ORG_SIGN).structure(STRUCTURE, "CH").revoked().issue();

        assertThat(refusal(verifier.verify(signed(revoked.keyMaterial(), DOCTOR, AccessContext.normal()).xml())).code())
                .isEqualTo(VIHF_CERT_REVOKED);
    }

    @Test
    void vihfSignedWithTheTlsCertificateIsRefusedForItsUsage() {
        assertThat(refusal(verifier.verify(signed(authCli.keyMaterial(), DOCTOR, AccessContext.normal()).xml())).code())
                .isEqualTo(VIHF_CERT_USAGE);
    }

    @Test
    void issuerThatIsNotTheSignerIsRefused() throws Exception {
        byte[] xml = AssertionResigner.resign(signed().xml(), sign.keyMaterial(),
                AssertionResigner.setText("Issuer", "CN=Someone Else,O=Elsewhere,C=FR"));

        assertThat(refusal(verifier.verify(xml)).code()).isEqualTo(VIHF_ISSUER_MISMATCH);
    }

    @Test
    void issuerWrittenCountryFirstWithDotNetSpellingIsTheSameName() throws Exception {
        byte[] xml = AssertionResigner.resign(signed().xml(), sign.keyMaterial(), AssertionResigner.setText("Issuer",
                "C=FR, S=Paris (75), O=Centre Hospitalier de Test, OU=" + STRUCTURE + ", CN=DMP SIGN"));

        assertThat(verifier.verify(xml).accepted()).isTrue();
    }

    @Test
    void resignedUnchangedVihfIsAccepted() throws Exception {
        byte[] xml = AssertionResigner.resign(signed().xml(), sign.keyMaterial(), doc -> { });

        assertThat(verifier.verify(xml).accepted()).isTrue();
    }

    @Test
    void eachMissingRequiredAttributeIsNamed() throws Exception {
        for (String name : List.of("VIHF_Version", "Authentification_Mode", "Identifiant_Structure", "Secteur_Activite",
                "urn:oasis:names:tc:xspa:1.0:subject:subject-id", "urn:oasis:names:tc:xacml:2.0:subject:role",
                "urn:oasis:names:tc:xacml:2.0:resource:resource-id", "Ressource_URN", "LPS_Nom", "LPS_Version",
                "LPS_ID_HOMOLOGATION_DMP")) {
            byte[] xml = AssertionResigner.resign(signed().xml(), sign.keyMaterial(),
                    AssertionResigner.removeAttribute(name));

            VihfFailure failure = refusal(verifier.verify(xml));
            assertThat(failure.codeAndAttribute()).as(name).isEqualTo("VIHF_ATTRIBUTE_MISSING:" + name);
        }
    }

    @Test
    void vihfForAnotherPatientThanTheRequestIsRefused() {
        VihfFailure failure = refusal(verifier.verify(signed().xml(), Optional.empty(), Optional.of(OTHER_PATIENT.cx())));

        assertThat(failure.code()).isEqualTo(VIHF_PATIENT_MISMATCH);
        assertThat(failure.message().contains(PATIENT.value()) || failure.message().contains(OTHER_PATIENT.value()))
                .as("message masks the INS").isFalse();
    }

    @Test
    void brisDeGlaceByAPhysicianWithAReasonIsAcceptedAndCarriesTheReason() {
        VihfVerification result = verifier.verify(
                signed(sign.keyMaterial(), DOCTOR, AccessContext.brisDeGlace("patient inconscient")).xml());

        VerifiedCaller caller = ((VihfVerification.Accepted) result).caller();
        assertThat(caller.accessMode()).isEqualTo(AccessMode.BRIS_DE_GLACE);
        assertThat(caller.accessReason()).contains("patient inconscient");
    }

    @Test
    void brisDeGlaceWithoutReasonIsRefused() throws Exception {
        byte[] xml = AssertionResigner.resign(
                signed(sign.keyMaterial(), DOCTOR, AccessContext.brisDeGlace("urgence")).xml(), sign.keyMaterial(),
                AssertionResigner.removeAttribute("Mode_Acces_Raison"));

        assertThat(refusal(verifier.verify(xml)).codeAndAttribute())
                .isEqualTo("VIHF_ATTRIBUTE_MISSING:Mode_Acces_Raison");
    }

    @Test
    void brisDeGlaceByANurseIsForbidden() {
        assertThat(refusal(verifier.verify(
                signed(sign.keyMaterial(), NURSE, AccessContext.brisDeGlace("urgence")).xml())).code())
                .isEqualTo(VIHF_MODE_ACCES_FORBIDDEN);
    }

    @Test
    void centreDeRegulationIsAcceptedForAPhysicianAndForbiddenForANurse() {
        assertThat(verifier.verify(signed(sign.keyMaterial(), DOCTOR, AccessContext.centreRegulation()).xml()).accepted())
                .isTrue();
        assertThat(refusal(verifier.verify(
                signed(sign.keyMaterial(), NURSE, AccessContext.centreRegulation()).xml())).code())
                .isEqualTo(VIHF_MODE_ACCES_FORBIDDEN);
    }

    @Test
    void tlsCertificateOfAnotherStructureIsRefused() {
        IssuedCertificate otherTls = ca.structureAuthClient("10B0000001", "Autre Clinique");

        assertThat(refusal(verifier.verify(signed().xml(), Optional.of(otherTls.certificate()), Optional.empty())).code())
                .isEqualTo(VIHF_STRUCTURE_MISMATCH);
    }

    @Test
    void doctypeIsRefusedBeforeAnythingElse() {
        String xml = "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>" + signed().xmlString();

        assertThat(refusal(verifier.verify(xml.getBytes(StandardCharsets.UTF_8))).code()).isEqualTo(VIHF_MALFORMED);
    }

    @Test
    void secondElementCarryingTheAssertionIdIsRefusedAsWrapping() throws Exception {
        byte[] xml = AssertionResigner.resign(signed().xml(), sign.keyMaterial(), doc -> {
            var decoy = doc.createElementNS("urn:example:wrap", "w:Decoy");
            decoy.setAttribute("ID", doc.getDocumentElement().getAttribute("ID"));
            doc.getDocumentElement().appendChild(decoy);
        });

        VihfFailure failure = refusal(verifier.verify(xml));
        assertThat(failure.codeAndAttribute()).isEqualTo("VIHF_MALFORMED:ID");
    }

    @Test
    void twoAssertionsInOneDocumentAreRefused() throws Exception {
        byte[] xml = AssertionResigner.resign(signed().xml(), sign.keyMaterial(), doc -> doc.getDocumentElement()
                .appendChild(doc.importNode(doc.getDocumentElement().cloneNode(false), false)));

        assertThat(refusal(verifier.verify(xml)).code()).isEqualTo(VIHF_MALFORMED);
    }

    @Test
    void replayedAssertionIsRefusedWhenReplayDetectionIsOn() {
        VihfVerifier strict = VihfVerifier.builder().trust(ca).clock(clock).replayDetection(true).build();
        byte[] xml = signed().xml();

        assertThat(strict.verify(xml).accepted()).isTrue();
        assertThat(refusal(strict.verify(xml)).code()).isEqualTo(VIHF_REPLAYED);
    }

    @Test
    void airVihfWithDeclarationLegacyModeAndConfidentialityCodeIsAccepted() {
        SignedVihf air = new VihfSigner(sign.keyMaterial()).sign(VihfBuilder.create().professional(DOCTOR)
                .structure(Organization.of(STRUCTURE).withSector(Code.of(CodeSystems.TRE_R02, "SA07", "Secteur SA07"))).software(LPS).patient(PATIENT)
                .mode(AuthenticationMode.INDIRECTE_RENFORCEE)
                .profile(fr.opendmp.auth.vihf.VihfProfile.DMP.withLegacyModeAcces())
                .confidentialityCode("INVISIBLE_PATIENT").clock(clock).build());
        String xml = air.xmlString();

        assertThat(xml.contains("<saml:AuthnContextDecl>CONF_EXI_PGSSIS</saml:AuthnContextDecl>")).isTrue();
        assertThat(xml.contains("Name=\"Mode_Acces\"><saml:AttributeValue>normal<")).isTrue();
        assertThat(xml.contains("hl7:confidentiality-code\"><saml:AttributeValue>INVISIBLE_PATIENT<")).isTrue();
        VerifiedCaller caller = ((VihfVerification.Accepted) verifier.verify(air.xml(),
                Optional.of(authCli.certificate()), Optional.empty())).caller();
        assertThat(caller.authenticationMode()).isEqualTo("INDIRECTE_RENFORCEE");
    }

    @Test
    void directModeWithSmartcardContextIsAcceptedWithoutTls() {
        SignedVihf direct = new VihfSigner(sign.keyMaterial()).sign(VihfBuilder.create().professional(DOCTOR)
                .structure(Organization.of(STRUCTURE).withSector(Code.of(CodeSystems.TRE_R02, "SA07", "Secteur SA07"))).software(LPS).patient(PATIENT)
                .mode(AuthenticationMode.DIRECTE).clock(clock).build());

        VerifiedCaller caller = ((VihfVerification.Accepted) verifier.verify(direct.xml())).caller();
        assertThat(caller.authenticationMode()).isEqualTo("DIRECTE");
    }
}
