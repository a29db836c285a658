package fr.opendmp.testkit.psc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsServer;
import fr.opendmp.auth.psc.TokenExchangeClient;
import fr.opendmp.testkit.auth.SignedTestCredentials;
import fr.opendmp.testkit.dmp.internal.HttpServerDefaults;
import fr.opendmp.testkit.internal.MutualTlsServers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * A fake authorization server of a business API (ANS "API Pro Santé Connectées" guide, RFC 8693): over HTTPS with a required TLS
 * client certificate from the test CA, it exchanges a {@link FakeProSanteConnect} access token for a
 * certificate-bound API token (RFC 8693 + RFC 8705: a JWT RS256 with {@code cnf.x5t#S256}), and lets
 * a fake resource server check such a token against the certificate presented with it.
 *
 * <p>Refusals: {@code 400 invalid_grant} (PSC token unknown, expired or logged out), {@code 400
 * invalid_request} (wrong grant or token type), {@code 400 invalid_scope}; no client certificate
 * fails the TLS handshake. Tokens are never logged.
 */
public final class FakeApiAuthorizationServer implements AutoCloseable {

    /** The token endpoint path. */
    public static final String TOKEN_PATH = "/token";
    private static final int MAX_BODY = 64 * 1024;
    private static final ObjectMapper JSON = OAuthServerIo.JSON;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final FakeProSanteConnect psc;
    private final Set<String> scopes;
    private final Duration lifetime;
    private final Clock clock;
    private final KeyPair keys;
    private final String issuer;
    private final HttpsServer server;
    private final AtomicInteger exchanges = new AtomicInteger();

    private FakeApiAuthorizationServer(Builder b) {
        this.psc = Objects.requireNonNull(b.psc, "proSanteConnect is required");
        SignedTestCredentials tls = Objects.requireNonNull(b.tls, "tls is required");
        this.scopes = b.scopes;
        this.lifetime = b.lifetime;
        this.clock = b.clock;
        this.keys = b.keys != null ? b.keys : OAuthServerIo.newRsaKeyPair();
        HttpServerDefaults.apply();   // no Nagle delay, limits: before the JVM's first JDK server
        try {
            this.server = MutualTlsServers.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0,
                    tls.serverSslContext());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.issuer = "https://localhost:" + server.getAddress().getPort();
        server.createContext(TOKEN_PATH, this::handle);
        server.start();
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the token endpoint ({@code https://localhost:PORT/token}) */
    public URI tokenEndpoint() {
        return URI.create(issuer + TOKEN_PATH);
    }

    /** @return how many exchanges were granted */
    public int grantedExchanges() {
        return exchanges.get();
    }

    /**
     * What a resource server checks: signature, issuer, expiry and the certificate binding.
     *
     * @param apiToken the bearer token presented
     * @param tlsClientCertificate the TLS client certificate of the same connection
     * @return the professional's IdNat if the token is valid and bound to that certificate
     */
    public Optional<String> verify(String apiToken, X509Certificate tlsClientCertificate) {
        String[] parts = apiToken.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(keys.getPublic());
            verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!verifier.verify(B64D.decode(parts[2]))) {
                return Optional.empty();
            }
            JsonNode claims = JSON.readTree(B64D.decode(parts[1]));
            boolean valid = issuer.equals(claims.path("iss").asText())
                    && Instant.ofEpochSecond(claims.path("exp").asLong()).isAfter(clock.instant())
                    && TokenExchangeClient.thumbprint(tlsClientCertificate)
                            .equals(claims.path("cnf").path("x5t#S256").asText());
            return valid ? Optional.of(claims.path("sub").asText()) : Optional.empty();
        } catch (GeneralSecurityException | IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                OAuthServerIo.send(exchange, 405, OAuthServerIo.error("invalid_request", "POST only"));
                return;
            }
            Map<String, String> form = readForm(exchange);
            if (!TokenExchangeClient.GRANT_TYPE.equals(form.get("grant_type"))
                    || !TokenExchangeClient.ACCESS_TOKEN_TYPE.equals(form.get("subject_token_type"))) {
                OAuthServerIo.send(exchange, 400, OAuthServerIo.error("invalid_request", "token-exchange of an access_token only"));
                return;
            }
            Optional<String> subject = Optional.ofNullable(form.get("subject_token")).flatMap(psc::activeSubject);
            if (subject.isEmpty()) {
                OAuthServerIo.send(exchange, 400, OAuthServerIo.error("invalid_grant", "the subject token is not active"));
                return;
            }
            String scope = form.getOrDefault("scope", "");
            if (scope.isBlank() || !scopes.containsAll(Arrays.asList(scope.trim().split(" +")))) {
                OAuthServerIo.send(exchange, 400, OAuthServerIo.error("invalid_scope", "allowed scopes: " + String.join(" ", scopes)));
                return;
            }
            X509Certificate client = clientCertificate(exchange);
            Instant now = clock.instant();
            ObjectNode claims = JSON.createObjectNode().put("iss", issuer).put("sub", subject.get())
                    .put("aud", "api").put("scope", scope.trim()).put("iat", now.getEpochSecond())
                    .put("exp", now.plus(lifetime).getEpochSecond()).put("jti", UUID.randomUUID().toString());
            claims.putObject("cnf").put("x5t#S256", TokenExchangeClient.thumbprint(client));
            exchanges.incrementAndGet();
            OAuthServerIo.send(exchange, 200, JSON.createObjectNode().put("access_token", sign(claims))
                    .put("issued_token_type", TokenExchangeClient.ACCESS_TOKEN_TYPE).put("token_type", "Bearer")
                    .put("expires_in", lifetime.toSeconds()).put("scope", scope.trim()));
        }
    }

    private static X509Certificate clientCertificate(HttpExchange exchange) throws IOException {
        try {
            Certificate[] chain = ((HttpsExchange) exchange).getSSLSession().getPeerCertificates();
            return (X509Certificate) chain[0];
        } catch (SSLPeerUnverifiedException e) {
            throw new IOException("no verified TLS client certificate", e);
        }
    }

    private static Map<String, String> readForm(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        return body.length > MAX_BODY ? Map.of() : OAuthServerIo.parseForm(new String(body, StandardCharsets.UTF_8));
    }

    private String sign(ObjectNode claims) {
        return OAuthServerIo.signRs256(JSON.createObjectNode().put("typ", "at+jwt"), claims, keys.getPrivate());
    }

    @Override
    public void close() {
        server.stop(0);
    }

    @Override
    public String toString() {
        return "FakeApiAuthorizationServer[" + tokenEndpoint() + "]";
    }

    /** Builds a {@link FakeApiAuthorizationServer}; each setting may be given once. */
    public static final class Builder {
        private FakeProSanteConnect psc;
        private SignedTestCredentials tls;
        private Set<String> scopes = Set.of("dmp");
        private Duration lifetime = Duration.ofHours(1);
        private Clock clock = Clock.systemUTC();
        private KeyPair keys;
        private final Set<String> given = new HashSet<>();

        private Builder() {
        }

        private void once(String name) {
            if (!given.add(name)) {
                throw new IllegalStateException(name + " was already set");
            }
        }

        /**
         * @param value the PSC whose access tokens are exchanged; required
         * @return this builder
         */
        public Builder proSanteConnect(FakeProSanteConnect value) {
            once("proSanteConnect");
            psc = Objects.requireNonNull(value, "proSanteConnect");
            return this;
        }

        /**
         * @param value the server certificate and the test CA trusted for client certificates; required
         * @return this builder
         */
        public Builder tls(SignedTestCredentials value) {
            once("tls");
            tls = Objects.requireNonNull(value, "tls");
            return this;
        }

        /**
         * @param value the scopes that may be asked for (default {@code dmp})
         * @return this builder
         */
        public Builder scopes(Set<String> value) {
            once("scopes");
            scopes = Set.copyOf(value);
            return this;
        }

        /**
         * @param value the API token lifetime (default 1 h, as in the CI-SIS text)
         * @return this builder
         */
        public Builder tokenLifetime(Duration value) {
            once("tokenLifetime");
            lifetime = Objects.requireNonNull(value, "tokenLifetime");
            return this;
        }

        /**
         * @param value the clock (default system UTC)
         * @return this builder
         */
        public Builder clock(Clock value) {
            once("clock");
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * @param value the RSA key pair that signs API tokens (default: a new one, slow to make)
         * @return this builder
         */
        public Builder signingKeys(KeyPair value) {
            once("signingKeys");
            keys = Objects.requireNonNull(value, "signingKeys");
            return this;
        }

        /** @return the started server */
        public FakeApiAuthorizationServer start() {
            return new FakeApiAuthorizationServer(this);
        }
    }
}
