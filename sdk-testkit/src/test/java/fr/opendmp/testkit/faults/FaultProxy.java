package fr.opendmp.testkit.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A loopback TCP proxy in front of a fake that cuts connections on command. It ends TLS (with the
 * fake's own server certificate, so the client sees the same peer) and opens its own TLS connection
 * to the fake with the client's certificate: it sees the HTTP bytes, so "N bytes of the answer" is
 * exact, and a fault hits the raw socket under TLS (no close_notify), as a network fault would.
 *
 * <p>An exchange is what the client sends until the fake starts answering, then the answer until
 * the client sends again (HTTP/1.1 without pipelining, which is what the JDK client does). Each
 * exchange whose first bytes contain a queued fault's marker takes that fault.
 */
final class FaultProxy implements AutoCloseable {

    /** What the proxy does to one exchange, or to the next connections. */
    record Cut(Kind kind, int bytes, String marker) {
        enum Kind {
            /** Forward {@code bytes} of the request, then reset the client's connection (SO_LINGER 0). */
            RESET_REQUEST,
            /** Forward the request, then {@code bytes} of the answer, then reset. */
            RESET_ANSWER,
            /** Forward the request, then {@code bytes} of the answer, then close (FIN, no TLS close_notify). */
            TRUNCATE_ANSWER,
            /** Swallow the request, never answer. */
            BLACK_HOLE_REQUEST,
            /** Forward the request (the fake handles it), swallow the answer. */
            BLACK_HOLE_ANSWER,
            /** Forward the request (the fake handles it), answer status {@code bytes} with no body instead. */
            STATUS_INSTEAD,
            /**
             * Swallow the request (the fake never sees it) and answer status {@code bytes} with no body, as
             * a gateway turning the call away does.
             */
            STATUS_WITHOUT_FORWARDING,
            /**
             * Forward the request, then the answer's head without its framing ({@code Connection: close},
             * no {@code Content-Length}: the body ends where the connection does), then {@code bytes} of
             * its body, then close cleanly (TLS {@code close_notify}): the client cannot tell the cut from
             * the end of the answer.
             */
            UNFRAMED_BODY_CUT,
            /** Close every open connection, then accept and at once close the next {@code bytes} ones. */
            REFUSE
        }
    }

    private final ServerSocket server;
    private final InetSocketAddress upstream;
    private final Optional<SSLContext> clientFacing;
    private final Optional<SSLContext> upstreamTls;
    private final List<Cut> queued = new ArrayList<>();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger refusing = new AtomicInteger();
    private final AtomicInteger fired = new AtomicInteger();
    private final List<String> heads = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile long lastContentLength = -1;
    private volatile int lastHeadLength = -1;
    private volatile boolean closed;

    private FaultProxy(InetSocketAddress upstream, Optional<SSLContext> clientFacing, Optional<SSLContext> upstreamTls)
            throws IOException {
        this.upstream = upstream;
        this.clientFacing = clientFacing;
        this.upstreamTls = upstreamTls;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::acceptLoop, "fault-proxy-accept");
        accept.setDaemon(true);
        accept.start();
    }

    /**
     * @param upstreamPort the fake's port on the loopback
     * @param serverSide the fake's server TLS context (the client trusts it)
     * @param clientSide a client TLS context the fake accepts
     */
    static FaultProxy tls(int upstreamPort, SSLContext serverSide, SSLContext clientSide) throws IOException {
        return new FaultProxy(new InetSocketAddress(InetAddress.getLoopbackAddress(), upstreamPort),
                Optional.of(serverSide), Optional.of(clientSide));
    }

    /** @param upstreamPort the fake's port on the loopback, plain HTTP */
    static FaultProxy plain(int upstreamPort) throws IOException {
        return new FaultProxy(new InetSocketAddress(InetAddress.getLoopbackAddress(), upstreamPort),
                Optional.empty(), Optional.empty());
    }

    /** @return {@code target} with the proxy's port instead of the fake's */
    URI in(URI target) {
        return URI.create(target.getScheme() + "://" + target.getHost() + ":" + server.getLocalPort()
                + target.getRawPath());
    }

    /** Queues a cut for the next exchange whose first bytes contain {@code marker} ("" for any). */
    synchronized FaultProxy next(Cut.Kind kind, int bytes, String marker) {
        if (kind == Cut.Kind.REFUSE) {
            closeAllConnections();
            refusing.addAndGet(bytes);
            fired.incrementAndGet();
        } else {
            queued.add(new Cut(kind, bytes, marker));
        }
        return this;
    }

    /** @return cuts applied so far */
    int fired() {
        return fired.get();
    }

    /** @return how many exchanges so far began with bytes containing {@code marker} (cut or not) */
    int exchanges(String marker) {
        return (int) heads.stream().filter(h -> h.contains(marker)).count();
    }

    /** @return the Content-Length of the last answer an {@code UNFRAMED_BODY_CUT} unframed, -1 if none */
    long lastContentLength() {
        return lastContentLength;
    }

    /** @return the head's length (status line and headers) of that answer, -1 if none */
    int lastHeadLength() {
        return lastHeadLength;
    }

    /** @return cuts queued and not yet applied */
    synchronized int pending() {
        return queued.size() + refusing.get();
    }

    /** Drops queued cuts and closes every connection (a black-holed one included). */
    synchronized void clear() {
        queued.clear();
        refusing.set(0);
        closeAllConnections();
    }

    private void closeAllConnections() {
        for (Socket s : open) {
            closeQuietly(s);
        }
        open.clear();
    }

    private synchronized Optional<Cut> take(byte[] head, int length) {
        String text = new String(head, 0, length, StandardCharsets.ISO_8859_1);
        heads.add(text);
        for (int i = 0; i < queued.size(); i++) {
            if (text.contains(queued.get(i).marker())) {
                fired.incrementAndGet();
                return Optional.of(queued.remove(i));
            }
        }
        return Optional.empty();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket raw;
            try {
                raw = server.accept();
            } catch (IOException e) {
                return;
            }
            if (refusing.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                closeQuietly(raw);
                continue;
            }
            open.add(raw);
            Thread t = new Thread(() -> serve(raw), "fault-proxy-conn");
            t.setDaemon(true);
            t.start();
        }
    }

    private void serve(Socket raw) {
        Socket client = raw;
        Socket up = null;
        try {
            raw.setTcpNoDelay(true);
            if (clientFacing.isPresent()) {
                SSLSocket tls = (SSLSocket) clientFacing.get().getSocketFactory().createSocket(raw,
                        raw.getInetAddress().getHostAddress(), raw.getPort(), true);
                tls.setUseClientMode(false);
                tls.startHandshake();
                client = tls;
            }
            Socket plainUp = new Socket();
            plainUp.connect(upstream, 2000);
            plainUp.setTcpNoDelay(true);
            open.add(plainUp);
            up = plainUp;
            if (upstreamTls.isPresent()) {
                SSLSocket tls = (SSLSocket) upstreamTls.get().getSocketFactory().createSocket(plainUp,
                        "localhost", upstream.getPort(), true);
                tls.startHandshake();
                up = tls;
            }
            new Connection(raw, client, plainUp, up).run();
        } catch (IOException | RuntimeException e) {
            closeQuietly(raw);
            if (up != null) {
                closeQuietly(up);
            }
        }
    }

    /** One client connection and its connection to the fake: two pumps sharing the exchange's cut. */
    private final class Connection {
        private final Socket raw;
        private final Socket client;
        private final Socket rawUp;
        private final Socket up;
        private boolean answering = true;
        private Optional<Cut> cut = Optional.empty();
        private long requestBytes;
        private long answerBytes;
        private boolean statusSent;
        private java.io.ByteArrayOutputStream answerHead = new java.io.ByteArrayOutputStream();
        private boolean headForwarded;
        private long contentLength = -1;

        Connection(Socket raw, Socket client, Socket rawUp, Socket up) {
            this.raw = raw;
            this.client = client;
            this.rawUp = rawUp;
            this.up = up;
        }

        void run() throws IOException {
            Thread answers = new Thread(this::pumpAnswers, "fault-proxy-answers");
            answers.setDaemon(true);
            answers.start();
            pumpRequests();
        }

        private void pumpRequests() {
            byte[] buf = new byte[64 * 1024];
            try (InputStream in = client.getInputStream(); OutputStream out = up.getOutputStream()) {
                for (int n; (n = in.read(buf)) > 0; ) {
                    Optional<Cut> c;
                    synchronized (this) {
                        if (answering) {
                            answering = false;
                            cut = take(buf, n);
                            requestBytes = 0;
                            answerBytes = 0;
                            statusSent = false;
                            answerHead = new java.io.ByteArrayOutputStream();
                            headForwarded = false;
                            contentLength = -1;
                        }
                        c = cut;
                    }
                    Cut.Kind kind = c.map(Cut::kind).orElse(null);
                    if (kind == Cut.Kind.BLACK_HOLE_REQUEST) {
                        continue;
                    }
                    if (kind == Cut.Kind.STATUS_WITHOUT_FORWARDING) {
                        // the rest of the request is read and dropped until the client closes: closing
                        // with unread bytes would send an RST that could overtake the status
                        if (!statusSent) {
                            statusSent = true;
                            OutputStream toClient = client.getOutputStream();
                            toClient.write(statusOnly(c.get().bytes()));
                            toClient.flush();
                        }
                        continue;
                    }
                    if (kind == Cut.Kind.RESET_REQUEST) {
                        int room = (int) Math.max(0, c.get().bytes() - requestBytes);
                        out.write(buf, 0, Math.min(room, n));
                        out.flush();
                        requestBytes += n;
                        if (requestBytes >= c.get().bytes()) {
                            reset();
                            return;
                        }
                        continue;
                    }
                    requestBytes += n;
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // the client or the fake closed: the other pump ends too
            } finally {
                end();
            }
        }

        private void pumpAnswers() {
            byte[] buf = new byte[64 * 1024];
            try (InputStream in = up.getInputStream(); OutputStream out = client.getOutputStream()) {
                for (int n; (n = in.read(buf)) > 0; ) {
                    Optional<Cut> c;
                    synchronized (this) {
                        answering = true;
                        c = cut;
                    }
                    Cut.Kind kind = c.map(Cut::kind).orElse(null);
                    if (kind == Cut.Kind.BLACK_HOLE_ANSWER) {
                        continue;
                    }
                    if (kind == Cut.Kind.STATUS_INSTEAD) {
                        out.write(statusOnly(c.get().bytes()));
                        out.flush();
                        Thread.sleep(50);
                        return;
                    }
                    if (kind == Cut.Kind.UNFRAMED_BODY_CUT) {
                        if (forwardUnframed(out, buf, n, c.get().bytes())) {
                            client.close();
                            end();
                            return;
                        }
                        continue;
                    }
                    if (kind == Cut.Kind.RESET_ANSWER || kind == Cut.Kind.TRUNCATE_ANSWER) {
                        int room = (int) Math.max(0, c.get().bytes() - answerBytes);
                        out.write(buf, 0, Math.min(room, n));
                        out.flush();
                        answerBytes += n;
                        if (answerBytes >= c.get().bytes()) {
                            if (kind == Cut.Kind.RESET_ANSWER) {
                                reset();
                            } else {
                                raw.shutdownOutput();
                                Thread.sleep(50);
                                end();
                            }
                            return;
                        }
                        continue;
                    }
                    answerBytes += n;
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // closed on either side
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                end();
            }
        }

        /**
         * Forwards the answer's head without its framing, then at most {@code bodyBytes} of its body.
         *
         * @return whether the cut is reached (or the whole body forwarded): the connection is to close
         */
        private boolean forwardUnframed(OutputStream out, byte[] buf, int n, int bodyBytes) throws IOException {
            byte[] data = buf;
            int from = 0;
            int to = n;
            if (!headForwarded) {
                answerHead.write(buf, 0, n);
                data = answerHead.toByteArray();
                int end = indexOf(data, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                if (end < 0) {
                    return false;
                }
                StringBuilder head = new StringBuilder();
                for (String line : new String(data, 0, end, StandardCharsets.ISO_8859_1).split("\r\n")) {
                    String lower = line.toLowerCase(java.util.Locale.ROOT);
                    if (lower.startsWith("content-length:")) {
                        contentLength = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                        lastContentLength = contentLength;
                    } else if (!lower.startsWith("connection:") && !lower.startsWith("transfer-encoding:")) {
                        head.append(line).append("\r\n");
                    }
                }
                head.append("Connection: close\r\n\r\n");
                out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                headForwarded = true;
                lastHeadLength = end + 4;
                from = end + 4;
                to = data.length;
            }
            int room = (int) Math.max(0, Math.min(to - from, bodyBytes - answerBytes));
            out.write(data, from, room);
            out.flush();
            answerBytes += room;
            return answerBytes >= bodyBytes || contentLength >= 0 && answerBytes >= contentLength;
        }

        /** An RST to the client under TLS: SO_LINGER 0 on the raw socket, no close_notify. */
        private void reset() {
            try {
                raw.setSoLinger(true, 0);
            } catch (IOException e) {
                // already closed
            }
            end();
        }

        private void end() {
            closeQuietly(raw);
            closeQuietly(rawUp);
            open.remove(raw);
            open.remove(rawUp);
        }
    }

    private static byte[] statusOnly(int status) {
        return ("HTTP/1.1 " + status + " Injected\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        for (int i = 0; i + pattern.length <= data.length; i++) {
            int j = 0;
            while (j < pattern.length && data[i + j] == pattern[j]) {
                j++;
            }
            if (j == pattern.length) {
                return i;
            }
        }
        return -1;
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // nothing more to do
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // nothing more to do
        }
        clear();
    }
}
