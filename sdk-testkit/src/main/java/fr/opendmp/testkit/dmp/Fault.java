package fr.opendmp.testkit.dmp;

import java.time.Duration;
import java.util.Objects;

/**
 * A fault the fake injects on matching requests ({@link FakeDmp#injectFault}).
 *
 * @param kind what happens
 * @param status the HTTP status for {@link Kind#STATUS}
 * @param delay latency before answering ({@link Kind#LATENCY}), Retry-After ({@link Kind#STATUS}),
 *        or pause between body chunks ({@link Kind#SLOW_BODY})
 */
public record Fault(Kind kind, int status, Duration delay) {

    /** Kinds of fault. */
    public enum Kind {
        /** Wait {@code delay}, then handle the request normally. */
        LATENCY,
        /** Answer {@code status} (e.g. 500, 503) with an OperationOutcome and Retry-After = delay. */
        STATUS,
        /** Close the connection without any response. */
        DROP_CONNECTION,
        /** Handle normally but send the body slowly, pausing {@code delay} between chunks. */
        SLOW_BODY,
        /**
         * Handle the request completely (a deposit is stored, the history written), then close the
         * connection without any response: the client cannot know whether its request succeeded.
         */
        DROP_AFTER_HANDLING,
        /**
         * Handle the request completely, then send the status line, the headers (with the full
         * Content-Length) and half the body, and close the connection: the answer is cut.
         */
        CUT_AFTER_HANDLING
    }

    /**
     * Checks the fields.
     * @param kind what happens
     * @param status the HTTP status for {@link Kind#STATUS}
     * @param delay latency before answering ({@link Kind#LATENCY}), Retry-After ({@link Kind#STATUS}), or
     *     pause between body chunks ({@link Kind#SLOW_BODY})
     */
    public Fault {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative");
        }
        if (kind == Kind.STATUS && (status < 400 || status > 599)) {
            throw new IllegalArgumentException("a fault status is 4xx or 5xx, got " + status);
        }
    }

    /**
     * @param delay latency before answering ({@link Kind#LATENCY}), Retry-After ({@link Kind#STATUS}), or
     *     pause between body chunks ({@link Kind#SLOW_BODY})
     * @return a latency fault
     */
    public static Fault latency(Duration delay) {
        return new Fault(Kind.LATENCY, 0, delay);
    }

    /**
     * @param status the HTTP status for {@link Kind#STATUS}
     * @param retryAfter the retry after
     * @return an error status with a Retry-After header (zero = no header)
     */
    public static Fault status(int status, Duration retryAfter) {
        return new Fault(Kind.STATUS, status, retryAfter);
    }

    /** @return a dropped connection */
    public static Fault dropConnection() {
        return new Fault(Kind.DROP_CONNECTION, 0, Duration.ZERO);
    }

    /**
     * @return a fault that lets the request be handled (the document stored) and then closes the
     *     connection without answer, to test a client's retry idempotency
     */
    public static Fault dropAnswerAfterHandling() {
        return new Fault(Kind.DROP_AFTER_HANDLING, 0, Duration.ZERO);
    }

    /** @return a fault that lets the request be handled, then cuts the answer after half its body */
    public static Fault cutAnswerAfterHandling() {
        return new Fault(Kind.CUT_AFTER_HANDLING, 0, Duration.ZERO);
    }

    /**
     * @param pauseBetweenChunks the pause between chunks
     * @return a slow body, pausing between 16-byte chunks
     */
    public static Fault slowBody(Duration pauseBetweenChunks) {
        return new Fault(Kind.SLOW_BODY, 0, pauseBetweenChunks);
    }
}
