package fr.opendmp.testkit.dmp.internal;

import java.util.Map;

/**
 * JVM-wide settings of the JDK HTTP server behind the fakes (FakeDmp, FakeInsi, the fake Pro Santé
 * Connect and API authorization server). The JDK reads them once, when its first server of the JVM
 * is created; {@link #apply()} sets each one that is not already set, so a value given with
 * {@code -D} always wins.
 *
 * <p>{@value #NODELAY} = {@code true}: TCP_NODELAY on the fakes' sockets. Without it, Nagle's
 * algorithm holds the body of a small answer until the client acknowledges its headers, and the
 * client delays that acknowledgement (~40 ms on Linux): every small request would take ~40 ms.
 *
 * <p>The limits make a stalled connection release its handler thread:
 *
 * <ul>
 *   <li>{@value #MAX_REQ_TIME} = {@value #MAX_REQ_SECONDS} s: a connection that has not sent its whole
 *       request (TLS handshake, headers, body) in that time is closed (per-connection read deadline);
 *   <li>{@value #MAX_HEADER_SIZE} = {@value #MAX_HEADER_BYTES} bytes: request line and headers the JDK
 *       accepts before closing the connection without an answer; above the fake's own URI limit
 *       ({@link ServerHandler#MAX_URI_CHARS}), so that a long URL reaches the fake and gets its 414.
 * </ul>
 */
public final class HttpServerDefaults {
    /** System property: TCP_NODELAY on the server's sockets (no Nagle delay). */
    public static final String NODELAY = "sun.net.httpserver.nodelay";
    /** System property: most seconds to receive a request. */
    public static final String MAX_REQ_TIME = "sun.net.httpserver.maxReqTime";
    /** System property: most bytes of request line and headers. */
    public static final String MAX_HEADER_SIZE = "sun.net.httpserver.maxReqHeaderSize";
    /** Default of {@link #MAX_REQ_TIME}, in seconds. */
    public static final long MAX_REQ_SECONDS = 60;
    /** Default of {@link #MAX_HEADER_SIZE}. */
    public static final int MAX_HEADER_BYTES = 2 * 1024 * 1024;

    private HttpServerDefaults() {
    }

    /** @return the settings this class sets when absent */
    public static Map<String, String> defaults() {
        return Map.of(NODELAY, "true", MAX_REQ_TIME, Long.toString(MAX_REQ_SECONDS),
                MAX_HEADER_SIZE, Integer.toString(MAX_HEADER_BYTES));
    }

    /** Sets each setting that is not already set (call before the JVM's first JDK HTTP server is created). */
    public static synchronized void apply() {
        defaults().forEach((k, v) -> {
            if (System.getProperty(k) == null) {
                System.setProperty(k, v);
            }
        });
    }
}
