package fr.opendmp.xds.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opendmp.xds.XdsTransport;
import java.net.URI;
import java.net.http.HttpClient;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

/** TLS 1.2 only, with the DMP's "Accès LPS" suites the JDK offers (strategy TlsProfile). */
class TlsProfileTest {

    @Test
    void dmpProfileRestrictsProtocolAndSuites() throws Exception {
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, null, null);
        HttpClient shared = HttpClient.newBuilder().sslContext(ssl).build();
        XdsTransport t = XdsTransport.builder().endpoint(URI.create("https://dmp.example/si-dmp-server/v2/services"))
                .build();
        HttpClient c = XdsOperations.http(t, shared);
        assertThat(c).isNotSameAs(shared);
        assertThat(c.sslContext()).isSameAs(ssl);
        assertThat(c.sslParameters().getProtocols()).containsExactly("TLSv1.2");
        assertThat(c.sslParameters().getCipherSuites()).isNotEmpty().allMatch(XdsOperations.DMP_SUITES::contains)
                .contains("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");
    }

    @Test
    void jdkDefaultKeepsTheSharedClient() {
        HttpClient shared = HttpClient.newHttpClient();
        XdsTransport t = XdsTransport.builder().endpoint(URI.create("https://dmp.example/s"))
                .tlsProfile(XdsTransport.TlsProfile.JDK_DEFAULT).build();
        assertThat(XdsOperations.http(t, shared)).isSameAs(shared);
    }

    @Test
    void mtomHrefsArePercentDecodedAndParametersRead() {
        assertThat(Mtom.decode("<a-2@urn%3Aihe%3Aiti%3Axds-b%3A2007>")).isEqualTo("a-2@urn:ihe:iti:xds-b:2007");
        assertThat(Mtom.parameter("multipart/related; type=\"application/xop+xml\"; start=\"<r@x>\"; start-info=\"s\"",
                "start")).contains("<r@x>");
        assertThat(Mtom.parameter("multipart/related; boundary=abc; type=x", "boundary")).contains("abc");
    }
}
