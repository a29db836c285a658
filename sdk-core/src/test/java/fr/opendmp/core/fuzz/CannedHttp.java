package fr.opendmp.core.fuzz;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.Executors;

/** A loopback HTTP server answering every request with the one canned answer set last: cheap per try. */
public final class CannedHttp implements AutoCloseable {

    private record Answer(int status, String contentType, byte[] body) {
    }

    private final HttpServer server;
    private volatile Answer answer = new Answer(200, "text/plain", new byte[0]);

    private CannedHttp(HttpServer server) {
        this.server = server;
    }

    /** @return a started server on a free loopback port */
    public static CannedHttp start() {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            CannedHttp canned = new CannedHttp(s);
            s.createContext("/", exchange -> {
                try (InputStream in = exchange.getRequestBody()) {
                    in.transferTo(OutputStream.nullOutputStream());
                }
                Answer a = canned.answer;
                exchange.getResponseHeaders().set("Content-Type", a.contentType());
                exchange.sendResponseHeaders(a.status(), a.body().length == 0 ? -1 : a.body().length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(a.body());
                } catch (IOException clientGaveUp) {
                    // the client stopped reading at its size limit: expected
                }
            });
            s.setExecutor(Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "canned-http");
                t.setDaemon(true);
                return t;
            }));
            s.start();
            return canned;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param status the HTTP status of the next answers
     * @param contentType their content type
     * @param body their body
     */
    public void answer(int status, String contentType, byte[] body) {
        answer = new Answer(status, contentType, body.clone());
    }

    /**
     * @param path a path on this server
     * @return its address
     */
    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
