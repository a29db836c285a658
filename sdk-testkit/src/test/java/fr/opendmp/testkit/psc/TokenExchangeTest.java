package fr.opendmp.testkit.psc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opendmp.auth.keys.TrustAnchors;
import fr.opendmp.auth.provider.AuthCredentialsProvider;
import fr.opendmp.auth.provider.BearerTokenPlacement;
import fr.opendmp.auth.provider.CredentialSource;
import fr.opendmp.auth.psc.ApiToken;
import fr.opendmp.auth.psc.ApiTokenSession;
import fr.opendmp.auth.psc.PscClient;
import fr.opendmp.auth.psc.PscException;
import fr.opendmp.auth.psc.PscSession;
import fr.opendmp.auth.psc.PscTokens;
import fr.opendmp.auth.psc.TokenExchangeClient;
import fr.opendmp.auth.tls.MutualTls;
import fr.opendmp.core.access.AccessContext;
import fr.opendmp.core.credentials.CredentialRequest;
import fr.opendmp.core.credentials.CredentialsProvider;
import fr.opendmp.core.ins.Ins;
import fr.opendmp.testkit.auth.SignedTestCredentials;
import fr.opendmp.testkit.ca.IssuedCertificate;
import fr.opendmp.testkit.ca.MutableClock;
import fr.opendmp.testkit.ca.TestCa;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RFC 8693 token exchange over mTLS (ANS "API Pro Santé Connectées" guide) against the fake PSC and the fake authorization server. */
class TokenExchangeTest {

    static final String DOCTOR = "899700366240";
    // Certificates and keys are slow to make: one CA, one set of credentials and one clock per class
    // (each test only moves the clock forward).
    static TestCa ca;
    static TestCa foreign;
    static MutableClock clock;
    static SignedTestCredentials tls;

    FakeProSanteConnect psc;
    FakeApiAuthorizationServer as;
    PscClient pscClient;

    @BeforeAll
    static void authorities() {
        ca = TestCa.create("OpenDMP TEST IGC Santé");
        foreign = TestCa.create("Foreign CA");
        clock = MutableClock.now();
        tls = SignedTestCredentials.create(ca, clock);
    }

    @BeforeEach
    void start() {
        psc = FakeProSanteConnect.builder().client("opendmp-lps", "client-secret")
                .professional(SeededProfessional.generalPractitioner(DOCTOR, "Paul", "TEST")).clock(clock)
                .signingKeys(ProSanteConnectFlowsTest.SIGNING_KEYS).start();
        as = FakeApiAuthorizationServer.builder().proSanteConnect(psc).tls(tls).clock(clock)
                .signingKeys(ProSanteConnectFlowsTest.SIGNING_KEYS)
                .tokenLifetime(Duration.ofMinutes(10)).scopes(Set.of("dmp", "insi")).start();
        pscClient = PscClient.builder().issuer(psc.issuer()).clientId("opendmp-lps").clientSecret("client-secret")
                .clock(clock).timeout(Duration.ofSeconds(5)).build();
    }

    @AfterEach
    void stop() {
        as.close();
        psc.close();
    }

    PscTokens cibaTokens() throws InterruptedException {
        return pscClient.awaitCiba(pscClient.startCiba(DOCTOR, "A1B2"), clock::advance);
    }

    TokenExchangeClient.Builder exchange(SSLContext context) {
        return TokenExchangeClient.builder().tokenEndpoint(as.tokenEndpoint()).sslContext(context)
                .subjectIssuer("psc").timeout(Duration.ofSeconds(5)).clock(clock);
    }

    @Test
    void aPscTokenIsExchangedOverMutualTlsForAnApiTokenBoundToTheClientCertificate() throws Exception {
        PscTokens tokens = cibaTokens();
        TokenExchangeClient client = exchange(tls.clientSslContext())
                .clientCertificate(tls.tlsClient().certificate()).scope("dmp").build();

        ApiToken token = client.exchange(tokens.accessToken());

        String thumbprint = TokenExchangeClient.thumbprint(tls.tlsClient().certificate());
        assertThat(token.certificateThumbprint()).contains(thumbprint);
        assertThat(token.scope()).contains("dmp");
        assertThat(token.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(10)));
        assertThat(as.verify(token.accessToken(), tls.tlsClient().certificate())).contains(DOCTOR);
        assertThat(as.verify(token.accessToken(), tls.signing().certificate()))
                .as("presented with another certificate").isEmpty();
        assertThat(token.toString()).doesNotContain(token.accessToken()).contains("bound");
    }

    @Test
    void anExpiredPscTokenIsRefusedWithInvalidGrantAndTheErrorSaysToAuthenticateAgain() throws Exception {
        PscTokens tokens = cibaTokens();
        clock.advance(Duration.ofMinutes(3));
        TokenExchangeClient client = exchange(tls.clientSslContext()).scope("dmp").build();

        assertThatThrownBy(() -> client.exchange(tokens.accessToken()))
                .isInstanceOfSatisfying(PscException.class, e -> {
                    assertThat(e.error()).contains("invalid_grant");
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains("authenticate the professional again")
                            .doesNotContain(tokens.accessToken());
                });
        assertThat(as.grantedExchanges()).isZero();
    }

    @Test
    void aClientCertificateFromAnotherCaFailsTheHandshakeAndNothingIsGranted() throws Exception {
        PscTokens tokens = cibaTokens();
        IssuedCertificate stranger = foreign.structureAuthClient("10B0167011", "Structure étrangère");
        SSLContext strangerContext = MutualTls.builder().clientKey(stranger.keyMaterial())
                .trust(TrustAnchors.of(List.of(ca.root()))).clock(clock).build();

        assertThatThrownBy(() -> exchange(strangerContext).scope("dmp").build().exchange(tokens.accessToken()))
                .isInstanceOf(PscException.class).hasMessageContaining("token exchange failed");
        assertThat(as.grantedExchanges()).isZero();
    }

    @Test
    void aScopeTheServerDoesNotGrantIsRefusedWithInvalidScope() throws Exception {
        PscTokens tokens = cibaTokens();

        assertThatThrownBy(() -> exchange(tls.clientSslContext()).scope("dmp admin").build()
                .exchange(tokens.accessToken()))
                .isInstanceOfSatisfying(PscException.class, e -> assertThat(e.error()).contains("invalid_scope"));
    }

    @Test
    void theBuilderRefusesPlainHttpAMissingTlsContextAndASettingGivenTwice() {
        assertThatThrownBy(() -> TokenExchangeClient.builder().tokenEndpoint(URI.create("http://localhost/token"))
                .sslContext(tls.clientSslContext()).scope("dmp").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https");
        assertThatThrownBy(() -> TokenExchangeClient.builder().tokenEndpoint(as.tokenEndpoint()).scope("dmp").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("mTLS");
        assertThatThrownBy(() -> TokenExchangeClient.builder().scope("dmp").scope("insi"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("scope");
    }

    @Test
    void anApiTokenSessionExchangesOnceThenAgainOnlyNearExpiryRefreshingThePscTokenOnTheWay() throws Exception {
        PscSession session = new PscSession(pscClient, cibaTokens(), clock, Duration.ofSeconds(20));
        ApiTokenSession api = new ApiTokenSession(session, exchange(tls.clientSslContext()).scope("dmp").build(),
                clock, Duration.ofSeconds(30));

        String first = api.accessToken();
        clock.advance(Duration.ofMinutes(5));
        assertThat(api.accessToken()).isEqualTo(first);
        assertThat(as.grantedExchanges()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(5));
        String second = api.accessToken();

        assertThat(second).isNotEqualTo(first);
        assertThat(as.grantedExchanges()).isEqualTo(2);
        assertThat(api.toString()).doesNotContain(second);
    }

    @Test
    void theProviderSendsTheApiTokenAsBearerWithTheSameMutualTlsContext() throws Exception {
        PscSession session = new PscSession(pscClient, cibaTokens(), clock, Duration.ofSeconds(20));
        SSLContext context = tls.clientSslContext();
        ApiTokenSession api = new ApiTokenSession(session, exchange(context).scope("dmp").build(), clock,
                Duration.ofSeconds(30));
        CredentialsProvider provider = AuthCredentialsProvider.builder().sslContext(context)
                .source(CredentialSource.apiToken(api)).placement(new BearerTokenPlacement()).build();

        Map<String, List<String>> headers = provider.headers(CredentialRequest.dmp(Ins.nir("279119913400976"),
                AccessContext.normal()));

        assertThat(provider.sslContext()).containsSame(context);
        String bearer = headers.get("Authorization").get(0);
        assertThat(bearer).startsWith("Bearer ");
        assertThat(as.verify(bearer.substring(7), tls.tlsClient().certificate())).contains(DOCTOR);
    }
}
