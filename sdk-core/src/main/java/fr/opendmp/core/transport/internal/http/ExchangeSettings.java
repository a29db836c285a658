package fr.opendmp.core.transport.internal.http;

import fr.opendmp.core.transport.RetryPolicy;
import fr.opendmp.core.transport.Sleeper;
import fr.opendmp.core.transport.TransportContext;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * What an {@link HttpExchange} needs. Not API.
 *
 * @param http the JDK client (pool, TLS, connect timeout)
 * @param retry the retry policy
 * @param callTimeout the deadline of one attempt, headers and body
 * @param userAgent the User-Agent
 * @param clock the clock (Retry-After dates, durations in logs)
 * @param sleeper how to wait between attempts
 */
public record ExchangeSettings(HttpClient http, RetryPolicy retry, Duration callTimeout, String userAgent,
        Clock clock, Sleeper sleeper) {

    /** Checks every part. */
    public ExchangeSettings {
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(callTimeout, "callTimeout");
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
    }

    /** @return the settings of a transport's context */
    public static ExchangeSettings of(TransportContext context) {
        return new ExchangeSettings(context.http(), context.retryPolicy(), context.callTimeout(),
                context.userAgent(), context.clock(), context.sleeper());
    }
}
