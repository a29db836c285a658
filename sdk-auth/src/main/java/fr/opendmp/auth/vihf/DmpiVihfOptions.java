package fr.opendmp.auth.vihf;

import java.time.Duration;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How the VIHF is written for DMPi (SOAP {@code wsse:Security}), where the DMP's official examples
 * and kits disagree. Each open point of the DMPi contract is a named strategy with its default:
 *
 * <ul>
 *   <li>{@link AuthModeAttributeName} (default {@link AuthModeAttributeName#LOWER_M LOWER_M}:
 *       {@code Authentification_mode}, as every official token);</li>
 *   <li>{@link VihfSignatureAlgorithm} (default {@link VihfSignatureAlgorithm#RSA_SHA256 RSA_SHA256});</li>
 *   <li>{@link DirectVihfSigning} (default {@link DirectVihfSigning#UNSIGNED UNSIGNED}: the card's TLS
 *       handshake proves the caller, as the DMP's kit does);</li>
 *   <li>{@link BreakGlassReasonPlacement} (default {@code Mode_Acces_Raison} attribute);</li>
 *   <li>{@link SecretConnectionAttribute} (default the XSPA {@code confidentiality-code} name);</li>
 *   <li>{@code indirectAuthnContext} (default {@code …:ac:classes:Password}) and
 *       {@code airAuthnContextDecl} (default {@code CONF_EXI_PGSSIS}, "AIR simplifié");</li>
 *   <li>{@link VihfReuse} (default {@link VihfReuse#PER_CALL PER_CALL}: a fresh assertion per call).</li>
 * </ul>
 *
 * <p>A request that names no patient (TD0.4) gets an assertion without {@code resource-id}.
 *
 * @param authModeAttributeName the spelling of the authentication-mode attribute
 * @param signatureAlgorithm the XML-DSig algorithms of a signed assertion
 * @param directSigning whether a DIRECTE (card) assertion is signed
 * @param breakGlassReason where the bris de glace reason goes
 * @param secretConnection the name of the "connexion secrète" attribute
 * @param indirectAuthnContext the AuthnContextClassRef of INDIRECTE and AIR assertions
 * @param airAuthnContextDecl the AuthnContextDecl of AIR assertions
 * @param reuse whether an assertion is reused across calls
 */
public record DmpiVihfOptions(AuthModeAttributeName authModeAttributeName, VihfSignatureAlgorithm signatureAlgorithm,
        DirectVihfSigning directSigning, BreakGlassReasonPlacement breakGlassReason,
        SecretConnectionAttribute secretConnection, String indirectAuthnContext, String airAuthnContextDecl,
        VihfReuse reuse) {

    /** Every default. */
    public static final DmpiVihfOptions DEFAULTS = builder().build();

    /**
     * Checks every part.
     *
     * @param authModeAttributeName the auth mode attribute name
     * @param signatureAlgorithm the signature algorithm
     * @param directSigning the direct signing
     * @param breakGlassReason the break glass reason
     * @param secretConnection the secret connection
     * @param indirectAuthnContext the indirect authn context
     * @param airAuthnContextDecl the air authn context decl
     * @param reuse the reuse
     */
    public DmpiVihfOptions {
        Objects.requireNonNull(authModeAttributeName, "authModeAttributeName");
        Objects.requireNonNull(signatureAlgorithm, "signatureAlgorithm");
        Objects.requireNonNull(directSigning, "directSigning");
        Objects.requireNonNull(breakGlassReason, "breakGlassReason");
        Objects.requireNonNull(secretConnection, "secretConnection");
        Require.text(indirectAuthnContext, "indirectAuthnContext");
        Require.text(airAuthnContextDecl, "airAuthnContextDecl");
        Objects.requireNonNull(reuse, "reuse");
    }

    /** @return a builder with every default */
    public static Builder builder() {
        return new Builder();
    }

    /** The spelling of the authentication-mode attribute (open point: case-sensitive on the DMP?). */
    public enum AuthModeAttributeName {
        /** {@code Authentification_mode}, as in every official token and request (default). */
        LOWER_M("Authentification_mode"),
        /** {@code Authentification_Mode}, as the DMP's kit writes it in AIR. */
        UPPER_M("Authentification_Mode");

        private final String attribute;

        AuthModeAttributeName(String attribute) {
            this.attribute = attribute;
        }

        /** @return the attribute name */
        public String attribute() {
            return attribute;
        }
    }

    /** The algorithms of a signed assertion (open point: SHA-1 still accepted?). */
    public enum VihfSignatureAlgorithm {
        /** RSA-SHA256 with SHA-256 digests (default, as the kit v2.06 and ANS's 2024 example). */
        RSA_SHA256,
        /** RSA-SHA1 with SHA-1 digests, as the older official tokens. */
        RSA_SHA1
    }

    /** Whether a direct-mode (card) assertion is signed (open point). */
    public enum DirectVihfSigning {
        /** Unsigned (default): the card's TLS authentication proves the caller. */
        UNSIGNED,
        /** Signed with the card's signature key (the signer the issuer was given). */
        CARD_SIGNATURE_KEY
    }

    /** Where the bris de glace reason goes (open point: no official example carries it). */
    public enum BreakGlassReasonPlacement {
        /** A {@code Mode_Acces_Raison} attribute (default, as sdk-auth and Pro Santé Connect name it). */
        ATTRIBUTE,
        /** Not sent. */
        NONE
    }

    /** The name of the "connexion secrète" attribute (open point). */
    public enum SecretConnectionAttribute {
        /** {@code urn:oasis:names:tc:xspa:1.0:resource:patient:hl7:confidentiality-code} (default). */
        XSPA_CONFIDENTIALITY_CODE(VihfAttributes.CONFIDENTIALITY_CODE),
        /** {@code Confidentiality_code}, as the DMP's kit names it. */
        CONFIDENTIALITY_CODE("Confidentiality_code");

        private final String attribute;

        SecretConnectionAttribute(String attribute) {
            this.attribute = attribute;
        }

        /** @return the attribute name */
        public String attribute() {
            return attribute;
        }
    }

    /**
     * Whether an assertion is reused across calls (open point: no validity window is published).
     *
     * @param maxAge how long a cached assertion is reused; empty for a fresh one per call
     */
    public record VihfReuse(Optional<Duration> maxAge) {
        /** A fresh assertion per call (default). */
        public static final VihfReuse PER_CALL = new VihfReuse(Optional.empty());

        /**
         * Checks the age.
         *
         * @param maxAge the max age
         */
        public VihfReuse {
            Objects.requireNonNull(maxAge, "maxAge");
            maxAge.ifPresent(a -> {
                if (a.isNegative() || a.isZero()) {
                    throw new IllegalArgumentException("a VIHF reuse age must be positive");
                }
            });
        }

        /**
         * @param maxAge the max age
         * @return reuse for at most this age (within the issuer's validity)
         */
        public static VihfReuse cache(Duration maxAge) {
            return new VihfReuse(Optional.of(Objects.requireNonNull(maxAge, "maxAge")));
        }
    }

    /** Builds {@link DmpiVihfOptions}; each setting may be given once. Not thread-safe. */
    public static final class Builder {
        private final Set<String> given = new HashSet<>();
        private AuthModeAttributeName authModeAttributeName = AuthModeAttributeName.LOWER_M;
        private VihfSignatureAlgorithm signatureAlgorithm = VihfSignatureAlgorithm.RSA_SHA256;
        private DirectVihfSigning directSigning = DirectVihfSigning.UNSIGNED;
        private BreakGlassReasonPlacement breakGlassReason = BreakGlassReasonPlacement.ATTRIBUTE;
        private SecretConnectionAttribute secretConnection = SecretConnectionAttribute.XSPA_CONFIDENTIALITY_CODE;
        private String indirectAuthnContext = VihfAttributes.AC_PASSWORD;
        private String airAuthnContextDecl = VihfBuilder.AIR_SIMPLIFIED;
        private VihfReuse reuse = VihfReuse.PER_CALL;

        private Builder() {
        }

        private void once(String name) {
            if (!given.add(name)) {
                throw new IllegalStateException(name + " was already set");
            }
        }

        /**
         * @param value the value
         * @return this; the auth-mode attribute spelling (default LOWER_M)
         */
        public Builder authModeAttributeName(AuthModeAttributeName value) {
            once("authModeAttributeName");
            authModeAttributeName = Objects.requireNonNull(value, "authModeAttributeName");
            return this;
        }

        /**
         * @param value the value
         * @return this; the signature algorithms (default RSA_SHA256)
         */
        public Builder signatureAlgorithm(VihfSignatureAlgorithm value) {
            once("signatureAlgorithm");
            signatureAlgorithm = Objects.requireNonNull(value, "signatureAlgorithm");
            return this;
        }

        /**
         * @param value the value
         * @return this; direct-mode signing (default UNSIGNED)
         */
        public Builder directSigning(DirectVihfSigning value) {
            once("directSigning");
            directSigning = Objects.requireNonNull(value, "directSigning");
            return this;
        }

        /**
         * @param value the value
         * @return this; the bris de glace reason placement (default ATTRIBUTE)
         */
        public Builder breakGlassReason(BreakGlassReasonPlacement value) {
            once("breakGlassReason");
            breakGlassReason = Objects.requireNonNull(value, "breakGlassReason");
            return this;
        }

        /**
         * @param value the value
         * @return this; the secret-connection attribute name (default XSPA_CONFIDENTIALITY_CODE)
         */
        public Builder secretConnection(SecretConnectionAttribute value) {
            once("secretConnection");
            secretConnection = Objects.requireNonNull(value, "secretConnection");
            return this;
        }

        /**
         * @param value the value
         * @return this; the INDIRECTE/AIR AuthnContextClassRef (default {@code …:Password})
         */
        public Builder indirectAuthnContext(String value) {
            once("indirectAuthnContext");
            indirectAuthnContext = Objects.requireNonNull(value, "indirectAuthnContext");
            return this;
        }

        /**
         * @param value the value
         * @return this; the AIR AuthnContextDecl (default {@code CONF_EXI_PGSSIS})
         */
        public Builder airAuthnContextDecl(String value) {
            once("airAuthnContextDecl");
            airAuthnContextDecl = Objects.requireNonNull(value, "airAuthnContextDecl");
            return this;
        }

        /**
         * @param value the value
         * @return this; assertion reuse (default PER_CALL)
         */
        public Builder reuse(VihfReuse value) {
            once("reuse");
            reuse = Objects.requireNonNull(value, "reuse");
            return this;
        }

        /** @return the options */
        public DmpiVihfOptions build() {
            return new DmpiVihfOptions(authModeAttributeName, signatureAlgorithm, directSigning, breakGlassReason,
                    secretConnection, indirectAuthnContext, airAuthnContextDecl, reuse);
        }
    }
}
