package fr.opendmp.auth.psc;

import java.net.URI;
import java.util.Objects;

/**
 * A started authorization-code flow: the URL to open in the browser and the secrets to finish it
 * (state, nonce, PKCE verifier). Keep it in the user's session; {@link #toString()} shows no secret.
 *
 * @param url the authorization URL to open
 * @param redirectUri the redirect URI registered for the client
 * @param state the anti-CSRF state
 * @param nonce the nonce expected in the ID token
 * @param codeVerifier the PKCE verifier
 */
public record AuthorizationRequest(URI url, URI redirectUri, String state, String nonce, String codeVerifier) {

    /**
     * Checks presence.
     * @param url the authorization URL to open
     * @param redirectUri the redirect URI registered for the client
     * @param state the anti-CSRF state
     * @param nonce the nonce expected in the ID token
     * @param codeVerifier the PKCE verifier
     */
    public AuthorizationRequest {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(codeVerifier, "codeVerifier");
    }

    /** Shows no secret. */
    @Override
    public String toString() {
        return "AuthorizationRequest[" + redirectUri + "]";
    }
}
