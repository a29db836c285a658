package fr.opendmp.testkit.insi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Issue 22 item 12: the fake INSi refuses a request carrying a DOCTYPE with a SOAP fault, as the client side does. */
class FakeInsiDoctypeTest {
    private static final String ENVELOPE = "<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\">"
            + "<soap:Header><Action>urn:ServiceIdentiteCertifiee:1.0.0:rechercherInsAvecTraitsIdentite</Action>"
            + "<MessageID>uuid:6f1c2c1e-0000-4000-8000-000000000001</MessageID><ContexteBAM/>"
            + "<ContexteLPS><LPS><IDAM R=\"4\">IDAM-TEST</IDAM><Nom>Test</Nom></LPS></ContexteLPS></soap:Header>"
            + "<soap:Body><RECSANSVITALE><NomNaissance>TESTDMP</NomNaissance><Prenom>ALICE</Prenom><Sexe>F</Sexe>"
            + "<DateNaissance>1979-11-13</DateNaissance></RECSANSVITALE></soap:Body></soap:Envelope>";

    private static HttpResponse<String> post(FakeInsi insi, String body) throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(insi.sslContext().orElseThrow())
                .connectTimeout(Duration.ofSeconds(5)).build();
        return client.send(HttpRequest.newBuilder(insi.baseUri()).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/soap+xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aRequestCarryingADoctypeGetsASoapFaultNot200() throws Exception {
        try (FakeInsi insi = FakeInsi.builder().start()) {
            assertThat(post(insi, "<?xml version=\"1.0\"?>" + ENVELOPE).statusCode())
                    .as("the same request without DOCTYPE is served").isEqualTo(200);
            HttpResponse<String> r = post(insi, "<?xml version=\"1.0\"?><!DOCTYPE Envelope [<!ELEMENT Envelope ANY>]>"
                    + ENVELOPE);
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).contains("Fault").contains("soap:Sender").contains("insi_101");
        }
    }
}
