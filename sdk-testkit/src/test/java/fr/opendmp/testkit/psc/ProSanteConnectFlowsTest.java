package fr.opendmp.testkit.psc;

import fr.opendmp.core.code.Code;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opendmp.auth.psc.AuthorizationRequest;
import fr.opendmp.auth.psc.CibaPoll;
import fr.opendmp.auth.psc.CibaRequest;
import fr.opendmp.auth.psc.PsIdentity;
import fr.opendmp.auth.psc.PscClient;
import fr.opendmp.auth.psc.PscConfiguration;
import fr.opendmp.auth.psc.PscException;
import fr.opendmp.auth.psc.PscSession;
import fr.opendmp.auth.psc.PscTokens;
import fr.opendmp.core.party.Professional;
import fr.opendmp.testkit.ca.MutableClock;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProSanteConnectFlowsTest {

    static final String DOCTOR = "899700366240";
    static final URI REDIRECT = URI.create("http://127.0.0.1/callback");

    static final java.security.KeyPair SIGNING_KEYS = rsa();

    MutableClock clock;
    FakeProSanteConnect psc;
    PscClient client;
    List<Duration> waits;

    @BeforeEach
    void start() {
        clock = MutableClock.now();
        psc = FakeProSanteConnect.builder().client("opendmp-lps", "client-secret").publicClient("opendmp-desktop")
                .professional(SeededProfessional.generalPractitioner(DOCTOR, "Paul", "TEST"))
                .clock(clock).signingKeys(SIGNING_KEYS).start();
        client = PscClient.builder().issuer(psc.issuer()).clientId("opendmp-lps").clientSecret("client-secret")
                .clock(clock).timeout(Duration.ofSeconds(5)).build();
        waits = new ArrayList<>();
    }

    static java.security.KeyPair rsa() {
        try {
            var generator = java.security.KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void stop() {
        psc.close();
    }

    PscClient.Sleeper recordingSleeper() {
        return duration -> {
            waits.add(duration);
            clock.advance(duration);
        };
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> values = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            values.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    @Test
    void discoveryIsReadFromTheWalletPath() {
        PscConfiguration configuration = client.configuration();

        assertThat(PscConfiguration.discoveryUri(psc.issuer()).getPath())
                .endsWith("/auth/realms/esante-wallet/.well-known/wallet-openid-configuration");
        assertThat(configuration.tokenEndpoint().toString()).endsWith("/protocol/openid-connect/token");
        assertThat(configuration.cibaEndpoint()).isPresent();
    }

    @Test
    void authorizationCodeWithPkceGivesVerifiedTokensAndTheIdentity() {
        AuthorizationRequest request = client.authorizationRequest(REDIRECT);
        Map<String, String> sent = query(request.url());
        assertThat(sent).containsEntry("code_challenge_method", "S256").containsEntry("acr_values", "eidas1")
                .containsEntry("scope", "openid scope_all").containsKeys("state", "nonce", "code_challenge");
        assertThat(sent.get("code_challenge")).isNotEqualTo(request.codeVerifier());

        Map<String, String> redirect = query(psc.login(request.url(), DOCTOR));
        PscTokens tokens = client.exchangeCode(request, redirect.get("code"), redirect.get("state"));

        assertThat(tokens.idToken()).isPresent();
        assertThat(tokens.expiresAt()).isEqualTo(clock.instant().plusSeconds(120));
        assertThat(tokens.toString()).doesNotContain(tokens.accessToken());
        PsIdentity identity = client.userinfo(tokens);
        assertThat(identity.nationalId()).isEqualTo(DOCTOR);
        assertThat(identity.exercices()).extracting(PsIdentity.Exercice::key).containsExactly("10C");
        Professional professional = identity.toProfessional("10C");
        assertThat(professional.profession().map(Code::code)).contains("10");
        assertThat(professional.specialty().map(Code::code)).contains("SM26");
    }

    @Test
    void publicClientCompletesTheFlowWithPkceAlone() {
        PscClient desktop = PscClient.builder().issuer(psc.issuer()).clientId("opendmp-desktop").clock(clock).build();
        AuthorizationRequest request = desktop.authorizationRequest(REDIRECT);
        Map<String, String> redirect = query(psc.login(request.url(), DOCTOR));

        assertThat(desktop.exchangeCode(request, redirect.get("code"), redirect.get("state")).accessToken()).isNotBlank();
    }

    @Test
    void wrongPkceVerifierIsRefusedAsInvalidGrant() {
        AuthorizationRequest request = client.authorizationRequest(REDIRECT);
        Map<String, String> redirect = query(psc.login(request.url(), DOCTOR));
        AuthorizationRequest forged = new AuthorizationRequest(request.url(), request.redirectUri(), request.state(),
                request.nonce(), "another-verifier-another-verifier-xx");

        assertThatThrownBy(() -> client.exchangeCode(forged, redirect.get("code"), redirect.get("state")))
                .isInstanceOfSatisfying(PscException.class, e -> {
                    assertThat(e.error()).contains("invalid_grant");
                    assertThat(e.retryable()).isFalse();
                });
    }

    @Test
    void stateMismatchIsRefusedBeforeAnyTokenRequest() {
        AuthorizationRequest request = client.authorizationRequest(REDIRECT);
        Map<String, String> redirect = query(psc.login(request.url(), DOCTOR));

        assertThatThrownBy(() -> client.exchangeCode(request, redirect.get("code"), "forged-state"))
                .isInstanceOfSatisfying(PscException.class, e -> assertThat(e.error()).contains("invalid_state"));
        assertThat(psc.tokenRequests()).isZero();
    }

    @Test
    void wrongClientSecretIsInvalidClient() {
        PscClient wrong = PscClient.builder().issuer(psc.issuer()).clientId("opendmp-lps").clientSecret("nope")
                .clock(clock).build();

        assertThatThrownBy(() -> wrong.startCiba(DOCTOR, "A1B2"))
                .isInstanceOfSatisfying(PscException.class, e -> {
                    assertThat(e.error()).contains("invalid_client");
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.getMessage()).doesNotContain("nope");
                });
    }

    @Test
    void cibaIsPendingForThreePollsThenGranted() throws Exception {
        psc.cibaScenario(DOCTOR, CibaScenario.approveAfter(3));
        CibaRequest request = client.startCiba(DOCTOR, "A1B2");

        PscTokens tokens = client.awaitCiba(request, recordingSleeper());

        assertThat(tokens.accessToken()).isNotBlank();
        assertThat(waits).hasSize(4).allMatch(d -> d.equals(Duration.ofSeconds(5)));
        assertThat(client.userinfo(tokens).nationalId()).isEqualTo(DOCTOR);
    }

    @Test
    void cibaAwaitedAsynchronouslyPollsOnTheServersIntervalUntilGranted() throws Exception {
        try (FakeProSanteConnect quick = FakeProSanteConnect.builder().client("opendmp-lps", "client-secret")
                .professional(SeededProfessional.generalPractitioner(DOCTOR, "Paul", "TEST")).cibaInterval(0)
                .clock(clock).signingKeys(SIGNING_KEYS).start()) {
            PscClient async = PscClient.builder().issuer(quick.issuer()).clientId("opendmp-lps")
                    .clientSecret("client-secret").clock(clock).timeout(Duration.ofSeconds(5)).build();
            quick.cibaScenario(DOCTOR, CibaScenario.approveAfter(3));
            PscTokens tokens = async.startCibaAsync(DOCTOR, "A1B2").thenCompose(async::awaitCibaAsync)
                    .get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(tokens.accessToken()).isNotBlank();
            assertThat(async.userinfoAsync(tokens).get(10, java.util.concurrent.TimeUnit.SECONDS).nationalId())
                    .isEqualTo(DOCTOR);
        }
    }

    @Test
    void singlePollsReportPendingThenGranted() {
        psc.cibaScenario(DOCTOR, CibaScenario.approveAfter(1));
        CibaRequest request = client.startCiba(DOCTOR, "A1B2");

        assertThat(client.pollCiba(request)).isInstanceOf(CibaPoll.Pending.class);
        assertThat(client.pollCiba(request)).isInstanceOf(CibaPoll.Granted.class);
    }

    @Test
    void cibaSlowDownIncreasesTheInterval() throws Exception {
        psc.cibaScenario(DOCTOR, CibaScenario.slowDownThenApprove(2));
        CibaRequest request = client.startCiba(DOCTOR, "A1B2");

        client.awaitCiba(request, recordingSleeper());

        assertThat(waits).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(15));
    }

    @Test
    void cibaDeniedByTheProfessionalIsAccessDenied() {
        psc.cibaScenario(DOCTOR, CibaScenario.denyAfter(1));
        CibaRequest request = client.startCiba(DOCTOR, "A1B2");

        assertThatThrownBy(() -> client.awaitCiba(request, recordingSleeper()))
                .isInstanceOfSatisfying(PscException.class, e -> assertThat(e.error()).contains("access_denied"));
    }

    @Test
    void cibaExpiredOnTheServerIsExpiredToken() {
        psc.cibaScenario(DOCTOR, CibaScenario.expireAfter(0));
        CibaRequest request = client.startCiba(DOCTOR, "A1B2");

        assertThatThrownBy(() -> client.awaitCiba(request, recordingSleeper()))
                .isInstanceOfSatisfying(PscException.class, e -> assertThat(e.error()).contains("expired_token"));
    }

    @Test
    void cibaNeverApprovedStopsAtTheRequestExpiry() {
        psc.cibaScenario(DOCTOR, CibaScenario.approveAfter(1000));
        CibaRequest request = client.startCiba(DOCTOR, "A1B2");

        assertThatThrownBy(() -> client.awaitCiba(request, recordingSleeper()))
                .isInstanceOfSatisfying(PscException.class, e -> assertThat(e.error()).contains("expired_token"));
        assertThat(waits.size()).isBetween(20, 30);
    }

    @Test
    void cibaForAnUnknownProfessionalIsRefused() {
        assertThatThrownBy(() -> client.startCiba("899999999999", "A1B2"))
                .isInstanceOfSatisfying(PscException.class, e -> assertThat(e.error()).contains("unknown_user_id"));
    }

    @Test
    void sessionRefreshesTheAccessTokenShortlyBeforeItExpires() throws Exception {
        psc.cibaScenario(DOCTOR, CibaScenario.approveAfter(0));
        PscTokens first = client.awaitCiba(client.startCiba(DOCTOR, "A1B2"), recordingSleeper());
        PscSession session = new PscSession(client, first, clock, Duration.ofSeconds(20));

        assertThat(session.accessToken()).isEqualTo(first.accessToken());
        clock.advance(Duration.ofSeconds(90));
        assertThat(session.accessToken()).isEqualTo(first.accessToken());
        clock.advance(Duration.ofSeconds(15));
        String refreshed = session.accessToken();

        assertThat(refreshed).isNotEqualTo(first.accessToken());
        assertThat(client.userinfo(session.tokens()).nationalId()).isEqualTo(DOCTOR);
    }

    @Test
    void expiredRefreshTokenMeansLoggingInAgain() throws Exception {
        psc.cibaScenario(DOCTOR, CibaScenario.approveAfter(0));
        PscTokens tokens = client.awaitCiba(client.startCiba(DOCTOR, "A1B2"), recordingSleeper());
        clock.advance(Duration.ofMinutes(31));

        assertThatThrownBy(() -> client.refresh(tokens))
                .isInstanceOfSatisfying(PscException.class, e -> assertThat(e.error()).contains("invalid_grant"));
    }

    @Test
    void expiredAccessTokenIsRefusedByUserinfo() throws Exception {
        psc.cibaScenario(DOCTOR, CibaScenario.approveAfter(0));
        PscTokens tokens = client.awaitCiba(client.startCiba(DOCTOR, "A1B2"), recordingSleeper());
        clock.advance(Duration.ofSeconds(121));

        assertThatThrownBy(() -> client.userinfo(tokens))
                .isInstanceOfSatisfying(PscException.class, e -> assertThat(e.status()).isEqualTo(401));
    }

    @Test
    void idTokenFromAnotherIssuerIsRefused() {
        try (FakeProSanteConnect other = FakeProSanteConnect.builder().client("opendmp-lps", "client-secret")
                .professional(SeededProfessional.generalPractitioner(DOCTOR, "Paul", "TEST")).clock(clock).start()) {
            // endpoints of the real realm, except the token endpoint of another realm (other keys, other iss)
            PscConfiguration real = client.configuration();
            PscConfiguration mixed = new PscConfiguration(real.issuer(), real.authorizationEndpoint(),
                    URI.create(other.issuer() + "/protocol/openid-connect/token"), real.userinfoEndpoint(),
                    real.jwksUri(), java.util.Optional.of(URI.create(other.issuer()
                            + "/protocol/openid-connect/ext/ciba/auth")));
            PscClient confused = PscClient.builder().issuer(psc.issuer()).clientId("opendmp-lps")
                    .clientSecret("client-secret").configuration(mixed).clock(clock).build();
            other.cibaScenario(DOCTOR, CibaScenario.approveAfter(0));

            assertThatThrownBy(() -> confused.awaitCiba(confused.startCiba(DOCTOR, "A1B2"), recordingSleeper()))
                    .isInstanceOfSatisfying(PscException.class,
                            e -> assertThat(e.error()).contains("invalid_id_token"));
        }
    }

    @Test
    void introspectionSaysActiveUntilTheAccessTokenExpires() throws Exception {
        psc.cibaScenario(DOCTOR, CibaScenario.approveAfter(0));
        PscTokens tokens = client.awaitCiba(client.startCiba(DOCTOR, "A1B2"), recordingSleeper());
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.util.function.Supplier<String> introspect = () -> {
            try {
                return http.send(java.net.http.HttpRequest.newBuilder(
                        URI.create(psc.issuer() + "/protocol/openid-connect/token/introspect"))
                        .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                                .encodeToString("opendmp-lps:client-secret".getBytes(StandardCharsets.UTF_8)))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("token=" + tokens.accessToken()))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };

        assertThat(introspect.get()).contains("\"active\":true").contains(DOCTOR);
        clock.advance(Duration.ofSeconds(121));
        assertThat(introspect.get()).contains("\"active\":false");
    }

    @Test
    void discoveryNamingAnotherIssuerIsRefused() {
        // same discovery document, but the configured issuer differs (OIDC compares issuers exactly)
        PscClient wrongIssuer = PscClient.builder().issuer(URI.create(psc.issuer() + "/")).clientId("opendmp-lps")
                .build();

        assertThatThrownBy(wrongIssuer::configuration).isInstanceOf(PscException.class)
                .hasMessageContaining("instead of");
    }

    @Test
    void plainHttpIsRefusedForANonLoopbackIssuer() {
        assertThatThrownBy(() -> PscClient.builder().issuer(URI.create("http://psc.example/auth/realms/x"))
                .clientId("c").build()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https");
    }
}
