package fr.opendmp.auth.provider;

import fr.opendmp.auth.psc.ApiTokenSession;
import fr.opendmp.auth.psc.PscSession;
import fr.opendmp.auth.vihf.VihfIssuer;
import fr.opendmp.core.credentials.CredentialRequest;
import java.util.Objects;

/** Makes the credential of one request. Implementations are thread-safe and may cache. */
@FunctionalInterface
public interface CredentialSource {

    /**
     * @param request the service, patient and access mode
     * @return the credential
     * @throws fr.opendmp.core.error.CredentialsException if it cannot be made
     */
    Credential credentialFor(CredentialRequest request);

    /**
     * @param issuer the issuer
     * @return a source of signed VIHFs
     */
    static CredentialSource vihf(VihfIssuer issuer) {
        Objects.requireNonNull(issuer, "issuer");
        return request -> new Credential.Saml(issuer.issue(request));
    }

    /**
     * @param session the session
     * @return a source of Pro Santé Connect access tokens (refreshed as needed)
     */
    static CredentialSource psc(PscSession session) {
        Objects.requireNonNull(session, "session");
        return request -> {
            requireSessionsOwn(request);
            return new Credential.AccessToken(session.accessToken());
        };
    }

    /**
     * @param session the session
     * @return a source of certificate-bound API tokens obtained by exchanging the professional's PSC
     *     token (RFC 8693); use with the same mTLS context as the exchange
     */
    static CredentialSource apiToken(ApiTokenSession session) {
        Objects.requireNonNull(session, "session");
        return request -> {
            requireSessionsOwn(request);
            return new Credential.AccessToken(session.accessToken());
        };
    }

    /**
     * A Pro Santé Connect session acts for the professional who logged in, whom the token names: a
     * request whose caller names a professional is refused rather than sent in someone else's name
     * (the access mode and reason still travel, see {@link AccessModeHeaders}).
     */
    private static void requireSessionsOwn(CredentialRequest request) {
        if (request.caller().professional().isPresent()) {
            throw new fr.opendmp.core.error.CredentialsException("a Pro Santé Connect session acts for the"
                    + " professional who logged in; this call names professional "
                    + request.caller().professional().get().idNat() + ": give each professional's calls the"
                    + " provider of their own session, with Caller.provider(access)");
        }
    }
}
