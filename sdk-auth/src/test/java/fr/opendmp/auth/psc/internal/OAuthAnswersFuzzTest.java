package fr.opendmp.auth.psc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opendmp.auth.psc.PscException;
import fr.opendmp.core.fuzz.CannedHttp;
import fr.opendmp.core.fuzz.HostileInputs;
import fr.opendmp.core.fuzz.Verdict;
import fr.opendmp.core.transport.internal.http.HttpExchange;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

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

    @BeforeContainer
    static void start() {
        http = CannedHttp.start();
        exchange = OAuthHttp.exchange(HttpClient.newHttpClient(), Duration.ofSeconds(3), Clock.systemUTC());
    }

    @AfterContainer
    static void stop() {
        http.close();
    }

    @Provide
    Arbitrary<Tuple.Tuple2<Integer, byte[]>> answers() {
        return Arbitraries.oneOf(
                HostileInputs.jsonAround(utf8(TOKEN)).map(b -> Tuple.of(200, b)),
                Arbitraries.of(400, 401, 403, 429, 500, 503).flatMap(s -> HostileInputs.jsonAround(utf8(ERROR))
                        .map(b -> Tuple.of(s, b))));
    }

    @Property
    void aHostileTokenOrErrorAnswerIsJsonOrAPscException(@ForAll("answers") Tuple.Tuple2<Integer, byte[]> answer) {
        http.answer(answer.get1(), "application/json", answer.get2());
        Verdict.typedOrSuccess("OAuth " + answer.get1(), () -> OAuthHttp.send(exchange,
                OAuthHttp.post(http.uri("/token"), Map.of(), "grant_type=refresh_token"), "refresh", e -> ""),
                PscException.class);
    }

    @Provide
    Arbitrary<String> tokens() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        Arbitrary<String> parts = HostileInputs.jsonAround(utf8("{\"alg\":\"RS256\",\"kid\":\"k1\",\"sub\":\"x\"}"))
                .map(b64::encodeToString);
        return Arbitraries.oneOf(
                net.jqwik.api.Combinators.combine(parts, parts, Arbitraries.strings().ofMaxLength(40))
                        .as((h, c, s) -> h + "." + c + "." + s),
                HostileInputs.hostileText());
    }

    @Property
    void aHostileIdTokenParsesOrIsAnIllegalArgumentAndNeverVerifies(@ForAll("tokens") String token) {
        Optional<Throwable> refused = Verdict.typedOrSuccess("JWS", () -> Jwt.parse(token),
                IllegalArgumentException.class);
        if (refused.isEmpty()) {
            assertThat(Jwt.verifyRs256(Jwt.parse(token), Jwt.rsaKeys(TestJson.read(JWKS)))).isFalse();
        }
    }

    @Property
    void aHostileJwksGivesTheKeysItCanReadAndSkipsTheRest(@ForAll("jwks") byte[] jwks) {
        http.answer(200, "application/json", jwks);
        Verdict.typedOrSuccess("JWKS", () -> Jwt.rsaKeys(OAuthHttp.send(exchange, OAuthHttp.get(http.uri("/jwks"),
                Map.of()), "JWKS", e -> "")).size(), PscException.class);
    }

    @Provide
    Arbitrary<byte[]> jwks() {
        return HostileInputs.jsonAround(utf8(JWKS));
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
