package fr.opendmp.core.transport.internal.http;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * An HTTP answer, body read within its size limit and deadline. Not API.
 *
 * @param status the HTTP status
 * @param headers the answer's headers
 * @param body the body bytes
 * @param requestId the request id (the server's {@code X-Request-Id}, else the one the client sent)
 * @param retryAfter the server's Retry-After (seconds or HTTP date, read on the client's clock), if any
 */
public record HttpResult(int status, HttpHeaders headers, byte[] body, String requestId,
        Optional<Duration> retryAfter) {

    /** Checks every part. */
    public HttpResult {
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** @return whether the status is 2xx */
    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /** @return the Content-Type, if any */
    public Optional<String> contentType() {
        return headers.firstValue("Content-Type");
    }

    /** @return the Location header, if any */
    public Optional<String> location() {
        return headers.firstValue("Location");
    }

    /** @return the ETag header, if any */
    public Optional<String> etag() {
        return headers.firstValue("ETag");
    }
}
