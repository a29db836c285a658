package fr.opendmp.testkit.insi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opendmp.auth.keys.TrustAnchors;
import fr.opendmp.auth.tls.MutualTls;
import fr.opendmp.core.credentials.CredentialsProvider;
import fr.opendmp.core.insi.InsiClient;
import fr.opendmp.core.insi.InsiResult;
import fr.opendmp.testkit.ca.TestCa;
import fr.opendmp.testkit.dmp.AuthMode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fake INSi verifies by default: HTTPS with a client certificate from the test CA. */
class FakeInsiAuthTest {
    private static final String BARE = "<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\">"
            + "<soap:Body><RECSANSVITALE xmlns=\"http://www.cnamts.fr/INSiRecSans\"/></soap:Body></soap:Envelope>";

    private static FakeInsi fake;

    @BeforeAll
    static void start() {
        fake = FakeInsi.builder().start();
    }

    @AfterAll
    static void stop() {
        fake.close();
    }

    private static InsiClient client(CredentialsProvider credentials) {
        return InsiClient.builder().endpoint(fake.baseUri()).credentials(credentials)
                .software("OpenDMP-tests", "0.1", "TEST-AUTH-42").emitter("structure-test").maxRetries(0)
                .requestTimeout(Duration.ofSeconds(5)).build();
    }

    private static HttpRequest bareRequest() {
        return HttpRequest.newBuilder(fake.baseUri()).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/soap+xml").POST(HttpRequest.BodyPublishers.ofString(BARE)).build();
    }

    @Test
    void verifyIsTheDefaultAndServesHttpsOnLocalhost() {
        assertThat(fake.auth()).isEqualTo(AuthMode.VERIFY);
        assertThat(fake.baseUri().toString()).startsWith("https://localhost:").endsWith("/insi");
        assertThat(fake.credentials().sslContext()).isPresent();
    }

    @Test
    void insiClientWithTheFakesCredentialsFindsAnIdentityOverMutualTls() {
        try (InsiClient client = client(fake.credentials())) {
            InsiResult r = client.searchByTraits(FakeInsiPopulation.ORDINARY.traits());
            assertThat(r).isInstanceOf(InsiResult.Found.class);
        }
    }

    @Test
    void aConnectionWithoutClientCertificateIsRefusedAtTheHandshake() throws Exception {
        SSLContext trustOnly = SSLContext.getInstance("TLS");
        var tmf = javax.net.ssl.TrustManagerFactory.getInstance("PKIX");
        tmf.init(TrustAnchors.of(List.of(fake.tls().orElseThrow().ca().root())).toKeyStore());
        trustOnly.init(null, tmf.getTrustManagers(), null);
        HttpClient noCert = HttpClient.newBuilder().sslContext(trustOnly).connectTimeout(Duration.ofSeconds(5)).build();
        int before = fake.requestCount();
        assertThatThrownBy(() -> noCert.send(bareRequest(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
        assertThat(fake.requestCount()).isEqualTo(before);
    }

    @Test
    void aClientCertificateFromAnotherCaIsRefusedAtTheHandshakeAndTheClientFailsTyped() {
        TestCa foreign = TestCa.create("Foreign CA");
        SSLContext foreignClient = MutualTls.builder()
                .clientKey(foreign.structureAuthClient("10B0167011", "Ailleurs").keyMaterial())
                .trust(TrustAnchors.of(List.of(fake.tls().orElseThrow().ca().root()))).build();
        int before = fake.requestCount();
        try (InsiClient client = client(new CredentialsProvider() {
            @Override
            public java.util.Optional<SSLContext> sslContext() {
                return java.util.Optional.of(foreignClient);
            }

            @Override
            public java.util.Map<String, List<String>> headers(fr.opendmp.core.credentials.CredentialRequest request) {
                return java.util.Map.of();
            }
        })) {
            assertThatThrownBy(() -> client.searchByTraits(FakeInsiPopulation.ORDINARY.traits()))
                    .isInstanceOfSatisfying(fr.opendmp.core.error.TransportException.class,
                            e -> assertThat(e.side()).isEqualTo(fr.opendmp.core.error.DmpException.Side.CLIENT));
        }
        assertThat(fake.requestCount()).isEqualTo(before);
    }

    @Test
    void offModeServesPlainHttpWithoutAnyCheck() throws Exception {
        try (FakeInsi off = FakeInsi.builder().auth(AuthMode.OFF).start()) {
            assertThat(off.baseUri().toString()).startsWith("http://127.0.0.1:");
            assertThat(off.credentials().sslContext()).isEmpty();
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(off.baseUri())
                    .header("Content-Type", "application/soap+xml").POST(HttpRequest.BodyPublishers.ofString(BARE))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(400);
        }
    }
}
