package fr.opendmp.testkit.dmp.internal;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Reading bodies with a size limit and writing responses (optionally slowly). */
public final class HttpIo {
    private HttpIo() {
    }

    /** @return the body, or throws 413 when larger than {@code max} */
    public static byte[] readBody(HttpExchange ex, long max) throws IOException {
        String length = ex.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > max) {
                    throw tooLarge(max); // send() discards the unread body before answering
                }
            } catch (NumberFormatException e) {
                throw FhirException.of(400, "invalid", "MALFORMED_REQUEST", "invalid Content-Length", "");
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[16384];
        try (InputStream in = ex.getRequestBody()) {
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
                if (out.size() > max) {
                    throw tooLarge(max);
                }
            }
        }
        return out.toByteArray();
    }

    private static final long DISCARD_LIMIT = 64L * 1024 * 1024;

    private static void discardUnreadBody(HttpExchange ex) {
        try {
            InputStream in = ex.getRequestBody();
            byte[] buf = new byte[16384];
            long total = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                total += n;
                if (total > DISCARD_LIMIT) {
                    ex.getResponseHeaders().set("Connection", "close");
                    return;
                }
            }
        } catch (IOException alreadyReadOrBroken) {
            // a body read by the handler is closed: nothing left to discard
        }
    }

    private static FhirException tooLarge(long max) {
        return FhirException.of(413, "too-costly", "BODY_TOO_LARGE", "the body exceeds " + max + " bytes", "");
    }

    /**
     * Sends a response; with {@code slow} non-zero, writes 16-byte chunks with pauses. A request body
     * the handler did not read (a request refused before its body, e.g. a bad credential) is read and
     * discarded first, so that the client is not left sending into a connection that is reused.
     */
    public static void send(HttpExchange ex, int status, String contentType, byte[] body, Map<String, String> headers,
            Duration slow) throws IOException {
        discardUnreadBody(ex);
        headers.forEach((k, v) -> ex.getResponseHeaders().put(k, List.of(v)));
        if (contentType != null) {
            ex.getResponseHeaders().set("Content-Type", contentType);
        }
        boolean noBody = body == null || body.length == 0 || "HEAD".equals(ex.getRequestMethod());
        ex.sendResponseHeaders(status, noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = ex.getResponseBody()) {
                if (slow.isZero()) {
                    out.write(body);
                } else {
                    for (int i = 0; i < body.length; i += 16) {
                        out.write(body, i, Math.min(16, body.length - i));
                        out.flush();
                        sleep(slow);
                    }
                }
            }
        }
        ex.close();
    }

    /** Sleeps, restoring the interrupt flag. */
    public static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
