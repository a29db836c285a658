package fr.opendmp.core.transport;

import fr.opendmp.core.credentials.CredentialsProvider;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@code DmpClient}'s transport is opened with: the resources the client shares with the
 * clients derived from it (the HTTP connection pool) and its settings. Immutable.
 *
 * @param http the JDK HTTP client (connection pool, TLS context, connect timeout), shared
 * @param credentials where each request's credential comes from
 * @param retryPolicy the one retry policy
 * @param callTimeout the deadline of one attempt, from sending to the last byte of the answer
 * @param maxResponseBytes the largest metadata answer read
 * @param maxDocumentBytes the largest document sent or read
 * @param userAgent the User-Agent of every request
 * @param sourceOid the OID of this software instance (submission set source), if set
 * @param clock the clock (Retry-After dates, timestamps)
 * @param sleeper how to wait between attempts
 * @see fr.opendmp.core.client.DmpClient
 */
public record TransportContext(HttpClient http, CredentialsProvider credentials, RetryPolicy retryPolicy,
        Duration callTimeout, long maxResponseBytes, long maxDocumentBytes, String userAgent,
        Optional<String> sourceOid, Clock clock, Sleeper sleeper) {

    /**
     * Checks every part.
     * @param http the JDK HTTP client (connection pool, TLS context, connect timeout), shared
     * @param credentials where each request's credential comes from
     * @param retryPolicy the one retry policy
     * @param callTimeout the deadline of one attempt, from sending to the last byte of the answer
     * @param maxResponseBytes the largest metadata answer read
     * @param maxDocumentBytes the largest document sent or read
     * @param userAgent the User-Agent of every request
     * @param sourceOid the OID of this software instance (submission set source), if set
     * @param clock the clock (Retry-After dates, timestamps)
     * @param sleeper how to wait between attempts
     */
    public TransportContext {
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(retryPolicy, "retryPolicy");
        Objects.requireNonNull(callTimeout, "callTimeout");
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(sourceOid, "sourceOid");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
    }
}
