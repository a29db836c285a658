package fr.opendmp.testkit.dmp;

import static fr.opendmp.testkit.dmp.RawHttp.INS;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 22 item 15, what the fake cannot control: the JDK HTTP server parses the request line and
 * headers before any handler runs, and answers a request it cannot parse (a raw {@code |} in the query,
 * a request line without method and version, a header without colon) with its own HTML 400 and closes
 * the connection. These tests pin that behaviour (documented in sdk-testkit/README.md), check that the
 * fake keeps serving, and that the same query percent-encoded ({@code %7C}) reaches the fake.
 */
class MalformedHttpTest {
    private static FakeDmp dmp;

    @BeforeAll
    static void start() {
        dmp = FakeDmp.builder().auth(AuthMode.OFF).start();
    }

    @AfterAll
    static void stop() {
        dmp.close();
    }

    private static String raw(String request) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), dmp.port())) {
            s.setSoTimeout(5_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void aRawPipeInTheQueryGetsTheJdks400AndTheEncodedPipeReachesTheFake() throws Exception {
        String answer = raw("GET /fhir/Patient?identifier=urn:oid:1.2.250.1.213.1.4.8|" + INS
                + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 400 ").containsIgnoringCase("Connection: close");
        String encoded = raw("GET /fhir/Patient?identifier=urn:oid:1.2.250.1.213.1.4.8%7C" + INS
                + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        assertThat(encoded).startsWith("HTTP/1.1 200 ").contains("\"resourceType\":\"Bundle\"");
    }

    @Test
    void malformedRequestLinesAndHeadersAreRefusedByTheJdkAndTheFakeKeepsServing() throws Exception {
        assertThat(raw("GARBAGE\r\n\r\n")).startsWith("HTTP/1.1 400 ");
        assertThat(raw("GET /fhir/Patient HTTP/1.1\r\nHost: x\r\nno colon here\r\n\r\n")).startsWith("HTTP/1.1 400 ");
        String ok = raw("GET /fhir/nowhere HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        assertThat(ok).startsWith("HTTP/1.1 404 ").contains("application/fhir+json").contains("OperationOutcome");
    }
}
