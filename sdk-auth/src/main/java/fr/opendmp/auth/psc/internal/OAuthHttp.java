package fr.opendmp.auth.psc.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.opendmp.auth.psc.PscException;
import fr.opendmp.core.error.DmpException;
import fr.opendmp.core.error.UnavailableException;
import fr.opendmp.core.transport.RetryPolicy;
import fr.opendmp.core.transport.Sleeper;
import fr.opendmp.core.transport.internal.http.ExchangeSettings;
import fr.opendmp.core.transport.internal.http.HttpCall;
import fr.opendmp.core.transport.internal.http.HttpExchange;
import fr.opendmp.core.transport.internal.http.HttpResult;
import fr.opendmp.core.transport.internal.http.RequestBody;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One JSON exchange with an OAuth/OIDC server, on the SDK's one HTTP exchange (deadline over the
 * whole answer, the one retry rule: GETs retried, token POSTs never): 1 MiB answer limit, OAuth
 * errors and every failure as {@link PscException}. Not API.
 */
public final class OAuthHttp {

    /** The answer size limit. */
    public static final int MAX_BODY = 1 << 20;
    private static final String SERVICE = "the OAuth server";
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

    private OAuthHttp() {
    }

    /**
     * @param http the JDK client (TLS, connect timeout)
     * @param retryPolicy how GETs are retried (token POSTs never are)
     * @param timeout the deadline of one attempt
     * @param clock the clock
     * @return the exchange an OAuth client uses
     */
    public static HttpExchange exchange(HttpClient http, RetryPolicy retryPolicy, Duration timeout, Clock clock) {
        return new HttpExchange(new ExchangeSettings(http, retryPolicy, timeout, "OpenDMP/0.2", clock,
                Sleeper.real()));
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

    /** @return a GET of a JSON document (idempotent: retried by the one rule) */
    public static HttpCall get(URI uri, Map<String, List<String>> headers) {
        return new HttpCall(SERVICE, "GET", uri, withAccept(headers), Optional.empty(), true, MAX_BODY);
    }

    /** @return a form POST (never retried: a code or a grant is used once) */
    public static HttpCall post(URI uri, Map<String, List<String>> headers, String form) {
        Map<String, List<String>> h = new java.util.HashMap<>(withAccept(headers));
        h.put("Content-Type", List.of("application/x-www-form-urlencoded"));
        RequestBody body = RequestBody.of(form.getBytes(StandardCharsets.UTF_8));
        return new HttpCall(SERVICE, "POST", uri, h, Optional.of(body), false, MAX_BODY);
    }

    private static Map<String, List<String>> withAccept(Map<String, List<String>> headers) {
        Map<String, List<String>> h = new java.util.HashMap<>(headers);
        h.put("Accept", List.of("application/json"));
        return h;
    }

    /**
     * Sends the call and reads a JSON answer.
     *
     * @param exchange the exchange
     * @param call the call
     * @param what the exchange, for messages (e.g. "Pro Santé Connect refresh")
     * @param nextStep what to do after a refusal, from the OAuth error code ("" when nothing to add)
     * @return the 2xx JSON answer
     * @throws PscException on a network failure, a too large or non-JSON answer, or a non-2xx status
     */
    public static JsonNode send(HttpExchange exchange, HttpCall call, String what,
            Function<Optional<String>, String> nextStep) {
        HttpResult r;
        try {
            r = exchange.send(call, (result, retryable) -> result.status() == 429 || result.status() == 503
                    // the one retry rule honours the server's Retry-After only on this type
                    ? new UnavailableException(what + ": HTTP " + result.status() + " (unavailable)",
                            result.retryAfter().orElse(null), new DmpException.Details(retryable,
                                    "retry later", Optional.of(result.status()), Optional.of(result.requestId()),
                                    List.of()), null)
                    : refusal(result, retryable, what, nextStep));
        } catch (PscException e) {
            throw e;
        } catch (DmpException e) {
            throw new PscException(what + " failed: " + e.getMessage(), e.retryable(), e);
        }
        try {
            return r.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(r.body());
        } catch (IOException e) {
            throw new PscException(Optional.empty(), r.status(), false, what + ": HTTP " + r.status()
                    + " without valid JSON");
        }
    }

    private static PscException refusal(HttpResult r, boolean retryable, String what,
            Function<Optional<String>, String> nextStep) {
        JsonNode json;
        try {
            json = r.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(r.body());
        } catch (IOException e) {
            return new PscException(Optional.empty(), r.status(), retryable, what + ": HTTP " + r.status()
                    + " without JSON");
        }
        Optional<String> error = Jwt.text(json, "error");
        String next = nextStep.apply(error);
        return new PscException(error, r.status(), retryable, what + " was refused: HTTP " + r.status()
                + error.map(e -> " " + e).orElse("")
                + Jwt.text(json, "error_description").map(d -> " (" + d + ")").orElse("")
                + (next.isEmpty() ? "" : ": " + next));
    }
}
