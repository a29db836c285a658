package fr.opendmp.auth.provider;

import fr.opendmp.auth.keys.KeyMaterial;
import fr.opendmp.core.credentials.DocumentSigner;
import fr.opendmp.core.error.CredentialsException;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A {@link DocumentSigner} on a key and its certificate chain (ORG SIGN cachet, or a card's
 * signature key through PKCS#11). Thread-safe.
 */
public final class KeyDocumentSigner implements DocumentSigner {

    private final KeyMaterial key;

    private KeyDocumentSigner(KeyMaterial key) {
        this.key = key;
    }

    /**
     * @param signatureKey the signature key (never the TLS authentication key)
     * @return a signer with that key
     */
    public static KeyDocumentSigner of(KeyMaterial signatureKey) {
        return new KeyDocumentSigner(Objects.requireNonNull(signatureKey, "signatureKey"));
    }

    @Override
    public List<X509Certificate> certificateChain() {
        return key.chain();
    }

    @Override
    public byte[] sign(byte[] signedInfoC14n, String algorithm) {
        Objects.requireNonNull(signedInfoC14n, "signedInfoC14n");
        Objects.requireNonNull(algorithm, "algorithm");
        try {
            Signature signature = key.provider().isPresent()
                    ? Signature.getInstance(algorithm, key.provider().get()) : Signature.getInstance(algorithm);
            signature.initSign(key.privateKey());
            signature.update(signedInfoC14n);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new CredentialsException("cannot sign the submission with " + key + ": "
                    + e.getClass().getSimpleName(), e);
        }
    }

    @Override
    public String toString() {
        return "KeyDocumentSigner[" + key + "]";
    }
}
