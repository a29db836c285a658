package fr.opendmp.core.outbox.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * At most {@code perSecond} permits per second and per key (a structure), evenly spaced, for every
 * thread of this JVM. Several JVMs sharing a structure each have their own: divide the rate.
 */
public final class RateLimiter {
    private final long intervalNanos;
    private final Map<String, Long> nextFree = new HashMap<>();

    /** @param perSecond permits per second per key (more than 0) */
    public RateLimiter(double perSecond) {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("the rate must be more than 0 per second");
        }
        this.intervalNanos = (long) (1_000_000_000L / perSecond);
    }

    /** @return how long to wait before using the permit now reserved for {@code key} */
    public synchronized Duration reserve(String key) {
        long now = System.nanoTime();
        long next = Math.max(now, nextFree.getOrDefault(key, now));
        nextFree.put(key, next + intervalNanos);
        return Duration.ofNanos(next - now);
    }

    /** Waits for a permit for {@code key}. */
    public void acquire(String key) throws InterruptedException {
        Duration wait = reserve(key);
        if (!wait.isZero()) {
            Thread.sleep(wait.toMillis(), (int) (wait.toNanos() % 1_000_000));
        }
    }
}
