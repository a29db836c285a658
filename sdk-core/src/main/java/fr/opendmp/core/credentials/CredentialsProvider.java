package fr.opendmp.core.credentials;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * Where a client gets its credentials: the TLS context (mutual TLS with the structure's
 * certificate) and the headers of each request (VIHF, bearer token…).
 *
 * <p>A client never knows how credentials are made. {@code sdk-auth} implements this interface
 * with real certificates, the test kit with its test CA, and a vendor may write its own.
 * Implementations must be thread-safe; they may cache (a VIHF is valid a few minutes).
 *
 * <p>Each request names its {@link CredentialRequest#caller() caller}: when the call names a
 * professional (a hospital server acting for hundreds of them with one client), the provider makes
 * the credential for that professional, in that access mode, with that bris de glace reason; a
 * provider that can act for one professional only refuses another with a {@code CredentialsException}.
 * The TLS context stays the client's (the structure's certificate, or the card's).
 */
public interface CredentialsProvider {

    /**
     * @return the TLS context to use, or empty for the JDK default (plain server verification,
     *     no client certificate)
     */
    Optional<SSLContext> sslContext();

    /**
     * @param request which service, patient and access mode the request is for
     * @return the headers to add to that request (name → values); empty for none
     * @throws fr.opendmp.core.error.CredentialsException if the credential cannot be produced (expired certificate,
     *     token refused…)
     */
    Map<String, List<String>> headers(CredentialRequest request);

    /**
     * The WS-Security credential of a DMPi (SOAP) request: the serialized SAML assertion (VIHF, DMPi
     * profile, signed or not per the authentication mode) that the transport places, byte for byte,
     * as the only child of {@code wsse:Security}. A request with no patient (TD0.4) gets an
     * assertion without {@code resource-id}.
     *
     * @param request which service, patient, caller and access mode the request is for
     * @return the assertion's UTF-8 bytes (no XML declaration), or empty when this provider makes
     *     no SOAP credential (the default)
     * @throws fr.opendmp.core.error.CredentialsException if the credential cannot be produced
     */
    default Optional<byte[]> soapSecurity(CredentialRequest request) {
        return Optional.empty();
    }

    /**
     * @return the signer of DMPi submissions (XAdES signature document of ITI-41), or empty when
     *     this provider has no signature key (the default)
     */
    default Optional<DocumentSigner> documentSigner() {
        return Optional.empty();
    }

    /**
     * @return a provider with no credentials at all (no client certificate, no header): only for a
     *     server that asks for none, such as a fake started in plain-HTTP test mode
     *     ({@code AuthMode.OFF}). The fakes verify credentials by default (HTTPS, client certificate,
     *     signed VIHF): use their {@code credentials(...)} then, this provider would fail the TLS
     *     handshake.
     */
    static CredentialsProvider none() {
        return NoCredentials.INSTANCE;
    }
}
