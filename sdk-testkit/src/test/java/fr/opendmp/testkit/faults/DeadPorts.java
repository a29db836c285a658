package fr.opendmp.testkit.faults;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/** Loopback ports where a connection is refused, or where a connect never completes. */
final class DeadPorts {

    private DeadPorts() {
    }

    /** @return a loopback port with nothing listening (a connect gets RST: connection refused) */
    static int refusing() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /**
     * A listening socket that never accepts, its accept queue filled: the kernel drops further SYNs,
     * so a client's connect waits until its own connect timeout.
     */
    static final class Stalled implements AutoCloseable {
        private final ServerSocket server;
        private final List<Socket> fillers = new ArrayList<>();

        Stalled() throws IOException {
            server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            InetSocketAddress at = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
            for (int i = 0; i < 8; i++) {
                Socket s = new Socket();
                try {
                    s.connect(at, 200);
                    fillers.add(s);
                } catch (IOException full) {
                    s.close();
                    return;
                }
            }
            throw new IllegalStateException("the accept queue never filled; connects would not stall");
        }

        int port() {
            return server.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            for (Socket s : fillers) {
                s.close();
            }
            server.close();
        }
    }
}
