package fr.opendmp.core.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import fr.opendmp.core.document.DocumentEntry;
import fr.opendmp.core.error.DmpException;
import fr.opendmp.core.error.ServerErrorException;
import fr.opendmp.core.error.TransportException;
import fr.opendmp.core.error.UnavailableException;
import fr.opendmp.core.search.DocumentQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The one HTTP exchange: the retry decision, Retry-After, the deadline on bodies, the shared pool. */
class OneExchangeTest extends WireMockSupport {

    private Throwable searchWith(DmpClient dmp) {
        return catchThrowable(() -> dmp.documents().search(TestIdentities.INS, DocumentQuery.builder().build()));
    }

    @Test
    void aGetAnswered500IsRetriedAndItsErrorSaysRetryableBecauseItWasRetried() {
        wm.stubFor(get(urlPathEqualTo("/fhir/DocumentReference")).willReturn(aResponse().withStatus(500)));
        try (DmpClient dmp = client()) {
            assertThat(searchWith(dmp)).isInstanceOfSatisfying(ServerErrorException.class, e -> {
                assertThat(e.retryable()).isTrue();
                assertThat(e.side()).isEqualTo(DmpException.Side.SERVICE);
            });
        }
        wm.verify(3, getRequestedFor(urlPathEqualTo("/fhir/DocumentReference")));
        assertThat(sleeps).hasSize(2);
    }

    @Test
    void aGetAnswered500ThenOkSucceedsOnTheRetry() {
        wm.stubFor(get(urlPathEqualTo("/fhir/DocumentReference")).inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(500))
                .willSetStateTo("ok"));
        wm.stubFor(get(urlPathEqualTo("/fhir/DocumentReference")).inScenario("flaky").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200).withBody(searchsetOf())));
        try (DmpClient dmp = client()) {
            assertThat(dmp.documents().search(TestIdentities.INS, DocumentQuery.builder().build()).entries())
                    .isEmpty();
        }
        wm.verify(2, getRequestedFor(urlPathEqualTo("/fhir/DocumentReference")));
    }

    @Test
    void aPatchAnswered500IsNeitherRetriedNorRetryable() {
        wm.stubFor(get(urlPathEqualTo("/fhir/DocumentReference")).willReturn(aResponse().withStatus(200)
                .withBody(searchsetOf(ansDocX()))));
        wm.stubFor(get(urlPathEqualTo("/fhir/DocumentReference/doc-x-id")).willReturn(aResponse().withStatus(200)
                .withBody(ansDocX())));
        wm.stubFor(patch(urlPathEqualTo("/fhir/DocumentReference")).willReturn(aResponse().withStatus(500)));
        try (DmpClient dmp = client()) {
            DocumentEntry entry = dmp.documents().search(TestIdentities.INS, DocumentQuery.builder().build())
                    .entries().get(0);
            assertThat(catchThrowable(() -> dmp.documents().mask(entry)))
                    .isInstanceOfSatisfying(ServerErrorException.class, e -> assertThat(e.retryable()).isFalse());
        }
        wm.verify(1, patchRequestedFor(urlPathEqualTo("/fhir/DocumentReference")));
    }

    @Test
    void aRetryAfterHttpDateIsHonouredOnTheInjectedClock() {
        Instant now = Instant.parse("2026-12-03T10:00:00Z");
        String in2s = DateTimeFormatter.RFC_1123_DATE_TIME.format(now.plusSeconds(2).atOffset(ZoneOffset.UTC));
        wm.stubFor(get(urlPathEqualTo("/fhir/DocumentReference")).inScenario("busy")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", in2s)).willSetStateTo("ok"));
        wm.stubFor(get(urlPathEqualTo("/fhir/DocumentReference")).inScenario("busy").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200).withBody(searchsetOf())));
        try (DmpClient dmp = client(b -> b.clock(Clock.fixed(now, ZoneOffset.UTC)))) {
            dmp.documents().search(TestIdentities.INS, DocumentQuery.builder().build());
        }
        assertThat(sleeps).as("the date read on the client's clock, not the machine's").containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void aRetryAfterLongerThanThePolicyAcceptsEndsTheRetriesButStaysRetryable() {
        wm.stubFor(get(urlPathEqualTo("/fhir/DocumentReference")).willReturn(aResponse().withStatus(503)
                .withHeader("Retry-After", "3600")));
        try (DmpClient dmp = client()) {
            assertThat(searchWith(dmp)).isInstanceOfSatisfying(UnavailableException.class, e -> {
                assertThat(e.retryable()).isTrue();
                assertThat(e.retryAfter()).contains(Duration.ofHours(1));
            });
        }
        wm.verify(1, getRequestedFor(urlPathEqualTo("/fhir/DocumentReference")));
        assertThat(sleeps).isEmpty();
    }

    @Test
    void backoffIsExponentialWithJitterBelowEachStep() {
        wm.stubFor(get(urlPathEqualTo("/fhir/DocumentReference")).willReturn(aResponse().withStatus(502)));
        try (DmpClient dmp = client(b -> { })) {
            searchWith(dmp);
        }
        assertThat(sleeps).hasSize(2);
        assertThat(sleeps.get(0)).isBetween(Duration.ofMillis(4), Duration.ofMillis(5));
        assertThat(sleeps.get(1)).isBetween(Duration.ofMillis(8), Duration.ofMillis(10));
    }

    @Test
    void aServerTricklingItsBodyCannotHoldTheCallerPastTheDeadline() {
        wm.stubFor(get(urlPathEqualTo("/fhir/DocumentReference")).willReturn(aResponse().withStatus(200)
                .withBody(searchsetOf(ansDocX(), ansDocX(), ansDocX())).withChunkedDribbleDelay(40, 8_000)));
        long start = System.nanoTime();
        try (DmpClient dmp = client(b -> b.requestTimeout(Duration.ofMillis(400)))) {
            assertThat(searchWith(dmp)).isInstanceOfSatisfying(TransportException.class, e -> {
                assertThat(e.getMessage()).contains("did not answer within 400 ms");
                assertThat(e.requestId()).isPresent();
            });
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(millis).as("3 attempts of 400 ms, not 3 x 8 s").isLessThan(3_000);
    }

    @Test
    void theRequestIdIsKeptAcrossRetries() {
        wm.stubFor(get(urlPathEqualTo("/fhir/DocumentReference")).willReturn(aResponse().withStatus(503)));
        try (DmpClient dmp = client()) {
            searchWith(dmp);
        }
        Set<String> ids = wm.findAll(getRequestedFor(urlPathEqualTo("/fhir/DocumentReference"))).stream()
                .map(r -> r.getHeader("X-Request-Id")).collect(Collectors.toSet());
        assertThat(ids).hasSize(1);
    }

    @Test
    void aDerivedClientSharesItsPoolAndStartsNoNewThread() throws Exception {
        wm.stubFor(get(urlPathEqualTo("/fhir/DocumentReference")).willReturn(aResponse().withStatus(200)
                .withBody(searchsetOf())));
        try (DmpClient dmp = client()) {
            dmp.documents().searchAsync(TestIdentities.INS, DocumentQuery.builder().build()).get();
            dmp.documents().searchAsync(TestIdentities.INS, DocumentQuery.builder().build()).get();
            Set<String> before = threadNames();
            try (DmpClient derived = dmp.newBuilder().requestTimeout(Duration.ofSeconds(5)).build()) {
                derived.documents().searchAsync(TestIdentities.INS, DocumentQuery.builder().build()).get();
                derived.documents().search(TestIdentities.INS, DocumentQuery.builder().build());
            }
            Set<String> after = threadNames();
            after.removeAll(before);
            assertThat(pools(after)).as("no new pool, no new HTTP client: at most more threads of the same pool")
                    .isSubsetOf(pools(before));
            assertThat(dmp.documents().searchAsync(TestIdentities.INS, DocumentQuery.builder().build()).get()
                    .entries()).as("closing the derived client leaves the parent usable").isEmpty();
        }
    }

    /** Thread names to their pool: {@code opendmp-8-3} to {@code opendmp-8}, {@code HttpClient-2-Worker-0} to {@code HttpClient-2}. */
    private static Set<String> pools(Set<String> names) {
        return names.stream().filter(n -> n.startsWith("opendmp-") || n.startsWith("HttpClient-"))
                .map(n -> n.replaceFirst("^(opendmp-\\d+|HttpClient-\\d+).*$", "$1")).collect(Collectors.toSet());
    }

    private static Set<String> threadNames() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName).collect(Collectors.toSet());
    }
}
