package fr.opendmp.auth.keys;

import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A private key and its certificate chain (leaf first). Immutable.
 *
 * <p>{@link #toString()} names the certificate only: a key never reaches a log line.
 */
public final class KeyMaterial {

    private final PrivateKey privateKey;
    private final List<X509Certificate> chain;
    private final Provider provider;

    private KeyMaterial(PrivateKey privateKey, List<X509Certificate> chain, Provider provider) {
        this.privateKey = privateKey;
        this.chain = chain;
        this.provider = provider;
    }

    /**
     * @param privateKey the private key
     * @param chain the certificate chain, leaf first (at least the leaf)
     * @return the key material
     * @throws KeyMaterialException if the chain is empty or the key does not match the leaf
     */
    public static KeyMaterial of(PrivateKey privateKey, List<X509Certificate> chain) {
        return of(privateKey, chain, Optional.empty());
    }

    /**
     * @param privateKey the private key
     * @param chain the certificate chain, leaf first (at least the leaf)
     * @param provider the provider that can use the key (a PKCS#11 provider for a token key), if
     *     not one of the installed providers
     * @return the key material
     * @throws KeyMaterialException if the chain is empty or the key does not match the leaf
     */
    public static KeyMaterial of(PrivateKey privateKey, List<X509Certificate> chain, Optional<Provider> provider) {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(chain, "chain");
        if (chain.isEmpty()) {
            throw new KeyMaterialException(KeyMaterialException.Reason.MISSING_CERTIFICATE,
                    "a private key was found but no certificate: add the certificate (and its chain)");
        }
        List<X509Certificate> copy = List.copyOf(chain);
        KeyPairs.requireMatching(privateKey, copy.get(0), provider);
        return new KeyMaterial(privateKey, copy, provider.orElse(null));
    }

    /**
     * @return the provider to sign with, when the key lives on a token; empty for installed providers
     */
    public Optional<Provider> provider() {
        return Optional.ofNullable(provider);
    }

    /**
     * @return the private key (never log it)
     */
    public PrivateKey privateKey() {
        return privateKey;
    }

    /**
     * @return the leaf certificate
     */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /**
     * @return the chain, leaf first
     */
    public List<X509Certificate> chain() {
        return chain;
    }

    /**
     * Checks that the leaf certificate is valid at the given instant.
     *
     * @param now the instant to check
     * @return this, for chaining
     * @throws KeyMaterialException with {@code CERTIFICATE_EXPIRED} or
     *     {@code CERTIFICATE_NOT_YET_VALID}
     */
    public KeyMaterial requireValidAt(Instant now) {
        X509Certificate leaf = certificate();
        try {
            leaf.checkValidity(Date.from(now));
        } catch (CertificateExpiredException e) {
            throw new KeyMaterialException(KeyMaterialException.Reason.CERTIFICATE_EXPIRED,
                    "the certificate " + leaf.getSubjectX500Principal().getName() + " expired on "
                            + leaf.getNotAfter().toInstant() + ": ask for a new one (IGC Santé renewal)");
        } catch (CertificateNotYetValidException e) {
            throw new KeyMaterialException(KeyMaterialException.Reason.CERTIFICATE_NOT_YET_VALID,
                    "the certificate " + leaf.getSubjectX500Principal().getName() + " is valid only from "
                            + leaf.getNotBefore().toInstant() + ": check the clock or wait");
        }
        return this;
    }

    /** Names the certificate only. */
    @Override
    public String toString() {
        return "KeyMaterial[" + certificate().getSubjectX500Principal().getName() + ", serial "
                + certificate().getSerialNumber().toString(16) + "]";
    }
}
