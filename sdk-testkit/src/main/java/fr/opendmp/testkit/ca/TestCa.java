package fr.opendmp.testkit.ca;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A test IGC Santé: a root "OpenDMP TEST IGC Santé" and an intermediate that issue structure,
 * server and professional certificates on the fly, with realistic DNs (after the ANS IGC Santé certificate policies):
 * {@code C=FR, ST=Paris (75), O=<organisation>, OU=<Struct_IdNat>, CN=<label>}. Thread-safe.
 *
 * <pre>{@code
 * TestCa ca = TestCa.create("OpenDMP TEST IGC Santé");
 * IssuedCertificate tls = ca.structureAuthClient("10B0167011", "Hôpital de Test");
 * IssuedCertificate expired = ca.issue(CertificateProfile.ORG_SIGN).structure("10B0167011", "Hôpital de Test")
 *         .expired().issue();
 * TestCa foreign = TestCa.create("Foreign CA");  // for "wrong CA" tests
 * }</pre>
 */
public final class TestCa {

    private static final String SIGNATURE = "SHA256withRSA";
    private static final JcaX509CertificateConverter CONVERTER = new JcaX509CertificateConverter();

    private final String name;
    private final Clock clock;
    private final KeyPair rootKeys;
    private final X509Certificate root;
    private final KeyPair intermediateKeys;
    private final X509Certificate intermediate;
    private final AtomicLong serials = new AtomicLong(System.nanoTime() & 0xFFFFFFFL);
    private final Map<BigInteger, Instant> revoked = new ConcurrentHashMap<>();
    /** The last CRL built, reused while nothing was revoked since and it is less than an hour old. */
    private final AtomicReference<CachedCrl> lastCrl = new AtomicReference<>();

    private record CachedCrl(int revokedCount, Instant built, X509CRL crl) {
    }

    private TestCa(String name, Clock clock) {
        this.name = name;
        this.clock = clock;
        Instant now = clock.instant();
        this.rootKeys = newKeyPair();
        this.root = build(dn(name + " Root", null, null), rootKeys, rootKeys.getPrivate(),
                dn(name + " Root", null, null), now.minus(Duration.ofDays(365)), now.plus(Duration.ofDays(3650)),
                Kind.ROOT, List.of());
        this.intermediateKeys = newKeyPair();
        this.intermediate = build(dn(name + " Organisations", null, null), intermediateKeys, rootKeys.getPrivate(),
                dn(name + " Root", null, null), now.minus(Duration.ofDays(365)), now.plus(Duration.ofDays(3650)),
                Kind.INTERMEDIATE, List.of());
    }

    /**
     * @param name the name
     * @return a CA with the given name and the system clock
     */
    public static TestCa create(String name) {
        return new TestCa(Objects.requireNonNull(name, "name"), Clock.systemUTC());
    }

    /**
     * @param name the name
     * @param clock the clock
     * @return a CA whose validity periods are relative to the given clock
     */
    public static TestCa create(String name, Clock clock) {
        return new TestCa(Objects.requireNonNull(name, "name"), Objects.requireNonNull(clock, "clock"));
    }

    /**
     * @return the CA's name
     */
    public String name() {
        return name;
    }

    /**
     * @return the root certificate (the trust anchor)
     */
    public X509Certificate root() {
        return root;
    }

    /**
     * @return the intermediate that issues the end-entity certificates
     */
    public X509Certificate intermediate() {
        return intermediate;
    }

    /**
     * @return the root in PEM, e.g. for a trust store file
     */
    public String rootPem() {
        return IssuedCertificate.pem(root);
    }

    /**
     * @param structureId the structure id
     * @param organisation the organisation
     * @return a valid structure TLS client certificate
     */
    public IssuedCertificate structureAuthClient(String structureId, String organisation) {
        return issue(CertificateProfile.ORG_AUTH_CLI).structure(structureId, organisation).issue();
    }

    /**
     * @param structureId the structure id
     * @param organisation the organisation
     * @return a valid structure seal (ORG SIGN) certificate
     */
    public IssuedCertificate structureSign(String structureId, String organisation) {
        return issue(CertificateProfile.ORG_SIGN).structure(structureId, organisation).issue();
    }

    /**
     * @return a valid server certificate for localhost and 127.0.0.1
     */
    public IssuedCertificate server() {
        return issue(CertificateProfile.SERVER).issue();
    }

    /**
     * @param idNatPs the professional's national identifier (IdNat_PS)
     * @param surname the surname
     * @param givenName the given name
     * @return a valid professional (card-like) authentication certificate
     */
    public IssuedCertificate professional(String idNatPs, String surname, String givenName) {
        return issue(CertificateProfile.PP_AUTH).professional(idNatPs, surname, givenName).issue();
    }

    /**
     * @param profile the profile
     * @return a request to customise (validity, usage…)
     */
    public Request issue(CertificateProfile profile) {
        return new Request(Objects.requireNonNull(profile, "profile"));
    }

    /**
     * Marks a certificate revoked; it appears in the next {@link #crl()}.
     * @param certificate the certificate
     */
    public void revoke(X509Certificate certificate) {
        revoked.put(certificate.getSerialNumber(), clock.instant());
    }

    /**
     * @return a CRL of the intermediate listing every revoked certificate, valid one day (the same
     *     CRL is returned again while nothing is revoked and it is less than an hour old: signing one
     *     per VIHF verification was the fake's main per-request cost)
     */
    public X509CRL crl() {
        Instant now = clock.instant();
        CachedCrl cached = lastCrl.get();
        if (cached != null && cached.revokedCount() == revoked.size() && !now.isBefore(cached.built())
                && now.isBefore(cached.built().plus(Duration.ofHours(1)))) {
            return cached.crl();
        }
        int count = revoked.size();
        X509CRL fresh = buildCrl(now);
        lastCrl.set(new CachedCrl(count, now, fresh));
        return fresh;
    }

    private X509CRL buildCrl(Instant now) {
        try {
            X509v2CRLBuilder builder = new X509v2CRLBuilder(
                    X500Name.getInstance(intermediate.getSubjectX500Principal().getEncoded()),
                    Date.from(now.minusSeconds(60)));
            builder.setNextUpdate(Date.from(now.plus(Duration.ofDays(1))));
            revoked.forEach((serial, when) -> builder.addCRLEntry(serial, Date.from(when), CRLReason.keyCompromise));
            ContentSigner signer = new JcaContentSignerBuilder(SIGNATURE).build(intermediateKeys.getPrivate());
            return new JcaX509CRLConverter().getCRL(builder.build(signer));
        } catch (Exception e) {
            throw new IllegalStateException("cannot build the CRL", e);
        }
    }

    /**
     * A certificate to issue; settings have defaults (a valid certificate of the profile) and may be
     * given once ({@link #expired()} and {@link #notYetValid()} set the validity).
     */
    public final class Request {

        private final Set<String> given = new HashSet<>();

        private void once(String setting) {
            if (!given.add(setting)) {
                throw new IllegalStateException(setting + " was already set");
            }
        }

        private final CertificateProfile profile;
        private String structureId = "10B0167011";
        private String organisation = "Centre Hospitalier de Test";
        private String commonName;
        private String idNat = "899700366240";
        private String surname = "TEST";
        private String givenName = "Paul";
        private Instant notBefore;
        private Instant notAfter;
        private boolean wrongUsage;
        private boolean revoke;
        private List<String> hosts = List.of("localhost", "127.0.0.1");

        private Request(CertificateProfile profile) {
            this.profile = profile;
        }

        /**
         * @param id the id
         * @param organisationName the organisation name
         * @return this request, for a structure ({@code OU} and {@code O})
         */
        public Request structure(String id, String organisationName) {
            once("structure");
            this.structureId = Objects.requireNonNull(id, "id");
            this.organisation = Objects.requireNonNull(organisationName, "organisationName");
            return this;
        }

        /**
         * @param idNatPs the professional's national identifier (IdNat_PS)
         * @param surnameValue the surname value
         * @param givenNameValue the given name value
         * @return this request, with a professional's IdNat_PS (CN), surname and given name
         */
        public Request professional(String idNatPs, String surnameValue, String givenNameValue) {
            once("professional");
            this.idNat = Objects.requireNonNull(idNatPs, "idNatPs");
            this.surname = Objects.requireNonNull(surnameValue, "surnameValue");
            this.givenName = Objects.requireNonNull(givenNameValue, "givenNameValue");
            return this;
        }

        /**
         * @param value the common name
         * @return this request, with a CN label (default per profile, e.g. {@code DMP AUTH_CLI})
         */
        public Request commonName(String value) {
            once("commonName");
            this.commonName = Objects.requireNonNull(value, "value");
            return this;
        }

        /**
         * @param names the names
         * @return this request, for server names (DNS names or IP addresses)
         */
        public Request hosts(String... names) {
            once("hosts");
            this.hosts = List.of(names);
            return this;
        }

        /**
         * @param from the from
         * @param to the to
         * @return this request, valid in the given period
         */
        public Request validity(Instant from, Instant to) {
            once("validity");
            this.notBefore = Objects.requireNonNull(from, "from");
            this.notAfter = Objects.requireNonNull(to, "to");
            return this;
        }

        /**
         * @return this request, expired yesterday
         */
        public Request expired() {
            Instant now = clock.instant();
            return validity(now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(1)));
        }

        /**
         * @return this request, valid from tomorrow
         */
        public Request notYetValid() {
            Instant now = clock.instant();
            return validity(now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(400)));
        }

        /**
         * @return this request, with the wrong usage: a TLS client without clientAuth (serverAuth
         *     instead), a seal with only keyEncipherment
         */
        public Request wrongUsage() {
            once("wrongUsage");
            this.wrongUsage = true;
            return this;
        }

        /**
         * @return this request, revoked as soon as issued (listed in the CRL)
         */
        public Request revoked() {
            once("revoked");
            this.revoke = true;
            return this;
        }

        /**
         * @return the issued certificate, chain leaf → intermediate → root
         */
        public IssuedCertificate issue() {
            Instant now = clock.instant();
            Instant from = notBefore != null ? notBefore : now.minus(Duration.ofDays(1));
            Instant to = notAfter != null ? notAfter : now.plus(Duration.ofDays(365));
            KeyPair keys = newKeyPair();
            X500Name subject = switch (profile) {
                case ORG_AUTH_CLI -> dn(commonName != null ? commonName : "DMP AUTH_CLI", organisation, structureId);
                case ORG_SIGN -> dn(commonName != null ? commonName : "DMP SIGN", organisation, structureId);
                case SERVER -> dn(commonName != null ? commonName : hosts.get(0), "OpenDMP Test Server", null);
                case PP_AUTH, PP_SIGN -> personDn();
            };
            X509Certificate leaf = build(subject, keys, intermediateKeys.getPrivate(),
                    X500Name.getInstance(intermediate.getSubjectX500Principal().getEncoded()), from, to,
                    kind(), hosts);
            if (revoke) {
                revoked.put(leaf.getSerialNumber(), now);
            }
            return new IssuedCertificate(keys.getPrivate(), List.of(leaf, intermediate, root));
        }

        private Kind kind() {
            return switch (profile) {
                case ORG_AUTH_CLI, PP_AUTH -> wrongUsage ? Kind.SERVER : Kind.TLS_CLIENT;
                case ORG_SIGN, PP_SIGN -> wrongUsage ? Kind.ENCRYPTION : Kind.SEAL;
                case SERVER -> wrongUsage ? Kind.TLS_CLIENT : Kind.SERVER;
            };
        }

        private X500Name personDn() {
            return new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.C, "FR")
                    .addRDN(BCStyle.O, organisation)
                    .addRDN(BCStyle.OU, structureId)
                    .addRDN(BCStyle.SURNAME, surname)
                    .addRDN(BCStyle.GIVENNAME, givenName)
                    .addRDN(BCStyle.CN, idNat)
                    .build();
        }
    }

    private enum Kind { ROOT, INTERMEDIATE, TLS_CLIENT, SEAL, SERVER, ENCRYPTION }

    private static X500Name dn(String commonName, String organisation, String structureId) {
        X500NameBuilder builder = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "FR");
        if (organisation != null) {
            builder.addRDN(BCStyle.ST, "Paris (75)").addRDN(BCStyle.O, organisation);
        } else {
            builder.addRDN(BCStyle.O, "OpenDMP TEST");
        }
        if (structureId != null) {
            builder.addRDN(BCStyle.OU, structureId);
        }
        return builder.addRDN(BCStyle.CN, commonName).build();
    }

    private X509Certificate build(X500Name subject, KeyPair subjectKeys, PrivateKey issuerKey, X500Name issuer,
            Instant from, Instant to, Kind kind, List<String> hosts) {
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                    BigInteger.valueOf(serials.incrementAndGet()), Date.from(from), Date.from(to), subject,
                    subjectKeys.getPublic());
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    utils.createSubjectKeyIdentifier(subjectKeys.getPublic()));
            switch (kind) {
                case ROOT, INTERMEDIATE -> {
                    builder.addExtension(Extension.basicConstraints, true,
                            new BasicConstraints(kind == Kind.ROOT ? 1 : 0));
                    builder.addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
                }
                case TLS_CLIENT -> {
                    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                    builder.addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
                    builder.addExtension(Extension.extendedKeyUsage, false,
                            new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
                }
                case SEAL -> {
                    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                    builder.addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.nonRepudiation | KeyUsage.digitalSignature));
                }
                case ENCRYPTION -> {
                    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                    builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyEncipherment));
                }
                case SERVER -> {
                    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                    builder.addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
                    builder.addExtension(Extension.extendedKeyUsage, false,
                            new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
                    List<GeneralName> names = new ArrayList<>();
                    for (String host : hosts) {
                        names.add(new GeneralName(host.matches("[0-9.]+") || host.contains(":")
                                ? GeneralName.iPAddress : GeneralName.dNSName, host));
                    }
                    builder.addExtension(Extension.subjectAlternativeName, false,
                            new GeneralNames(names.toArray(GeneralName[]::new)));
                }
                default -> throw new IllegalStateException(kind.name());
            }
            if (kind != Kind.ROOT && kind != Kind.INTERMEDIATE) {
                builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                    new DistributionPoint(new DistributionPointName(new GeneralNames(new GeneralName(
                            GeneralName.uniformResourceIdentifier, "http://127.0.0.1/opendmp-test-ca.crl"))), null, null)
                }));
            }
            ContentSigner signer = new JcaContentSignerBuilder(SIGNATURE).build(issuerKey);
            return CONVERTER.getCertificate(builder.build(signer));
        } catch (Exception e) {
            throw new IllegalStateException("cannot issue a test certificate", e);
        }
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, new SecureRandom());
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA missing", e);
        }
    }

    @Override
    public String toString() {
        return "TestCa[" + name + "]";
    }
}
