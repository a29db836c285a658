package fr.opendmp.core.transport.internal.http;

import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;

/**
 * The one rule that says whether a failed call may succeed if sent again; the exchange retries
 * exactly those calls, and the error's {@code retryable()} says the same. Not API.
 */
public final class RetryRule {

    private RetryRule() {
    }

    /**
     * @param status an error status
     * @param idempotent whether the call may be sent twice
     * @return 429 and 503 (not processed) always; 500, 502, 504 for idempotent calls; else no
     */
    public static boolean forStatus(int status, boolean idempotent) {
        return switch (status) {
            case 429, 503 -> true;
            case 500, 502, 504 -> idempotent;
            default -> false;
        };
    }

    /**
     * @param failure why no answer was read
     * @param idempotent whether the call may be sent twice
     * @return a connection never made always; a timeout, reset or cut answer for idempotent calls
     */
    public static boolean forFailure(Throwable failure, boolean idempotent) {
        return failure instanceof ConnectException || failure instanceof HttpConnectTimeoutException || idempotent;
    }
}
