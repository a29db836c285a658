package fr.opendmp.xds;

import fr.opendmp.core.party.Professional;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import fr.opendmp.auth.keys.KeyMaterial;
import fr.opendmp.auth.provider.KeyDocumentSigner;
import fr.opendmp.core.client.DmpClient;
import fr.opendmp.core.credentials.CredentialRequest;
import fr.opendmp.core.credentials.CredentialsProvider;
import fr.opendmp.core.credentials.DocumentSigner;
import fr.opendmp.core.document.Author;
import fr.opendmp.core.code.Code;
import fr.opendmp.core.code.CodeSystems;
import fr.opendmp.core.document.DocumentMetadata;
import fr.opendmp.core.document.DocumentType;
import fr.opendmp.core.ins.IdentityTraits;
import fr.opendmp.core.ins.Ins;
import fr.opendmp.core.ins.PatientIdentity;
import fr.opendmp.core.ins.Sex;
import fr.opendmp.core.transport.RetryPolicy;
import fr.opendmp.xds.internal.Mtom;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** WireMock server, client factory, test credentials and XPath helpers of the DMPi tests. */
abstract class XdsTestSupport {

    static final String BASE = "/si-dmp-server/v2/services";
    static final Ins INS = Ins.nir("279119913400976");
    static final String ASSERTION = "<saml2:Assertion xmlns:saml2=\"urn:oasis:names:tc:SAML:2.0:assertion\""
            + " ID=\"_test\" Version=\"2.0\"><saml2:Issuer>CN=test</saml2:Issuer></saml2:Assertion>";
    static final Map<String, String> NS = Map.ofEntries(
            Map.entry("soap", "http://www.w3.org/2003/05/soap-envelope"),
            Map.entry("wsa", "http://www.w3.org/2005/08/addressing"),
            Map.entry("wsse", "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"),
            Map.entry("saml2", "urn:oasis:names:tc:SAML:2.0:assertion"),
            Map.entry("hl7", "urn:hl7-org:v3"),
            Map.entry("xds", "urn:ihe:iti:xds-b:2007"),
            Map.entry("rim", "urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0"),
            Map.entry("rs", "urn:oasis:names:tc:ebxml-regrep:xsd:rs:3.0"),
            Map.entry("lcm", "urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0"),
            Map.entry("query", "urn:oasis:names:tc:ebxml-regrep:xsd:query:3.0"),
            Map.entry("xop", "http://www.w3.org/2004/08/xop/include"),
            Map.entry("ds", "http://www.w3.org/2000/09/xmldsig#"),
            Map.entry("xades", "http://uri.etsi.org/01903/v1.1.1#"),
            Map.entry("hab", "urn:si-dmp-habilitations"),
            Map.entry("pat", "urn:si-dmp-patients"));

    static WireMockServer wm;
    static KeyPair signingKeys;
    static X509Certificate signingCert;
    final List<CredentialRequest> credentialRequests = new CopyOnWriteArrayList<>();
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        wm = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        wm.start();
        if (signingKeys == null) {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            signingKeys = g.generateKeyPair();
            Instant now = Instant.now();
            X500Name dn = new X500Name("CN=DMP SIGN,OU=10B0000001,O=CABINET TEST,C=FR");
            signingCert = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(dn,
                    BigInteger.valueOf(4242), Date.from(now.minus(1, ChronoUnit.DAYS)),
                    Date.from(now.plus(1, ChronoUnit.DAYS)), dn, signingKeys.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(signingKeys.getPrivate())));
        }
    }

    @AfterAll
    static void stop() {
        wm.stop();
    }

    @BeforeEach
    void reset() {
        wm.resetAll();
        credentialRequests.clear();
        sleeps.clear();
    }

    DocumentSigner signer() {
        return KeyDocumentSigner.of(KeyMaterial.of(signingKeys.getPrivate(), List.of(signingCert)));
    }

    CredentialsProvider credentials() {
        DocumentSigner signer = signer();
        return new CredentialsProvider() {
            @Override
            public Optional<SSLContext> sslContext() {
                return Optional.empty();
            }

            @Override
            public Map<String, List<String>> headers(CredentialRequest request) {
                return Map.of();
            }

            @Override
            public Optional<byte[]> soapSecurity(CredentialRequest request) {
                credentialRequests.add(request);
                return Optional.of(ASSERTION.getBytes(StandardCharsets.UTF_8));
            }

            @Override
            public Optional<DocumentSigner> documentSigner() {
                return Optional.of(signer);
            }
        };
    }

    URI endpoint() {
        return URI.create(wm.baseUrl() + BASE);
    }

    DmpClient client() {
        return client(t -> { }, b -> { });
    }

    DmpClient client(Consumer<XdsTransport.Builder> transport) {
        return client(transport, b -> { });
    }

    DmpClient client(Consumer<XdsTransport.Builder> transport, Consumer<DmpClient.Builder> extra) {
        XdsTransport.Builder t = XdsTransport.builder().endpoint(endpoint()).feedRateLimit(1000);
        transport.accept(t);
        DmpClient.Builder b = DmpClient.builder().transport(t.build()).credentials(credentials())
                .software("OpenDMP-tests", "1.0", "TEST-HOMOLOG").sourceId("1.2.250.1.999.42")
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofSeconds(2)))
                .sleeper(sleeps::add);
        extra.accept(b);
        return b.build();
    }

    static String vector(String name) {
        try (InputStream in = XdsTestSupport.class.getResourceAsStream("/dmpi/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] vectorBytes(String name) {
        try (InputStream in = XdsTestSupport.class.getResourceAsStream("/dmpi/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Answers every POST to the service with this SOAP body. */
    static void answer(String service, int status, String body) {
        wm.stubFor(post(urlEqualTo(BASE + "/" + service)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/soap+xml; charset=UTF-8").withBody(body)));
    }

    static List<LoggedRequest> requests(String service) {
        return wm.findAll(postRequestedFor(urlEqualTo(BASE + "/" + service)));
    }

    /** @return the SOAP envelope of a request, plain or MTOM */
    static Document envelope(LoggedRequest r) {
        String ct = r.getHeader("Content-Type");
        byte[] body = r.getBody();
        if (ct.startsWith("multipart/")) {
            try {
                body = Mtom.read(ct, body, 10_000_000).root();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return parse(body);
    }

    static Document parse(byte[] xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static XPath xpath() {
        XPath x = XPathFactory.newInstance().newXPath();
        x.setNamespaceContext(new NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                return NS.getOrDefault(prefix, "");
            }

            @Override
            public String getPrefix(String uri) {
                return null;
            }

            @Override
            public Iterator<String> getPrefixes(String uri) {
                return null;
            }
        });
        return x;
    }

    static String xs(Node doc, String expression) {
        try {
            return (String) xpath().evaluate(expression, doc, XPathConstants.STRING);
        } catch (Exception e) {
            throw new IllegalStateException(expression, e);
        }
    }

    static int count(Node doc, String expression) {
        try {
            return ((Double) xpath().evaluate("count(" + expression + ")", doc, XPathConstants.NUMBER)).intValue();
        } catch (Exception e) {
            throw new IllegalStateException(expression, e);
        }
    }

    static NodeList nodes(Node doc, String expression) {
        try {
            return (NodeList) xpath().evaluate(expression, doc, XPathConstants.NODESET);
        } catch (Exception e) {
            throw new IllegalStateException(expression, e);
        }
    }

    static PatientIdentity patient() {
        IdentityTraits traits = IdentityTraits.builder().birthName("TESTDMP").birthFirstNames("ALICE")
                .birthDate("1979-11-13").sex(Sex.F).birthPlaceCode("99134").build();
        return PatientIdentity.qualified(traits, INS);
    }

    static final byte[] CDA = vectorBytes("retrieve-content.xml");

    static DocumentMetadata metadata(String uniqueId) {
        OffsetDateTime t = OffsetDateTime.parse("2026-06-12T10:00:00+02:00");
        return DocumentMetadata.builder().uniqueId(uniqueId).type(DocumentType.CR_CONSULTATION).contentType("text/xml")
                .title("CR de consultation")
                .facilityType(Code.of(CodeSystems.TRE_R02, "SA07", "Cabinet individuel"))
                .practiceSetting(Code.of(CodeSystems.PRACTICE_SETTING, "AMBULATOIRE", "Ambulatoire"))
                .creationTime(t).serviceStart(t)
                .author(Author.of(Professional.of("810001234567", "JEAN", "MEDECIN")))
                .build();
    }
}
