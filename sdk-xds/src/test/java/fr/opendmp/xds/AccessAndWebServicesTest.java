package fr.opendmp.xds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import fr.opendmp.core.access.AccessContext;
import fr.opendmp.core.access.AccessMode;
import fr.opendmp.core.access.AccessStatus;
import fr.opendmp.core.access.Authorization;
import fr.opendmp.core.access.AuthorizationChange;
import fr.opendmp.core.access.AuthorizationFilter;
import fr.opendmp.core.access.AuthorizedPatient;
import fr.opendmp.core.access.AuthorizedPatientsBy;
import fr.opendmp.core.access.DmpAdministrativeData;
import fr.opendmp.core.access.DmpState;
import fr.opendmp.core.access.PatientAuthorization;
import fr.opendmp.core.client.DmpClient;
import fr.opendmp.core.error.AccessRefusal;
import fr.opendmp.core.error.AccessRefusedException;
import fr.opendmp.core.error.DmpException;
import fr.opendmp.core.error.InvalidRequestException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** TD0.2, TD1.3a (HL7v3), TD0.3, TD0.4, TD1.6 (DMP web services): golden requests and answers. */
class AccessAndWebServicesTest extends XdsTestSupport {

    @Test
    void td02RequestHasEveryElementTheSpecNames() {
        answer("patients", 200, vector("td02-response.xml"));
        try (DmpClient dmp = client()) {
            dmp.access(INS, AccessMode.NORMAL);
        }
        LoggedRequest r = requests("patients").get(0);
        assertThat(r.getHeader("Content-Type")).startsWith("application/soap+xml").contains("charset=UTF-8")
                .contains("action=\"urn:hl7-org:v3:PRPA_IN201307UV02\"");
        assertThat(r.getHeader("Accept")).contains("application/soap+xml").contains("multipart/related");
        assertThat(r.containsHeader("SOAPAction")).isFalse();
        Document d = envelope(r);
        assertThat(xs(d, "/soap:Envelope/soap:Header/wsa:Action")).isEqualTo("urn:hl7-org:v3:PRPA_IN201307UV02");
        assertThat(xs(d, "/soap:Envelope/soap:Header/wsa:Action/@soap:mustUnderstand")).isEqualTo("true");
        assertThat(xs(d, "/soap:Envelope/soap:Header/wsa:MessageID")).matches("urn:uuid:[0-9a-f-]{36}");
        assertThat(count(d, "/soap:Envelope/soap:Header/wsa:To")).isEqualTo(1);
        assertThat(xs(d, "/soap:Envelope/soap:Header/wsa:To")).isEmpty();
        assertThat(xs(d, "/soap:Envelope/soap:Header/wsa:ReplyTo/wsa:Address"))
                .isEqualTo("http://www.w3.org/2005/08/addressing/anonymous");
        assertThat(xs(d, "/soap:Envelope/soap:Header/wsa:ReplyTo/@soap:mustUnderstand")).isEqualTo("true");
        assertThat(count(d, "/soap:Envelope/soap:Header/wsse:Security/saml2:Assertion")).isEqualTo(1);
        String m = "/soap:Envelope/soap:Body/hl7:PRPA_IN201307UV02";
        assertThat(xs(d, m + "/@ITSVersion")).isEqualTo("XML_1.0");
        assertThat(xs(d, m + "/hl7:id/@root")).isEqualTo("1.2.250.1.999.42.1.1");
        assertThat(xs(d, m + "/hl7:id/@extension")).matches("[0-9a-f-]{36}");
        assertThat(xs(d, m + "/hl7:creationTime/@value")).matches("\\d{14}");
        assertThat(xs(d, m + "/hl7:interactionId/@root")).isEqualTo("2.16.840.1.113883.1.6");
        assertThat(xs(d, m + "/hl7:interactionId/@extension")).isEqualTo("PRPA_IN201307UV02");
        assertThat(xs(d, m + "/hl7:processingCode/@code")).isEqualTo("D");
        assertThat(xs(d, m + "/hl7:processingModeCode/@code")).isEqualTo("T");
        assertThat(xs(d, m + "/hl7:acceptAckCode/@code")).isEqualTo("AL");
        assertThat(xs(d, m + "/hl7:receiver[@typeCode='RCV']/hl7:device[@classCode='DEV'][@determinerCode='INSTANCE']"
                + "/hl7:id/@root")).isEqualTo("1.2.250.1.213.4.1.1.1");
        assertThat(xs(d, m + "/hl7:receiver/hl7:device/hl7:softwareName")).isEqualTo("DMP");
        assertThat(xs(d, m + "/hl7:sender[@typeCode='SND']/hl7:device/hl7:id/@root")).isEqualTo("1.2.250.1.999.42");
        assertThat(xs(d, m + "/hl7:sender/hl7:device/hl7:softwareName")).isEqualTo("OpenDMP-tests");
        String cap = m + "/hl7:controlActProcess[@classCode='CACT'][@moodCode='EVN']";
        assertThat(xs(d, cap + "/hl7:reasonCode/@code")).isEqualTo("TEST_EXST");
        assertThat(xs(d, cap + "/hl7:reasonCode/@codeSystem")).isEqualTo("1.2.250.1.213.1.1.4.11");
        assertThat(xs(d, cap + "/hl7:queryByParameter/hl7:queryId/@root")).isEqualTo("1.2.250.1.999.42.2");
        assertThat(xs(d, cap + "/hl7:queryByParameter/hl7:statusCode/@code")).isEqualTo("new");
        String pid = cap + "/hl7:queryByParameter/hl7:parameterList/hl7:patientIdentifier";
        assertThat(xs(d, pid + "/hl7:value/@root")).isEqualTo("1.2.250.1.213.1.4.8");
        assertThat(xs(d, pid + "/hl7:value/@extension")).isEqualTo("279119913400976");
        assertThat(xs(d, pid + "/hl7:semanticsText")).isEqualTo("Patient.id");
        assertThat(credentialRequests).singleElement().satisfies(c -> assertThat(c.patient()).contains(INS));
    }

    @Test
    void td02OpenAuthorizedMedecinTraitantAttached() {
        answer("patients", 200, vector("td02-response.xml"));
        try (DmpClient dmp = client()) {
            AccessStatus s = dmp.access(INS, AccessMode.NORMAL);
            assertThat(s.state()).isEqualTo(DmpState.OPEN);
            assertThat(s.authorization()).isEqualTo(Authorization.AUTHORIZED);
            assertThat(s.medecinTraitant()).isTrue();
            assertThat(s.attachedToMonEspaceSante()).isTrue();
            assertThat(s.closure()).isEmpty();
            assertThat(s.canConsult()).isTrue();
        }
    }

    @Test
    void td02AuthorizationValues() {
        for (var c : List.of(new Object[] {"EXPIRE", Authorization.EXPIRED},
                new Object[] {"INTERDIT", Authorization.BLOCKED}, new Object[] {"NON_EXISTE", Authorization.NONE})) {
            reset();
            answer("patients", 200, vector("td02-response.xml").replace("\"VALIDE\"", "\"" + c[0] + "\"")
                    .replace("value=\"true\"/>\n      </attentionLine>", "value=\"false\"/>\n      </attentionLine>"));
            try (DmpClient dmp = client()) {
                AccessStatus s = dmp.access(INS, AccessContext.brisDeGlace("urgence vitale"));
                assertThat(s.authorization()).as((String) c[0]).isEqualTo(c[1]);
                assertThat(s.mode()).isEqualTo(AccessMode.BRIS_DE_GLACE);
                assertThat(s.medecinTraitant()).isFalse();
            }
        }
        assertThat(credentialRequests).allSatisfy(r -> assertThat(r.access().mode()).isEqualTo(AccessMode.BRIS_DE_GLACE));
    }

    @Test
    void td02ClosedWithDateAndReason() {
        answer("patients", 200, vector("td02-response-closed.xml"));
        try (DmpClient dmp = client()) {
            AccessStatus s = dmp.access(INS, AccessMode.NORMAL);
            assertThat(s.state()).isEqualTo(DmpState.CLOSED);
            assertThat(s.authorization()).isEqualTo(Authorization.NONE);
            assertThat(s.closure()).get().satisfies(c -> {
                assertThat(c.date()).contains(LocalDate.of(2026, 4, 15));
                assertThat(c.reason()).get().satisfies(r -> assertThat(r.code()).isEqualTo("FERMETURE_DEMANDE_PATIENT"));
                assertThat(c.text()).contains("fermeture demandée");
            });
        }
    }

    @Test
    void td02NoDmp() {
        answer("patients", 200, vector("td02-response-nf.xml"));
        try (DmpClient dmp = client()) {
            assertThat(dmp.access(INS, AccessMode.NORMAL).state()).isEqualTo(DmpState.NONE);
        }
    }

    @Test
    void td02ApplicationErrorWithDmpTextIsANotAuthenticatedRefusal() {
        answer("patients", 200, vector("td02-response-ae.xml"));
        try (DmpClient dmp = client()) {
            assertThatThrownBy(() -> dmp.access(INS, AccessMode.NORMAL)).isInstanceOfSatisfying(
                    AccessRefusedException.class, e -> {
                        assertThat(e.reason()).isEqualTo(AccessRefusal.NOT_AUTHENTICATED);
                        assertThat(e.side()).isEqualTo(DmpException.Side.SERVICE);
                        assertThat(e.retryable()).isFalse();
                        assertThat(e.issues()).singleElement().satisfies(i -> assertThat(i.code())
                                .isEqualTo("PS_STRUCTURE"));
                        assertThat(e.getMessage()).doesNotContain("279119913400976");
                    });
        }
    }

    @Test
    void td02RejectIsAnInvalidRequest() {
        answer("patients", 200, vector("td02-response-ae.xml").replace("typeCode=\"AE\"", "typeCode=\"AR\"")
                .replace("PS et Structure non liés", "message refusé"));
        try (DmpClient dmp = client()) {
            assertThatThrownBy(() -> dmp.access(INS, AccessMode.NORMAL)).isInstanceOf(InvalidRequestException.class);
        }
    }

    @Test
    void td13aAdministrativeData() {
        answer("patients", 200, vector("td13a-response.xml"));
        try (DmpClient dmp = client()) {
            DmpAdministrativeData a = dmp.administrativeData(INS);
            assertThat(a.state()).isEqualTo(DmpState.OPEN);
            assertThat(a.oppositionBrisDeGlace()).isTrue();
            assertThat(a.oppositionAccesUrgence()).isFalse();
            assertThat(a.deceased()).contains(false);
            assertThat(a.address()).get().satisfies(ad -> {
                assertThat(ad.lines()).containsExactly("1 RUE DE TEST", "BAT A");
                assertThat(ad.postalCode()).contains("75001");
                assertThat(ad.city()).contains("PARIS");
            });
            assertThat(a.telecoms()).containsExactly("tel:0600000000", "mailto:test@example.invalid");
            assertThat(a.legalRepresentatives()).singleElement().satisfies(r -> {
                assertThat(r.relationship()).isEqualTo("MTH");
                assertThat(r.givenName()).contains("EVE");
                assertThat(r.telecoms()).containsExactly("tel:0100000000");
            });
            assertThat(a.toString()).doesNotContain("PARIS").doesNotContain("EVE");
        }
        Document d = envelope(requests("patients").get(0));
        assertThat(xs(d, "//hl7:controlActProcess/hl7:reasonCode/@code")).isEqualTo("CNSLT_DATA");
    }

    @Test
    void td03BodiesAndStatuses() {
        answer("habilitations", 200, vector("td03-response-ok.xml"));
        try (DmpClient dmp = client()) {
            dmp.setAuthorization(INS, AuthorizationChange.ADD);
            dmp.setAuthorization(INS, AuthorizationChange.ADD);
            dmp.setAuthorization(INS, AuthorizationChange.REMOVE);
            dmp.setAuthorization(INS, AuthorizationChange.DECLARE_MEDECIN_TRAITANT);
            dmp.setAuthorization(INS, AuthorizationChange.REMOVE_MEDECIN_TRAITANT);
        }
        List<LoggedRequest> rs = requests("habilitations");
        assertThat(rs).hasSize(5);
        String b = "/soap:Envelope/soap:Body/hab:setAuthorization";
        assertThat(xs(envelope(rs.get(0)), "/soap:Envelope/soap:Header/wsa:Action"))
                .isEqualTo("urn:si-dmp-habilitations:HabilitationsEndPoint:setAuthorization");
        assertThat(xs(envelope(rs.get(0)), b + "/hab:action")).isEqualTo("AJOUT");
        assertThat(count(envelope(rs.get(0)), b + "/hab:role")).isZero();
        assertThat(xs(envelope(rs.get(2)), b + "/hab:action")).isEqualTo("SUPPRESSION");
        assertThat(xs(envelope(rs.get(3)), b + "/hab:action")).isEqualTo("AJOUT");
        assertThat(xs(envelope(rs.get(3)), b + "/hab:role")).isEqualTo("MEDECIN_TRAITANT");
        assertThat(xs(envelope(rs.get(4)), b + "/hab:action")).isEqualTo("SUPPRESSION");
        assertThat(xs(envelope(rs.get(4)), b + "/hab:role")).isEqualTo("MEDECIN_TRAITANT");
    }

    @Test
    void td03RefusedStatusIsTypedWithItsContext() {
        answer("habilitations", 200, vector("td03-response-ko.xml"));
        try (DmpClient dmp = client()) {
            assertThatThrownBy(() -> dmp.setAuthorization(INS, AuthorizationChange.ADD)).isInstanceOfSatisfying(
                    AccessRefusedException.class, e -> {
                        assertThat(e.reason()).isEqualTo(AccessRefusal.BLOCKED);
                        assertThat(e.issues()).singleElement().satisfies(i -> assertThat(i.diagnostics().orElseThrow())
                                .contains("BLOCKED"));
                    });
        }
        answer("habilitations", 200, vector("td03-response-ko.xml").replace("BLOCKED: le patient a bloqué ce"
                + " professionnel", "inconnu"));
        try (DmpClient dmp = client()) {
            assertThatThrownBy(() -> dmp.setAuthorization(INS, AuthorizationChange.ADD))
                    .isInstanceOf(InvalidRequestException.class).hasMessageContaining("DMPKo");
        }
    }

    @Test
    void td04PatientListWithoutPatientInTheVihf() {
        answer("patientsSpecific", 200, vector("td04-response.xml"));
        try (DmpClient dmp = client()) {
            List<AuthorizedPatient> l = dmp.authorizedPatients(Instant.parse("2026-01-01T00:00:00Z"),
                    AuthorizedPatientsBy.LAST_AUTHORIZATION);
            assertThat(l).hasSize(2);
            assertThat(l.get(0).ins()).contains(INS);
            assertThat(l.get(0).lastName()).contains("TESTDMP");
            assertThat(l.get(0).birthDate()).contains(LocalDate.of(1979, 11, 13));
            assertThat(l.get(0).medecinTraitant()).isTrue();
            assertThat(l.get(0).lastAccess()).contains(Instant.parse("2026-12-01T10:15:00Z"));
            assertThat(l.get(1).ins()).isEmpty();
            assertThat(l.get(1).message()).isTrue();
            assertThat(l.get(0).toString()).doesNotContain("TESTDMP").doesNotContain("279119913400976");
        }
        Document d = envelope(requests("patientsSpecific").get(0));
        assertThat(xs(d, "/soap:Envelope/soap:Header/wsa:Action"))
                .isEqualTo("urn:si-dmp-patients:PatientSpecificEndPoint:patientList");
        assertThat(xs(d, "/soap:Envelope/soap:Body/pat:patientList/pat:startDate")).isEqualTo("20260101000000");
        assertThat(xs(d, "/soap:Envelope/soap:Body/pat:patientList/pat:dateType")).isEqualTo("LASTAUTORIZATION");
        assertThat(count(d, "//pat:psOwnerId")).isZero();
        assertThat(credentialRequests).singleElement().satisfies(c -> assertThat(c.patient()).isEmpty());
    }

    @Test
    void td16Authorizations() {
        answer("habilitations", 200, vector("td16-response.xml"));
        try (DmpClient dmp = client()) {
            List<PatientAuthorization> l = dmp.authorizations(INS, AuthorizationFilter.ALL);
            assertThat(l).hasSize(2);
            assertThat(l.get(0).idNatPs()).isEqualTo("810001234567");
            assertThat(l.get(0).medecinTraitant()).isTrue();
            assertThat(l.get(0).blocked()).isFalse();
            assertThat(l.get(0).specialties()).singleElement().satisfies(c -> assertThat(c.code())
                    .isEqualTo("G15_10/SM26"));
            assertThat(l.get(0).start()).contains(Instant.parse("2026-01-01T09:00:00Z"));
            assertThat(l.get(1).blocked()).isTrue();
            assertThat(l.get(1).toString()).doesNotContain("BLOQUE");
        }
        Document d = envelope(requests("habilitations").get(0));
        assertThat(xs(d, "/soap:Envelope/soap:Body/hab:listAuthorizationByPatient/hab:mode")).isEqualTo("TOUTE");
        assertThat(xs(d, "/soap:Envelope/soap:Header/wsa:Action"))
                .isEqualTo("urn:si-dmp-habilitations:HabilitationsEndPoint:listAuthorizationByPatient");
    }
}
