package fr.opendmp.core.client;

import fr.opendmp.core.error.*;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opendmp.core.access.AccessContext;
import fr.opendmp.core.access.AccessMode;
import fr.opendmp.core.access.AccessStatus;
import fr.opendmp.core.access.Authorization;
import fr.opendmp.core.access.DmpState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class DmpClientAccessTest extends WireMockSupport {

    static final String DMP = "https://interop.esante.gouv.fr/ig/fhir/dmp/StructureDefinition/";

    static String patient(boolean active, String extensions) {
        return "{\"resourceType\":\"Patient\",\"id\":\"p1\",\"active\":" + active + ",\"extension\":[" + extensions + "],"
                + "\"identifier\":[{\"system\":\"urn:oid:1.2.250.1.213.1.4.8\",\"value\":\"" + TestIdentities.INS.value()
                + "\"}],\"name\":[{\"family\":\"TESTDMP\"}]}";
    }

    static String consent(String type) {
        return "{\"resourceType\":\"Consent\",\"status\":\"active\",\"provision\":{\"type\":\"" + type + "\","
                + "\"actor\":[{\"reference\":{\"identifier\":{\"value\":\"810001234567\"}}}]}}";
    }

    void stubPatient(String body) {
        wm.stubFor(get(urlPathEqualTo("/fhir/Patient"))
                .withQueryParam("identifier", equalTo(TestIdentities.INS.fhirIdentifier()))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/fhir+json").withBody(body)));
    }

    @Test
    void openDmpWithPermitConsentAndMedecinTraitantIsAuthorizedAndConsultable() {
        stubPatient(searchsetOf(patient(true, "{\"url\":\"" + DMP + "dmp-rattachement-mes\",\"valueBoolean\":true},"
                + "{\"url\":\"" + DMP + "dmp-medecin-traitant\",\"valueBoolean\":true}"), consent("permit")));
        try (DmpClient dmp = client()) {
            AccessStatus s = dmp.access(TestIdentities.INS, AccessMode.NORMAL);
            assertThat(s.state()).isEqualTo(DmpState.OPEN);
            assertThat(s.authorization()).isEqualTo(Authorization.AUTHORIZED);
            assertThat(s.attachedToMonEspaceSante()).isTrue();
            assertThat(s.medecinTraitant()).isTrue();
            assertThat(s.canConsult()).isTrue();
            assertThat(s.canDeposit()).isTrue();
        }
    }

    @Test
    void closedDmpCarriesItsClosureDateAndReasonAndRefusesDeposit() {
        stubPatient(searchsetOf(patient(false, "{\"url\":\"" + DMP + "dmp-fermeture\",\"extension\":["
                + "{\"url\":\"dateFermeture\",\"valueDate\":\"2025-03-01\"},"
                + "{\"url\":\"motifFermeture\",\"valueCodeableConcept\":{\"coding\":[{\"system\":"
                + "\"https://interop.esante.gouv.fr/ig/fhir/dmp/CodeSystem/dmp-motif-fermeture\",\"code\":\"patient-demande\"}]}},"
                + "{\"url\":\"raisonFermeture\",\"valueString\":\"à la demande du patient\"}]}")));
        try (DmpClient dmp = client()) {
            AccessStatus s = dmp.access(TestIdentities.INS, AccessMode.NORMAL);
            assertThat(s.state()).isEqualTo(DmpState.CLOSED);
            assertThat(s.closure()).hasValueSatisfying(c -> {
                assertThat(c.date()).contains(java.time.LocalDate.of(2025, 3, 1));
                assertThat(c.reason()).hasValueSatisfying(r -> assertThat(r.code()).isEqualTo("patient-demande"));
                assertThat(c.text()).isPresent();
            });
            assertThat(s.canDeposit()).isFalse();
            assertThat(s.canConsult()).isFalse();
        }
    }

    @Test
    void emptySearchsetMeansNoDmp() {
        stubPatient(searchsetOf());
        try (DmpClient dmp = client()) {
            assertThat(dmp.access(TestIdentities.INS, AccessMode.NORMAL).state()).isEqualTo(DmpState.NONE);
        }
    }

    @Test
    void denyConsentMeansBlockedAndOnlyBrisDeGlaceCanConsult() {
        stubPatient(searchsetOf(patient(true, ""), consent("deny")));
        try (DmpClient dmp = client()) {
            AccessStatus normal = dmp.access(TestIdentities.INS, AccessMode.NORMAL);
            assertThat(normal.authorization()).isEqualTo(Authorization.BLOCKED);
            assertThat(normal.canConsult()).isFalse();
            AccessStatus urgent = dmp.access(TestIdentities.INS, AccessContext.brisDeGlace("patient inconscient"));
            assertThat(urgent.canConsult()).isTrue();
            assertThat(dmp.access(TestIdentities.INS, AccessMode.CENTRE_REGULATION).canConsult()).isFalse();
        }
    }

    @Test
    void withoutAuthorizationOnlyBrisDeGlaceAndCentreDeRegulationCanConsult() {
        stubPatient(searchsetOf(patient(true, "")));
        try (DmpClient dmp = client()) {
            assertThat(dmp.access(TestIdentities.INS, AccessMode.NORMAL).canConsult()).isFalse();
            assertThat(dmp.access(TestIdentities.INS, AccessMode.CENTRE_REGULATION).canConsult()).isTrue();
            assertThat(dmp.access(TestIdentities.INS, AccessContext.brisDeGlace("urgence")).canConsult()).isTrue();
        }
    }

    @Test
    void accessStatusIsCachedPerPatientAndModeUntilItsTtlPassesOnTheInjectedClock() {
        stubPatient(searchsetOf(patient(true, ""), consent("permit")));
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-06-12T08:00:00Z"));
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        try (DmpClient dmp = client(b -> b.clock(clock).accessCacheTtl(Duration.ofSeconds(30)))) {
            dmp.access(TestIdentities.INS, AccessMode.NORMAL);
            dmp.access(TestIdentities.INS, AccessMode.NORMAL);
            wm.verify(1, getRequestedFor(urlPathEqualTo("/fhir/Patient")));
            dmp.access(TestIdentities.INS, AccessMode.CENTRE_REGULATION);
            wm.verify(2, getRequestedFor(urlPathEqualTo("/fhir/Patient")));
            now.set(now.get().plusSeconds(31));
            dmp.access(TestIdentities.INS, AccessMode.NORMAL);
            wm.verify(3, getRequestedFor(urlPathEqualTo("/fhir/Patient")));
        }
    }

    @Test
    void brisDeGlaceWithoutReasonIsRefusedBeforeAnyCall() {
        try (DmpClient dmp = client()) {
            assertThatThrownBy(() -> dmp.access(TestIdentities.INS, AccessMode.BRIS_DE_GLACE))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reason");
        }
        wm.verify(0, getRequestedFor(urlPathEqualTo("/fhir/Patient")));
    }

    @Test
    void accessAsyncCompletesWithTheStatus() throws Exception {
        stubPatient(searchsetOf(patient(true, "")));
        try (DmpClient dmp = client()) {
            assertThat(dmp.accessAsync(TestIdentities.INS, AccessMode.NORMAL).get().authorization())
                    .isEqualTo(Authorization.NONE);
        }
    }
}
