package fr.opendmp.testkit.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import fr.opendmp.auth.provider.SamlHeaderPlacement;
import fr.opendmp.auth.tls.MutualTls;
import fr.opendmp.core.access.AccessContext;
import fr.opendmp.core.credentials.CredentialRequest;
import fr.opendmp.core.credentials.CredentialsProvider;
import fr.opendmp.testkit.ca.MutableClock;
import fr.opendmp.testkit.ca.TestCa;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.Test;

class SignedTestCredentialsTest {

    @Test
    void clientWithTheProviderPassesTlsAndVihfChecksOfAServerBuiltFromTheSameCredentials() throws Exception {
        MutableClock clock = MutableClock.now();
        SignedTestCredentials credentials = SignedTestCredentials.create(TestCa.create("OpenDMP TEST IGC Santé"), clock);
        CredentialsProvider provider = credentials.provider(SamlHeaderPlacement.iheSaml());
        VihfVerifier verifier = credentials.verifier();
        SSLContext serverContext = credentials.serverSslContext();
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters parameters = serverContext.getDefaultSSLParameters();
                parameters.setNeedClientAuth(true);
                params.setSSLParameters(parameters);
            }
        });
        server.createContext("/", exchange -> {
            X509Certificate tls = (X509Certificate) ((HttpsExchange) exchange).getSSLSession().getPeerCertificates()[0];
            String header = exchange.getRequestHeaders().getFirst("Authorization");
            byte[] xml = Base64.getDecoder().decode(header.substring("IHE-SAML ".length()));
            VihfVerification result = verifier.verify(xml, Optional.of(tls),
                    Optional.of(VihfVerifierTest.PATIENT.cx()));
            byte[] body = (result.accepted() ? "accepted" : result.toString()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(result.accepted() ? 200 : 401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            HttpClient client = HttpClient.newBuilder().sslContext(provider.sslContext().orElseThrow())
                    .sslParameters(MutualTls.clientParameters()).connectTimeout(Duration.ofSeconds(5)).build();
            HttpRequest.Builder request = HttpRequest.newBuilder(
                    URI.create("https://localhost:" + server.getAddress().getPort() + "/")).timeout(Duration.ofSeconds(5));
            provider.headers(CredentialRequest.dmp(VihfVerifierTest.PATIENT, AccessContext.normal()))
                    .forEach((name, values) -> values.forEach(v -> request.header(name, v)));

            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        } finally {
            server.stop(0);
        }
    }
}
