package fr.opendmp.core.transport.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import fr.opendmp.core.transport.RetryPolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A streamed body goes out with its Content-Length, and a retried call sends it again byte for byte. */
class StreamedBodyRetryTest {

    private WireMockServer wm;

    @BeforeEach
    void start() {
        wm = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        wm.start();
        wm.stubFor(post(urlPathEqualTo("/fhir")).inScenario("retry").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("busy once"));
        wm.stubFor(post(urlPathEqualTo("/fhir")).inScenario("retry").whenScenarioStateIs("busy once")
                .willReturn(aResponse().withStatus(201)));
    }

    @AfterEach
    void stop() {
        wm.stop();
    }

    @Test
    void aStreamedBodyResentOnRetryIsByteIdenticalAndAnnouncesItsLength() {
        byte[] doc = new byte[300_001];
        new Random(42).nextBytes(doc);
        byte[] head = "{\"data\":\"".getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\"}".getBytes(StandardCharsets.US_ASCII);
        RequestBody body = RequestBody.of(List.of(new RequestBody.Bytes(head),
                new RequestBody.Base64Of(ByteBuffer.wrap(doc).asReadOnlyBuffer()), new RequestBody.Bytes(tail)));
        HttpExchange exchange = new HttpExchange(new ExchangeSettings(
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
                new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofMillis(1)),
                Duration.ofSeconds(20), "test", Clock.systemUTC(), d -> { }));
        URI uri = URI.create("http://127.0.0.1:" + wm.port() + "/fhir");

        HttpResult result = exchange.send(new HttpCall("the test server", "POST", uri, Map.of(), Optional.of(body),
                true, 1000), (r, retryable) -> new fr.opendmp.core.error.TransportException("status " + r.status(),
                new fr.opendmp.core.error.DmpException.Details(retryable, "", Optional.of(r.status()),
                        Optional.empty(), List.of()), null));

        assertThat(result.status()).isEqualTo(201);
        String expected = "{\"data\":\"" + Base64.getEncoder().encodeToString(doc) + "\"}";
        List<LoggedRequest> sent = wm.findAll(postRequestedFor(urlPathEqualTo("/fhir")));
        assertThat(sent).hasSize(2);
        assertThat(new String(sent.get(0).getBody(), StandardCharsets.US_ASCII)).isEqualTo(expected);
        assertThat(sent.get(1).getBody()).isEqualTo(sent.get(0).getBody());
        for (LoggedRequest r : sent) {
            assertThat(r.getHeader("Content-Length")).isEqualTo(String.valueOf(expected.length()));
        }
    }
}
