package fr.opendmp.core.transport.http;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP call to make (not API: the client's internal request description).
 *
 * @param method GET, POST, PATCH
 * @param uri the full URI
 * @param headers headers to send (credentials, Accept, Content-Type)
 * @param body the body, if any
 * @param idempotent whether the exchange may retry it on its own
 * @param maxBytes the largest response body accepted
 */
public record HttpCall(String method, URI uri, Map<String, List<String>> headers, Optional<byte[]> body,
        boolean idempotent, long maxBytes) {

    /** Checks every part. */
    public HttpCall {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        headers = Map.copyOf(headers);
        Objects.requireNonNull(body, "body");
    }
}
