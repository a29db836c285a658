package fr.opendmp.testkit.auth;

import java.util.Objects;
import java.util.Optional;

/**
 * Why a VIHF was refused.
 *
 * @param code the typed reason
 * @param attribute the attribute or element at fault (e.g. {@code LPS_Nom}, {@code Signature}), if any
 * @param message a plain-words explanation (never the patient's INS or a name)
 */
public record VihfFailure(Code code, Optional<String> attribute, String message) {

    /** The failure codes (the test kit's own codes). */
    public enum Code {
        /** Not a well-formed, single SAML 2.0 assertion (DTD, several assertions, wrapping…). */
        VIHF_MALFORMED,
        /** No signature, a forbidden algorithm, a wrong reference, or a digest/signature that does not verify. */
        VIHF_SIGNATURE_INVALID,
        /** The signing certificate does not chain to the trusted CA. */
        VIHF_CERT_UNTRUSTED,
        /** The signing certificate is outside its validity period. */
        VIHF_CERT_EXPIRED,
        /** The signing certificate is revoked. */
        VIHF_CERT_REVOKED,
        /** The signing certificate's usage does not allow signing a VIHF (e.g. an AUTH_CLI). */
        VIHF_CERT_USAGE,
        /** {@code Issuer} is not the signing certificate's subject, or has the wrong Format. */
        VIHF_ISSUER_MISMATCH,
        /** TLS certificate, signing certificate and {@code Identifiant_Structure} name different structures. */
        VIHF_STRUCTURE_MISMATCH,
        /** Too old, or past {@code NotOnOrAfter}. */
        VIHF_EXPIRED,
        /** Issued in the future, or before {@code NotBefore}. */
        VIHF_NOT_YET_VALID,
        /** A required attribute is absent. */
        VIHF_ATTRIBUTE_MISSING,
        /** An attribute is malformed or inconsistent with the mode. */
        VIHF_ATTRIBUTE_INVALID,
        /** The VIHF names another patient than the request. */
        VIHF_PATIENT_MISMATCH,
        /** Bris de glace or centre 15 without the role it requires. */
        VIHF_MODE_ACCES_FORBIDDEN,
        /** The same assertion ID was already seen within its validity. */
        VIHF_REPLAYED
    }

    /**
     * Checks presence.
     * @param code the typed reason
     * @param attribute the attribute or element at fault (e.g. {@code LPS_Nom}, {@code Signature}), if any
     * @param message a plain-words explanation (never the patient's INS or a name)
     */
    public VihfFailure {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(message, "message");
    }

    /**
     * @return the code with the attribute, e.g. {@code VIHF_ATTRIBUTE_MISSING:LPS_Nom}
     */
    public String codeAndAttribute() {
        return attribute.map(a -> code + ":" + a).orElse(code.name());
    }

    @Override
    public String toString() {
        return codeAndAttribute() + " (" + message + ")";
    }
}
