package fr.opendmp.auth.psc;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Tokens from Pro Santé Connect. {@link #toString()} shows expiries only, never a token.
 *
 * @param accessToken the access token
 * @param expiresAt when the access token expires
 * @param refreshToken the refresh token, if any
 * @param refreshExpiresAt when the refresh token expires, if known
 * @param idToken the ID token, if any (already verified by {@link PscClient})
 */
public record PscTokens(String accessToken, Instant expiresAt, Optional<String> refreshToken,
        Optional<Instant> refreshExpiresAt, Optional<String> idToken) {

    /**
     * Checks presence.
     * @param accessToken the access token
     * @param expiresAt when the access token expires
     * @param refreshToken the refresh token, if any
     * @param refreshExpiresAt when the refresh token expires, if known
     * @param idToken the ID token, if any (already verified by {@link PscClient})
     */
    public PscTokens {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(refreshExpiresAt, "refreshExpiresAt");
        Objects.requireNonNull(idToken, "idToken");
    }

    /** Shows expiries only. */
    @Override
    public String toString() {
        return "PscTokens[access until " + expiresAt + ", refresh "
                + (refreshToken.isPresent() ? "until " + refreshExpiresAt.map(Instant::toString).orElse("?") : "none")
                + "]";
    }
}
