package fr.opendmp.auth.psc;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A started CIBA authentication (push to the e-CPS app).
 *
 * @param authReqId the server's request id (a secret for polling: not shown by toString)
 * @param expiresAt when the request expires
 * @param interval the minimum time between polls
 */
public record CibaRequest(String authReqId, Instant expiresAt, Duration interval) {

    /**
     * Checks presence.
     * @param authReqId the server's request id (a secret for polling: not shown by toString)
     * @param expiresAt when the request expires
     * @param interval the minimum time between polls
     */
    public CibaRequest {
        Objects.requireNonNull(authReqId, "authReqId");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(interval, "interval");
    }

    /**
     * @param newInterval the new interval
     * @return a copy with another interval (after {@code slow_down})
     */
    public CibaRequest withInterval(Duration newInterval) {
        return new CibaRequest(authReqId, expiresAt, newInterval);
    }

    @Override
    public String toString() {
        return "CibaRequest[until " + expiresAt + ", every " + interval + "]";
    }
}
