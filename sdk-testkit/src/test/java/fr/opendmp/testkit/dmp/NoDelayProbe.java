package fr.opendmp.testkit.dmp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;

/**
 * Run in a fresh JVM by {@link NoDelayTest}, without {@code -Dsun.net.httpserver.nodelay}: starts a
 * fake DMP (plain HTTP, so that only the server's own delay is measured), sends small TD02 requests
 * on one kept-alive connection and prints the median round trip in microseconds, then the value
 * the fake left in the nodelay property.
 */
public final class NoDelayProbe {

    private NoDelayProbe() {
    }

    /**
     * @param args unused
     * @throws Exception if the fake or a request fails
     */
    public static void main(String[] args) throws Exception {
        // the test runs it without the property; -Dsun.net.httpserver.nodelay=false by hand shows the
        // delay the fakes avoid (~40 ms a request on Linux)
        if ("true".equals(System.getProperty("sun.net.httpserver.nodelay"))) {
            throw new IllegalStateException("the probe must run without -Dsun.net.httpserver.nodelay=true");
        }
        try (FakeDmp dmp = FakeDmp.builder().auth(AuthMode.OFF).start()) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create(dmp.baseUri()
                    + "/Patient?identifier=urn%3Aoid%3A1.2.250.1.213.1.4.8%7C279119913400976")).build();
            for (int i = 0; i < 20; i++) {      // warm-up: class loading, JIT
                client.send(request, HttpResponse.BodyHandlers.ofString());
            }
            long[] micros = new long[40];
            for (int i = 0; i < micros.length; i++) {
                long start = System.nanoTime();
                HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
                micros[i] = (System.nanoTime() - start) / 1000;
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("TD02 answered " + r.statusCode());
                }
            }
            Arrays.sort(micros);
            System.out.println("median-micros=" + micros[micros.length / 2]);
            System.out.println("nodelay=" + System.getProperty("sun.net.httpserver.nodelay"));
        }
    }
}
