package fr.opendmp.testkit.faults;

import static fr.opendmp.testkit.faults.FaultProxy.Cut.Kind.BLACK_HOLE_ANSWER;
import static fr.opendmp.testkit.faults.FaultProxy.Cut.Kind.BLACK_HOLE_REQUEST;
import static fr.opendmp.testkit.faults.FaultProxy.Cut.Kind.REFUSE;
import static fr.opendmp.testkit.faults.FaultProxy.Cut.Kind.RESET_ANSWER;
import static fr.opendmp.testkit.faults.FaultProxy.Cut.Kind.RESET_REQUEST;
import static fr.opendmp.testkit.faults.FaultProxy.Cut.Kind.STATUS_INSTEAD;
import static fr.opendmp.testkit.faults.FaultProxy.Cut.Kind.STATUS_WITHOUT_FORWARDING;
import static fr.opendmp.testkit.faults.FaultProxy.Cut.Kind.TRUNCATE_ANSWER;

/**
 * The proxy's faults on one exchange, with what the client can know of each: whether the service
 * may have handled the call, and whether an HTTP status came back. The expected {@code retryable()}
 * is the SDK's one retry rule written out here on its own (see {@code RetryPolicy}): 429 and 503
 * always; every other fault on a connection that was made only for an idempotent call.
 */
enum NetFault {
    RESET_IN_REQUEST(RESET_REQUEST, 200, false),
    REQUEST_BLACK_HOLED(BLACK_HOLE_REQUEST, 0, false),
    CLOSED_AT_ACCEPT(REFUSE, 1, false),
    RESET_BEFORE_ANSWER(RESET_ANSWER, 0, true),
    RESET_IN_ANSWER(RESET_ANSWER, 100, true),
    ANSWER_TRUNCATED(TRUNCATE_ANSWER, 150, true),
    ANSWER_BLACK_HOLED(BLACK_HOLE_ANSWER, 0, true),
    STATUS_500_AFTER_HANDLING(STATUS_INSTEAD, 500, true),
    STATUS_502_AFTER_HANDLING(STATUS_INSTEAD, 502, true),
    STATUS_504_AFTER_HANDLING(STATUS_INSTEAD, 504, true),
    STATUS_503_FROM_A_GATEWAY(STATUS_WITHOUT_FORWARDING, 503, false),
    STATUS_429_FROM_A_GATEWAY(STATUS_WITHOUT_FORWARDING, 429, false);

    final FaultProxy.Cut.Kind kind;
    final int bytes;
    /** Whether the fake handled the call before the fault hit. */
    final boolean handled;

    NetFault(FaultProxy.Cut.Kind kind, int bytes, boolean handled) {
        this.kind = kind;
        this.bytes = bytes;
        this.handled = handled;
    }

    /** @return the HTTP status the client gets instead of the answer, 0 if none */
    int status() {
        return kind == STATUS_INSTEAD || kind == STATUS_WITHOUT_FORWARDING ? bytes : 0;
    }

    /** @return how many exchanges the proxy sees for one attempt (none when it closes at accept) */
    int exchangesSeen() {
        return kind == REFUSE ? 0 : 1;
    }

    /** @return whether only the read timeout can end the attempt */
    boolean blackHole() {
        return kind == BLACK_HOLE_REQUEST || kind == BLACK_HOLE_ANSWER;
    }

    /**
     * @param idempotent whether the call may be sent twice
     * @return what {@code retryable()} must say under the one retry rule
     */
    boolean retryable(boolean idempotent) {
        return status() == 429 || status() == 503 || idempotent;
    }

    /** Queues this fault on the proxy for the next exchange carrying {@code marker}. */
    void queue(FaultProxy proxy, String marker) {
        proxy.next(kind, bytes, marker);
    }
}
