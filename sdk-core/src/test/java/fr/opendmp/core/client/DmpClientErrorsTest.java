package fr.opendmp.core.client;

import fr.opendmp.core.error.*;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.http.Fault;
import fr.opendmp.core.credentials.CredentialRequest;
import fr.opendmp.core.error.CredentialsException;
import fr.opendmp.core.credentials.CredentialsProvider;
import fr.opendmp.core.search.DocumentQuery;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

class DmpClientErrorsTest extends WireMockSupport {

    void stubSearch(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
        wm.stubFor(get(urlPathEqualTo("/fhir/DocumentReference")).willReturn(answer));
    }

    Throwable search() {
        try (DmpClient dmp = client(b -> b.requestTimeout(Duration.ofMillis(300)).maxResponseBytes(64 * 1024))) {
            return org.assertj.core.api.Assertions.catchThrowable(() ->
                    dmp.documents().search(TestIdentities.INS, DocumentQuery.builder().build()));
        }
    }

    static CredentialsProvider failingCredentials(CredentialsException failure) {
        return new CredentialsProvider() {
            @Override
            public Optional<SSLContext> sslContext() {
                return Optional.empty();
            }

            @Override
            public Map<String, List<String>> headers(CredentialRequest request) {
                throw failure;
            }
        };
    }

    @Test
    void aProviderThatCannotMakeTheCredentialGivesAClientSideErrorAndNothingIsSent() {
        CredentialsException expired = new CredentialsException("the ORG SIGN certificate expired on 2026-01-01");
        try (DmpClient dmp = client(b -> { }).newBuilder().credentials(failingCredentials(expired)).build()) {
            assertThat(catchThrowable(() -> dmp.documents().search(TestIdentities.INS, DocumentQuery.builder().build())))
                    .isInstanceOfSatisfying(CredentialsUnavailableException.class, e -> {
                        assertThat(e.side()).isEqualTo(DmpException.Side.CLIENT);
                        assertThat(e.retryable()).isFalse();
                        assertThat(e.getCause()).isSameAs(expired);
                        assertThat(e.getMessage()).contains("certificate expired").contains("doctor");
                    });
        }
        wm.verify(0, getRequestedFor(urlPathEqualTo("/fhir/DocumentReference")));
    }

    @Test
    void aProviderFailureItCallsRetryableIsRetryableForTheCaller() {
        CredentialsException unreachable = new CredentialsException("the identity provider did not answer") {
            @Override
            public boolean retryable() {
                return true;
            }
        };
        try (DmpClient dmp = client(b -> { }).newBuilder().credentials(failingCredentials(unreachable)).build()) {
            assertThat(catchThrowable(() -> dmp.access(TestIdentities.INS, fr.opendmp.core.access.AccessMode.NORMAL)))
                    .isInstanceOfSatisfying(CredentialsUnavailableException.class,
                            e -> assertThat(e.retryable()).isTrue());
        }
    }

    @Test
    void blockedProfessionalGetsAccessRefusedWithItsHintIssuesAndTheServerRequestId() {
        stubSearch(aResponse().withStatus(403).withHeader("X-Request-Id", "srv-42")
                .withBody(outcome("forbidden", "BLOCKED", "professional blocked by the patient")));
        assertThat(search()).isInstanceOfSatisfying(AccessRefusedException.class, e -> {
            assertThat(e.reason()).isEqualTo(AccessRefusal.BLOCKED);
            assertThat(e.hint()).contains("the patient blocked this professional");
            assertThat(e.requestId()).contains("srv-42");
            assertThat(e.httpStatus()).contains(403);
            assertThat(e.issues()).singleElement().satisfies(i -> {
                assertThat(i.code()).isEqualTo("forbidden");
                assertThat(i.diagnostics()).contains("professional blocked by the patient");
                assertThat(i.expression()).contains("DocumentReference");
            });
            assertThat(e.getMessage()).doesNotContain(TestIdentities.INS.value());
        });
        wm.verify(1, getRequestedFor(urlPathEqualTo("/fhir/DocumentReference")));
    }

    @Test
    void noAuthorizationAndClosedDmpAreTypedRefusals() {
        stubSearch(aResponse().withStatus(403).withBody(outcome("forbidden", "NO_AUTHORIZATION", "no consent")));
        assertThat(search()).isInstanceOfSatisfying(AccessRefusedException.class,
                e -> assertThat(e.reason()).isEqualTo(AccessRefusal.NO_AUTHORIZATION));
        stubSearch(aResponse().withStatus(422).withBody(outcome("business-rule", "DMP_CLOSED", "closed")));
        assertThat(search()).isInstanceOfSatisfying(AccessRefusedException.class,
                e -> assertThat(e.reason()).isEqualTo(AccessRefusal.DMP_CLOSED));
    }

    @Test
    void unknownDmpIsNotFoundAndInvalidRequestIsNotRetried() {
        stubSearch(aResponse().withStatus(404).withBody(outcome("not-found", "DMP_NOT_FOUND", "no DMP")));
        assertThat(search()).isInstanceOf(NotFoundException.class);
        stubSearch(aResponse().withStatus(400).withBody(outcome("invalid", "BAD", "bad param")));
        assertThat(search()).isInstanceOf(InvalidRequestException.class);
        wm.verify(2, getRequestedFor(urlPathEqualTo("/fhir/DocumentReference")));
    }

    @Test
    void persistent503BecomesRetryableUnavailableAfterEveryAttempt() {
        stubSearch(aResponse().withStatus(503).withHeader("Retry-After", "1"));
        assertThat(search()).isInstanceOfSatisfying(UnavailableException.class, e -> {
            assertThat(e.retryable()).isTrue();
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(1));
        });
        wm.verify(3, getRequestedFor(urlPathEqualTo("/fhir/DocumentReference")));
    }

    @Test
    void retryAfterLongerThanThePolicyAllowsIsNotWaitedFor() {
        stubSearch(aResponse().withStatus(429).withHeader("Retry-After", "3600"));
        assertThat(search()).isInstanceOf(UnavailableException.class);
        wm.verify(1, getRequestedFor(urlPathEqualTo("/fhir/DocumentReference")));
        assertThat(sleeps).isEmpty();
    }

    @Test
    void timeoutIsARetriedClientSideTransportException() {
        stubSearch(aResponse().withStatus(200).withBody(searchsetOf()).withFixedDelay(1000));
        assertThat(search()).isInstanceOfSatisfying(TransportException.class, e -> {
            assertThat(e.side()).isEqualTo(DmpException.Side.CLIENT);
            assertThat(e.retryable()).isTrue();
            assertThat(e.requestId()).isPresent();
        });
        wm.verify(3, getRequestedFor(urlPathEqualTo("/fhir/DocumentReference")));
    }

    @Test
    void connectionResetIsATransportException() {
        stubSearch(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        assertThat(search()).isInstanceOf(TransportException.class);
    }

    @Test
    void brokenChunkedBodyIsATransportException() {
        stubSearch(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK));
        assertThat(search()).isInstanceOf(TransportException.class);
    }

    @Test
    void malformedJsonIsAMalformedResponseWithTheRequestId() {
        stubSearch(aResponse().withStatus(200).withHeader("X-Request-Id", "srv-7").withBody("{\"resourceType\":"));
        assertThat(search()).isInstanceOfSatisfying(MalformedResponseException.class,
                e -> assertThat(e.requestId()).contains("srv-7"));
        stubSearch(aResponse().withStatus(200).withBody("<html>proxy error</html>"));
        assertThat(search()).isInstanceOf(MalformedResponseException.class);
    }

    @Test
    void truncatedSearchsetIsAMalformedResponse() {
        String full = ansSearchset();
        stubSearch(aResponse().withStatus(200).withBody(full.substring(0, full.length() / 2)));
        assertThat(search()).isInstanceOf(MalformedResponseException.class);
    }

    @Test
    void answerLargerThanTheLimitIsRefused() {
        stubSearch(aResponse().withStatus(200).withBody("{\"resourceType\":\"Bundle\",\"x\":\"" + "a".repeat(70_000) + "\"}"));
        assertThat(search()).isInstanceOf(MalformedResponseException.class).hasMessageContaining("limit");
    }

    @Test
    void everyRequestCarriesAGeneratedRequestIdAndTheSoftwareInTheUserAgent() {
        stubSearch(aResponse().withStatus(200).withBody(searchsetOf()));
        assertThat(search()).isNull();
        wm.verify(getRequestedFor(urlPathEqualTo("/fhir/DocumentReference"))
                .withHeader("X-Request-Id", matching("[0-9a-f-]{36}"))
                .withHeader("User-Agent", matching(".*OpenDMP-tests/1.0.*TEST-HOMOLOG.*")));
    }
}
