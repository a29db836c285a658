package fr.opendmp.testkit.dmp;

import fr.opendmp.testkit.junit.FakeDmpTest;

import static fr.opendmp.testkit.dmp.RawHttp.INS;
import static fr.opendmp.testkit.dmp.RawHttp.INS_SYSTEM;
import static fr.opendmp.testkit.dmp.RawHttp.OTHER_INS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.opendmp.core.access.AccessContext;
import fr.opendmp.core.access.AccessMode;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Consent and access rules of the PDSM4DMP implementation guide, through raw HTTP, in the default verified mode (signed VIHFs). */
@FakeDmpTest
class AccessRulesTest {
    private static final FakeProfessional AUTHOR = FakeProfessional.doctor(Docs.AUTHOR);
    private static final FakeProfessional OTHER = FakeProfessional.doctor("899700000001");
    private FakeDmp dmp;
    private RawHttp http;

    @BeforeEach
    void connect(FakeDmp fake) {
        dmp = fake;
        http = new RawHttp(fake);
    }

    private RawHttp as(FakeProfessional p, AccessContext access) {
        return http.as(p, INS, access);
    }

    private String td02() {
        return "Patient?identifier=" + RawHttp.enc(INS_SYSTEM + "|" + INS);
    }

    private void deposit(int n) {
        assertThat(as(AUTHOR, AccessContext.normal()).postJson("", Docs.bundle(INS, Docs.uniqueId(n)).toString())
                .status()).isEqualTo(200);
    }

    @Test
    void td02ForAnUnseededInsShowsAnOpenDmpAndAPermitConsent() {
        JsonNode b = as(OTHER, AccessContext.normal()).get(td02()).json();
        assertThat(b.path("total").asInt()).isEqualTo(1);
        JsonNode patient = b.path("entry").path(0).path("resource");
        assertThat(patient.path("active").asBoolean()).isTrue();
        assertThat(patient.path("identifier").path(0).path("value").asText()).isEqualTo(INS);
        JsonNode consent = b.path("entry").path(1);
        assertThat(consent.path("search").path("mode").asText()).isEqualTo("include");
        assertThat(consent.path("resource").path("provision").path("type").asText()).isEqualTo("permit");
        assertThat(consent.path("resource").path("provision").path("actor").path(0).path("reference")
                .path("identifier").path("value").asText()).isEqualTo(OTHER.idNatPs());
    }

    @Test
    void td02WithoutAuthorizationHasNoConsentAndBlockedHasDeny() {
        dmp.revokeAuthorization(INS, OTHER.idNatPs());
        assertThat(as(OTHER, AccessContext.normal()).get(td02()).json().path("entry")).hasSize(1);
        dmp.block(INS, OTHER.idNatPs());
        JsonNode consent = as(OTHER, AccessContext.normal()).get(td02()).json().path("entry").path(1).path("resource");
        assertThat(consent.path("provision").path("type").asText()).isEqualTo("deny");
    }

    @Test
    void td02ForNoDmpIsEmptyAndForClosedDmpCarriesTheClosure() {
        dmp.seedPatient(FakePatient.withoutDmp(INS));
        assertThat(http.get(td02()).json().path("total").asInt()).isZero();
        dmp.seedPatient(FakePatient.closed(INS, LocalDate.of(2024, 1, 31), "patient-demande")
                .withMonEspaceSante(true).withMedecinTraitant(Docs.AUTHOR));
        JsonNode p = http.get(td02()).json().path("entry").path(0).path("resource");
        assertThat(p.path("active").asBoolean()).isFalse();
        String exts = p.path("extension").toString();
        assertThat(exts).contains("dmp-fermeture").contains("2024-01-31").contains("patient-demande");
        assertThat(exts).contains("dmp-rattachement-mes\",\"valueBoolean\":true");
        assertThat(exts).contains("dmp-medecin-traitant\",\"valueBoolean\":true");
    }

    @Test
    void closedDmpRefusesDepositAndSearchWith422() {
        dmp.seedPatient(FakePatient.closed(INS, LocalDate.of(2024, 1, 31), "patient-demande"));
        var dep = http.postJson("", Docs.bundle(INS, Docs.uniqueId(1)).toString());
        assertThat(dep.status()).isEqualTo(422);
        assertThat(dep.rule()).isEqualTo("DMP_CLOSED");
        assertThat(http.get(RawHttp.searchByPatient(INS)).rule()).isEqualTo("DMP_CLOSED");
        assertThat(dmp.documentCount()).isZero();
    }

    @Test
    void professionalWithoutAuthorizationCanDepositButNotSearchOrRetrieve() {
        dmp.revokeAuthorization(INS, OTHER.idNatPs());
        var dep = as(OTHER, AccessContext.normal()).postJson("", Docs.bundle(INS, Docs.uniqueId(1)).toString());
        assertThat(dep.status()).isEqualTo(200);
        var search = as(OTHER, AccessContext.normal()).get(RawHttp.searchByPatient(INS));
        assertThat(search.status()).isEqualTo(403);
        assertThat(search.rule()).isEqualTo("NO_AUTHORIZATION");
        String binary = dep.json().path("entry").path(2).path("response").path("location").asText();
        assertThat(as(OTHER, AccessContext.normal()).get(binary, "application/xml").rule()).isEqualTo("NO_AUTHORIZATION");
    }

    @Test
    void defaultAuthorizationNotAuthorizedRefusesUnseededPairsUntilAuthorized() {
        try (FakeDmp strictConsent = FakeDmp.builder().defaultAuthorization(DefaultAuthorization.NOT_AUTHORIZED).start()) {
            RawHttp h = new RawHttp(strictConsent);
            assertThat(h.get(RawHttp.searchByPatient(INS)).status()).isEqualTo(403);
            strictConsent.authorize(INS, strictConsent.defaultProfessional().idNatPs());
            assertThat(h.get(RawHttp.searchByPatient(INS)).status()).isEqualTo(200);
        }
    }

    @Test
    void blockedProfessionalIsRefusedEvenWithAuthorizationButBrisDeGlaceReachesTheRecordTraced() {
        dmp.authorize(INS, OTHER.idNatPs()).block(INS, OTHER.idNatPs());
        var r = as(OTHER, AccessContext.normal()).get(RawHttp.searchByPatient(INS));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.rule()).isEqualTo("BLOCKED");
        assertThat(as(OTHER, AccessContext.centreRegulation()).get(RawHttp.searchByPatient(INS)).rule())
                .isEqualTo("BLOCKED");
        assertThat(as(OTHER, AccessContext.brisDeGlace("urgence vitale")).get(RawHttp.searchByPatient(INS)).status())
                .isEqualTo(200);
        AccessEvent last = dmp.history().get(dmp.history().size() - 1);
        assertThat(last.mode()).isEqualTo(AccessMode.BRIS_DE_GLACE);
        assertThat(last.reason()).contains("urgence vitale");
    }

    @Test
    void aFakeConfiguredSoRefusesABlockedProfessionalEvenInBrisDeGlace() throws Exception {
        try (FakeDmp strictBlock = FakeDmp.builder().brisDeGlaceOverridesBlock(false).start()) {
            strictBlock.block(INS, OTHER.idNatPs());
            var r = new RawHttp(strictBlock).as(OTHER, INS, AccessContext.brisDeGlace("urgence vitale"))
                    .get(RawHttp.searchByPatient(INS));
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.rule()).isEqualTo("BLOCKED");
        }
    }

    @Test
    void brisDeGlaceWithReasonBypassesAuthorizationAndIsTraced() {
        dmp.revokeAuthorization(INS, OTHER.idNatPs());
        var r = as(OTHER, AccessContext.brisDeGlace("patient inconscient")).get(RawHttp.searchByPatient(INS));
        assertThat(r.status()).isEqualTo(200);
        AccessEvent e = dmp.history().get(dmp.history().size() - 1);
        assertThat(e.mode()).isEqualTo(AccessMode.BRIS_DE_GLACE);
        assertThat(e.reason()).contains("patient inconscient");
        assertThat(e.idNatPs()).isEqualTo(OTHER.idNatPs());
        assertThat(e.patientIns()).contains(INS);
        assertThat(e.action()).isEqualTo("TD3.1");
        assertThat(e.status()).isEqualTo(200);
    }

    @Test
    void centreDeRegulationBypassesAuthorization() {
        dmp.revokeAuthorization(INS, OTHER.idNatPs());
        assertThat(as(OTHER, AccessContext.centreRegulation()).get(RawHttp.searchByPatient(INS)).status()).isEqualTo(200);
    }

    @Test
    void credentialForAnotherPatientIs403() {
        var r = as(OTHER, AccessContext.normal()).get(RawHttp.searchByPatient(OTHER_INS));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.rule()).isEqualTo("PATIENT_MISMATCH");
        var dep = as(OTHER, AccessContext.normal()).postJson("", Docs.bundle(OTHER_INS, Docs.uniqueId(1)).toString());
        assertThat(dep.status()).isEqualTo(403);
        assertThat(dmp.documentCount()).isZero();
    }

    @Test
    void unreadableCredentialIs401() {
        var r = http.as("Bearer not-a-jwt").get(RawHttp.searchByPatient(INS));
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.rule()).isEqualTo("INVALID_CREDENTIAL");
    }

    @Test
    void indirectAuthenticationWithoutAirOnlyAllowsSearchByIdentifier() {
        deposit(1);
        FakeProfessional indirect = FakeProfessional.builder("899700000002").authenticationMode("INDIRECTE").build();
        var list = as(indirect, AccessContext.normal()).get(RawHttp.searchByPatient(INS));
        assertThat(list.status()).isEqualTo(403);
        assertThat(list.rule()).isEqualTo("AUTHENTICATION_MODE");
        var byId = as(indirect, AccessContext.normal()).get(RawHttp.searchByPatient(INS) + "&identifier="
                + RawHttp.enc("urn:ietf:rfc:3986|" + Docs.uniqueId(1)));
        assertThat(byId.status()).isEqualTo(200);
        assertThat(byId.json().path("total").asInt()).isEqualTo(1);
    }

    @Test
    void noCredentialActsAsTheDefaultProfessional() {
        http.get(RawHttp.searchByPatient(INS));
        assertThat(dmp.history()).last().extracting(AccessEvent::idNatPs).isEqualTo(dmp.defaultProfessional().idNatPs());
    }
}
