package fr.opendmp.testkit.psc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import fr.opendmp.auth.psc.PscClient;
import fr.opendmp.auth.psc.PscConfiguration;
import fr.opendmp.core.error.DmpException;
import fr.opendmp.core.transport.RetryPolicy;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Pro Santé Connect client takes the caller's retry policy and honours the realm's
 * {@code Retry-After} on 429/503 as the DMP and INSi clients do: it waits what the realm asked
 * before the next GET, a wait longer than the policy accepts ends the call at once with a retryable
 * error, and a policy of one attempt sends a GET once.
 */
class PscRetryPolicyTest {

    private HttpServer server;
    private final AtomicInteger discoveries = new AtomicInteger();
    private volatile String retryAfter = "30";
    private volatile int unavailableAnswers = Integer.MAX_VALUE;

    @BeforeEach
    void unavailableRealm() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/realms/test" + PscConfiguration.DISCOVERY_PATH, ex -> {
            int n = discoveries.incrementAndGet();
            ex.getRequestBody().readAllBytes();
            if (n > unavailableAnswers) {
                byte[] doc = discovery().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                ex.getResponseHeaders().add("Content-Type", "application/json");
                ex.sendResponseHeaders(200, doc.length);
                ex.getResponseBody().write(doc);
            } else {
                ex.getResponseHeaders().add("Retry-After", retryAfter);
                ex.sendResponseHeaders(503, -1);
            }
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/test";
    }

    private String discovery() {
        String i = issuer();
        return "{\"issuer\":\"" + i + "\",\"authorization_endpoint\":\"" + i + "/auth\",\"token_endpoint\":\"" + i
                + "/token\",\"userinfo_endpoint\":\"" + i + "/userinfo\",\"jwks_uri\":\"" + i + "/certs\"}";
    }

    @Test
    void theRealmsRetryAfterIsWaitedBeforeTheNextGet() {
        retryAfter = "1";
        unavailableAnswers = 1;
        PscClient psc = client(RetryPolicy.defaults());
        long start = System.nanoTime();
        assertThat(psc.configuration().tokenEndpoint()).hasToString(issuer() + "/token");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(discoveries).hasValue(2);
    }

    private PscClient client(RetryPolicy policy) {
        return PscClient.builder().issuer(URI.create(issuer())).clientId("opendmp-test").timeout(Duration.ofSeconds(2)).retryPolicy(policy).build();
    }

    @Test
    void aRetryAfterLongerThanThePolicyAcceptsEndsTheCallAtOnceWithARetryableError() {
        PscClient psc = client(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(1)));
        long start = System.nanoTime();
        assertThatThrownBy(psc::configuration).isInstanceOfSatisfying(DmpException.class,
                e -> assertThat(e.retryable()).as("the realm asked to come back later").isTrue());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(discoveries).hasValue(1);
    }

    @Test
    void aPolicyOfOneAttemptSendsTheGetOnce() {
        PscClient psc = client(RetryPolicy.none());
        assertThatThrownBy(psc::configuration).isInstanceOf(DmpException.class);
        assertThat(discoveries).hasValue(1);
    }
}
