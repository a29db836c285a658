package fr.opendmp.bench.xds;

import com.sun.net.httpserver.HttpServer;
import fr.opendmp.auth.keys.KeyMaterial;
import fr.opendmp.auth.provider.KeyDocumentSigner;
import fr.opendmp.bench.fixture.CdaFixtures;
import fr.opendmp.cda.build.CdaDocuments;
import fr.opendmp.core.client.DmpClient;
import fr.opendmp.core.credentials.CredentialRequest;
import fr.opendmp.core.credentials.CredentialsProvider;
import fr.opendmp.core.credentials.DocumentSigner;
import fr.opendmp.core.document.Author;
import fr.opendmp.core.code.Code;
import fr.opendmp.core.code.CodeSystems;
import fr.opendmp.core.document.Deposit;
import fr.opendmp.core.document.DepositReceipt;
import fr.opendmp.core.document.DocumentMetadata;
import fr.opendmp.core.document.DocumentType;
import fr.opendmp.core.document.UniqueIds;
import fr.opendmp.core.ins.IdentityTraits;
import fr.opendmp.core.ins.Ins;
import fr.opendmp.core.ins.PatientIdentity;
import fr.opendmp.core.ins.Sex;
import fr.opendmp.xds.XdsTransport;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A 1 MiB CDA deposited over DMPi (ITI-41: metadata, XAdES signature with C14N of the CDA, MTOM,
 * the SOAP answer read) by {@code DmpClient} against a raw JDK POST of the very MTOM bytes the SDK
 * sent, both to the same loopback JDK server answering an empty Success. The entryUUID lookup is
 * off ({@code EntryUuidAfterDeposit.NONE}): one exchange each.
 *
 * <p>Three documents ({@link #document}): {@code N1_PDF}, the N1 CDA wrapping a 1 MiB PDF that
 * figure 5 deposits over FHIR (what a DMP deposit usually is: one large text node);
 * {@code TEXT_ELEMENTS}, 1 MiB of 16,000 small elements, the worst case of the canonicalisation
 * the XAdES digest needs; {@code N1_SMALL}, the N1 CDA of a 4 KiB PDF: what a deposit costs
 * besides its size.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class XdsDepositBench {

    private static final String ANSWER = "<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\">"
            + "<soap:Header><wsa:Action xmlns:wsa=\"http://www.w3.org/2005/08/addressing\">"
            + "urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-bResponse</wsa:Action></soap:Header><soap:Body>"
            + "<rs:RegistryResponse xmlns:rs=\"urn:oasis:names:tc:ebxml-regrep:xsd:rs:3.0\" "
            + "status=\"urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Success\"/></soap:Body></soap:Envelope>";

    /** Which 1 MiB document is deposited. */
    @Param({"N1_PDF", "TEXT_ELEMENTS", "N1_SMALL"})
    public String document;

    private HttpServer server;
    private DmpClient dmp;
    private HttpClient raw;
    private PatientIdentity patient;
    private byte[] cda;
    private final AtomicReference<byte[]> lastBody = new AtomicReference<>();
    private final AtomicReference<String> lastType = new AtomicReference<>();
    private byte[] capturedBody;
    private String capturedType;
    private URI repository;
    private PrivateKey signingKey;
    private final byte[] signedInfo = new byte[700];

    /** Starts the server, builds the client and captures one request's bytes. */
    @Setup
    public void setUp() throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(2));
        byte[] answer = ANSWER.getBytes(StandardCharsets.UTF_8);
        server.createContext("/si-dmp-server/v2/services/repository", ex -> {
            try (InputStream in = ex.getRequestBody()) {
                lastBody.set(in.readAllBytes());
            }
            lastType.set(ex.getRequestHeaders().getFirst("Content-Type"));
            ex.getResponseHeaders().add("Content-Type", "application/soap+xml; charset=UTF-8");
            ex.sendResponseHeaders(200, answer.length);
            ex.getResponseBody().write(answer);
            ex.close();
        });
        server.start();
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/si-dmp-server/v2/services");
        repository = URI.create(base + "/repository");
        dmp = DmpClient.builder().transport(XdsTransport.builder().endpoint(base)
                        .entryUuidAfterDeposit(XdsTransport.EntryUuidAfterDeposit.NONE).feedRateLimit(1000).build())
                .credentials(credentials()).software("OpenDMP-bench", "1.0", "BENCH").sourceId("1.2.250.1.999.42")
                .maxDocumentBytes(8L << 20).build();
        raw = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        patient = PatientIdentity.qualified(IdentityTraits.builder().birthName("TESTDMP").birthFirstNames("ALICE")
                .birthDate("1979-11-13").sex(Sex.F).birthPlaceCode("99134").build(), Ins.nir("279119913400976"));
        cda = switch (document) {
            case "N1_PDF" -> n1Pdf(CdaFixtures.ONE_MB);
            case "N1_SMALL" -> n1Pdf(4096);
            default -> textElements();
        };
        sdk();
        capturedBody = lastBody.get();
        capturedType = lastType.get();
        if (rawPost() != 200) {
            throw new IllegalStateException("the raw POST must succeed");
        }
    }

    private static byte[] n1Pdf(int pdfBytes) {
        return CdaDocuments.n1Pdf(CdaFixtures.header(), CdaFixtures.pdf(pdfBytes)).toBytes();
    }

    private static byte[] textElements() {
        StringBuilder text = new StringBuilder(1 << 20);
        text.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><ClinicalDocument xmlns=\"urn:hl7-org:v3\"><component>");
        while (text.length() < (1 << 20) - 64) {
            text.append("<text>Lorem ipsum dolor sit amet, consectetur adipiscing elit.</text>\n");
        }
        text.append("</component></ClinicalDocument>");
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private CredentialsProvider credentials() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair keys = g.generateKeyPair();
        signingKey = keys.getPrivate();
        Instant now = Instant.now();
        X500Name dn = new X500Name("CN=BENCH SIGN,O=BENCH,C=FR");
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(dn,
                BigInteger.ONE, Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(1, ChronoUnit.DAYS)), dn,
                keys.getPublic()).build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
        DocumentSigner signer = KeyDocumentSigner.of(KeyMaterial.of(keys.getPrivate(), List.of(cert)));
        byte[] assertion = ("<saml2:Assertion xmlns:saml2=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\"_bench\""
                + " Version=\"2.0\"/>").getBytes(StandardCharsets.UTF_8);
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
                return Optional.of(assertion);
            }

            @Override
            public Optional<DocumentSigner> documentSigner() {
                return Optional.of(signer);
            }
        };
    }

    /** Stops the server and the client. */
    @TearDown
    public void tearDown() {
        dmp.close();
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    /** @return the SDK's receipt of a 1 MiB deposit */
    @Benchmark
    public DepositReceipt sdk() {
        OffsetDateTime t = OffsetDateTime.parse("2026-06-12T10:00:00+02:00");
        DocumentMetadata m = DocumentMetadata.builder().uniqueId(UniqueIds.randomOid()).type(DocumentType.CR_CONSULTATION)
                .contentType("text/xml").title("CR de consultation")
                .facilityType(Code.of(CodeSystems.TRE_R02, "SA07", "Cabinet individuel"))
                .practiceSetting(Code.of(CodeSystems.PRACTICE_SETTING, "AMBULATOIRE", "Ambulatoire"))
                .creationTime(t).serviceStart(t).author(Author.of("810001234567")).build();
        return dmp.documents().deposit(Deposit.builder().patient(patient).document(m, cda).build());
    }

    /** @return the status of a raw POST of the same MTOM bytes (answer read) */
    @Benchmark
    public int rawPost() throws Exception {
        HttpResponse<byte[]> r = raw.send(HttpRequest.newBuilder(repository).header("Content-Type", capturedType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(capturedBody)).build(), HttpResponse.BodyHandlers.ofByteArray());
        return r.statusCode();
    }

    /**
     * The floor no DMPi client can go under: the raw POST plus the cryptography the protocol
     * mandates per deposit, the SHA-1 of the document's canonical form (here of its bytes, the same
     * length, without the parse that canonicalising needs) and one RSA-2048 signature of a
     * SignedInfo-sized block.
     *
     * @return the status, after the digest and the signature were computed
     */
    @Benchmark
    public int rawPostPlusMandatedCrypto() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-1").digest(cda);
        signedInfo[0] = digest[0];
        Signature rsa = Signature.getInstance("SHA1withRSA");
        rsa.initSign(signingKey);
        rsa.update(signedInfo);
        if (rsa.sign().length != 256) {
            throw new IllegalStateException("an RSA-2048 signature has 256 bytes");
        }
        return rawPost();
    }
}
