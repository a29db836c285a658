package fr.opendmp.xds;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import fr.opendmp.core.access.AccessMode;
import fr.opendmp.core.client.DmpClient;
import fr.opendmp.core.document.Deposit;
import fr.opendmp.core.error.AccessRefusal;
import fr.opendmp.core.error.AccessRefusedException;
import fr.opendmp.core.error.DmpException;
import fr.opendmp.core.error.InvalidRequestException;
import fr.opendmp.core.error.MalformedResponseException;
import fr.opendmp.core.error.NotFoundException;
import fr.opendmp.core.error.ServerErrorException;
import fr.opendmp.core.error.UnavailableException;
import fr.opendmp.core.search.DocumentPage;
import fr.opendmp.core.search.DocumentQuery;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The error table of the DMPi contract (§15) and the client-side strategies of its open points (§19). */
class ErrorsAndStrategiesTest extends XdsTestSupport {

    String fault(String code, String subcode, String reason) {
        return vector("fault.xml").replace("SUBCODE", subcode).replace(":CODE", ":" + code).replace("REASON", reason);
    }

    DmpException searchFails(int status, String body) {
        answer("registry", status, body);
        try (DmpClient dmp = client()) {
            return org.assertj.core.api.Assertions.catchThrowableOfType(
                    () -> dmp.documents().searchAll(INS, DocumentQuery.builder().build()), DmpException.class);
        }
    }

    String registryFailure(String code) {
        return vector("registry-failure.xml").replace("urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-bResponse",
                "urn:ihe:iti:2007:RegistryStoredQueryResponse").replace("<rs:RegistryResponse", "<query:AdhocQueryResponse"
                + " xmlns:query=\"urn:oasis:names:tc:ebxml-regrep:xsd:query:3.0\"").replace("</rs:RegistryResponse>",
                "</query:AdhocQueryResponse>").replace("ERROR_CODE", code).replace("CONTEXT", "texte");
    }

    @Test
    void invalidCertificateFaultIsNotAuthenticated() {
        answer("patients", 500, vector("fault-invalid-certificate.xml"));
        try (DmpClient dmp = client()) {
            assertThatThrownBy(() -> dmp.access(INS, AccessMode.NORMAL)).isInstanceOfSatisfying(
                    AccessRefusedException.class, e -> {
                        assertThat(e.reason()).isEqualTo(AccessRefusal.NOT_AUTHENTICATED);
                        assertThat(e.retryable()).isFalse();
                        assertThat(e.hint()).contains("Not a valid signature certificate");
                        assertThat(e.httpStatus()).contains(500);
                    });
        }
        assertThat(requests("patients")).hasSize(1);
    }

    @Test
    void receiverFaultOnAReadIsRetriedThenServerError() {
        DmpException e = searchFails(500, fault("Receiver", "X", "panne"));
        assertThat(e).isInstanceOf(ServerErrorException.class);
        assertThat(e.retryable()).isTrue();
        assertThat(requests("registry")).hasSize(3);
        assertThat(sleeps).hasSize(2);
    }

    @Test
    void httpUnavailableWithoutSoapIsRetryable() {
        wm.stubFor(post(urlEqualTo(BASE + "/registry")).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "text/html").withHeader("Retry-After", "1").withBody("<html>busy</html>")));
        try (DmpClient dmp = client()) {
            assertThatThrownBy(() -> dmp.documents().searchAll(INS, DocumentQuery.builder().build()))
                    .isInstanceOfSatisfying(UnavailableException.class, e -> {
                        assertThat(e.retryable()).isTrue();
                        assertThat(e.retryAfter()).isPresent();
                    });
        }
        assertThat(requests("registry")).hasSize(3);
    }

    @Test
    void aReceiverFaultCarriedBy503Or429IsUnavailableAndTheRetryWaitsItsRetryAfter() {
        for (int status : new int[] {503, 429}) {
            reset();
            wm.stubFor(post(urlEqualTo(BASE + "/registry")).willReturn(aResponse().withStatus(status)
                    .withHeader("Content-Type", "application/soap+xml; charset=UTF-8").withHeader("Retry-After", "1")
                    .withBody(fault("Receiver", "INJECTED_FAULT", "surcharge"))));
            try (DmpClient dmp = client()) {
                assertThatThrownBy(() -> dmp.documents().searchAll(INS, DocumentQuery.builder().build()))
                        .as("HTTP %d", status).isInstanceOfSatisfying(UnavailableException.class, e -> {
                            assertThat(e.retryable()).isTrue();
                            assertThat(e.retryAfter()).isPresent();
                        });
            }
            assertThat(requests("registry")).as("HTTP %d: sent again", status).hasSize(3);
            assertThat(sleeps).as("HTTP %d: after the Retry-After", status).containsOnly(java.time.Duration.ofSeconds(1));
        }
    }

    @Test
    void httpNotFoundPointsAtTheServicePath() {
        wm.stubFor(post(urlEqualTo(BASE + "/registry")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "text/html").withBody("<html>no</html>")));
        try (DmpClient dmp = client()) {
            assertThatThrownBy(() -> dmp.documents().searchAll(INS, DocumentQuery.builder().build()))
                    .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                        assertThat(e.retryable()).isFalse();
                        assertThat(e.hint()).contains("service path");
                    });
        }
    }

    @Test
    void senderFaultsAreInvalidRequests() {
        DmpException e = searchFails(500, fault("Sender", "MessageAddressingHeaderRequired", "A required header"));
        assertThat(e).isInstanceOf(InvalidRequestException.class);
        assertThat(e.hint()).contains("WS-Addressing");
        assertThat(searchFails(500, fault("MustUnderstand", "X", "no"))).isInstanceOf(InvalidRequestException.class);
        assertThat(searchFails(500, fault("VersionMismatch", "X", "no"))).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void fakeRuleIdsInFaultsAreRefusals() {
        for (String[] c : new String[][] {{"BLOCKED", "BLOCKED"}, {"NO_AUTHORIZATION", "NO_AUTHORIZATION"},
                {"NOT_AUTHOR", "NOT_AUTHOR"}, {"DMP_CLOSED", "DMP_CLOSED"}, {"MODE_FORBIDDEN", "MODE_FORBIDDEN"},
                {"VIHF_EXPIRED", "NOT_AUTHENTICATED"}}) {
            reset();
            DmpException e = searchFails(500, fault("Sender", c[0], c[0] + ": refus"));
            assertThat(e).as(c[0]).isInstanceOfSatisfying(AccessRefusedException.class,
                    x -> assertThat(x.reason()).isEqualTo(AccessRefusal.valueOf(c[1])));
        }
    }

    @Test
    void registryErrorCodes() {
        assertThat(searchFails(200, registryFailure("XDSRegistryBusy"))).isInstanceOfSatisfying(
                UnavailableException.class, e -> assertThat(e.retryable()).isTrue());
        reset();
        assertThat(searchFails(200, registryFailure("XDSUnknownPatientId"))).isInstanceOf(NotFoundException.class);
        reset();
        assertThat(searchFails(200, registryFailure("XDSStoredQueryMissingParam")))
                .isInstanceOf(InvalidRequestException.class);
        reset();
        DmpException e = searchFails(200, registryFailure("XDSRegistryError"));
        assertThat(e).isInstanceOf(ServerErrorException.class);
        assertThat(e.retryable()).isTrue();
        assertThat(e.issues()).singleElement().satisfies(i -> assertThat(i.expression()).contains("Document01"));
    }

    @Test
    void warningsOnASuccessBecomeIssues() {
        answer("registry", 200, vector("iti18-response.xml").replace("</rim:RegistryObjectList>",
                "</rim:RegistryObjectList><rs:RegistryErrorList xmlns:rs=\"urn:oasis:names:tc:ebxml-regrep:xsd:rs:3.0\">"
                + "<rs:RegistryError errorCode=\"XDSResultNotSinglePatient\" codeContext=\"attention\" severity="
                + "\"urn:oasis:names:tc:ebxml-regrep:ErrorSeverityType:Warning\"/></rs:RegistryErrorList>")
                .replace("ResponseStatusType:Success", "ResponseStatusType:PartialSuccess"));
        try (DmpClient dmp = client()) {
            DocumentPage p = dmp.documents().search(INS, DocumentQuery.builder().build());
            assertThat(p.entries()).hasSize(2);
            assertThat(p.warnings()).singleElement().satisfies(w -> {
                assertThat(w.severity()).isEqualTo("warning");
                assertThat(w.code()).isEqualTo("XDSResultNotSinglePatient");
            });
        }
    }

    @Test
    void unreadableAnswersAreMalformed() {
        assertThat(searchFails(200, "<not xml")).isInstanceOf(MalformedResponseException.class);
        reset();
        assertThat(searchFails(200, "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\"><soap:Body>&e;</soap:Body>"
                + "</soap:Envelope>")).isInstanceOf(MalformedResponseException.class);
        reset();
        assertThat(searchFails(200, vector("td03-response-ok.xml"))).isInstanceOf(MalformedResponseException.class);
        reset();
        StringBuilder deep = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            deep.append("<a>");
        }
        assertThat(searchFails(200, "<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\"><soap:Body>"
                + deep + "</soap:Body></soap:Envelope>")).isInstanceOf(MalformedResponseException.class);
    }

    @Test
    void answersOverTheSizeLimitAreRefused() {
        answer("registry", 200, vector("iti18-response.xml"));
        try (DmpClient dmp = client(t -> { }, b -> b.maxResponseBytes(2_000))) {
            assertThatThrownBy(() -> dmp.documents().searchAll(INS, DocumentQuery.builder().build()))
                    .isInstanceOf(MalformedResponseException.class).hasMessageContaining("limit");
        }
    }

    @Test
    void relatesToStrictRefusesAMismatch() {
        answer("patients", 200, vector("td02-response.xml"));
        try (DmpClient dmp = client(t -> t.relatesToCheck(XdsTransport.RelatesToCheck.STRICT))) {
            assertThatThrownBy(() -> dmp.access(INS, AccessMode.NORMAL)).isInstanceOf(MalformedResponseException.class)
                    .hasMessageContaining("RelatesTo");
        }
    }

    Document td02With(Consumer<XdsTransport.Builder> t, String service) {
        answer(service, 200, vector("td02-response.xml"));
        wm.stubFor(post(urlEqualTo(BASE)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/soap+xml").withBody(vector("td02-response.xml"))));
        try (DmpClient dmp = client(t)) {
            dmp.access(INS, AccessMode.NORMAL);
        }
        LoggedRequest r = service.isEmpty() ? wm.findAll(com.github.tomakehurst.wiremock.client.WireMock
                .postRequestedFor(urlEqualTo(BASE))).get(0) : requests(service).get(0);
        lastRequest = r;
        return envelope(r);
    }

    LoggedRequest lastRequest;

    @Test
    void wsaToEndpointUrlAndMustUnderstandAsExamplesAndSoapAction() {
        Document d = td02With(t -> t.wsaTo(XdsTransport.WsaTo.ENDPOINT_URL)
                .mustUnderstandStyle(XdsTransport.MustUnderstandStyle.AS_EXAMPLES)
                .soapActionHeader(XdsTransport.SoapActionHeader.ALSO_SEND), "patients");
        assertThat(xs(d, "//wsa:To")).isEqualTo(endpoint() + "/patients");
        assertThat(xs(d, "//wsa:Action/@mustUnderstand")).isEqualTo("true");
        assertThat(count(d, "//wsa:Action/@soap:mustUnderstand")).isZero();
        assertThat(lastRequest.getHeader("SOAPAction")).isEqualTo("\"urn:hl7-org:v3:PRPA_IN201307UV02\"");
    }

    @Test
    void servicePathsAndSingleEndpoint() {
        td02With(t -> t.servicePath(DmpiService.PATIENTS, "patient"), "patient");
        assertThat(requests("patient")).hasSize(1);
        reset();
        td02With(t -> t.serviceRouting(XdsTransport.ServiceRouting.SINGLE_ENDPOINT), "");
        assertThat(requests("patients")).isEmpty();
    }

    @Test
    void hl7ProcessingCodes() {
        Document d = td02With(t -> t.hl7ProcessingCodes(new XdsTransport.Hl7ProcessingCodes("P", "T")), "patients");
        assertThat(xs(d, "//hl7:processingCode/@code")).isEqualTo("P");
    }

    @Test
    void patientIdWithEffectiveDate() {
        answer("registry", 200, vector("iti18-response.xml"));
        try (DmpClient dmp = client(t -> t.patientIdCxForm(XdsTransport.PatientIdCxForm.WITH_EFFECTIVE_DATE))) {
            dmp.documents().searchAll(INS, DocumentQuery.builder().build());
        }
        assertThat(xs(envelope(requests("registry").get(0)), "//rim:Slot[@name='$XDSDocumentEntryPatientId']//rim:Value"))
                .matches("'279119913400976\\^\\^\\^&1\\.2\\.250\\.1\\.213\\.1\\.4\\.8&ISO\\^NH\\^\\^\\d{8}'");
    }

    @Test
    void td31bObjectRefThenLeafClassByEntryUuid() {
        String refs = vector("iti18-response.xml").replaceAll("(?s)<rim:RegistryObjectList>.*</rim:RegistryObjectList>",
                "<rim:RegistryObjectList><rim:ObjectRef id=\"urn:uuid:0a1b2c3d-0001-4000-8000-000000000001\"/>"
                        + "</rim:RegistryObjectList>");
        wm.stubFor(post(urlEqualTo(BASE + "/registry")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/soap+xml").withBody(vector("iti18-response.xml"))));
        wm.stubFor(post(urlEqualTo(BASE + "/registry")).withRequestBody(com.github.tomakehurst.wiremock.client.WireMock
                .containing("returnType=\"ObjectRef\"")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/soap+xml").withBody(refs)));
        try (DmpClient dmp = client(t -> t.td31bReturnType(XdsTransport.Td31bReturnType.OBJECT_REF))) {
            assertThat(dmp.documents().findByUniqueId(INS, "1.2.250.1.999.42.7.1")).get()
                    .satisfies(e -> assertThat(e.id().entryUuid()).isEqualTo("urn:uuid:0a1b2c3d-0001-4000-8000-000000000001"));
        }
        Document second = envelope(requests("registry").get(1));
        assertThat(xs(second, "//rim:Slot[@name='$XDSDocumentEntryEntryUUID']//rim:Value"))
                .isEqualTo("('urn:uuid:0a1b2c3d-0001-4000-8000-000000000001')");
    }

    @Test
    void noLookupAfterDepositWhenAsked() {
        answer("repository", 200, vector("iti41-response-success.xml"));
        try (DmpClient dmp = client(t -> t.entryUuidAfterDeposit(XdsTransport.EntryUuidAfterDeposit.NONE)
                .folderOnDmpi(XdsTransport.FolderOnDmpi.IGNORE))) {
            var r = dmp.documents().deposit(Deposit.builder().patient(patient())
                    .document(metadata("1.2.250.1.999.42.7.1"), CDA).folder("ignoré").build());
            assertThat(r.documents().get(0).entryUuid()).isEqualTo("urn:oid:1.2.250.1.999.42.7.1");
        }
        assertThat(requests("registry")).isEmpty();
    }

    @Test
    void refusalRecognizerIsExtensible() {
        RefusalRecognizer r = RefusalRecognizer.defaults().with(RefusalRecognizer.Layer.XDS, "DMPAccesRefuse",
                AccessRefusal.NO_AUTHORIZATION);
        assertThat(r.recognize(RefusalRecognizer.Layer.XDS, java.util.List.of("DMPAccesRefuse"), ""))
                .contains(AccessRefusal.NO_AUTHORIZATION);
        assertThat(r.recognize(RefusalRecognizer.Layer.HL7, java.util.List.of("DMPAccesRefuse"), "")).isEmpty();
        assertThat(RefusalRecognizer.defaults().recognize(RefusalRecognizer.Layer.HL7, java.util.List.of("X"),
                "Aucune spécialité dans le vihf")).contains(AccessRefusal.NOT_AUTHENTICATED);
        answer("registry", 200, registryFailure("DMPAccesRefuse"));
        try (DmpClient dmp = client(t -> t.refusalRecognizer(r))) {
            assertThatThrownBy(() -> dmp.documents().searchAll(INS, DocumentQuery.builder().build()))
                    .isInstanceOfSatisfying(AccessRefusedException.class, e -> assertThat(e.reason())
                            .isEqualTo(AccessRefusal.NO_AUTHORIZATION));
        }
    }

    @Test
    void buildersRefuseASettingGivenTwiceAndCheckInput() {
        XdsTransport.Builder b = XdsTransport.builder().endpoint(endpoint());
        assertThatThrownBy(() -> b.endpoint(endpoint())).isInstanceOf(IllegalStateException.class);
        b.wsaTo(XdsTransport.WsaTo.EMPTY);
        assertThatThrownBy(() -> b.wsaTo(XdsTransport.WsaTo.EMPTY)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> XdsTransport.builder().servicePath(DmpiService.REGISTRY, "../x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> XdsTransport.builder().endpoint(java.net.URI.create("ftp://x/y")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> XdsTransport.builder().build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> XdsTransport.builder().feedRateLimit(0)).isInstanceOf(IllegalArgumentException.class);
        XdsTransport t = XdsTransport.builder().endpoint(endpoint()).build();
        assertThat(t.name()).isEqualTo("DMPi");
        assertThat(t.uri(DmpiService.REPOSITORY).toString()).endsWith("/si-dmp-server/v2/services/repository");
        assertThat(t.xadesAlgorithms()).isEqualTo(XdsTransport.XadesAlgorithms.SHA1);
        assertThat(t.tlsProfile()).isEqualTo(XdsTransport.TlsProfile.DMP_LPS_2025);
        assertThat(t.feedRateLimit()).isEqualTo(4.0);
    }

    @Test
    void withoutASoapCredentialNothingIsSent() {
        try (DmpClient dmp = fr.opendmp.core.client.DmpClient.builder().transport(XdsTransport.builder()
                .endpoint(endpoint()).build()).credentials(fr.opendmp.core.credentials.CredentialsProvider.none())
                .software("t", "1", "h").sourceId("1.2.250.1.999.42").build()) {
            assertThatThrownBy(() -> dmp.access(INS, AccessMode.NORMAL))
                    .isInstanceOf(fr.opendmp.core.error.CredentialsUnavailableException.class)
                    .hasMessageContaining("soapSecurity");
        }
        assertThat(requests("patients")).isEmpty();
    }
}
