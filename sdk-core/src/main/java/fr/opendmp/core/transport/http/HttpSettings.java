package fr.opendmp.core.transport.http;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Transport settings (not API: the client builder fills them).
 *
 * @param connectTimeout TCP/TLS connect timeout
 * @param requestTimeout whole-request timeout (until the headers arrive)
 * @param retry the retry policy
 * @param userAgent the User-Agent header
 * @param clock the clock (durations in logs)
 * @param sleeper how the exchange waits between attempts (a seam for tests)
 */
public record HttpSettings(Duration connectTimeout, Duration requestTimeout, RetryPolicy retry, String userAgent,
        Clock clock, Sleeper sleeper) {

    /** Checks every part. */
    public HttpSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
    }

    /** Waits between attempts. */
    @FunctionalInterface
    public interface Sleeper {
        /**
         * @param duration how long to wait
         * @throws InterruptedException if interrupted
         */
        void sleep(Duration duration) throws InterruptedException;

        /** @return a sleeper using {@link Thread#sleep(long)} */
        static Sleeper real() {
            return d -> Thread.sleep(d.toMillis());
        }
    }
}
