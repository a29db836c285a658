package fr.opendmp.testkit.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import fr.opendmp.auth.keys.KeyMaterial;
import fr.opendmp.auth.keys.KeyMaterialException;
import fr.opendmp.auth.keys.TrustAnchors;
import fr.opendmp.auth.tls.MutualTls;
import fr.opendmp.testkit.ca.CertificateProfile;
import fr.opendmp.testkit.ca.IssuedCertificate;
import fr.opendmp.testkit.ca.TestCa;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MutualTlsHandshakeTest {

    static TestCa ca;
    static TestCa foreign;
    static IssuedCertificate authCli;
    static HttpsServer server;
    static int port;

    @BeforeAll
    static void startServer() throws Exception {
        ca = TestCa.create("OpenDMP TEST IGC Santé");
        foreign = TestCa.create("Foreign CA");
        authCli = ca.structureAuthClient("10B0167011", "Centre Hospitalier de Test");
        server = start(ca.server());
        port = server.getAddress().getPort();
    }

    static HttpsServer start(IssuedCertificate serverCert) throws Exception {
        char[] password = "server".toCharArray();
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(serverCert.pkcs12(password), password);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("root", ca.root());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(trust);
        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);

        HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(serverContext) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters parameters = serverContext.getDefaultSSLParameters();
                parameters.setNeedClientAuth(true);
                params.setSSLParameters(parameters);
            }
        });
        https.createContext("/", exchange -> {
            X509Certificate client = (X509Certificate) ((HttpsExchange) exchange).getSSLSession()
                    .getPeerCertificates()[0];
            byte[] body = client.getSubjectX500Principal().getName().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        https.start();
        return https;
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
    }

    static HttpResponse<String> call(SSLContext context, String host) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().sslContext(context).sslParameters(MutualTls.clientParameters())
                .connectTimeout(Duration.ofSeconds(5)).build();
        return client.send(HttpRequest.newBuilder(URI.create("https://" + host + ":" + port + "/"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static SSLContext context(KeyMaterial key, X509Certificate trustedRoot) {
        return MutualTls.builder().clientKey(key).trust(TrustAnchors.of(List.of(trustedRoot))).build();
    }

    @Test
    void handshakeSucceedsAndTheServerSeesTheStructureCertificate() throws Exception {
        HttpResponse<String> response = call(context(authCli.keyMaterial(), ca.root()), "localhost");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("OU=10B0167011").contains("CN=DMP AUTH_CLI");
    }

    @Test
    void serverIsRefusedWhenTheClientTrustsAnotherCa() {
        assertThatThrownBy(() -> call(context(authCli.keyMaterial(), foreign.root()), "localhost"))
                .isInstanceOf(IOException.class);
    }

    @Test
    void clientCertificateFromAForeignCaIsRefusedByTheServer() {
        IssuedCertificate foreignClient = foreign.structureAuthClient("10B0167011", "Centre Hospitalier de Test");

        assertThatThrownBy(() -> call(context(foreignClient.keyMaterial(), ca.root()), "localhost"))
                .isInstanceOf(IOException.class);
    }

    @Test
    void serverCertificateForAnotherHostIsRefusedByHostnameVerification() throws Exception {
        HttpsServer elsewhere = start(ca.issue(CertificateProfile.SERVER).hosts("dmp.example").issue());
        try {
            HttpClient client = HttpClient.newBuilder().sslContext(context(authCli.keyMaterial(), ca.root()))
                    .sslParameters(MutualTls.clientParameters()).connectTimeout(Duration.ofSeconds(5)).build();
            URI uri = URI.create("https://localhost:" + elsewhere.getAddress().getPort() + "/");

            assertThatThrownBy(() -> client.send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(SSLHandshakeException.class)
                    .hasMessageContaining("localhost");
        } finally {
            elsewhere.stop(0);
        }
    }

    @Test
    void serverIsReachedByItsIpAddressSubjectAlternativeName() throws Exception {
        assertThat(call(context(authCli.keyMaterial(), ca.root()), "127.0.0.1").statusCode()).isEqualTo(200);
    }

    @Test
    void expiredClientCertificateIsRefusedWhenTheContextIsBuilt() {
        KeyMaterial expired = ca.issue(CertificateProfile.ORG_AUTH_CLI).expired().issue().keyMaterial();

        assertThatThrownBy(() -> context(expired, ca.root()))
                .isInstanceOfSatisfying(KeyMaterialException.class,
                        e -> assertThat(e.reason()).isEqualTo(KeyMaterialException.Reason.CERTIFICATE_EXPIRED));
    }

    @Test
    void thereIsNoContextWithoutTrustAnchors() {
        assertThatThrownBy(() -> MutualTls.builder().clientKey(authCli.keyMaterial()).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no trust-all");
    }

    @Test
    void clientParametersAllowOnlyTls12AndAboveWithHostnameVerification() {
        SSLParameters parameters = MutualTls.clientParameters();

        assertThat(parameters.getProtocols()).containsExactlyInAnyOrder("TLSv1.3", "TLSv1.2");
        assertThat(parameters.getEndpointIdentificationAlgorithm()).isEqualTo("HTTPS");
    }
}
