package fr.opendmp.auth.psc;

import com.fasterxml.jackson.databind.JsonNode;
import fr.opendmp.auth.psc.internal.Jwt;
import fr.opendmp.auth.psc.internal.AsyncCalls;
import fr.opendmp.auth.psc.internal.OAuthHttp;
import fr.opendmp.core.transport.RetryPolicy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import fr.opendmp.auth.psc.internal.Pkce;
import fr.opendmp.auth.tls.MutualTls;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import fr.opendmp.core.transport.internal.http.HttpCall;
import fr.opendmp.core.transport.internal.http.HttpExchange;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * A Pro Santé Connect client: discovery (on the non-standard wallet path), authorization code with
 * PKCE, CIBA in poll mode, refresh and userinfo. Immutable and thread-safe; every call has a
 * timeout and every answer a size limit. ID tokens are verified (RS256 with the realm's JWKS, issuer,
 * audience, expiry, nonce).
 *
 * <pre>{@code
 * PscClient psc = PscClient.builder().issuer(PscConfiguration.SANDBOX_ISSUER).clientId("my-lps")
 *         .clientSecret(secret).build();
 * CibaRequest push = psc.startCiba("899700366240", "A1B2");
 * PscTokens tokens = psc.awaitCiba(push, Thread::sleep);
 * }</pre>
 */
public final class PscClient {

    /** The scope asking for identity and practice data. */
    public static final String DEFAULT_SCOPE = "openid scope_all";
    /** The only authentication level PSC accepts today. */
    public static final String ACR = "eidas1";
    private static final String CIBA_GRANT = "urn:openid:params:grant-type:ciba";

    /** Waits between CIBA polls; {@code Thread::sleep} in production, a fake in tests. */
    @FunctionalInterface
    public interface Sleeper {
        /**
         * @param duration how long to wait
         * @throws InterruptedException if interrupted
         */
        void sleep(Duration duration) throws InterruptedException;
    }

    private final URI issuer;
    private final String clientId;
    private final Optional<String> clientSecret;
    private final String scope;
    private final Duration timeout;
    private final Duration clockSkew;
    private final Clock clock;
    private final HttpExchange http;
    private final Executor executor;
    private volatile PscConfiguration configuration;
    private volatile Map<String, PublicKey> keys;

    private PscClient(Builder b) {
        this.issuer = Objects.requireNonNull(b.issuer, "issuer");
        this.clientId = Objects.requireNonNull(b.clientId, "clientId");
        this.clientSecret = Optional.ofNullable(b.clientSecret);
        this.scope = b.scope != null ? b.scope : DEFAULT_SCOPE;
        this.timeout = b.timeout != null ? b.timeout : Duration.ofSeconds(10);
        this.clockSkew = Duration.ofSeconds(60);
        this.clock = b.clock != null ? b.clock : Clock.systemUTC();
        requireSecureUri(issuer);
        HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER);
        if (b.sslContext != null) {
            http.sslContext(b.sslContext).sslParameters(MutualTls.clientParameters());
        }
        this.http = OAuthHttp.exchange(http.build(), b.retryPolicy != null ? b.retryPolicy : RetryPolicy.defaults(),
                timeout, clock);
        this.executor = b.executor != null ? b.executor : AsyncCalls.defaultExecutor();
        this.configuration = b.configuration;
    }

    /**
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    private static void requireSecureUri(URI uri) {
        String host = uri.getHost();
        boolean loopback = "localhost".equals(host) || "127.0.0.1".equals(host) || "[::1]".equals(host);
        if (!"https".equals(uri.getScheme()) && !loopback) {
            throw new IllegalArgumentException("Pro Santé Connect must be reached over https: " + uri);
        }
    }

    /**
     * @return the realm's endpoints, read once from discovery
     * @throws PscException if discovery fails
     */
    public PscConfiguration configuration() {
        PscConfiguration current = configuration;
        if (current == null) {
            JsonNode doc = send(OAuthHttp.get(PscConfiguration.discoveryUri(issuer), Map.of()), "discovery");
            Optional<URI> ciba = Jwt.text(doc, "backchannel_authentication_endpoint").map(URI::create);
            current = new PscConfiguration(URI.create(required(doc, "issuer")),
                    URI.create(required(doc, "authorization_endpoint")), URI.create(required(doc, "token_endpoint")),
                    URI.create(required(doc, "userinfo_endpoint")), URI.create(required(doc, "jwks_uri")), ciba);
            if (!current.issuer().equals(issuer)) {
                throw new PscException(Optional.empty(), 200, false, "discovery names issuer " + current.issuer()
                        + " instead of " + issuer);
            }
            configuration = current;
        }
        return current;
    }

    /**
     * Starts an authorization-code flow with PKCE (S256), state and nonce.
     *
     * @param redirectUri the client's registered redirect URI
     * @return the URL to open and the secrets to keep for {@link #exchangeCode}
     */
    public AuthorizationRequest authorizationRequest(URI redirectUri) {
        Objects.requireNonNull(redirectUri, "redirectUri");
        String state = Pkce.randomToken();
        String nonce = Pkce.randomToken();
        String verifier = Pkce.randomToken();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", clientId);
        query.put("redirect_uri", redirectUri.toString());
        query.put("scope", scope);
        query.put("acr_values", ACR);
        query.put("state", state);
        query.put("nonce", nonce);
        query.put("code_challenge", Pkce.challenge(verifier));
        query.put("code_challenge_method", "S256");
        URI url = URI.create(configuration().authorizationEndpoint() + "?" + form(query));
        return new AuthorizationRequest(url, redirectUri, state, nonce, verifier);
    }

    /**
     * Finishes an authorization-code flow.
     *
     * @param request the started flow
     * @param code the {@code code} the redirect carried
     * @param returnedState the {@code state} the redirect carried
     * @return the verified tokens
     * @throws PscException if the state differs, the server refuses, or the ID token does not verify
     */
    public PscTokens exchangeCode(AuthorizationRequest request, String code, String returnedState) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(code, "code");
        if (!request.state().equals(returnedState)) {
            throw new PscException(Optional.of("invalid_state"), 0, false,
                    "the state returned by Pro Santé Connect does not match: possible CSRF, start again");
        }
        Map<String, String> body = new LinkedHashMap<>();
        body.put("grant_type", "authorization_code");
        body.put("code", code);
        body.put("redirect_uri", request.redirectUri().toString());
        body.put("code_verifier", request.codeVerifier());
        return tokens(postToken(body, "code exchange"), Optional.of(request.nonce()));
    }

    /**
     * Starts a CIBA authentication: the professional gets a push on the e-CPS app.
     *
     * @param loginHint the professional's IdNat_PS
     * @param bindingMessage a short code shown on both screens
     * @return the started request
     * @throws PscException if the realm has no CIBA endpoint or refuses
     */
    public CibaRequest startCiba(String loginHint, String bindingMessage) {
        Objects.requireNonNull(loginHint, "loginHint");
        Objects.requireNonNull(bindingMessage, "bindingMessage");
        URI endpoint = configuration().cibaEndpoint().orElseThrow(() -> new PscException(Optional.empty(), 0, false,
                "the realm advertises no backchannel_authentication_endpoint (CIBA)"));
        Map<String, String> body = new LinkedHashMap<>();
        body.put("login_hint", loginHint);
        body.put("scope", scope);
        body.put("binding_message", bindingMessage);
        body.put("acr_values", ACR);
        JsonNode answer = send(post(endpoint, body), "CIBA start");
        Instant now = clock.instant();
        return new CibaRequest(required(answer, "auth_req_id"),
                now.plusSeconds(answer.path("expires_in").asLong(120)),
                Duration.ofSeconds(Math.max(1, answer.path("interval").asLong(5))));
    }

    /**
     * Polls a CIBA request once.
     *
     * @param request the started request
     * @return pending, slow down (with the new interval) or granted
     * @throws PscException for {@code expired_token}, {@code access_denied} and other refusals
     */
    public CibaPoll pollCiba(CibaRequest request) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("grant_type", CIBA_GRANT);
        body.put("auth_req_id", request.authReqId());
        try {
            return new CibaPoll.Granted(tokens(postToken(body, "CIBA poll"), Optional.empty()));
        } catch (PscException e) {
            String error = e.error().orElse("");
            if ("authorization_pending".equals(error)) {
                return new CibaPoll.Pending();
            }
            if ("slow_down".equals(error)) {
                return new CibaPoll.SlowDown(request.withInterval(request.interval().plusSeconds(5)));
            }
            throw e;
        }
    }

    /**
     * Polls until the professional answers or the request expires.
     *
     * @param request the started request
     * @param sleeper how to wait between polls
     * @return the tokens
     * @throws PscException if refused or expired
     * @throws InterruptedException if interrupted while waiting
     */
    public PscTokens awaitCiba(CibaRequest request, Sleeper sleeper) throws InterruptedException {
        CibaRequest current = request;
        while (true) {
            if (!clock.instant().isBefore(current.expiresAt())) {
                throw new PscException(Optional.of("expired_token"), 0, false,
                        "the professional did not approve the e-CPS request in time: start again");
            }
            sleeper.sleep(current.interval());
            CibaPoll poll = pollCiba(current);
            if (poll instanceof CibaPoll.Granted granted) {
                return granted.tokens();
            }
            if (poll instanceof CibaPoll.SlowDown slowDown) {
                current = slowDown.next();
            }
        }
    }

    /**
     * Polls until the professional answers or the request expires, without holding a thread while
     * it waits: each poll is scheduled after the interval the server asked for.
     *
     * @param request the started request
     * @return the tokens, or a failed future with a {@link PscException} if refused or expired
     */
    public CompletableFuture<PscTokens> awaitCibaAsync(CibaRequest request) {
        if (!clock.instant().isBefore(request.expiresAt())) {
            return CompletableFuture.failedFuture(new PscException(Optional.of("expired_token"), 0, false,
                    "the professional did not approve the e-CPS request in time: start again"));
        }
        Executor later = CompletableFuture.delayedExecutor(request.interval().toMillis(), TimeUnit.MILLISECONDS,
                executor);
        return CompletableFuture.supplyAsync(() -> pollCiba(request), later).thenCompose(poll -> {
            if (poll instanceof CibaPoll.Granted granted) {
                return CompletableFuture.completedFuture(granted.tokens());
            }
            return awaitCibaAsync(poll instanceof CibaPoll.SlowDown slowDown ? slowDown.next() : request);
        });
    }

    /**
     * @param request the authorization request kept in the user's session
     * @param code the code the redirect carried
     * @param returnedState the state the redirect carried
     * @return {@link #exchangeCode(AuthorizationRequest, String, String)} asynchronously
     */
    public CompletableFuture<PscTokens> exchangeCodeAsync(AuthorizationRequest request, String code,
            String returnedState) {
        return AsyncCalls.run(() -> exchangeCode(request, code, returnedState), executor);
    }

    /**
     * @param loginHint the professional's national id
     * @param bindingMessage the short code shown on both screens
     * @return {@link #startCiba(String, String)} asynchronously
     */
    public CompletableFuture<CibaRequest> startCibaAsync(String loginHint, String bindingMessage) {
        return AsyncCalls.run(() -> startCiba(loginHint, bindingMessage), executor);
    }

    /**
     * @param tokens tokens with a refresh token
     * @return {@link #refresh(PscTokens)} asynchronously
     */
    public CompletableFuture<PscTokens> refreshAsync(PscTokens tokens) {
        return AsyncCalls.run(() -> refresh(tokens), executor);
    }

    /**
     * @param tokens valid tokens
     * @return {@link #userinfo(PscTokens)} asynchronously
     */
    public CompletableFuture<PsIdentity> userinfoAsync(PscTokens tokens) {
        return AsyncCalls.run(() -> userinfo(tokens), executor);
    }

    /**
     * @param tokens tokens with a refresh token
     * @return fresh tokens
     * @throws PscException if there is no refresh token or it is refused (session over: log in again)
     */
    public PscTokens refresh(PscTokens tokens) {
        String refreshToken = tokens.refreshToken().orElseThrow(() -> new PscException(Optional.of("invalid_grant"),
                0, false, "no refresh token: the professional must authenticate again"));
        Map<String, String> body = new LinkedHashMap<>();
        body.put("grant_type", "refresh_token");
        body.put("refresh_token", refreshToken);
        return tokens(postToken(body, "refresh"), Optional.empty());
    }

    /**
     * @param tokens valid tokens
     * @return the professional's identity from userinfo
     * @throws PscException if the token is refused
     */
    public PsIdentity userinfo(PscTokens tokens) {
        JsonNode info = send(OAuthHttp.get(configuration().userinfoEndpoint(),
                Map.of("Authorization", List.of("Bearer " + tokens.accessToken()))), "userinfo");
        List<PsIdentity.Exercice> exercices = new java.util.ArrayList<>();
        for (JsonNode e : info.path("SubjectRefPro").path("exercices")) {
            exercices.add(new PsIdentity.Exercice(e.path("codeProfession").asText(),
                    e.path("codeCategorieProfessionnelle").asText(),
                    Jwt.text(e, "codeTypeSavoirFaire").filter(s -> !s.isBlank()),
                    Jwt.text(e, "codeSavoirFaire").filter(s -> !s.isBlank())));
        }
        String id = Jwt.text(info, "SubjectNameID").or(() -> Jwt.text(info, "preferred_username"))
                .orElseThrow(() -> new PscException(Optional.empty(), 200, false, "userinfo has no SubjectNameID"));
        return new PsIdentity(id, info.path("given_name").asText(""), info.path("family_name").asText(""),
                Jwt.text(info, "Secteur_Activite"), exercices);
    }

    private PscTokens tokens(JsonNode answer, Optional<String> expectedNonce) {
        Instant now = clock.instant();
        String access = required(answer, "access_token");
        Optional<String> idToken = Jwt.text(answer, "id_token");
        idToken.ifPresent(token -> verifyIdToken(token, expectedNonce, now));
        Optional<Instant> refreshExpiry = answer.hasNonNull("refresh_expires_in")
                ? Optional.of(now.plusSeconds(answer.get("refresh_expires_in").asLong())) : Optional.empty();
        return new PscTokens(access, now.plusSeconds(answer.path("expires_in").asLong(60)),
                Jwt.text(answer, "refresh_token"), refreshExpiry, idToken);
    }

    private void verifyIdToken(String token, Optional<String> expectedNonce, Instant now) {
        Jwt.Parsed parsed;
        try {
            parsed = Jwt.parse(token);
        } catch (IllegalArgumentException e) {
            throw invalidIdToken("it is not a well-formed JWS");
        }
        if (!Jwt.verifyRs256(parsed, keys(false)) && !Jwt.verifyRs256(parsed, keys(true))) {
            throw invalidIdToken("its RS256 signature does not verify with the realm's keys");
        }
        JsonNode claims = parsed.claims();
        if (!issuer.toString().equals(claims.path("iss").asText())) {
            throw invalidIdToken("its issuer is not " + issuer);
        }
        JsonNode aud = claims.path("aud");
        boolean audienceOk = aud.isArray() ? java.util.stream.StreamSupport.stream(aud.spliterator(), false)
                .anyMatch(a -> clientId.equals(a.asText())) : clientId.equals(aud.asText());
        if (!audienceOk) {
            throw invalidIdToken("it is not addressed to client " + clientId);
        }
        if (Instant.ofEpochSecond(claims.path("exp").asLong(0)).plus(clockSkew).isBefore(now)) {
            throw invalidIdToken("it has expired");
        }
        if (expectedNonce.isPresent() && !expectedNonce.get().equals(claims.path("nonce").asText())) {
            throw invalidIdToken("its nonce does not match the request");
        }
    }

    private static PscException invalidIdToken(String why) {
        return new PscException(Optional.of("invalid_id_token"), 200, false, "the ID token is refused: " + why);
    }

    private Map<String, PublicKey> keys(boolean reload) {
        Map<String, PublicKey> current = keys;
        if (current == null || reload) {
            current = Jwt.rsaKeys(send(OAuthHttp.get(configuration().jwksUri(), Map.of()), "JWKS"));
            keys = current;
        }
        return current;
    }

    private JsonNode postToken(Map<String, String> body, String what) {
        return send(post(configuration().tokenEndpoint(), body), what);
    }

    private HttpCall post(URI endpoint, Map<String, String> body) {
        Map<String, String> form = new LinkedHashMap<>(body);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (clientSecret.isPresent()) {
            String basic = URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                    + URLEncoder.encode(clientSecret.get(), StandardCharsets.UTF_8);
            headers.put("Authorization", List.of("Basic "
                    + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8))));
        } else {
            form.put("client_id", clientId);
        }
        return OAuthHttp.post(endpoint, headers, form(form));
    }

    private JsonNode send(HttpCall call, String what) {
        return OAuthHttp.send(http, call, "Pro Santé Connect " + what, error -> "");
    }

    private static String required(JsonNode node, String name) {
        return Jwt.text(node, name).orElseThrow(() -> new PscException(Optional.empty(), 200, false,
                "the Pro Santé Connect answer lacks '" + name + "'"));
    }

    private static String form(Map<String, String> values) {
        return OAuthHttp.form(values);
    }

    @Override
    public String toString() {
        return "PscClient[" + issuer + ", client " + clientId + "]";
    }

    /** Builds a {@link PscClient}; each setting may be given once. Issuer and client id are required. */
    public static final class Builder {
        private URI issuer;
        private String clientId;
        private String clientSecret;
        private String scope;
        private Duration timeout;
        private Clock clock;
        private SSLContext sslContext;
        private PscConfiguration configuration;
        private RetryPolicy retryPolicy;

        private Executor executor;

        private Builder() {
        }

        /**
         * @param value where the async twins run (default: a bounded pool shared by the OAuth clients);
         *     never shut down by the client
         * @return this builder
         */
        public Builder executor(Executor value) {
            once(executor, "executor");
            executor = Objects.requireNonNull(value, "executor");
            return this;
        }

        /**
         * How the client retries its GETs (discovery, JWKS, userinfo); token requests are never
         * sent twice. A server's {@code Retry-After} longer than the policy's {@code maxRetryAfter}
         * ends the retries at once with a retryable error.
         *
         * @param value the retry policy (default {@link RetryPolicy#defaults()})
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy value) {
            once(retryPolicy, "retryPolicy");
            retryPolicy = Objects.requireNonNull(value, "retryPolicy");
            return this;
        }

        private static void once(Object current, String name) {
            if (current != null) {
                throw new IllegalStateException(name + " was already set");
            }
        }

        /**
         * @param value the realm issuer (https, or loopback for tests)
         * @return this builder
         */
        public Builder issuer(URI value) {
            once(issuer, "issuer");
            issuer = Objects.requireNonNull(value, "issuer");
            return this;
        }

        /**
         * @param value the registered client id
         * @return this builder
         */
        public Builder clientId(String value) {
            once(clientId, "clientId");
            clientId = Objects.requireNonNull(value, "clientId");
            return this;
        }

        /**
         * @param value the client secret ({@code client_secret_basic}); omit for mTLS clients
         * @return this builder
         */
        public Builder clientSecret(String value) {
            once(clientSecret, "clientSecret");
            clientSecret = Objects.requireNonNull(value, "clientSecret");
            return this;
        }

        /**
         * @param value the scope (default {@code openid scope_all})
         * @return this builder
         */
        public Builder scope(String value) {
            once(scope, "scope");
            scope = Objects.requireNonNull(value, "scope");
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

        /**
         * @param value the mTLS context ({@code tls_client_auth}, from {@link MutualTls})
         * @return this builder
         */
        public Builder sslContext(SSLContext value) {
            once(sslContext, "sslContext");
            sslContext = Objects.requireNonNull(value, "sslContext");
            return this;
        }

        /**
         * @param value fixed endpoints instead of discovery
         * @return this builder
         */
        public Builder configuration(PscConfiguration value) {
            once(configuration, "configuration");
            configuration = Objects.requireNonNull(value, "configuration");
            return this;
        }

        /**
         * @return the client
         */
        public PscClient build() {
            return new PscClient(this);
        }
    }
}
