package fr.opendmp.auth.psc.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.opendmp.auth.psc.PscException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** One JSON exchange with an OAuth/OIDC server: 1 MiB answer limit, OAuth errors as {@link PscException}. */
public final class OAuthHttp {

    /** The answer size limit. */
    public static final int MAX_BODY = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private OAuthHttp() {
    }

    /**
     * @param values form fields, in order
     * @return {@code application/x-www-form-urlencoded} text
     */
    public static String form(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /**
     * Sends the request and reads a JSON answer.
     *
     * @param http the client (its timeouts apply)
     * @param request the request, with its own timeout
     * @param what the exchange, for messages (e.g. "Pro Santé Connect refresh")
     * @param nextStep what to do after a refusal, from the OAuth error code ("" when nothing to add)
     * @return the 2xx JSON answer
     * @throws PscException on I/O failure, a too large or non-JSON answer, or a non-2xx status
     */
    public static JsonNode send(HttpClient http, HttpRequest request, String what,
            Function<Optional<String>, String> nextStep) {
        HttpResponse<InputStream> response;
        byte[] body;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                body = in.readNBytes(MAX_BODY + 1);
            }
        } catch (IOException e) {
            throw new PscException(what + " failed: " + e.getClass().getSimpleName()
                    + " (an SSLHandshakeException means the server refused the client certificate)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PscException("interrupted during " + what, e);
        }
        int status = response.statusCode();
        if (body.length > MAX_BODY) {
            throw new PscException(Optional.empty(), status, false, what + ": the answer exceeds 1 MiB");
        }
        JsonNode json;
        try {
            json = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            throw new PscException(Optional.empty(), status, status >= 500,
                    what + ": HTTP " + status + " without JSON");
        }
        if (status / 100 != 2) {
            Optional<String> error = Jwt.text(json, "error");
            String next = nextStep.apply(error);
            throw new PscException(error, status, status >= 500, what + " was refused: HTTP " + status
                    + error.map(e -> " " + e).orElse("")
                    + Jwt.text(json, "error_description").map(d -> " (" + d + ")").orElse("")
                    + (next.isEmpty() ? "" : ": " + next));
        }
        return json;
    }
}
