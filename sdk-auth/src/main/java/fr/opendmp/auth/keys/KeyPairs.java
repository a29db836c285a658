package fr.opendmp.auth.keys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Optional;

/** Checks that a private key belongs to a certificate, by signing and verifying a probe. */
final class KeyPairs {

    private static final byte[] PROBE = "opendmp key pair probe".getBytes(StandardCharsets.US_ASCII);

    private KeyPairs() {
    }

    static void requireMatching(PrivateKey key, X509Certificate certificate, Optional<Provider> provider) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> null;
        };
        if (algorithm == null) {
            return; // a token key (PKCS#11) may not say its algorithm; the token checks it
        }
        byte[] signature;
        try {
            Signature signer = provider.isPresent() ? Signature.getInstance(algorithm, provider.get())
                    : Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(PROBE);
            signature = signer.sign();
        } catch (GeneralSecurityException | RuntimeException e) {
            if (provider.isEmpty() && key.getEncoded() != null) {
                throw new KeyMaterialException(KeyMaterialException.Reason.UNREADABLE,
                        "the private key cannot sign: its file is damaged (or was decrypted with a wrong password"
                                + " that went unnoticed); export the key again", e);
            }
            return; // a token key whose provider is not installed cannot be probed here; the token checks it
        }
        try {
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(PROBE);
            if (verifier.verify(signature)) {
                return;
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            // falls through to the mismatch error
        }
        throw new KeyMaterialException(KeyMaterialException.Reason.KEY_CERTIFICATE_MISMATCH,
                "the private key does not belong to the certificate "
                        + certificate.getSubjectX500Principal().getName()
                        + ": the key and the certificate come from different files or requests");
    }
}
