package fr.opendmp.core.client;

import fr.opendmp.core.error.*;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import fr.opendmp.core.access.AccessContext;
import fr.opendmp.core.access.AccessMode;
import fr.opendmp.core.document.DocumentEntry;
import fr.opendmp.core.document.DocumentStatus;
import fr.opendmp.core.document.DocumentType;
import fr.opendmp.core.document.RetrievedDocument;
import fr.opendmp.core.search.DocumentPage;
import fr.opendmp.core.search.DocumentQuery;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class DmpClientSearchRetrieveTest extends WireMockSupport {

    static final String PATIENT = TestIdentities.INS.fhirIdentifier();

    static String withNext(String bundle, String next) {
        return bundle.replaceFirst("\"type\": ?\"searchset\",",
                "\"type\":\"searchset\",\"link\":[{\"relation\":\"next\",\"url\":\"" + next + "\"}],");
    }

    @Test
    void searchWithoutCriteriaAsksCurrentDocumentsOfThePatientAndParsesTheAnsSearchset() {
        wm.stubFor(get(urlPathEqualTo("/fhir/DocumentReference")).withQueryParam("patient.identifier", equalTo(PATIENT))
                .withQueryParam("status", equalTo("current"))
                .willReturn(aResponse().withStatus(200).withBody(ansSearchset())));
        try (DmpClient dmp = client()) {
            DocumentPage page = dmp.documents().search(TestIdentities.INS, DocumentQuery.builder().build());
            assertThat(page.entries()).extracting(DocumentEntry::uniqueId)
                    .containsExactly("urn:oid:1.2.250.1.213.1.4.8.99999.201", "urn:oid:1.2.250.1.213.1.4.8.99999.202");
            assertThat(page.entries()).allSatisfy(e -> assertThat(e.patient()).contains(TestIdentities.INS));
            assertThat(page.hasNext()).isFalse();
        }
    }

    @Test
    void criteriaBecomeTheIti67ParametersWithDatesInUtc() {
        wm.stubFor(get(urlPathEqualTo("/fhir/DocumentReference")).willReturn(aResponse().withStatus(200)
                .withBody(searchsetOf())));
        DocumentQuery q = DocumentQuery.builder().status(DocumentStatus.CURRENT).status(DocumentStatus.SUPERSEDED)
                .type(DocumentType.CR_BIOLOGIE.code()).createdFrom(OffsetDateTime.parse("2026-01-01T01:00:00+01:00"))
                .serviceTo(OffsetDateTime.parse("2026-06-01T00:00:00Z")).author("810001234567").archived(true)
                .pageSize(20).build();
        try (DmpClient dmp = client()) {
            dmp.documents().search(TestIdentities.INS, q);
        }
        wm.verify(getRequestedFor(urlPathEqualTo("/fhir/DocumentReference"))
                .withQueryParam("status", equalTo("current,superseded"))
                .withQueryParam("type", equalTo("http://loinc.org|11502-2"))
                .withQueryParam("date", equalTo("ge2026-01-01T00:00:00Z"))
                .withQueryParam("period", equalTo("le2026-06-01T00:00:00Z"))
                .withQueryParam("author.identifier", equalTo("urn:oid:1.2.250.1.71.4.2.1|810001234567"))
                .withQueryParam("isArchived", equalTo("true"))
                .withQueryParam("_count", equalTo("20")));
    }

    @Test
    void nextFollowsTheServerLinkAndStreamWalksEveryPageLazily() {
        String page1 = withNext(searchsetOf(ansDocX()), wm.baseUrl() + "/fhir/DocumentReference?page=2");
        wm.stubFor(get(urlPathEqualTo("/fhir/DocumentReference")).withQueryParam("page", equalTo("2"))
                .willReturn(aResponse().withStatus(200).withBody(ansSearchset())));
        wm.stubFor(get(urlPathEqualTo("/fhir/DocumentReference")).withQueryParam("status", equalTo("current"))
                .willReturn(aResponse().withStatus(200).withBody(page1)));
        try (DmpClient dmp = client()) {
            DocumentPage first = dmp.documents().search(TestIdentities.INS, DocumentQuery.builder().build());
            assertThat(first.hasNext()).isTrue();
            assertThat(first.next().entries()).hasSize(2);
            List<String> titles = dmp.documents().stream(TestIdentities.INS, DocumentQuery.builder().build())
                    .limit(1).map(DocumentEntry::title).toList();
            assertThat(titles).containsExactly("Compte rendu de consultation (v1)");
            wm.verify(1, getRequestedFor(urlPathEqualTo("/fhir/DocumentReference")).withQueryParam("page", equalTo("2")));
            assertThat(dmp.documents().stream(TestIdentities.INS, DocumentQuery.builder().build())).hasSize(3);
        }
    }

    @Test
    void aNextLinkToAnotherOriginIsRefusedSoCredentialsNeverLeave() {
        wm.stubFor(get(urlPathEqualTo("/fhir/DocumentReference")).willReturn(aResponse().withStatus(200)
                .withBody(withNext(searchsetOf(), "https://evil.example/fhir/DocumentReference?page=2"))));
        try (DmpClient dmp = client()) {
            DocumentPage first = dmp.documents().search(TestIdentities.INS, DocumentQuery.builder().build());
            assertThatThrownBy(first::next).isInstanceOf(MalformedResponseException.class).hasMessageContaining("origin");
        }
    }

    @Test
    void searchIsRetriedAfter503AndSucceeds() {
        wm.stubFor(get(urlPathEqualTo("/fhir/DocumentReference")).inScenario("s").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("ok").willReturn(aResponse().withStatus(503).withHeader("Retry-After", "1")));
        wm.stubFor(get(urlPathEqualTo("/fhir/DocumentReference")).inScenario("s").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200).withBody(ansSearchset())));
        try (DmpClient dmp = client()) {
            assertThat(dmp.documents().search(TestIdentities.INS, DocumentQuery.builder().build()).entries()).hasSize(2);
        }
        assertThat(sleeps).containsExactly(java.time.Duration.ofSeconds(1));
    }

    @Test
    void brisDeGlaceReasonTravelsInTheCredentialAndNeverInTheQueryString() {
        wm.stubFor(get(urlPathEqualTo("/fhir/DocumentReference")).willReturn(aResponse().withStatus(200)
                .withBody(searchsetOf())));
        try (DmpClient dmp = client()) {
            dmp.documents(AccessContext.brisDeGlace("urgence vitale")).search(TestIdentities.INS,
                    DocumentQuery.builder().build());
        }
        assertThat(credentialRequests).singleElement().satisfies(r -> {
            assertThat(r.access().mode()).isEqualTo(AccessMode.BRIS_DE_GLACE);
            assertThat(r.patient()).contains(TestIdentities.INS);
        });
        wm.verify(getRequestedFor(urlPathEqualTo("/fhir/DocumentReference"))
                .withHeader("X-Test-Access-Mode", equalTo("bris_de_glace;urgence vitale")));
        assertThat(wm.getAllServeEvents().get(0).getRequest().getUrl()).doesNotContain("urgence")
                .doesNotContain("bris");
    }

    DocumentEntry entryFromAnsSearchset() {
        wm.stubFor(get(urlPathEqualTo("/fhir/DocumentReference")).withQueryParam("status", equalTo("current"))
                .willReturn(aResponse().withStatus(200).withBody(ansSearchset().replace("\"size\": 128", "\"size\": 80"))));
        try (DmpClient dmp = client()) {
            return dmp.documents().search(TestIdentities.INS, DocumentQuery.builder().build()).entries().get(0);
        }
    }

    @Test
    void retrieveFetchesTheBinaryAndChecksSizeAndHash() {
        DocumentEntry entry = entryFromAnsSearchset();
        wm.stubFor(get(urlPathEqualTo("/fhir/Binary/example-annexe-binary-cda"))
                .withHeader("Accept", equalTo("application/xml"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/xml").withBody(STUB_CDA)));
        try (DmpClient dmp = client()) {
            RetrievedDocument doc = dmp.documents().retrieve(entry);
            assertThat(doc.bytes()).isEqualTo(STUB_CDA);
            assertThat(doc.contentType()).isEqualTo("application/xml");
        }
    }

    @Test
    void retrieveOfContentThatDoesNotMatchItsHashFailsWithIntegrityException() {
        DocumentEntry entry = entryFromAnsSearchset();
        byte[] tampered = STUB_CDA.clone();
        tampered[70] = 'X';
        wm.stubFor(get(urlPathEqualTo("/fhir/Binary/example-annexe-binary-cda"))
                .willReturn(aResponse().withStatus(200).withBody(tampered)));
        try (DmpClient dmp = client()) {
            assertThatThrownBy(() -> dmp.documents().retrieve(entry)).isInstanceOf(IntegrityException.class)
                    .hasMessageContaining("SHA-1");
        }
    }

    @Test
    void retrieveOfTruncatedContentFailsOnTheSize() {
        DocumentEntry entry = entryFromAnsSearchset();
        wm.stubFor(get(urlPathEqualTo("/fhir/Binary/example-annexe-binary-cda"))
                .willReturn(aResponse().withStatus(200).withBody(java.util.Arrays.copyOf(STUB_CDA, 40))));
        try (DmpClient dmp = client()) {
            assertThatThrownBy(() -> dmp.documents().retrieve(entry)).isInstanceOf(IntegrityException.class)
                    .hasMessageContaining("size");
        }
    }

    @Test
    void fhirDocumentIsRetrievedAsFhirJsonFromItsBundleUrl() throws Exception {
        byte[] fhirDoc = resource("/vectors/pdsm4dmp/Bundle-example-annexe-fhir-document.json")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String hash = fr.opendmp.core.document.ContentHash.sha1Base64(fhirDoc);
        wm.stubFor(get(urlPathEqualTo("/fhir/DocumentReference")).willReturn(aResponse().withStatus(200)
                .withBody(ansSearchset().replace("\"size\": 4096", "\"size\": " + fhirDoc.length)
                        .replace("C/jOTtuBZ37DlUN0mNPjfsu1nHf=", hash))));
        wm.stubFor(get(urlPathEqualTo("/fhir/Bundle/example-annexe-fhir-document"))
                .withHeader("Accept", equalTo("application/fhir+json"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/fhir+json")
                        .withBody(fhirDoc)));
        try (DmpClient dmp = client()) {
            DocumentEntry entry = dmp.documents().search(TestIdentities.INS, DocumentQuery.builder().build())
                    .entries().get(1);
            RetrievedDocument doc = dmp.documents().retrieveAsync(entry).get();
            assertThat(new String(doc.bytes(), java.nio.charset.StandardCharsets.UTF_8)).contains("\"document\"");
        }
        wm.verify(getRequestedFor(urlPathEqualTo("/fhir/Bundle/example-annexe-fhir-document"))
                .withHeader("Authorization", containing("Bearer")));
    }
}
