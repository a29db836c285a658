package fr.opendmp.testkit.psc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import fr.opendmp.testkit.dmp.internal.HttpServerDefaults;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake Pro Santé Connect realm on loopback (Pro Santé Connect technical documentation of the ANS). Serves, under
 * {@code http://127.0.0.1:<port>/auth/realms/esante-wallet}:
 * {@code /.well-known/wallet-openid-configuration}, {@code /protocol/openid-connect/{auth, token,
 * userinfo, token/introspect, certs, logout, ext/ciba/auth}}. Tokens are RS256 JWTs ({@code acr=eidas1},
 * access 120 s, refresh 30 min by default) for seeded professionals.
 *
 * <pre>{@code
 * try (FakeProSanteConnect psc = FakeProSanteConnect.builder()
 *         .client("my-lps", "secret").professional(SeededProfessional.generalPractitioner("899700366240", "Paul", "TEST"))
 *         .start()) {
 *     psc.cibaScenario("899700366240", CibaScenario.approveAfter(2));
 *     ... PscClient.builder().issuer(psc.issuer()) ...
 * }
 * }</pre>
 */
public final class FakeProSanteConnect implements AutoCloseable {

    /** The realm path, as in production. */
    public static final String REALM_PATH = "/auth/realms/esante-wallet";
    private static final String CIBA_GRANT = "urn:openid:params:grant-type:ciba";
    private static final int MAX_BODY = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Code(String idNat, String clientId, String redirectUri, String challenge, Optional<String> nonce,
            Instant expiresAt) {
    }

    private record Grant(String idNat, String clientId, Instant expiresAt) {
    }

    private record CibaRequest(String idNat, String clientId, Instant expiresAt, AtomicInteger polls) {
    }

    private final Map<String, Optional<String>> clients;
    private final Map<String, SeededProfessional> professionals;
    private final Clock clock;
    private final Duration accessLifetime;
    private final Duration refreshLifetime;
    private final int cibaIntervalSeconds;
    private final KeyPair keys;
    private final String kid = "fake-psc-" + UUID.randomUUID();
    private final Map<String, CibaScenario> scenarios = new ConcurrentHashMap<>();
    private final Map<String, Code> codes = new ConcurrentHashMap<>();
    private final Map<String, Grant> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, Grant> refreshTokens = new ConcurrentHashMap<>();
    private final Map<String, CibaRequest> cibaRequests = new ConcurrentHashMap<>();
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final HttpServer server;
    private final URI issuer;

    private FakeProSanteConnect(Builder b) {
        this.clients = Map.copyOf(b.clients);
        this.professionals = Map.copyOf(b.professionals);
        this.clock = b.clock;
        this.accessLifetime = b.accessLifetime;
        this.refreshLifetime = b.refreshLifetime;
        this.cibaIntervalSeconds = b.cibaIntervalSeconds;
        this.keys = b.signingKeys != null ? b.signingKeys : OAuthServerIo.newRsaKeyPair();
        HttpServerDefaults.apply();   // no Nagle delay, limits: before the JVM's first JDK server
        try {
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.issuer = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + REALM_PATH);
        server.createContext(REALM_PATH, this::handle);
        server.start();
    }

    /**
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @return the issuer URI (the realm)
     */
    public URI issuer() {
        return issuer;
    }

    /**
     * @return how many token requests were received (all grants)
     */
    public int tokenRequests() {
        return tokenRequests.get();
    }

    /**
     * Introspection for a co-located fake (the authorization server of a token exchange).
     *
     * @param accessToken an access token this fake issued
     * @return the professional's IdNat if the token is active (issued here, not expired, not logged out)
     */
    public Optional<String> activeSubject(String accessToken) {
        Grant grant = accessTokens.get(Objects.requireNonNull(accessToken, "accessToken"));
        return grant != null && grant.expiresAt().isAfter(clock.instant()) ? Optional.of(grant.idNat())
                : Optional.empty();
    }

    /**
     * Sets how CIBA requests for a professional are answered (default: approve after 1 pending poll).
     * @param idNat who logs in
     * @param scenario the scenario
     */
    public void cibaScenario(String idNat, CibaScenario scenario) {
        scenarios.put(Objects.requireNonNull(idNat, "idNat"), Objects.requireNonNull(scenario, "scenario"));
    }

    /**
     * Plays the browser: opens the authorization URL, logs the professional in and returns the
     * redirect URI (with {@code code} and {@code state}, or {@code error}).
     *
     * @param authorizationUrl the URL the client built
     * @param idNat who logs in
     * @return the redirect the browser would follow
     */
    public URI login(URI authorizationUrl, String idNat) {
        Map<String, String> query = OAuthServerIo.parseForm(Optional.ofNullable(authorizationUrl.getRawQuery()).orElse(""));
        String redirect = query.getOrDefault("redirect_uri", "");
        String state = query.getOrDefault("state", "");
        String error = null;
        if (!clients.containsKey(query.getOrDefault("client_id", ""))) {
            error = "unauthorized_client";
        } else if (!"code".equals(query.get("response_type"))) {
            error = "unsupported_response_type";
        } else if (!"S256".equals(query.get("code_challenge_method")) || !query.containsKey("code_challenge")) {
            error = "invalid_request";
        } else if (!professionals.containsKey(idNat)) {
            error = "access_denied";
        }
        String separator = redirect.contains("?") ? "&" : "?";
        if (error != null) {
            return URI.create(redirect + separator + "error=" + error + "&state=" + encode(state));
        }
        String code = randomToken();
        codes.put(code, new Code(idNat, query.get("client_id"), redirect, query.get("code_challenge"),
                Optional.ofNullable(query.get("nonce")), clock.instant().plusSeconds(60)));
        return URI.create(redirect + separator + "code=" + code + "&state=" + encode(state));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(REALM_PATH.length());
            String method = exchange.getRequestMethod();
            switch (path) {
                case "/.well-known/wallet-openid-configuration" -> OAuthServerIo.send(exchange, 200, discovery());
                case "/protocol/openid-connect/certs" -> OAuthServerIo.send(exchange, 200, jwks());
                case "/protocol/openid-connect/token" -> requirePost(exchange, method, this::token);
                case "/protocol/openid-connect/ext/ciba/auth" -> requirePost(exchange, method, this::cibaAuth);
                case "/protocol/openid-connect/userinfo" -> userinfo(exchange);
                case "/protocol/openid-connect/token/introspect" -> requirePost(exchange, method, this::introspect);
                case "/protocol/openid-connect/logout" -> requirePost(exchange, method, this::logout);
                case "/protocol/openid-connect/auth" -> authorize(exchange);
                default -> OAuthServerIo.send(exchange, 404, OAuthServerIo.error("not_found", "no such endpoint"));
            }
        } catch (RuntimeException e) {
            OAuthServerIo.send(exchange, 500, OAuthServerIo.error("server_error", e.getClass().getSimpleName()));
        }
    }

    private interface FormHandler {
        void handle(HttpExchange exchange, Map<String, String> form) throws IOException;
    }

    private void requirePost(HttpExchange exchange, String method, FormHandler handler) throws IOException {
        if (!"POST".equals(method)) {
            OAuthServerIo.send(exchange, 405, OAuthServerIo.error("invalid_request", "POST only"));
            return;
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            OAuthServerIo.send(exchange, 413, OAuthServerIo.error("invalid_request", "body too large"));
            return;
        }
        handler.handle(exchange, OAuthServerIo.parseForm(new String(body, StandardCharsets.UTF_8)));
    }

    private ObjectNode discovery() {
        String base = issuer + "/protocol/openid-connect";
        ObjectNode doc = JSON.createObjectNode()
                .put("issuer", issuer.toString())
                .put("authorization_endpoint", base + "/auth")
                .put("token_endpoint", base + "/token")
                .put("userinfo_endpoint", base + "/userinfo")
                .put("introspection_endpoint", base + "/token/introspect")
                .put("end_session_endpoint", base + "/logout")
                .put("jwks_uri", base + "/certs")
                .put("backchannel_authentication_endpoint", base + "/ext/ciba/auth")
                .put("tls_client_certificate_bound_access_tokens", true);
        doc.putArray("acr_values_supported").add("eidas1");
        doc.putArray("backchannel_token_delivery_modes_supported").add("poll").add("ping");
        doc.putArray("grant_types_supported").add("authorization_code").add("refresh_token").add(CIBA_GRANT);
        doc.putArray("code_challenge_methods_supported").add("S256");
        doc.putArray("scopes_supported").add("openid").add("scope_all").add("rpps").add("identity");
        doc.putArray("id_token_signing_alg_values_supported").add("RS256");
        return doc;
    }

    private ObjectNode jwks() {
        RSAPublicKey pub = (RSAPublicKey) keys.getPublic();
        ObjectNode doc = JSON.createObjectNode();
        doc.putArray("keys").addObject().put("kty", "RSA").put("use", "sig").put("alg", "RS256").put("kid", kid)
                .put("n", B64.encodeToString(unsigned(pub.getModulus())))
                .put("e", B64.encodeToString(unsigned(pub.getPublicExponent())));
        return doc;
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = OAuthServerIo.parseForm(Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse(""));
        String hint = query.get("login_hint");
        if (hint == null) {
            OAuthServerIo.send(exchange, 200, OAuthServerIo.error("login_required", "the fake logs in the professional named by login_hint"));
            return;
        }
        exchange.getResponseHeaders().add("Location", login(exchange.getRequestURI(), hint).toString());
        exchange.sendResponseHeaders(302, -1);
    }

    private Optional<String> authenticateClient(HttpExchange exchange, Map<String, String> form) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header != null && header.startsWith("Basic ")) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return Optional.empty();
            }
            String id = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
            String secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
            Optional<String> registered = clients.getOrDefault(id, null);
            return registered != null && registered.isPresent()
                    && MessageDigest.isEqual(registered.get().getBytes(StandardCharsets.UTF_8),
                            secret.getBytes(StandardCharsets.UTF_8)) ? Optional.of(id) : Optional.empty();
        }
        String id = form.get("client_id");
        // a public client (registered without secret) authenticates by PKCE
        return id != null && clients.containsKey(id) && clients.get(id).isEmpty() ? Optional.of(id) : Optional.empty();
    }

    private void token(HttpExchange exchange, Map<String, String> form) throws IOException {
        tokenRequests.incrementAndGet();
        Optional<String> client = authenticateClient(exchange, form);
        if (client.isEmpty()) {
            OAuthServerIo.send(exchange, 401, OAuthServerIo.error("invalid_client", "unknown client or bad secret"));
            return;
        }
        Instant now = clock.instant();
        switch (form.getOrDefault("grant_type", "")) {
            case "authorization_code" -> {
                Code code = codes.remove(form.getOrDefault("code", ""));
                if (code == null || code.expiresAt().isBefore(now) || !code.clientId().equals(client.get())
                        || !code.redirectUri().equals(form.get("redirect_uri"))) {
                    OAuthServerIo.send(exchange, 400, OAuthServerIo.error("invalid_grant", "unknown, used or expired code"));
                } else if (!s256(form.getOrDefault("code_verifier", "")).equals(code.challenge())) {
                    OAuthServerIo.send(exchange, 400, OAuthServerIo.error("invalid_grant", "PKCE verification failed"));
                } else {
                    OAuthServerIo.send(exchange, 200, issueTokens(code.idNat(), client.get(), code.nonce()));
                }
            }
            case "refresh_token" -> {
                Grant grant = refreshTokens.remove(form.getOrDefault("refresh_token", ""));
                if (grant == null || grant.expiresAt().isBefore(now) || !grant.clientId().equals(client.get())) {
                    OAuthServerIo.send(exchange, 400, OAuthServerIo.error("invalid_grant", "refresh token unknown or expired"));
                } else {
                    OAuthServerIo.send(exchange, 200, issueTokens(grant.idNat(), client.get(), Optional.empty()));
                }
            }
            case CIBA_GRANT -> cibaPoll(exchange, form, client.get(), now);
            default -> OAuthServerIo.send(exchange, 400, OAuthServerIo.error("unsupported_grant_type", "grant type not supported"));
        }
    }

    private void cibaAuth(HttpExchange exchange, Map<String, String> form) throws IOException {
        Optional<String> client = authenticateClient(exchange, form);
        if (client.isEmpty()) {
            OAuthServerIo.send(exchange, 401, OAuthServerIo.error("invalid_client", "unknown client or bad secret"));
            return;
        }
        String hint = form.get("login_hint");
        if (hint == null || !professionals.containsKey(hint)) {
            OAuthServerIo.send(exchange, 400, OAuthServerIo.error("unknown_user_id", "no such professional"));
            return;
        }
        if (!form.getOrDefault("scope", "").contains("openid")) {
            OAuthServerIo.send(exchange, 400, OAuthServerIo.error("invalid_scope", "openid scope required"));
            return;
        }
        String id = randomToken();
        int expiresIn = 120;
        cibaRequests.put(id, new CibaRequest(hint, client.get(), clock.instant().plusSeconds(expiresIn),
                new AtomicInteger()));
        OAuthServerIo.send(exchange, 200, JSON.createObjectNode().put("auth_req_id", id).put("expires_in", expiresIn)
                .put("interval", cibaIntervalSeconds));
    }

    private void cibaPoll(HttpExchange exchange, Map<String, String> form, String client, Instant now)
            throws IOException {
        String id = form.getOrDefault("auth_req_id", "");
        CibaRequest request = cibaRequests.get(id);
        if (request == null || !request.clientId().equals(client)) {
            OAuthServerIo.send(exchange, 400, OAuthServerIo.error("invalid_grant", "unknown auth_req_id"));
            return;
        }
        if (request.expiresAt().isBefore(now)) {
            cibaRequests.remove(id);
            OAuthServerIo.send(exchange, 400, OAuthServerIo.error("expired_token", "the CIBA request expired"));
            return;
        }
        CibaScenario scenario = scenarios.getOrDefault(request.idNat(), CibaScenario.approveAfter(1));
        int poll = request.polls().incrementAndGet();
        if (poll <= scenario.pendingPolls()) {
            boolean slow = scenario.kind() == CibaScenario.Kind.SLOW_DOWN_THEN_APPROVE;
            OAuthServerIo.send(exchange, 400, OAuthServerIo.error(slow ? "slow_down" : "authorization_pending",
                    slow ? "poll less often" : "the professional has not answered yet"));
            return;
        }
        cibaRequests.remove(id);
        switch (scenario.kind()) {
            case EXPIRE -> OAuthServerIo.send(exchange, 400, OAuthServerIo.error("expired_token", "the CIBA request expired"));
            case DENY -> OAuthServerIo.send(exchange, 400, OAuthServerIo.error("access_denied", "the professional refused"));
            default -> OAuthServerIo.send(exchange, 200, issueTokens(request.idNat(), client, Optional.empty()));
        }
    }

    private ObjectNode issueTokens(String idNat, String clientId, Optional<String> nonce) {
        Instant now = clock.instant();
        Instant accessExpiry = now.plus(accessLifetime);
        ObjectNode claims = baseClaims(idNat, clientId, now, accessExpiry);
        claims.put("typ", "Bearer").put("scope", "openid scope_all");
        String access = sign(claims);
        accessTokens.put(access, new Grant(idNat, clientId, accessExpiry));
        String refresh = randomToken();
        refreshTokens.put(refresh, new Grant(idNat, clientId, now.plus(refreshLifetime)));
        ObjectNode idClaims = baseClaims(idNat, clientId, now, accessExpiry).put("typ", "ID")
                .put("auth_time", now.getEpochSecond());
        nonce.ifPresent(n -> idClaims.put("nonce", n));
        return JSON.createObjectNode().put("access_token", access).put("token_type", "Bearer")
                .put("expires_in", accessLifetime.toSeconds()).put("refresh_token", refresh)
                .put("refresh_expires_in", refreshLifetime.toSeconds()).put("id_token", sign(idClaims))
                .put("scope", "openid scope_all");
    }

    private ObjectNode baseClaims(String idNat, String clientId, Instant now, Instant expiry) {
        return JSON.createObjectNode().put("iss", issuer.toString()).put("sub", "f:" + UUID.randomUUID() + ":" + idNat)
                .put("aud", clientId).put("azp", clientId).put("acr", "eidas1")
                .put("iat", now.getEpochSecond()).put("exp", expiry.getEpochSecond())
                .put("jti", UUID.randomUUID().toString()).put("session_state", UUID.randomUUID().toString())
                .put("preferred_username", idNat);
    }

    private void userinfo(HttpExchange exchange) throws IOException {
        Optional<Grant> grant = bearer(exchange);
        if (grant.isEmpty()) {
            exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            OAuthServerIo.send(exchange, 401, OAuthServerIo.error("invalid_token", "missing, unknown or expired token"));
            return;
        }
        SeededProfessional ps = professionals.get(grant.get().idNat());
        ObjectNode info = JSON.createObjectNode().put("sub", "f:" + ps.idNat()).put("SubjectNameID", ps.idNat())
                .put("preferred_username", ps.idNat()).put("given_name", ps.givenName())
                .put("family_name", ps.familyName()).put("Secteur_Activite", ps.secteurActivite())
                .put("Palier_Authentification", "APPPRIP3^1.2.250.1.213.1.5.1.1.1")
                .put("Acces_Regulation_Medicale", "FAUX");
        info.putArray("otherIds").addObject().put("identifiant", ps.idNat().substring(1)).put("origine", "RPPS")
                .put("qualite", 1);
        ArrayNode exercices = info.putObject("SubjectRefPro").putArray("exercices");
        for (SeededProfessional.Exercice e : ps.exercices()) {
            ObjectNode node = exercices.addObject().put("codeProfession", e.codeProfession())
                    .put("codeCategorieProfessionnelle", e.codeCategorieProfessionnelle())
                    .put("nomDexercice", ps.familyName()).put("prenomDexercice", ps.givenName());
            e.codeSavoirFaire().ifPresent(s -> node.put("codeTypeSavoirFaire", "S").put("codeSavoirFaire", s));
            node.putArray("activities");
        }
        OAuthServerIo.send(exchange, 200, info);
    }

    private void introspect(HttpExchange exchange, Map<String, String> form) throws IOException {
        if (authenticateClient(exchange, form).isEmpty()) {
            OAuthServerIo.send(exchange, 401, OAuthServerIo.error("invalid_client", "unknown client or bad secret"));
            return;
        }
        Grant grant = accessTokens.get(form.getOrDefault("token", ""));
        if (grant == null || !grant.expiresAt().isAfter(clock.instant())) {
            OAuthServerIo.send(exchange, 200, JSON.createObjectNode().put("active", false));
            return;
        }
        OAuthServerIo.send(exchange, 200, JSON.createObjectNode().put("active", true).put("client_id", grant.clientId())
                .put("preferred_username", grant.idNat()).put("exp", grant.expiresAt().getEpochSecond())
                .put("acr", "eidas1"));
    }

    private void logout(HttpExchange exchange, Map<String, String> form) throws IOException {
        Grant grant = refreshTokens.remove(form.getOrDefault("refresh_token", ""));
        if (grant != null) {
            accessTokens.values().removeIf(g -> g.idNat().equals(grant.idNat()));
        }
        exchange.sendResponseHeaders(204, -1);
    }

    private Optional<Grant> bearer(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            return Optional.empty();
        }
        Grant grant = accessTokens.get(header.substring(7).trim());
        return grant != null && grant.expiresAt().isAfter(clock.instant()) ? Optional.of(grant) : Optional.empty();
    }

    private static String s256(String verifier) {
        try {
            return B64.encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String randomToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return B64.encodeToString(bytes);
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    /** Stops the server. */
    private String sign(ObjectNode claims) {
        return OAuthServerIo.signRs256(JSON.createObjectNode().put("typ", "JWT").put("kid", kid), claims,
                keys.getPrivate());
    }

    @Override
    public void close() {
        server.stop(0);
    }

    @Override
    public String toString() {
        return "FakeProSanteConnect[" + issuer + "]";
    }

    /**
     * Builds and starts a {@link FakeProSanteConnect}; each setting may be given once, clients and
     * professionals add up (each id once).
     */
    public static final class Builder {

        private final Set<String> given = new HashSet<>();

        private void once(String setting) {
            if (!given.add(setting)) {
                throw new IllegalStateException(setting + " was already set");
            }
        }

        private final Map<String, Optional<String>> clients = new HashMap<>();
        private final Map<String, SeededProfessional> professionals = new HashMap<>();
        private Clock clock = Clock.systemUTC();
        private Duration accessLifetime = Duration.ofSeconds(120);
        private Duration refreshLifetime = Duration.ofMinutes(30);
        private int cibaIntervalSeconds = 5;
        private KeyPair signingKeys;

        private Builder() {
        }

        /**
         * @param value the RSA key pair signing tokens (default: a new one per instance; give one to
         *     save the key generation in tests that start many fakes)
         * @return this builder
         */
        public Builder signingKeys(KeyPair value) {
            once("signingKeys");
            signingKeys = Objects.requireNonNull(value, "value");
            return this;
        }

        /**
         * @param id client id
         * @param secret its secret ({@code client_secret_basic})
         * @return this builder
         */
        public Builder client(String id, String secret) {
            once("client " + Objects.requireNonNull(id, "id"));
            clients.put(id, Optional.of(Objects.requireNonNull(secret, "secret")));
            return this;
        }

        /**
         * @param id a public client id (authenticated by PKCE only)
         * @return this builder
         */
        public Builder publicClient(String id) {
            once("client " + Objects.requireNonNull(id, "id"));
            clients.put(id, Optional.empty());
            return this;
        }

        /**
         * @param professional a professional who can log in
         * @return this builder
         */
        public Builder professional(SeededProfessional professional) {
            once("professional " + professional.idNat());
            professionals.put(professional.idNat(), professional);
            return this;
        }

        /**
         * @param value the clock for token lifetimes
         * @return this builder
         */
        public Builder clock(Clock value) {
            once("clock");
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * @param access access token lifetime
         * @param refresh refresh token lifetime
         * @return this builder
         */
        public Builder lifetimes(Duration access, Duration refresh) {
            once("lifetimes");
            accessLifetime = Objects.requireNonNull(access, "access");
            refreshLifetime = Objects.requireNonNull(refresh, "refresh");
            return this;
        }

        /**
         * @param seconds the CIBA polling interval announced (default 5)
         * @return this builder
         */
        public Builder cibaInterval(int seconds) {
            once("cibaInterval");
            cibaIntervalSeconds = seconds;
            return this;
        }

        /**
         * @return the started fake, listening on 127.0.0.1
         */
        public FakeProSanteConnect start() {
            if (clients.isEmpty()) {
                throw new IllegalStateException("register at least one client");
            }
            return new FakeProSanteConnect(this);
        }

        /**
         * @return the professionals seeded so far
         */
        List<SeededProfessional> seeded() {
            return List.copyOf(professionals.values());
        }
    }
}
