package fr.opendmp.core.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opendmp.core.document.DocumentEntry;
import fr.opendmp.core.document.RetrievedDocument;
import fr.opendmp.core.error.DmpException;
import fr.opendmp.core.error.IntegrityException;
import fr.opendmp.core.error.MalformedResponseException;
import fr.opendmp.core.search.DocumentPage;
import fr.opendmp.core.search.DocumentQuery;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** What a broken or hostile DMP can answer, and what the client makes of it (issue 22, client items). */
class HostileAnswersTest extends WireMockSupport {

    private static String searchsetWithNext(String next, String... resources) {
        return searchsetOf(resources).replaceFirst("\"type\":\"searchset\",",
                "\"type\":\"searchset\",\"link\":[{\"relation\":\"next\",\"url\":\"" + next + "\"}],");
    }

    @Test
    void aNextLinkPointingToItsOwnPageEndsTheStreamWithATypedErrorInsteadOfLoopingForever() {
        String self = wm.baseUrl() + "/fhir/DocumentReference?page=2";
        wm.stubFor(get(urlPathEqualTo("/fhir/DocumentReference")).willReturn(aResponse().withStatus(200)
                .withBody(searchsetWithNext(self, ansDocX()))));
        try (DmpClient dmp = client()) {
            assertThatThrownBy(() -> dmp.documents().stream(TestIdentities.INS, DocumentQuery.builder().build())
                    .count()).isInstanceOfSatisfying(MalformedResponseException.class,
                            e -> assertThat(e.side()).isEqualTo(DmpException.Side.SERVICE));
        }
    }

    @Test
    void anEntryRepeatedOnTheNextPageIsGivenOnceByTheStream() {
        String y = ansDocX().replace("\"doc-x-id\"", "\"doc-y-id\"").replace("99999.0", "99999.1");
        String z = ansDocX().replace("\"doc-x-id\"", "\"doc-z-id\"").replace("99999.0", "99999.2");
        // a service paging by offset: a document added at the head pushes y from page 1 onto page 2
        wm.stubFor(get(urlPathEqualTo("/fhir/DocumentReference")).willReturn(aResponse().withStatus(200)
                .withBody(searchsetWithNext(wm.baseUrl() + "/fhir/DocumentReference?page=2", ansDocX(), y))));
        wm.stubFor(get(urlPathEqualTo("/fhir/DocumentReference")).withQueryParam("page", equalTo("2"))
                .willReturn(aResponse().withStatus(200).withBody(searchsetOf(y, z))));
        try (DmpClient dmp = client()) {
            assertThat(dmp.documents().searchAll(TestIdentities.INS, DocumentQuery.builder().build()))
                    .extracting(e -> e.id().entryUuid()).containsExactly("doc-x-id", "doc-y-id", "doc-z-id");
        }
    }

    @Test
    void aStreamStopsAtThePageCap() {
        wm.stubFor(get(urlPathEqualTo("/fhir/DocumentReference")).willReturn(aResponse().withStatus(200)
                .withBody(searchsetWithNext(wm.baseUrl() + "/fhir/DocumentReference?page=1", ansDocX()))));
        for (int n = 1; n <= 10; n++) {
            wm.stubFor(get(urlPathEqualTo("/fhir/DocumentReference")).withQueryParam("page", equalTo("" + n))
                    .willReturn(aResponse().withStatus(200).withBody(searchsetWithNext(wm.baseUrl()
                            + "/fhir/DocumentReference?page=" + (n + 1), ansDocX()))));
        }
        try (DmpClient dmp = client(b -> b.maxPages(5))) {
            DocumentPage first = dmp.documents().search(TestIdentities.INS, DocumentQuery.builder().build());
            assertThat(first.hasNext()).isTrue();
            assertThatThrownBy(() -> dmp.documents().stream(TestIdentities.INS, DocumentQuery.builder().build())
                    .count()).isInstanceOf(MalformedResponseException.class).hasMessageContaining("5 pages");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[%s,42,%s]}",
        "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[%s,[%s]]}",
        "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[{\"entry\":%s},%s]}",
        "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[%s,{\"resource\":[1]},%s]}",
        "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":{\"x\":[%s,%s]}}"
    })
    void anUnexpectedTokenAmongEntriesIsAMalformedAnswerNeverFewerEntriesSilently(String shape) {
        String e = "{\"resource\":" + ansDocX() + ",\"search\":{\"mode\":\"match\"}}";
        wm.stubFor(get(urlPathEqualTo("/fhir/DocumentReference")).willReturn(aResponse().withStatus(200)
                .withBody(String.format(shape, e, e))));
        try (DmpClient dmp = client()) {
            assertThatThrownBy(() -> dmp.documents().search(TestIdentities.INS, DocumentQuery.builder().build()))
                    .isInstanceOfSatisfying(MalformedResponseException.class, ex -> {
                        assertThat(ex.side()).isEqualTo(DmpException.Side.SERVICE);
                        assertThat(ex.requestId()).isPresent();
                    });
        }
    }

    @Test
    void aDuplicateJsonKeyIsAMalformedAnswerNotTheSecondValueSilently() {
        String twoSubjects = ansDocX().replaceFirst("\"subject\"", "\"subject\": {\"reference\": \"Patient/other\"},"
                + " \"subject\"");
        wm.stubFor(get(urlPathEqualTo("/fhir/DocumentReference")).willReturn(aResponse().withStatus(200)
                .withBody(searchsetOf(twoSubjects))));
        try (DmpClient dmp = client()) {
            assertThatThrownBy(() -> dmp.documents().search(TestIdentities.INS, DocumentQuery.builder().build()))
                    .isInstanceOf(MalformedResponseException.class);
        }
    }

    @Test
    void anEntryOfAnotherPatientIsRefusedNotOverwrittenWithTheSearchedOne() {
        String other = ansDocX().replace(TestIdentities.INS.value(), "168124912307861");
        wm.stubFor(get(urlPathEqualTo("/fhir/DocumentReference")).willReturn(aResponse().withStatus(200)
                .withBody(searchsetOf(other))));
        try (DmpClient dmp = client()) {
            assertThatThrownBy(() -> dmp.documents().search(TestIdentities.INS, DocumentQuery.builder().build()))
                    .isInstanceOf(MalformedResponseException.class).hasMessageContaining("another patient")
                    .hasMessageNotContaining(TestIdentities.INS.value());
        }
    }

    private DocumentEntry retrievable(DmpClient dmp) {
        wm.stubFor(get(urlPathEqualTo("/fhir/DocumentReference")).willReturn(aResponse().withStatus(200)
                .withBody(ansSearchset())));
        wm.stubFor(get(urlPathEqualTo("/fhir/Binary/example-annexe-binary-cda")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/xml").withBody(STUB_CDA)));
        return dmp.documents().search(TestIdentities.INS, DocumentQuery.builder().build()).entries().get(0);
    }

    @Test
    void contentWhoseEntryDeclaresNeitherSizeNorHashIsRefusedByDefault() {
        try (DmpClient dmp = client()) {
            DocumentEntry unchecked = unchecked(retrievable(dmp));
            assertThatThrownBy(() -> dmp.documents().retrieve(unchecked)).isInstanceOf(IntegrityException.class)
                    .hasMessageContaining("cannot be checked");
        }
    }

    @Test
    void theCheckWhenDeclaredPolicyHandsOverContentWithNeitherSizeNorHash() {
        try (DmpClient dmp = client(b -> b.integrityPolicy(IntegrityPolicy.CHECK_WHEN_DECLARED))) {
            DocumentEntry unchecked = unchecked(retrievable(dmp));
            RetrievedDocument doc = dmp.documents().retrieve(unchecked);
            assertThat(doc.bytes()).isEqualTo(STUB_CDA);
        }
    }

    private static DocumentEntry unchecked(DocumentEntry e) {
        return new DocumentEntry(e.id(), e.logicalId(), e.metadata(), e.status(), e.archived(), e.url(),
                Optional.empty(), Optional.empty(), e.versionId(), e.lastUpdated(), e.patient());
    }
}
