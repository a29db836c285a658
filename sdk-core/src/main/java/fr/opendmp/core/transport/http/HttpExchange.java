package fr.opendmp.core.transport.http;

import fr.opendmp.core.client.DmpException;
import fr.opendmp.core.client.MalformedResponseException;
import fr.opendmp.core.client.TransportException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends HTTP calls with java.net.http: timeouts, response size limits, request ids, retries of
 * idempotent calls with backoff honouring {@code Retry-After}. Not API. Thread-safe.
 */
public final class HttpExchange implements AutoCloseable {

    /** The request id header, sent on every call and read back from the answer. */
    public static final String REQUEST_ID = "X-Request-Id";

    private static final Logger LOG = LoggerFactory.getLogger(HttpExchange.class);
    private static final Set<Integer> RETRYABLE_STATUS = Set.of(429, 500, 502, 503, 504);

    private final HttpClient http;
    private final HttpSettings settings;

    /**
     * @param settings timeouts, retry policy, user agent, clock
     * @param sslContext the TLS context (mTLS), or empty for the JDK default
     */
    public HttpExchange(HttpSettings settings, Optional<SSLContext> sslContext) {
        this.settings = settings;
        HttpClient.Builder b = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1);
        sslContext.ifPresent(b::sslContext);
        this.http = b.build();
    }

    /** @return the settings */
    public HttpSettings settings() {
        return settings;
    }

    /**
     * Sends the call once, or several times when it is idempotent and the failure may pass.
     *
     * @return the last answer (any status: the caller maps error statuses)
     * @throws TransportException if no answer came (timeout, reset…) after the allowed attempts
     * @throws MalformedResponseException if the body is larger than the call allows
     */
    public HttpResult send(HttpCall call) {
        String requestId = UUID.randomUUID().toString();
        int attempts = call.idempotent() ? settings.retry().maxAttempts() : 1;
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResult result = sendOnce(call, requestId);
                if (attempt < attempts && RETRYABLE_STATUS.contains(result.status())) {
                    Optional<Duration> wait = waitFor(result.retryAfterSeconds(), attempt);
                    if (wait.isPresent()) {
                        pause(wait.get());
                        continue;
                    }
                }
                return result;
            } catch (TransportException e) {
                if (attempt >= attempts) {
                    throw e;
                }
                pause(settings.retry().backoff(attempt));
            }
        }
    }

    /**
     * Sends the call exactly once.
     *
     * @param requestId the request id to send
     * @return the answer
     */
    public HttpResult sendOnce(HttpCall call, String requestId) {
        HttpRequest.Builder rb = HttpRequest.newBuilder(call.uri())
                .timeout(settings.requestTimeout())
                .header("User-Agent", settings.userAgent())
                .header(REQUEST_ID, requestId);
        for (Map.Entry<String, List<String>> h : call.headers().entrySet()) {
            for (String v : h.getValue()) {
                rb.header(h.getKey(), v);
            }
        }
        rb.method(call.method(), call.body().map(HttpRequest.BodyPublishers::ofByteArray)
                .orElse(HttpRequest.BodyPublishers.noBody()));
        Instant start = settings.clock().instant();
        String logPath = LogMasking.mask(call.uri().getRawPath()
                + (call.uri().getRawQuery() == null ? "" : "?" + call.uri().getRawQuery()));
        try {
            HttpResponse<InputStream> response = http.send(rb.build(), HttpResponse.BodyHandlers.ofInputStream());
            String serverId = response.headers().firstValue(REQUEST_ID).orElse(requestId);
            byte[] body;
            try (InputStream in = response.body()) {
                body = readLimited(in, call.maxBytes(), serverId, response.statusCode());
            }
            if (LOG.isDebugEnabled()) {
                LOG.debug("{} {} -> {} in {} ms ({} bytes, request id {})", call.method(), logPath,
                        response.statusCode(), Duration.between(start, settings.clock().instant()).toMillis(),
                        body.length, serverId);
            }
            return new HttpResult(response.statusCode(), response.headers().firstValue("Content-Type"),
                    response.headers().firstValue("Retry-After").flatMap(HttpExchange::seconds),
                    response.headers().firstValue("Location"), body, serverId);
        } catch (HttpConnectTimeoutException e) {
            throw failure("connection to the DMP timed out", e, requestId, call, logPath);
        } catch (HttpTimeoutException e) {
            throw failure("the DMP did not answer in time", e, requestId, call, logPath);
        } catch (ConnectException e) {
            throw failure("cannot connect to the DMP", e, requestId, call, logPath);
        } catch (IOException e) {
            throw failure("the exchange with the DMP failed (connection reset or truncated answer)", e, requestId,
                    call, logPath);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted while calling the DMP",
                    new DmpException.Details(DmpException.Side.CLIENT, false, "", Optional.empty(),
                            Optional.of(requestId), List.of()), e);
        }
    }

    private TransportException failure(String message, IOException e, String requestId, HttpCall call,
            String logPath) {
        LOG.debug("{} {} failed: {} (request id {})", call.method(), logPath, e.getClass().getSimpleName(),
                requestId);
        return new TransportException(message, new DmpException.Details(DmpException.Side.CLIENT, true,
                call.idempotent() ? "the SDK already retried; check the network and the DMP's status, then retry"
                        : "retry the call; a deposit is checked by uniqueId before it is sent again",
                Optional.empty(), Optional.of(requestId), List.of()), e);
    }

    private static byte[] readLimited(InputStream in, long max, String requestId, int status) throws IOException {
        byte[] buffer = new byte[8192];
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        long total = 0;
        int n;
        while ((n = in.read(buffer)) != -1) {
            total += n;
            if (total > max) {
                throw new MalformedResponseException("the DMP's answer is larger than the limit of " + max
                        + " bytes", new DmpException.Details(DmpException.Side.CLIENT, false,
                        "raise the client's response size limit if this answer is expected",
                        Optional.of(status), Optional.of(requestId), List.of()), null);
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private Optional<Duration> waitFor(Optional<Long> retryAfterSeconds, int attempt) {
        if (retryAfterSeconds.isPresent()) {
            Duration asked = Duration.ofSeconds(retryAfterSeconds.get());
            return asked.compareTo(settings.retry().maxRetryAfter()) <= 0 ? Optional.of(asked) : Optional.empty();
        }
        return Optional.of(settings.retry().backoff(attempt));
    }

    /**
     * Waits, as the retry policy says.
     *
     * @param duration how long
     */
    public void pause(Duration duration) {
        try {
            settings.sleeper().sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted while waiting to retry",
                    DmpException.Details.client(""), e);
        }
    }

    private static Optional<Long> seconds(String value) {
        try {
            return Optional.of(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException e) {
            try {
                Instant at = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.parse(value.trim(), Instant::from);
                return Optional.of(Math.max(0, Duration.between(Instant.now(), at).getSeconds()));
            } catch (java.time.format.DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }

    @Override
    public void close() {
        // java.net.http.HttpClient is AutoCloseable only from Java 21; on 17 its threads end when unreachable.
    }
}
