package fr.opendmp.core.transport;

import java.time.Duration;

/** How a client waits between attempts: {@link #real()} in production, a recorder in tests. */
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
