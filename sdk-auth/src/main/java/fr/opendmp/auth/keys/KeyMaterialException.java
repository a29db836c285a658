package fr.opendmp.auth.keys;

import fr.opendmp.core.error.CredentialsException;
import java.util.Objects;

/**
 * A key or certificate could not be used. The {@link #reason()} is a typed fact a caller can act
 * on; the message says what to fix. Neither ever holds a password, a key or a token.
 */
public class KeyMaterialException extends CredentialsException {

    private static final long serialVersionUID = 1L;

    /** Why the key material was refused. */
    public enum Reason {
        /** The file could not be read or is not in the expected format. */
        UNREADABLE,
        /** The password (or PIN) does not open the store or the key. */
        WRONG_PASSWORD,
        /** The file holds certificates but no private key. */
        MISSING_PRIVATE_KEY,
        /** The file holds a private key but no certificate. */
        MISSING_CERTIFICATE,
        /** The private key does not belong to the certificate. */
        KEY_CERTIFICATE_MISMATCH,
        /** The requested alias is not in the store. */
        ALIAS_NOT_FOUND,
        /** The store holds several keys and no alias was given. */
        AMBIGUOUS_ALIAS,
        /** The certificate's validity period has ended. */
        CERTIFICATE_EXPIRED,
        /** The certificate's validity period has not started. */
        CERTIFICATE_NOT_YET_VALID,
        /** The certificate chain does not verify up to a trusted anchor. */
        CHAIN_INVALID,
        /** The certificate cannot be used for this purpose (key usage, extended key usage). */
        WRONG_USAGE,
        /** The PKCS#11 token (card, HSM) could not be reached. */
        TOKEN_UNAVAILABLE
    }

    /** Serialized: see {@link #reason()}. */
    private final Reason reason;

    /**
     * @param reason the typed reason
     * @param message what is wrong and what to do (never a secret)
     */
    public KeyMaterialException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * @param reason the typed reason
     * @param message what is wrong and what to do (never a secret)
     * @param cause the underlying failure
     */
    public KeyMaterialException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * @return why the key material was refused
     */
    public Reason reason() {
        return reason;
    }
}
