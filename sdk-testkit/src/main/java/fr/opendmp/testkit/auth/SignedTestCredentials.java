package fr.opendmp.testkit.auth;

import fr.opendmp.core.code.CodeSystems;
import fr.opendmp.core.code.Code;
import fr.opendmp.auth.keys.TrustAnchors;
import fr.opendmp.auth.provider.AuthCredentialsProvider;
import fr.opendmp.auth.provider.CredentialPlacement;
import fr.opendmp.auth.provider.CredentialSource;
import fr.opendmp.auth.tls.MutualTls;
import fr.opendmp.core.caller.AuthenticationMode;
import fr.opendmp.core.party.Professional;
import fr.opendmp.auth.vihf.Software;
import fr.opendmp.core.party.Organization;
import fr.opendmp.auth.vihf.VihfIssuer;
import fr.opendmp.auth.vihf.VihfSigner;
import fr.opendmp.core.credentials.CredentialsProvider;
import fr.opendmp.testkit.ca.IssuedCertificate;
import fr.opendmp.testkit.ca.TestCa;
import java.security.KeyStore;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Ready-made test credentials from a {@link TestCa}: a structure with its ORG AUTH_CLI (TLS) and
 * ORG SIGN (VIHF) certificates, a general practitioner, a server certificate for loopback, and the
 * matching {@link VihfVerifier}. For wiring a client to a fake service in a few lines.
 *
 * <pre>{@code
 * SignedTestCredentials credentials = SignedTestCredentials.create(TestCa.create("OpenDMP TEST IGC Santé"), clock);
 * HttpsServer server = ...; server.setHttpsConfigurator(new HttpsConfigurator(credentials.serverSslContext()) {...});
 * CredentialsProvider provider = credentials.provider(SamlHeaderPlacement.iheSaml());
 * VihfVerifier verifier = credentials.verifier();
 * }</pre>
 */
public final class SignedTestCredentials {

    /** The structure id of the test structure (its certificates' OU). */
    public static final String STRUCTURE_ID = "10B0167011";
    /** The IdNat_PS of the test general practitioner. */
    public static final String DOCTOR_ID = "899700366240";

    private final TestCa ca;
    private final Clock clock;
    private final IssuedCertificate tlsClient;
    private final IssuedCertificate signing;
    private final IssuedCertificate server;

    private SignedTestCredentials(TestCa ca, Clock clock) {
        this.ca = ca;
        this.clock = clock;
        this.tlsClient = ca.structureAuthClient(STRUCTURE_ID, "Centre Hospitalier de Test");
        this.signing = ca.structureSign(STRUCTURE_ID, "Centre Hospitalier de Test");
        this.server = ca.server();
    }

    /**
     * @param ca the test CA that issues every certificate
     * @param clock the clock of the VIHFs and of the verifier
     * @return the credentials (three certificates are issued now)
     */
    public static SignedTestCredentials create(TestCa ca, Clock clock) {
        return new SignedTestCredentials(Objects.requireNonNull(ca, "ca"), Objects.requireNonNull(clock, "clock"));
    }

    /** @return the test general practitioner (10 / SM26) */
    public static Professional doctor() {
        return Professional.of(DOCTOR_ID, "Paul", "TEST")
                .withProfession(Code.of(CodeSystems.TRE_G15, "10", "Médecin"))
                .withSpecialty(Code.of(CodeSystems.TRE_R38, "SM26", "Qualifié en médecine générale"));
    }

    /** @return the test structure */
    public static Organization structure() {
        return Organization.of(STRUCTURE_ID).withSector(Code.of(CodeSystems.TRE_R02, "SA07", "Secteur SA07"));
    }

    /** @return the test software */
    public static Software software() {
        return new Software("OpenDMP Test", "0.1.0", "KIR-opendmp-test", Optional.empty());
    }

    /** @return the CA */
    public TestCa ca() {
        return ca;
    }

    /** @return the structure's TLS client certificate (ORG AUTH_CLI) */
    public IssuedCertificate tlsClient() {
        return tlsClient;
    }

    /** @return the structure's VIHF signing certificate (ORG SIGN) */
    public IssuedCertificate signing() {
        return signing;
    }

    /** @return the server certificate (localhost, 127.0.0.1) */
    public IssuedCertificate server() {
        return server;
    }

    /** @return a VIHF issuer for the test doctor, signing with the ORG SIGN certificate */
    public VihfIssuer vihfIssuer() {
        return VihfIssuer.builder().signer(new VihfSigner(signing.keyMaterial())).professional(doctor())
                .structure(structure()).software(software()).clock(clock).build();
    }

    /**
     * @param mode the VIHF {@code Authentification_Mode} (the fake DMP refuses consultation in
     *     {@code INDIRECTE}, business rules of the PDSM4DMP implementation guide)
     * @return a VIHF issuer for the test doctor in this mode, signing with the ORG SIGN certificate
     */
    public VihfIssuer vihfIssuer(AuthenticationMode mode) {
        return VihfIssuer.builder().signer(new VihfSigner(signing.keyMaterial())).professional(doctor())
                .structure(structure()).software(software()).mode(Objects.requireNonNull(mode, "mode")).clock(clock)
                .build();
    }

    /**
     * @param placement where the VIHF travels on each request
     * @param mode the VIHF {@code Authentification_Mode}
     * @return a provider: mTLS with the AUTH_CLI certificate trusting the CA, and a VIHF per request
     */
    public CredentialsProvider provider(CredentialPlacement placement, AuthenticationMode mode) {
        return AuthCredentialsProvider.builder().sslContext(clientSslContext())
                .source(CredentialSource.vihf(vihfIssuer(mode))).placement(placement).build();
    }

    /**
     * @param placement where the VIHF travels on each request
     * @return a provider: mTLS with the AUTH_CLI certificate trusting the CA, and a VIHF per request
     */
    public CredentialsProvider provider(CredentialPlacement placement) {
        return AuthCredentialsProvider.builder().sslContext(clientSslContext())
                .source(CredentialSource.vihf(vihfIssuer())).placement(placement).build();
    }

    /** @return the client TLS context: AUTH_CLI certificate, trusting the CA root only */
    public SSLContext clientSslContext() {
        return MutualTls.builder().clientKey(tlsClient.keyMaterial()).trust(TrustAnchors.of(List.of(ca.root())))
                .clock(clock).build();
    }

    /**
     * @return a server TLS context with the server certificate, trusting the CA root for client
     *     certificates (ask for them with {@code setNeedClientAuth(true)})
     */
    public SSLContext serverSslContext() {
        try {
            char[] password = "test".toCharArray();
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(server.pkcs12(password), password);
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("root", ca.root());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException("cannot build the test server TLS context", e);
        }
    }

    /** @return a verifier trusting the CA, on the same clock */
    public VihfVerifier verifier() {
        return VihfVerifier.builder().trust(ca).clock(clock).build();
    }

    @Override
    public String toString() {
        return "SignedTestCredentials[" + ca + ", structure " + STRUCTURE_ID + "]";
    }
}
