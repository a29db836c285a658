package fr.opendmp.auth.psc;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A business API token obtained by exchanging a Pro Santé Connect access token (RFC 8693). It is
 * bound to the TLS client certificate that asked for it (RFC 8705 {@code cnf.x5t#S256}): send it
 * only over the same mTLS connection setup. {@link #toString()} never shows the token.
 *
 * @param accessToken the token for {@code Authorization: Bearer} (never log it)
 * @param expiresAt when it expires
 * @param scope the granted scope, if the server said
 * @param certificateThumbprint the {@code x5t#S256} the token is bound to, if it is a readable JWT
 */
public record ApiToken(String accessToken, Instant expiresAt, Optional<String> scope,
        Optional<String> certificateThumbprint) {

    /**
     * Checks presence.
     * @param accessToken the token for {@code Authorization: Bearer} (never log it)
     * @param expiresAt when it expires
     * @param scope the granted scope, if the server said
     * @param certificateThumbprint the {@code x5t#S256} the token is bound to, if it is a readable JWT
     */
    public ApiToken {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(certificateThumbprint, "certificateThumbprint");
    }

    /** Shows the expiry and binding only. */
    @Override
    public String toString() {
        return "ApiToken[until " + expiresAt + certificateThumbprint.map(t -> ", bound to a certificate").orElse("")
                + "]";
    }
}
