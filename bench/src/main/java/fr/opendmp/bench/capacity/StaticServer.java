package fr.opendmp.bench.capacity;

import com.sun.net.httpserver.HttpServer;
import fr.opendmp.bench.fixture.Loopback;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The transport ceiling of figure 4: the same JDK {@code HttpServer} as the fake DMP, with as many
 * handler threads, answering every request with fixed bytes (a searchset the fake served), so that
 * the fake's own work (access rules, index, rendering) is the only difference.
 */
public final class StaticServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;

    /**
     * @param body the answer
     * @param threads handler threads
     */
    public StaticServer(byte[] body, int threads) {
        Loopback.noDelay();
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "static-server");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        byte[] copy = body.clone();
        server.createContext("/", ex -> {
            try (InputStream in = ex.getRequestBody()) {
                in.readAllBytes();
            }
            ex.getResponseHeaders().add("Content-Type", "application/fhir+json");
            ex.sendResponseHeaders(200, copy.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(copy);
            }
        });
        server.start();
    }

    /** @return the server's root URI */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
