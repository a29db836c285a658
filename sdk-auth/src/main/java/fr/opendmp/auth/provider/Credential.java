package fr.opendmp.auth.provider;

import fr.opendmp.auth.vihf.SignedVihf;
import java.util.Objects;

/** A credential made for one request. Its {@code toString} never shows its content. */
public sealed interface Credential {

    /**
     * A signed VIHF (SAML assertion).
     *
     * @param vihf the signed assertion
     */
    record Saml(SignedVihf vihf) implements Credential {
        /**
         * Checks presence.
         * @param vihf the signed assertion
         */
        public Saml {
            Objects.requireNonNull(vihf, "vihf");
        }
    }

    /**
     * An OAuth access token.
     *
     * @param value the token (never log it)
     */
    record AccessToken(String value) implements Credential {
        /**
         * Checks presence.
         * @param value the token (never log it)
         */
        public AccessToken {
            Objects.requireNonNull(value, "value");
            if (value.isBlank() || value.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
                throw new IllegalArgumentException("an access token is non-blank visible ASCII");
            }
        }

        /** Hides the token. */
        @Override
        public String toString() {
            return "AccessToken[***]";
        }
    }
}
