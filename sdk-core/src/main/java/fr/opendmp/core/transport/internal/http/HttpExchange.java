package fr.opendmp.core.transport.internal.http;

import fr.opendmp.core.error.DmpException;
import fr.opendmp.core.error.MalformedResponseException;
import fr.opendmp.core.error.TransportException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends HTTP calls for every OpenDMP client: one deadline per attempt covering the whole answer,
 * size limits, one request id kept across retries, the one retry rule, Retry-After and backoff.
 * Not API. Thread-safe.
 */
public final class HttpExchange {

    /** The request id header, sent on every call and read back from the answer. */
    public static final String REQUEST_ID = "X-Request-Id";

    private static final Logger LOG = LoggerFactory.getLogger(HttpExchange.class);

    private final ExchangeSettings settings;
    private final Retrier retrier;

    /** @param settings the JDK client, timeouts, retry policy, user agent, clock */
    public HttpExchange(ExchangeSettings settings) {
        this.settings = settings;
        this.retrier = new Retrier(settings.retry(), settings.sleeper());
    }

    /** @return the settings */
    public ExchangeSettings settings() {
        return settings;
    }

    /** @return the retrier of this exchange's policy */
    public Retrier retrier() {
        return retrier;
    }

    /**
     * Sends the call, again while its error is retryable (idempotent calls only), with one request id.
     *
     * @param call the call
     * @param errors how the protocol reads an error answer
     * @return the 2xx answer
     * @throws DmpException the typed error of the last attempt
     */
    public HttpResult send(HttpCall call, ErrorMapper errors) {
        String requestId = UUID.randomUUID().toString();
        if (!call.idempotent()) {
            return sendOnce(call, requestId, errors);
        }
        return retrier.run(() -> sendOnce(call, requestId, errors));
    }

    /**
     * Sends the call exactly once.
     *
     * @param call the call
     * @param requestId the request id to send
     * @param errors how the protocol reads an error answer
     * @return the 2xx answer
     * @throws DmpException the typed error, its {@code retryable()} set by {@link RetryRule}
     */
    public HttpResult sendOnce(HttpCall call, String requestId, ErrorMapper errors) {
        HttpResult result = attempt(call, requestId);
        if (!result.ok()) {
            throw errors.map(result, RetryRule.forStatus(result.status(), call.idempotent()));
        }
        return result;
    }

    /**
     * Sends the call once and returns whatever status came back (for protocols whose errors travel
     * in 2xx or 5xx bodies alike, such as SOAP faults).
     *
     * @param call the call
     * @param requestId the request id to send
     * @return the answer, any status
     * @throws TransportException if no answer was read before the deadline
     * @throws MalformedResponseException if the answer is larger than the call allows
     */
    public HttpResult attempt(HttpCall call, String requestId) {
        Duration timeout = settings.callTimeout();
        HttpRequest.Builder rb = HttpRequest.newBuilder(call.uri())
                .timeout(timeout)
                .header("User-Agent", settings.userAgent())
                .header(REQUEST_ID, requestId);
        for (Map.Entry<String, List<String>> h : call.headers().entrySet()) {
            for (String v : h.getValue()) {
                rb.header(h.getKey(), v);
            }
        }
        boolean bodyToSend = call.body().filter(b -> b.length() > 0).isPresent();
        AtomicBoolean bodyTaken = new AtomicBoolean();
        HttpRequest.BodyPublisher publisher = call.body().map(RequestBody::publisher)
                .orElse(HttpRequest.BodyPublishers.noBody());
        rb.method(call.method(), bodyToSend ? new WatchedBody(publisher, bodyTaken) : publisher);
        long start = System.nanoTime();
        AtomicReference<LimitedBody> body = new AtomicReference<>();
        AtomicReference<Integer> status = new AtomicReference<>();
        CompletableFuture<HttpResponse<byte[]>> future = settings.http().sendAsync(rb.build(), info -> {
            status.set(info.statusCode());
            LimitedBody b = new LimitedBody(call.maxBytes());
            body.set(b);
            return b;
        });
        HttpResponse<byte[]> response;
        try {
            response = future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            LimitedBody b = body.get();
            if (b != null) {
                b.cancel();
            }
            if (bodyToSend && !bodyTaken.get()) {
                HttpConnectTimeoutException never = neverConnected(e);
                throw failure(call, requestId, never, message(call, never));
            }
            throw failure(call, requestId, new HttpTimeoutException("deadline passed"),
                    call.service() + " did not answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof IOException ? e.getCause()
                    : e.getCause() != null && e.getCause().getCause() instanceof IOException
                            ? e.getCause().getCause() : e.getCause();
            if (cause instanceof LimitedBody.TooLarge) {
                throw new MalformedResponseException("the answer of " + call.service() + " is larger than the limit of "
                        + call.maxBytes() + " bytes", new DmpException.Details(false,
                        "raise the client's size limit only if such an answer is expected",
                        Optional.ofNullable(status.get()), Optional.of(requestId), List.of()), null);
            }
            if (cause instanceof HttpTimeoutException && bodyToSend && !bodyTaken.get()) {
                cause = neverConnected(cause);
            }
            throw failure(call, requestId, cause, message(call, cause));
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted while calling " + call.service(),
                    new DmpException.Details(false, "", Optional.empty(), Optional.of(requestId), List.of()), e);
        }
        String serverId = response.headers().firstValue(REQUEST_ID).orElse(requestId);
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {} -> {} in {} ms ({} bytes, request id {})", call.method(), logPath(call),
                    response.statusCode(), (System.nanoTime() - start) / 1_000_000, response.body().length, serverId);
        }
        return new HttpResult(response.statusCode(), response.headers(), response.body(), serverId,
                response.headers().firstValue("Retry-After").flatMap(this::retryAfter));
    }

    /**
     * A deadline that passed before the JDK asked for the body: the connection was never made, and
     * without its body the service cannot have handled the call, whichever timer fired first (the
     * connect timeout, or the request's or this attempt's deadline when they are not longer).
     */
    private static HttpConnectTimeoutException neverConnected(Throwable timeout) {
        HttpConnectTimeoutException e = new HttpConnectTimeoutException("no connection before the deadline");
        e.initCause(timeout);
        return e;
    }

    /** A body publisher that records when the JDK subscribes to it: once connected, before the body leaves. */
    private static final class WatchedBody implements HttpRequest.BodyPublisher {
        private final HttpRequest.BodyPublisher body;
        private final AtomicBoolean taken;

        WatchedBody(HttpRequest.BodyPublisher body, AtomicBoolean taken) {
            this.body = body;
            this.taken = taken;
        }

        @Override
        public long contentLength() {
            return body.contentLength();
        }

        @Override
        public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
            taken.set(true);
            body.subscribe(subscriber);
        }
    }

    private static String message(HttpCall call, Throwable cause) {
        if (cause instanceof HttpConnectTimeoutException) {
            return "connection to " + call.service() + " timed out";
        }
        if (cause instanceof HttpTimeoutException) {
            return call.service() + " did not answer in time";
        }
        if (cause instanceof ConnectException) {
            return "cannot connect to " + call.service();
        }
        if (cause instanceof javax.net.ssl.SSLHandshakeException) {
            return "the TLS handshake with " + call.service() + " failed (its certificate was not trusted, or it"
                    + " refused the client certificate)";
        }
        return "the exchange with " + call.service() + " failed (connection reset or answer cut short)";
    }

    private TransportException failure(HttpCall call, String requestId, Throwable cause, String message) {
        LOG.debug("{} {} failed: {} (request id {})", call.method(), logPath(call),
                cause == null ? "?" : cause.getClass().getSimpleName(), requestId);
        boolean retryable = RetryRule.forFailure(cause, call.idempotent());
        String hint = retryable
                ? "the SDK retried while it could; check the network and the service's status, then retry"
                : "the call may have reached the service: check its effect before sending it again";
        return new TransportException(message, new DmpException.Details(retryable, hint, Optional.empty(),
                Optional.of(requestId), List.of()), cause);
    }

    private static String logPath(HttpCall call) {
        return LogMasking.mask(call.uri().getRawPath()
                + (call.uri().getRawQuery() == null ? "" : "?" + call.uri().getRawQuery()));
    }

    private Optional<Duration> retryAfter(String value) {
        String v = value.trim();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v))));
        } catch (NumberFormatException e) {
            try {
                Instant at = DateTimeFormatter.RFC_1123_DATE_TIME.parse(v, Instant::from);
                Duration d = Duration.between(settings.clock().instant(), at);
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }
}
