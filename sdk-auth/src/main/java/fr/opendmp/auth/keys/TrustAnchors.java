package fr.opendmp.auth.keys;

import fr.opendmp.auth.keys.KeyMaterialException.Reason;
import fr.opendmp.auth.keys.internal.PemReader;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The certificates an environment trusts (the IGC Santé roots of production or of the TEST
 * hierarchy, supplied by the user), and chain verification against them. Immutable.
 */
public final class TrustAnchors {

    private final List<X509Certificate> certificates;
    private final List<X509CRL> crls;

    private TrustAnchors(List<X509Certificate> certificates, List<X509CRL> crls) {
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("a trust store needs at least one certificate");
        }
        this.certificates = List.copyOf(certificates);
        this.crls = List.copyOf(crls);
    }

    /**
     * @param certificates the trusted certificates (roots, or intermediates to pin)
     * @return the anchors
     */
    public static TrustAnchors of(List<X509Certificate> certificates) {
        return new TrustAnchors(Objects.requireNonNull(certificates, "certificates"), List.of());
    }

    /**
     * @param pemFiles PEM files of trusted certificates
     * @return the anchors
     * @throws KeyMaterialException if a file is unreadable or holds no certificate
     */
    public static TrustAnchors fromPem(List<Path> pemFiles) {
        List<X509Certificate> all = new ArrayList<>();
        for (Path file : pemFiles) {
            all.addAll(PemReader.read(KeyMaterials.read(file), Optional.empty(),
                    file.getFileName().toString()).certificates());
        }
        if (all.isEmpty()) {
            throw new KeyMaterialException(Reason.UNREADABLE, "no certificate in " + pemFiles);
        }
        return of(all);
    }

    /**
     * @param file a PKCS#12 or JKS trust store
     * @param password its password
     * @return the anchors (every certificate entry)
     */
    public static TrustAnchors fromKeyStoreFile(Path file, char[] password) {
        byte[] bytes = KeyMaterials.read(file);
        for (String type : List.of("PKCS12", "JKS")) {
            try {
                KeyStore store = KeyStore.getInstance(type);
                store.load(new ByteArrayInputStream(bytes), password);
                return fromKeyStore(store);
            } catch (Exception e) {
                // try the next type
            }
        }
        throw new KeyMaterialException(Reason.UNREADABLE,
                file.getFileName() + " is not a PKCS#12 or JKS trust store, or its password is wrong");
    }

    /**
     * @param store a loaded key store
     * @return the anchors (every certificate in it)
     */
    public static TrustAnchors fromKeyStore(KeyStore store) {
        try {
            List<X509Certificate> all = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                if (store.getCertificate(alias) instanceof X509Certificate c) {
                    all.add(c);
                }
            }
            return of(all);
        } catch (GeneralSecurityException e) {
            throw new KeyMaterialException(Reason.UNREADABLE, "cannot read the trust store", e);
        }
    }

    /**
     * @param revocationLists CRLs to check the leaf certificate against (no OCSP, no download)
     * @return a copy that also checks the leaf's revocation with these CRLs
     */
    public TrustAnchors withCrls(List<X509CRL> revocationLists) {
        return new TrustAnchors(certificates, revocationLists);
    }

    /**
     * @return the trusted certificates
     */
    public List<X509Certificate> certificates() {
        return certificates;
    }

    /**
     * @return the trusted certificates as an in-memory PKCS#12 store, e.g. for a TrustManagerFactory
     */
    public KeyStore toKeyStore() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int i = 0;
            for (X509Certificate c : certificates) {
                store.setCertificateEntry("anchor-" + i++, c);
            }
            return store;
        } catch (Exception e) {
            throw new IllegalStateException("cannot build an in-memory trust store", e);
        }
    }

    /**
     * Verifies a chain (leaf first) up to one of these anchors at an instant.
     *
     * @param chain the chain, leaf first
     * @param at the instant of verification
     * @throws KeyMaterialException with {@code CHAIN_INVALID} (or {@code CERTIFICATE_EXPIRED})
     *     saying which certificate failed and why
     */
    public void verify(List<X509Certificate> chain, Instant at) {
        Objects.requireNonNull(chain, "chain");
        if (chain.isEmpty()) {
            throw new KeyMaterialException(Reason.MISSING_CERTIFICATE, "no certificate to verify");
        }
        List<X509Certificate> path = new ArrayList<>(chain);
        path.removeIf(certificates::contains);
        if (path.isEmpty()) {
            return; // the leaf itself is pinned
        }
        try {
            Set<TrustAnchor> anchors = new HashSet<>();
            for (X509Certificate c : certificates) {
                anchors.add(new TrustAnchor(c, null));
            }
            PKIXParameters parameters = new PKIXParameters(anchors);
            parameters.setDate(Date.from(at));
            parameters.setRevocationEnabled(false);
            CertPathValidator validator = CertPathValidator.getInstance("PKIX");
            if (!crls.isEmpty()) {
                // the given CRLs decide for the leaf; no OCSP, no network
                parameters.addCertStore(CertStore.getInstance("Collection",
                        new CollectionCertStoreParameters(crls)));
                PKIXRevocationChecker checker = (PKIXRevocationChecker) validator.getRevocationChecker();
                checker.setOptions(EnumSet.of(PKIXRevocationChecker.Option.PREFER_CRLS,
                        PKIXRevocationChecker.Option.NO_FALLBACK, PKIXRevocationChecker.Option.ONLY_END_ENTITY));
                parameters.addCertPathChecker(checker);
            }
            CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
            validator.validate(certPath, parameters);
        } catch (CertPathValidatorException e) {
            String which = e.getIndex() >= 0 && e.getIndex() < path.size()
                    ? path.get(e.getIndex()).getSubjectX500Principal().getName() : "the chain";
            String why = switch (e.getReason() instanceof CertPathValidatorException.BasicReason r ? r
                    : CertPathValidatorException.BasicReason.UNSPECIFIED) {
                case EXPIRED -> "it has expired";
                case NOT_YET_VALID -> "it is not yet valid";
                case REVOKED -> "it is revoked";
                case INVALID_SIGNATURE -> "a signature does not verify";
                default -> e.getReason() == CertPathValidatorException.BasicReason.UNDETERMINED_REVOCATION_STATUS
                        ? "its revocation status is unknown"
                        : "it does not chain to a trusted IGC Santé certificate";
            };
            throw new KeyMaterialException(e.getReason() == CertPathValidatorException.BasicReason.EXPIRED
                    ? Reason.CERTIFICATE_EXPIRED : Reason.CHAIN_INVALID,
                    "the chain does not verify at " + which + ": " + why, e);
        } catch (GeneralSecurityException e) {
            throw new KeyMaterialException(Reason.CHAIN_INVALID, "the chain cannot be verified: " + e.getMessage(), e);
        }
    }

    /**
     * @param chain the chain, leaf first
     * @param at the instant of verification
     * @return whether the chain verifies
     */
    public boolean isTrusted(List<X509Certificate> chain, Instant at) {
        try {
            verify(chain, at);
            return true;
        } catch (KeyMaterialException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "TrustAnchors" + certificates.stream().map(c -> c.getSubjectX500Principal().getName()).toList();
    }
}
