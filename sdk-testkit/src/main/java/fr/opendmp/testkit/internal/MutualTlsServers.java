package fr.opendmp.testkit.internal;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/** The fakes' HTTPS servers: a TLS client certificate is required (the handshake fails without one). Not API. */
public final class MutualTlsServers {

    private MutualTlsServers() {
    }

    /**
     * @param address where to listen
     * @param backlog the socket backlog (0: the system default)
     * @param serverContext the server certificate and the CA trusted for client certificates
     * @return an unstarted server requiring client authentication
     * @throws IOException if the address cannot be bound
     */
    public static HttpsServer create(InetSocketAddress address, int backlog, SSLContext serverContext)
            throws IOException {
        HttpsServer https = HttpsServer.create(address, backlog);
        https.setHttpsConfigurator(new HttpsConfigurator(serverContext) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters ssl = getSSLContext().getDefaultSSLParameters();
                ssl.setNeedClientAuth(true);
                params.setSSLParameters(ssl);
            }
        });
        return https;
    }
}
