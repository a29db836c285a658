package fr.opendmp.auth.psc;

import com.fasterxml.jackson.databind.JsonNode;
import fr.opendmp.auth.psc.internal.Jwt;
import fr.opendmp.auth.psc.internal.AsyncCalls;
import fr.opendmp.auth.psc.internal.OAuthHttp;
import fr.opendmp.core.transport.RetryPolicy;
import java.util.concurrent.CompletableFuture;
import fr.opendmp.auth.tls.MutualTls;
import java.net.URI;
import java.net.http.HttpClient;
import fr.opendmp.core.transport.internal.http.HttpExchange;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * Exchanges a Pro Santé Connect access token for a business API token at the target's authorization
 * server (RFC 8693 token exchange, ANS "API Pro Santé Connectées" guide): the client authenticates by mTLS only (RFC 8705,
 * no secret) with the structure's ORG AUTH_CLI certificate, and the token it gets is bound to that
 * certificate. Immutable and thread-safe; every call has a timeout and a 1 MiB answer limit.
 *
 * <pre>{@code
 * TokenExchangeClient exchange = TokenExchangeClient.builder()
 *         .tokenEndpoint(URI.create("https://auth.example/token"))
 *         .sslContext(MutualTls.builder().clientKey(structureKey).trust(igcSante).build())
 *         .clientCertificate(structureKey.certificate())   // checks the binding of each token
 *         .scope("dmp").build();
 * ApiToken token = exchange.exchange(pscSession.accessToken());
 * }</pre>
 */
public final class TokenExchangeClient {

    /** The RFC 8693 grant type. */
    public static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:token-exchange";
    /** The subject token type of an OAuth access token. */
    public static final String ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";

    private final URI tokenEndpoint;
    private final String scope;
    private final Optional<String> subjectIssuer;
    private final Optional<String> clientId;
    private final Optional<String> expectedThumbprint;
    private final Duration timeout;
    private final Clock clock;
    private final HttpExchange http;

    private TokenExchangeClient(Builder b) {
        this.tokenEndpoint = Objects.requireNonNull(b.tokenEndpoint, "tokenEndpoint is required");
        if (b.sslContext == null) {
            throw new IllegalStateException("sslContext is required: the exchange authenticates by mTLS (RFC 8705)");
        }
        if (!"https".equals(tokenEndpoint.getScheme())) {
            throw new IllegalArgumentException("the token exchange endpoint must be https (mTLS): " + tokenEndpoint);
        }
        this.scope = Objects.requireNonNull(b.scope, "scope is required");
        this.subjectIssuer = Optional.ofNullable(b.subjectIssuer);
        this.clientId = Optional.ofNullable(b.clientId);
        this.expectedThumbprint = Optional.ofNullable(b.clientCertificate).map(TokenExchangeClient::thumbprint);
        this.timeout = b.timeout != null ? b.timeout : Duration.ofSeconds(10);
        this.clock = b.clock != null ? b.clock : Clock.systemUTC();
        this.http = OAuthHttp.exchange(HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).sslContext(b.sslContext)
                .sslParameters(MutualTls.clientParameters()).build(), RetryPolicy.defaults(), timeout, clock);
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param certificate a TLS client certificate
     * @return its RFC 8705 {@code x5t#S256}: base64url (no padding) of the SHA-256 of its DER encoding
     */
    public static String thumbprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalArgumentException("cannot compute the certificate thumbprint", e);
        }
    }

    /**
     * @param pscAccessToken a valid Pro Santé Connect access token (never logged)
     * @return {@link #exchange(String)} asynchronously, on the OAuth clients' bounded pool
     */
    public CompletableFuture<ApiToken> exchangeAsync(String pscAccessToken) {
        return AsyncCalls.run(() -> exchange(pscAccessToken), AsyncCalls.defaultExecutor());
    }

    /**
     * Exchanges a PSC access token. Not retried: the caller decides (a PSC token lives ~2 min).
     *
     * @param pscAccessToken a valid Pro Santé Connect access token (never logged)
     * @return the API token
     * @throws PscException if the server refuses ({@code invalid_grant}: the PSC token is expired or
     *     revoked, authenticate again), the answer is malformed, or the token is bound to another
     *     certificate than ours
     */
    public ApiToken exchange(String pscAccessToken) {
        Objects.requireNonNull(pscAccessToken, "pscAccessToken");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", GRANT_TYPE);
        form.put("subject_token", pscAccessToken);
        form.put("subject_token_type", ACCESS_TOKEN_TYPE);
        form.put("scope", scope);
        subjectIssuer.ifPresent(i -> form.put("subject_issuer", i));
        clientId.ifPresent(c -> form.put("client_id", c));
        Instant now = clock.instant();
        JsonNode answer = send(form);
        String token = Jwt.text(answer, "access_token").orElseThrow(() -> malformed("no access_token"));
        String tokenType = answer.path("token_type").asText("");
        if (!tokenType.equalsIgnoreCase("Bearer") && !tokenType.equalsIgnoreCase("N_A")) {
            throw malformed("token_type '" + tokenType + "' is not Bearer");
        }
        Optional<String> bound = boundThumbprint(token);
        if (expectedThumbprint.isPresent() && bound.isPresent() && !expectedThumbprint.equals(bound)) {
            throw new PscException(Optional.of("invalid_binding"), 200, false,
                    "the API token is bound to another certificate than this client's: check the TLS key material");
        }
        return new ApiToken(token, now.plusSeconds(Math.max(1, answer.path("expires_in").asLong(3600))),
                Jwt.text(answer, "scope"), bound);
    }

    private static Optional<String> boundThumbprint(String token) {
        try {
            return Jwt.text(Jwt.parse(token).claims().path("cnf"), "x5t#S256");
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // opaque token: the resource server checks the binding
        }
    }

    private JsonNode send(Map<String, String> form) {
        return OAuthHttp.send(http, OAuthHttp.post(tokenEndpoint, Map.of(), OAuthHttp.form(form)),
                "the token exchange", error -> error.filter("invalid_grant"::equals)
                .map(e -> "the PSC token is expired or revoked, authenticate the professional again").orElse(""));
    }

    private static PscException malformed(String what) {
        return new PscException(Optional.empty(), 200, false, "the token exchange answer is malformed: " + what);
    }

    @Override
    public String toString() {
        return "TokenExchangeClient[" + tokenEndpoint + ", scope " + scope + "]";
    }

    /** Builds a {@link TokenExchangeClient}; each setting may be given once. */
    public static final class Builder {
        private URI tokenEndpoint;
        private SSLContext sslContext;
        private X509Certificate clientCertificate;
        private String scope;
        private String subjectIssuer;
        private String clientId;
        private Duration timeout;
        private Clock clock;

        private Builder() {
        }

        private static void once(Object current, String name) {
            if (current != null) {
                throw new IllegalStateException(name + " was already set");
            }
        }

        /**
         * @param value the authorization server's token endpoint (https); required
         * @return this builder
         */
        public Builder tokenEndpoint(URI value) {
            once(tokenEndpoint, "tokenEndpoint");
            tokenEndpoint = Objects.requireNonNull(value, "tokenEndpoint");
            return this;
        }

        /**
         * @param value the mTLS context with the structure's ORG AUTH_CLI key; required
         * @return this builder
         */
        public Builder sslContext(SSLContext value) {
            once(sslContext, "sslContext");
            sslContext = Objects.requireNonNull(value, "sslContext");
            return this;
        }

        /**
         * @param value the TLS client certificate, to check each token's {@code cnf.x5t#S256} binding
         * @return this builder
         */
        public Builder clientCertificate(X509Certificate value) {
            once(clientCertificate, "clientCertificate");
            clientCertificate = Objects.requireNonNull(value, "clientCertificate");
            return this;
        }

        /**
         * @param value the business scopes to ask for; required
         * @return this builder
         */
        public Builder scope(String value) {
            once(scope, "scope");
            scope = Objects.requireNonNull(value, "scope");
            return this;
        }

        /**
         * @param value {@code subject_issuer} (the ANS proxy sends {@code psc}; unsure elsewhere)
         * @return this builder
         */
        public Builder subjectIssuer(String value) {
            once(subjectIssuer, "subjectIssuer");
            subjectIssuer = Objects.requireNonNull(value, "subjectIssuer");
            return this;
        }

        /**
         * @param value a {@code client_id} to send, for servers that want it beside mTLS
         * @return this builder
         */
        public Builder clientId(String value) {
            once(clientId, "clientId");
            clientId = Objects.requireNonNull(value, "clientId");
            return this;
        }

        /**
         * @param value connect and request timeout (default 10 s)
         * @return this builder
         */
        public Builder timeout(Duration value) {
            once(timeout, "timeout");
            timeout = Objects.requireNonNull(value, "timeout");
            return this;
        }

        /**
         * @param value the clock (default system UTC)
         * @return this builder
         */
        public Builder clock(Clock value) {
            once(clock, "clock");
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** @return the client */
        public TokenExchangeClient build() {
            return new TokenExchangeClient(this);
        }
    }
}
