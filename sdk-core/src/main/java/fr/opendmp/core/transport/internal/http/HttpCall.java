package fr.opendmp.core.transport.internal.http;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP call to make. Not API.
 *
 * @param service the service called, for messages ("the DMP", "INSi", "Pro Santé Connect")
 * @param method GET, POST, PATCH
 * @param uri the full URI
 * @param headers headers to send (credentials, Accept, Content-Type)
 * @param body the body, if any (bytes, or segments produced while they are sent)
 * @param idempotent whether sending it twice is harmless (or made so by the caller)
 * @param maxBytes the largest response body accepted
 */
public record HttpCall(String service, String method, URI uri, Map<String, List<String>> headers,
        Optional<RequestBody> body, boolean idempotent, long maxBytes) {

    /** Checks every part. */
    public HttpCall {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        headers = Map.copyOf(headers);
        Objects.requireNonNull(body, "body");
    }
}
