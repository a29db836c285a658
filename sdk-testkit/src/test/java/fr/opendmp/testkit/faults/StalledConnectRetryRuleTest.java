package fr.opendmp.testkit.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opendmp.core.error.TransportException;
import fr.opendmp.core.transport.RetryPolicy;
import fr.opendmp.core.transport.Sleeper;
import fr.opendmp.core.transport.internal.http.ExchangeSettings;
import fr.opendmp.core.transport.internal.http.HttpCall;
import fr.opendmp.core.transport.internal.http.HttpExchange;
import fr.opendmp.core.transport.internal.http.RequestBody;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Found by {@link InsiAndPscProxyFaultsTest}: the OAuth clients give one timeout to both the connect
 * and the request, so when a connect stalled, the attempt's deadline ended it first and the failure
 * read as a timeout after sending: a token POST that never left was {@code retryable() == false}.
 * The exchange now tells the two apart by whether the JDK asked for the body.
 */
class StalledConnectRetryRuleTest {
    static final Duration DEADLINE = Duration.ofMillis(400);

    static HttpExchange exchange() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return new HttpExchange(new ExchangeSettings(http, RetryPolicy.none(), DEADLINE, "OpenDMP-test",
                Clock.systemUTC(), Sleeper.real()));
    }

    static HttpCall post(int port) {
        return new HttpCall("the test server", "POST", URI.create("http://127.0.0.1:" + port + "/token"), Map.of(),
                Optional.of(RequestBody.of("grant_type=refresh_token".getBytes(StandardCharsets.US_ASCII))), false,
                1024);
    }

    @Test
    void aPostWhoseConnectNeverCompletesIsRetryableEvenWhenTheAttemptsDeadlineEndsItBeforeTheConnectTimeout()
            throws Exception {
        try (DeadPorts.Stalled stalled = new DeadPorts.Stalled()) {
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> exchange().send(post(stalled.port()), (r, retryable) -> {
                throw new AssertionError("no answer can come");
            })).isInstanceOfSatisfying(TransportException.class, e -> {
                assertThat(e.retryable()).as("nothing was sent: the one rule retries a connection never made")
                        .isTrue();
                assertThat(e.getMessage()).contains("connection to the test server timed out");
            });
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void aPostWhoseAnswerNeverComesAfterItsBodyLeftStaysFinal() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread reader = new Thread(() -> readAndNeverAnswer(silent), "silent-server");
            reader.setDaemon(true);
            reader.start();
            assertThatThrownBy(() -> exchange().send(post(silent.getLocalPort()), (r, retryable) -> {
                throw new AssertionError("no answer can come");
            })).isInstanceOfSatisfying(TransportException.class, e -> {
                assertThat(e.retryable()).as("the server may have handled it: a POST is not sent again").isFalse();
                assertThat(e.getMessage()).contains("did not answer");
            });
        }
    }

    private static void readAndNeverAnswer(ServerSocket server) {
        try (Socket s = server.accept(); InputStream in = s.getInputStream()) {
            byte[] buf = new byte[4096];
            while (in.read(buf) >= 0) {
                // read everything, answer nothing
            }
        } catch (IOException e) {
            // closed by the test
        }
    }
}
