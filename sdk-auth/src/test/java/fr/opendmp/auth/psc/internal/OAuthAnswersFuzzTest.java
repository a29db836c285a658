package fr.opendmp.auth.psc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opendmp.auth.psc.PscException;
import fr.opendmp.core.fuzz.CannedHttp;
import fr.opendmp.core.fuzz.Fuzz;
import fr.opendmp.core.fuzz.HostileInputs;
import fr.opendmp.core.fuzz.Verdict;
import fr.opendmp.core.transport.internal.http.HttpExchange;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Hostile Pro Santé Connect and authorization-server answers (issue 19): the OAuth token and error
 * answers, the id token (compact JWS) and the JWKS give a result or the documented typed error in
 * bounded time.
 */
class OAuthAnswersFuzzTest {

    private static final String TOKEN = "{\"access_token\":\"eyJhbGciOiJSUzI1NiJ9.e30.c2ln\",\"token_type\":\"Bearer\","
            + "\"expires_in\":120,\"refresh_token\":\"r-1\",\"scope\":\"openid scope_all\",\"id_token\":"
            + "\"eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJzdWIiOiJ4In0.c2ln\"}";
    private static final String ERROR = "{\"error\":\"invalid_grant\",\"error_description\":\"expired\"}";
    private static final String JWKS = "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"k1\",\"use\":\"sig\",\"n\":\"sXch\","
            + "\"e\":\"AQAB\"}]}";

    private static CannedHttp http;
    private static HttpExchange exchange;

    @BeforeAll
    static void start() {
        http = CannedHttp.start();
        exchange = OAuthHttp.exchange(HttpClient.newHttpClient(), fr.opendmp.core.transport.RetryPolicy.defaults(),
                Duration.ofSeconds(3), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    /** A status and its body: a hostile token answer with 200, a hostile error answer with an error status. */
    private static Gen<Pair<Integer, byte[]>> answers() {
        Gen<byte[]> errors = HostileInputs.jsonAround(utf8(ERROR));
        return HostileInputs.oneOf(List.of(
                HostileInputs.jsonAround(utf8(TOKEN)).map(b -> Pair.of(200, b)),
                Generate.pick(List.of(400, 401, 403, 429, 500, 503)).zip(errors, Pair::of)));
    }

    @Test
    void aHostileTokenOrErrorAnswerIsJsonOrAPscException() {
        Fuzz.theory().forAll(answers()).checkAssert(answer -> {
            http.answer(answer._1, "application/json", answer._2);
            Verdict.typedOrSuccess("OAuth " + answer._1, () -> OAuthHttp.send(exchange,
                    OAuthHttp.post(http.uri("/token"), Map.of(), "grant_type=refresh_token"), "refresh", e -> ""),
                    PscException.class);
        });
    }

    private static Gen<String> tokens() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        Gen<String> parts = HostileInputs.jsonAround(utf8("{\"alg\":\"RS256\",\"kid\":\"k1\",\"sub\":\"x\"}"))
                .map(b64::encodeToString);
        return HostileInputs.oneOf(List.of(
                parts.zip(parts, HostileInputs.anyChars(0, 40), (h, c, s) -> h + "." + c + "." + s),
                HostileInputs.hostileText()));
    }

    @Test
    void aHostileIdTokenParsesOrIsAnIllegalArgumentAndNeverVerifies() {
        Fuzz.theory().forAll(tokens()).checkAssert(token -> {
            Optional<Throwable> refused = Verdict.typedOrSuccess("JWS", () -> Jwt.parse(token),
                    IllegalArgumentException.class);
            if (refused.isEmpty()) {
                assertThat(Jwt.verifyRs256(Jwt.parse(token), Jwt.rsaKeys(TestJson.read(JWKS)))).isFalse();
            }
        });
    }

    @Test
    void aHostileJwksGivesTheKeysItCanReadAndSkipsTheRest() {
        Fuzz.theory().forAll(HostileInputs.jsonAround(utf8(JWKS))).checkAssert(jwks -> {
            http.answer(200, "application/json", jwks);
            Verdict.typedOrSuccess("JWKS", () -> Jwt.rsaKeys(OAuthHttp.send(exchange,
                    OAuthHttp.get(http.uri("/jwks"), Map.of()), "JWKS", e -> "")).size(), PscException.class);
        });
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The well-formed JWKS the verification runs against. */
    private static final class TestJson {
        private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
                new com.fasterxml.jackson.databind.ObjectMapper();

        static com.fasterxml.jackson.databind.JsonNode read(String s) {
            try {
                return JSON.readTree(s);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
