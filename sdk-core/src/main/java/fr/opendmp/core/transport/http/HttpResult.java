package fr.opendmp.core.transport.http;

import java.util.Objects;
import java.util.Optional;

/**
 * An HTTP answer, body read within its size limit (not API).
 *
 * @param status the HTTP status
 * @param contentType the Content-Type, if any
 * @param retryAfterSeconds the Retry-After in seconds, if any
 * @param location the Location header, if any
 * @param body the body bytes
 * @param requestId the request id (the server's {@code X-Request-Id}, else the one the client sent)
 */
public record HttpResult(int status, Optional<String> contentType, Optional<Long> retryAfterSeconds,
        Optional<String> location, byte[] body, String requestId) {

    /** Checks every part. */
    public HttpResult {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(retryAfterSeconds, "retryAfterSeconds");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(requestId, "requestId");
    }

    /** @return whether the status is 2xx */
    public boolean ok() {
        return status >= 200 && status < 300;
    }
}
