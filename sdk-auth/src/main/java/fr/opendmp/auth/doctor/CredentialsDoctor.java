package fr.opendmp.auth.doctor;

import fr.opendmp.auth.keys.KeyMaterial;
import fr.opendmp.auth.keys.KeyMaterialException;
import fr.opendmp.auth.keys.KeyMaterials;
import fr.opendmp.auth.keys.TrustAnchors;
import fr.opendmp.auth.keys.internal.PemReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

/**
 * Examines a PKCS#12 or PEM file and says what it is and what it can serve. It never prints a key
 * or a password.
 *
 * <pre>{@code
 * DoctorReport report = CredentialsDoctor.create().examine(Path.of("cert.p12"), Optional.of(password));
 * System.out.println(report.toText());
 * }</pre>
 */
public final class CredentialsDoctor {

    private static final String[] KEY_USAGES = {"digitalSignature", "nonRepudiation", "keyEncipherment",
        "dataEncipherment", "keyAgreement", "keyCertSign", "cRLSign", "encipherOnly", "decipherOnly"};
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";

    private final Optional<TrustAnchors> trust;
    private final Clock clock;

    private CredentialsDoctor(Optional<TrustAnchors> trust, Clock clock) {
        this.trust = trust;
        this.clock = clock;
    }

    /**
     * @return a doctor without trust anchors (the chain is described, not verified), system clock
     */
    public static CredentialsDoctor create() {
        return new CredentialsDoctor(Optional.empty(), Clock.systemUTC());
    }

    /**
     * @param trust the IGC Santé anchors to verify chains against
     * @param clock the clock
     * @return a doctor that also verifies the chain
     */
    public static CredentialsDoctor create(Optional<TrustAnchors> trust, Clock clock) {
        return new CredentialsDoctor(Objects.requireNonNull(trust, "trust"), Objects.requireNonNull(clock, "clock"));
    }

    /**
     * @param file a PKCS#12 (.p12/.pfx) or PEM file
     * @return whether a file looks like PEM (text with a BEGIN line) rather than PKCS#12
     */
    public static boolean isPem(Path file) {
        try (var in = Files.newInputStream(file)) {
            return new String(in.readNBytes(4096), java.nio.charset.StandardCharsets.US_ASCII).contains("-----BEGIN ");
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * @param file a PKCS#12 (.p12/.pfx) or PEM file
     * @return whether the file needs a password to be examined (a PKCS#12, or an encrypted PEM key)
     */
    public static boolean needsPassword(Path file) {
        if (!isPem(file)) {
            return true;
        }
        try (var in = Files.newInputStream(file)) {
            return new String(in.readNBytes(1 << 20), java.nio.charset.StandardCharsets.US_ASCII).contains("ENCRYPTED");
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * @param file a PKCS#12 (.p12/.pfx) or PEM file
     * @param password the password of the store or key, if any
     * @return the diagnosis (never throws for a bad file: the report says what is wrong)
     */
    public DoctorReport examine(Path file, Optional<char[]> password) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(password, "password");
        String name = file.getFileName().toString();
        List<String> findings = new ArrayList<>();
        List<X509Certificate> chain = new ArrayList<>();
        boolean hasKey = false;
        boolean pem = isPem(file);
        String format = pem ? "PEM" : "PKCS#12";
        if (!Files.isReadable(file)) {
            findings.add("the file cannot be read: " + file);
        } else if (pem) {
            try {
                KeyMaterial key = KeyMaterials.fromPem(List.of(file), password);
                chain.addAll(key.chain());
                hasKey = true;
            } catch (KeyMaterialException e) {
                findings.add(e.getMessage());
                try {
                    chain.addAll(PemReader.read(readLimited(file), Optional.empty(), name).certificates());
                } catch (KeyMaterialException | IOException ignored) {
                    // the finding above already says it
                }
            }
        } else {
            try {
                KeyMaterial key = KeyMaterials.fromPkcs12(file, password.orElse(new char[0]), Optional.empty());
                chain.addAll(key.chain());
                hasKey = true;
            } catch (KeyMaterialException e) {
                findings.add(password.isEmpty() && e.reason() == KeyMaterialException.Reason.WRONG_PASSWORD
                        ? "a PKCS#12 file needs its password" : e.getMessage());
                if (e.reason() == KeyMaterialException.Reason.MISSING_PRIVATE_KEY) {
                    chain.addAll(certificatesOnly(file, password.orElse(new char[0])));
                }
            }
        }
        Instant now = clock.instant();
        Optional<CertificateFacts> facts = chain.isEmpty() ? Optional.empty()
                : Optional.of(facts(chain.get(0), chain.size()));
        String chainStatus = chainStatus(chain, now);
        List<ServiceVerdict> verdicts = verdicts(facts, hasKey, chain, now, chainStatus);
        return new DoctorReport(name, format, hasKey, facts, chainStatus, findings, verdicts);
    }

    private String chainStatus(List<X509Certificate> chain, Instant now) {
        if (chain.isEmpty()) {
            return "no certificate";
        }
        X509Certificate leaf = chain.get(0);
        if (leaf.getSubjectX500Principal().equals(leaf.getIssuerX500Principal()) && leaf.getBasicConstraints() < 0) {
            return "SELF-SIGNED: not issued by IGC Santé, the DMP will refuse it";
        }
        if (trust.isEmpty()) {
            return "not verified (give the IGC Santé trust anchors to verify it)";
        }
        try {
            trust.get().verify(chain, now);
            return "verified up to " + trust.get().certificates().get(0).getSubjectX500Principal().getName();
        } catch (KeyMaterialException e) {
            return "DOES NOT VERIFY: " + e.getMessage();
        }
    }

    private List<ServiceVerdict> verdicts(Optional<CertificateFacts> facts, boolean hasKey,
            List<X509Certificate> chain, Instant now, String chainStatus) {
        List<String> common = new ArrayList<>();
        if (facts.isEmpty()) {
            common.add("no certificate could be read");
        } else {
            CertificateFacts c = facts.get();
            if (!hasKey) {
                common.add("no private key: export the certificate together with its private key");
            }
            if (now.isAfter(c.notAfter())) {
                common.add("the certificate expired on " + c.notAfter() + ": renew it");
            } else if (now.isBefore(c.notBefore())) {
                common.add("the certificate is valid only from " + c.notBefore());
            }
            if (chainStatus.startsWith("SELF-SIGNED")) {
                common.add("the certificate is self-signed: get one from IGC Santé (TEST hierarchy for tests)");
            }
            if (chainStatus.startsWith("DOES NOT VERIFY")) {
                common.add("the chain does not verify against the given IGC Santé anchors");
            }
        }
        List<String> tls = new ArrayList<>(common);
        List<String> signing = new ArrayList<>(common);
        facts.ifPresent(c -> {
            boolean clientAuth = c.extendedKeyUsages().isEmpty() || c.extendedKeyUsages().contains("clientAuth");
            if (!clientAuth) {
                tls.add("its extended key usage does not allow TLS client authentication (clientAuth)");
            }
            if (!c.keyUsages().isEmpty() && !c.keyUsages().contains("digitalSignature")) {
                tls.add("its key usage lacks digitalSignature");
            }
            if (c.type() != CertificateType.ORG_AUTH_CLI && c.type() != CertificateType.PP_AUTH && clientAuth) {
                tls.add("it is a " + c.type().description() + ", not an ORG AUTH_CLI or card authentication certificate");
            }
            if (!c.keyUsages().isEmpty() && !c.keyUsages().contains("digitalSignature")
                    && !c.keyUsages().contains("nonRepudiation")) {
                signing.add("its key usage allows neither digitalSignature nor nonRepudiation");
            }
            if (c.type() == CertificateType.ORG_AUTH_CLI) {
                signing.add("an ORG AUTH_CLI certificate is for TLS; sign the VIHF with the structure's ORG SIGN (cachet)");
            } else if (c.type() != CertificateType.ORG_SIGN && c.type() != CertificateType.PP_SIGN) {
                signing.add("it is a " + c.type().description() + ", not an ORG SIGN or card signature certificate");
            }
            if (!c.keyAlgorithm().startsWith("RSA")) {
                signing.add("the VIHF is signed with RSA-SHA256: an RSA key is needed");
            }
        });
        List<String> insi = new ArrayList<>();
        if (!tls.isEmpty()) {
            insi.add("INSi needs a TLS client certificate (ORG AUTH_CLI or card); this file is not usable for that");
        }
        insi.add("INSi also needs a VIHF signed with an ORG SIGN certificate (a second file) in indirect mode");
        boolean insiUsable = tls.isEmpty();
        if (insiUsable) {
            insi.clear();
        }
        return List.of(new ServiceVerdict(Service.TLS_CLIENT, tls.isEmpty(), tls),
                new ServiceVerdict(Service.VIHF_SIGNING, signing.isEmpty(), signing),
                new ServiceVerdict(Service.INSI, insiUsable, insi));
    }

    static CertificateFacts facts(X509Certificate leaf, int chainLength) {
        List<String> usages = new ArrayList<>();
        boolean[] bits = leaf.getKeyUsage();
        if (bits != null) {
            for (int i = 0; i < bits.length && i < KEY_USAGES.length; i++) {
                if (bits[i]) {
                    usages.add(KEY_USAGES[i]);
                }
            }
        }
        List<String> ekus = new ArrayList<>();
        try {
            List<String> oids = leaf.getExtendedKeyUsage();
            if (oids != null) {
                for (String oid : oids) {
                    ekus.add(switch (oid) {
                        case CLIENT_AUTH -> "clientAuth";
                        case SERVER_AUTH -> "serverAuth";
                        case "1.3.6.1.5.5.7.3.4" -> "emailProtection";
                        default -> oid;
                    });
                }
            }
        } catch (CertificateParsingException e) {
            ekus.add("(unreadable)");
        }
        String dn = leaf.getSubjectX500Principal().getName(X500Principal.RFC2253,
                java.util.Map.of("2.5.4.42", "GN", "2.5.4.4", "SN"));
        Optional<String> ou = rdn(leaf, "OU");
        Optional<String> cn = rdn(leaf, "CN");
        boolean person = rdn(leaf, "2.5.4.42").isPresent() || rdn(leaf, "2.5.4.4").isPresent()
                || cn.map(v -> v.matches("[0-9]{10,12}")).orElse(false) && ou.isEmpty();
        CertificateType type;
        if (leaf.getBasicConstraints() >= 0) {
            type = CertificateType.CA;
        } else if (ekus.contains("serverAuth") && !ekus.contains("clientAuth")) {
            type = CertificateType.SERVER;
        } else if (person) {
            type = usages.contains("nonRepudiation") && !ekus.contains("clientAuth")
                    ? CertificateType.PP_SIGN : CertificateType.PP_AUTH;
        } else if (ekus.contains("clientAuth")) {
            type = CertificateType.ORG_AUTH_CLI;
        } else if (usages.contains("nonRepudiation")) {
            type = CertificateType.ORG_SIGN;
        } else if (!usages.isEmpty() && !usages.contains("digitalSignature")
                && (usages.contains("keyEncipherment") || usages.contains("dataEncipherment"))) {
            type = CertificateType.ORG_CONF;
        } else {
            type = CertificateType.UNKNOWN;
        }
        String algorithm = leaf.getPublicKey() instanceof RSAPublicKey rsa
                ? "RSA " + rsa.getModulus().bitLength() : leaf.getPublicKey().getAlgorithm();
        return new CertificateFacts(type, dn, leaf.getIssuerX500Principal().getName(), ou,
                person ? cn : Optional.empty(), leaf.getNotBefore().toInstant(), leaf.getNotAfter().toInstant(),
                usages, ekus, algorithm, chainLength);
    }

    private static Optional<String> rdn(X509Certificate certificate, String type) {
        try {
            LdapName name = new LdapName(certificate.getSubjectX500Principal().getName(X500Principal.RFC2253));
            for (Rdn rdn : name.getRdns()) {
                if (rdn.getType().equalsIgnoreCase(type)) {
                    return Optional.of(String.valueOf(rdn.getValue() instanceof byte[] b
                            ? decodeString(b) : rdn.getValue()));
                }
            }
        } catch (InvalidNameException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static String decodeString(byte[] der) {
        // DER string: tag, length, bytes (short form is enough for names)
        if (der.length > 2 && (der[1] & 0x80) == 0) {
            return new String(der, 2, der.length - 2, java.nio.charset.StandardCharsets.UTF_8);
        }
        return "?";
    }

    private static byte[] readLimited(Path file) throws IOException {
        if (Files.size(file) > (1 << 20)) {
            throw new IOException("larger than 1 MiB");
        }
        return Files.readAllBytes(file);
    }

    private static List<X509Certificate> certificatesOnly(Path file, char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(readLimited(file)), password);
            List<X509Certificate> all = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                if (store.getCertificate(alias) instanceof X509Certificate c) {
                    all.add(c);
                }
            }
            return all;
        } catch (Exception e) {
            return List.of();
        }
    }
}
