package fr.opendmp.core.client;

import fr.opendmp.core.error.*;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import fr.opendmp.core.document.Deposit;
import fr.opendmp.core.document.DepositReceipt;
import fr.opendmp.core.document.DocumentId;
import fr.opendmp.core.ins.IdentityNotQualifiedException;
import fr.opendmp.core.transport.internal.fhir.FhirJson;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DmpClientDepositTest extends WireMockSupport {

    static final String UID = "urn:oid:1.2.250.1.999.1.1";
    static final String UID2 = "urn:oid:1.2.250.1.999.1.2";

    static Deposit single() {
        return Deposit.builder().patient(TestIdentities.qualified(TestIdentities.INS))
                .document(metadata(UID), STUB_CDA).build();
    }

    static String stored(String id, String uniqueId) {
        return ansDocX().replace("\"doc-x-id\"", "\"" + id + "\"")
                .replace("urn:oid:1.2.250.1.213.1.4.8.99999.0\"\n  },", uniqueId + "\"\n  },")
                .replace("\"superseded\"", "\"current\"");
    }

    void stubLookup(String uniqueId, String body) {
        wm.stubFor(get(urlPathEqualTo("/fhir/DocumentReference"))
                .withQueryParam("identifier", equalTo("urn:ietf:rfc:3986|" + uniqueId))
                .withQueryParam("patient.identifier", equalTo(TestIdentities.INS.fhirIdentifier()))
                .willReturn(aResponse().withStatus(200).withBody(body)));
    }

    @Test
    void oneDocumentIsPublishedWithIti105AndTheReceiptNamesTheServerId() throws Exception {
        wm.stubFor(post(urlPathEqualTo("/fhir/DocumentReference")).willReturn(aResponse().withStatus(201)
                .withHeader("Location", "DocumentReference/dr-1/_history/1").withBody(stored("dr-1", UID))));
        try (DmpClient dmp = client()) {
            DepositReceipt receipt = dmp.documents().deposit(single());
            assertThat(receipt.documents()).containsExactly(new DocumentId("dr-1", UID));
            assertThat(receipt.recovered()).isFalse();
        }
        JsonNode sent = new com.fasterxml.jackson.databind.ObjectMapper().readTree(wm.findAll(postRequestedFor(urlPathEqualTo("/fhir/DocumentReference")))
                .get(0).getBodyAsString());
        assertThat(sent.at("/masterIdentifier/value").asText()).isEqualTo(UID);
        assertThat(sent.at("/subject/reference").asText())
                .isEqualTo("Patient?identifier=urn:oid:1.2.250.1.213.1.4.8|" + TestIdentities.INS.value());
        assertThat(sent.at("/content/0/attachment/data").asText()).isEqualTo("PD94bWwgdmVyc2lvbj0iMS4wIiBlbmNvZGluZz0iVVRGLTgiPz48Q2xpbmljYWxEb2N1bWVudCB4bWxucz0idXJuOmhsNy1vcmc6djMiLz4=");
        assertThat(sent.at("/content/0/attachment/hash").asText()).isEqualTo("A/hMRrv6Y15BjSM8kMLidrz+mHc=");
        assertThat(sent.at("/content/0/attachment/size").asInt()).isEqualTo(80);
        assertThat(sent.at("/category/0/coding/0/code").asText()).isEqualTo("10");
    }

    @Test
    void twoDocumentsArePublishedAsOneIti65TransactionBundle() throws Exception {
        wm.stubFor(post(urlPathEqualTo("/fhir")).willReturn(aResponse().withStatus(200).withBody(
                "{\"resourceType\":\"Bundle\",\"type\":\"transaction-response\",\"entry\":["
                        + "{\"response\":{\"status\":\"201 Created\",\"location\":\"List/ss-1/_history/1\"}},"
                        + "{\"response\":{\"status\":\"201 Created\",\"location\":\"DocumentReference/dr-1/_history/1\"}},"
                        + "{\"response\":{\"status\":\"201 Created\",\"location\":\"DocumentReference/dr-2/_history/1\"}},"
                        + "{\"response\":{\"status\":\"201 Created\",\"location\":\"Binary/b-1\"}},"
                        + "{\"response\":{\"status\":\"201 Created\",\"location\":\"Binary/b-2\"}}]}")));
        Deposit two = Deposit.builder().patient(TestIdentities.qualified(TestIdentities.INS))
                .document(metadata(UID), STUB_CDA).document(metadata(UID2), STUB_CDA).build();
        try (DmpClient dmp = client()) {
            DepositReceipt receipt = dmp.documents().deposit(two);
            assertThat(receipt.documents()).containsExactly(new DocumentId("dr-1", UID), new DocumentId("dr-2", UID2));
            assertThat(receipt.submissionSetId()).contains("ss-1");
        }
        JsonNode sent = new com.fasterxml.jackson.databind.ObjectMapper().readTree(wm.findAll(postRequestedFor(urlPathEqualTo("/fhir"))).get(0).getBodyAsString());
        assertThat(sent.path("type").asText()).isEqualTo("transaction");
        assertThat(sent.at("/entry/0/resource/extension/1/valueIdentifier/value").asText())
                .isEqualTo("urn:oid:1.2.250.1.999.42");
        assertThat(sent.path("entry")).hasSize(5);
    }

    @Test
    void aDepositWhoseBodyExceedsTwiceTheDocumentLimitIsRefusedBeforeAnyNetworkCall() {
        Deposit deposit = Deposit.builder().patient(TestIdentities.qualified(TestIdentities.INS))
                .document(metadata(UID), STUB_CDA).build();
        try (DmpClient dmp = client(b -> b.maxDocumentBytes(STUB_CDA.length))) {
            assertThatThrownBy(() -> dmp.documents().deposit(deposit))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("larger than the client's limit");
        }
        wm.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aNotQualifiedIdentityIsRefusedBeforeAnyNetworkCall() {
        Deposit deposit = Deposit.builder().patient(TestIdentities.provisional()).document(metadata(UID), STUB_CDA).build();
        try (DmpClient dmp = client()) {
            assertThatThrownBy(() -> dmp.documents().deposit(deposit))
                    .isInstanceOf(IdentityNotQualifiedException.class)
                    .isInstanceOf(DmpException.class);
        }
        wm.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void depositWhoseAnswerTimesOutIsFoundByUniqueIdAndNeverSentTwice() {
        wm.stubFor(post(urlPathEqualTo("/fhir/DocumentReference")).willReturn(aResponse().withStatus(201)
                .withBody(stored("dr-1", UID)).withFixedDelay(1500)));
        stubLookup(UID, searchsetOf(stored("dr-1", UID)));
        try (DmpClient dmp = client(b -> b.requestTimeout(Duration.ofMillis(300)))) {
            DepositReceipt receipt = dmp.documents().deposit(single());
            assertThat(receipt.recovered()).isTrue();
            assertThat(receipt.documents()).containsExactly(new DocumentId("dr-1", UID));
        }
        wm.verify(1, postRequestedFor(urlPathEqualTo("/fhir/DocumentReference")));
    }

    @Test
    void depositAfterConnectionResetIsFoundByUniqueIdAndNotDuplicated() {
        wm.stubFor(post(urlPathEqualTo("/fhir/DocumentReference"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        stubLookup(UID, searchsetOf(stored("dr-1", UID)));
        try (DmpClient dmp = client()) {
            assertThat(dmp.documents().deposit(single()).recovered()).isTrue();
        }
        wm.verify(1, postRequestedFor(urlPathEqualTo("/fhir/DocumentReference")));
    }

    @Test
    void depositRefusedWith503RetryAfterIsResentAfterTheDelayWhenNotStored() {
        wm.stubFor(post(urlPathEqualTo("/fhir/DocumentReference")).inScenario("busy")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("ready")
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "1")
                        .withBody(outcome("transient", "BUSY", "try later"))));
        wm.stubFor(post(urlPathEqualTo("/fhir/DocumentReference")).inScenario("busy")
                .whenScenarioStateIs("ready")
                .willReturn(aResponse().withStatus(201).withBody(stored("dr-9", UID))));
        stubLookup(UID, searchsetOf());
        try (DmpClient dmp = client()) {
            DepositReceipt receipt = dmp.documents().deposit(single());
            assertThat(receipt.documents()).containsExactly(new DocumentId("dr-9", UID));
            assertThat(receipt.recovered()).isFalse();
        }
        assertThat(sleeps).containsExactly(Duration.ofSeconds(1));
        wm.verify(2, postRequestedFor(urlPathEqualTo("/fhir/DocumentReference")));
    }

    @Test
    void duplicateUniqueIdIsAConflictWithItsRuleAndHintAndIsNotRetried() {
        wm.stubFor(post(urlPathEqualTo("/fhir/DocumentReference")).willReturn(aResponse().withStatus(409)
                .withHeader("X-Request-Id", "srv-123")
                .withBody(outcome("conflict", "DUPLICATE_UNIQUEID", "uniqueId already stored"))));
        try (DmpClient dmp = client()) {
            assertThatThrownBy(() -> dmp.documents().deposit(single()))
                    .isInstanceOfSatisfying(ConflictException.class, e -> {
                        assertThat(e.httpStatus()).contains(409);
                        assertThat(e.requestId()).contains("srv-123");
                        assertThat(e.issues()).singleElement()
                                .satisfies(i -> assertThat(i.ruleId()).contains("DUPLICATE_UNIQUEID"));
                        assertThat(e.hint()).contains("replace the document");
                        assertThat(e.retryable()).isFalse();
                        assertThat(e.side()).isEqualTo(DmpException.Side.SERVICE);
                    });
        }
        wm.verify(1, postRequestedFor(urlPathEqualTo("/fhir/DocumentReference")));
    }

    @Test
    void lastFailureIsRaisedWhenEveryAttemptFailsAndNothingIsStored() {
        wm.stubFor(post(urlPathEqualTo("/fhir/DocumentReference")).willReturn(aResponse().withStatus(500)
                .withBody(outcome("exception", "BOOM", "internal"))));
        stubLookup(UID, searchsetOf());
        try (DmpClient dmp = client()) {
            assertThatThrownBy(() -> dmp.documents().deposit(single())).isInstanceOf(ServerErrorException.class);
        }
        wm.verify(3, postRequestedFor(urlPathEqualTo("/fhir/DocumentReference")));
    }

    @Test
    void replacementIsAnIti65BundleWithRelatesToAndTheSupersedePatch() throws Exception {
        wm.stubFor(post(urlPathEqualTo("/fhir")).willReturn(aResponse().withStatus(200).withBody(
                "{\"resourceType\":\"Bundle\",\"type\":\"transaction-response\",\"entry\":["
                        + "{\"response\":{\"status\":\"201 Created\",\"location\":\"List/ss-1\"}},"
                        + "{\"response\":{\"status\":\"201 Created\",\"location\":\"DocumentReference/dr-y\"}},"
                        + "{\"response\":{\"status\":\"200 OK\",\"location\":\"DocumentReference/doc-x-id\"}},"
                        + "{\"response\":{\"status\":\"201 Created\",\"location\":\"Binary/b-1\"}}]}")));
        try (DmpClient dmp = client()) {
            DepositReceipt r = dmp.documents().replace(new DocumentId("doc-x-id", "urn:oid:1.2.250.1.999.0"), single());
            assertThat(r.documents()).containsExactly(new DocumentId("dr-y", UID));
        }
        JsonNode sent = new com.fasterxml.jackson.databind.ObjectMapper().readTree(wm.findAll(postRequestedFor(urlPathEqualTo("/fhir"))).get(0).getBodyAsString());
        assertThat(sent.at("/entry/1/resource/relatesTo/0/target/reference").asText()).isEqualTo("DocumentReference/doc-x-id");
        assertThat(sent.at("/entry/2/request/method").asText()).isEqualTo("PATCH");
        assertThat(sent.at("/entry/2/resource/parameter/0/part/2/valueCode").asText()).isEqualTo("superseded");
    }

    @Test
    void depositAsyncCompletesWithTheReceipt() throws Exception {
        wm.stubFor(post(urlPathEqualTo("/fhir/DocumentReference")).willReturn(aResponse().withStatus(201)
                .withBody(stored("dr-1", UID))));
        try (DmpClient dmp = client()) {
            assertThat(dmp.documents().depositAsync(single()).get().documents()).hasSize(1);
        }
    }
}
