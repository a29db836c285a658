package fr.opendmp.testkit.dmp;

import static fr.opendmp.testkit.dmp.RawHttp.INS;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 22 item 5: eight stalled connections (half-sent headers, half-sent bodies, half-sent TLS
 * handshakes) do not freeze the fake: a normal request still answers within 2 s.
 */
class StalledConnectionsTest {
    private static final byte[] PARTIAL_TLS_HELLO = {0x16, 0x03, 0x01, 0x02, 0x00, 0x01};

    private static List<Socket> stall(FakeDmp dmp, int count, byte[]... prefixes) throws IOException {
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Socket s = new Socket(InetAddress.getLoopbackAddress(), dmp.port());
            OutputStream out = s.getOutputStream();
            out.write(prefixes[i % prefixes.length]);
            out.flush();
            sockets.add(s);
        }
        return sockets;
    }

    private static void close(List<Socket> sockets) {
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException ignored) {
                // the fake may have closed it first
            }
        }
    }

    private static void assertAnswersWithinTwoSeconds(FakeDmp dmp) {
        long t0 = System.nanoTime();
        var r = new RawHttp(dmp).get(RawHttp.searchByPatient(INS));
        assertThat(r.status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void eightHalfSentHeadersOrBodiesDoNotBlockAPlainHttpFake() throws Exception {
        try (FakeDmp dmp = FakeDmp.builder().auth(AuthMode.OFF).start()) {
            byte[] halfHeaders = ("GET /fhir/DocumentReference HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: appl")
                    .getBytes(StandardCharsets.US_ASCII);
            byte[] halfBody = ("POST /fhir HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/fhir+json\r\n"
                    + "Content-Length: 100000\r\n\r\n{\"resourceType\":").getBytes(StandardCharsets.US_ASCII);
            List<Socket> stalled = stall(dmp, 8, halfHeaders, halfBody);
            try {
                Thread.sleep(200);   // let the server hand each stalled connection to a handler thread
                assertAnswersWithinTwoSeconds(dmp);
                assertAnswersWithinTwoSeconds(dmp);
            } finally {
                close(stalled);
            }
        }
    }

    @Test
    void eightHalfSentTlsHandshakesDoNotBlockAVerifyingFake() throws Exception {
        try (FakeDmp dmp = FakeDmp.builder().start()) {
            List<Socket> stalled = stall(dmp, 8, PARTIAL_TLS_HELLO);
            try {
                Thread.sleep(200);
                assertAnswersWithinTwoSeconds(dmp);
            } finally {
                close(stalled);
            }
        }
    }
}
