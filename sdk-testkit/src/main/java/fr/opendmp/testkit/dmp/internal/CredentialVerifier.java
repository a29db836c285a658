package fr.opendmp.testkit.dmp.internal;

/**
 * Seam for verifying a credential's signature before its claims are trusted. {@code AuthMode.OFF}
 * uses {@link #NONE}; a later issue adds a verifier backed by the test CA.
 */
@FunctionalInterface
public interface CredentialVerifier {
    /** Accepts everything (test mode). */
    CredentialVerifier NONE = (scheme, token) -> { };

    /**
     * Verifies the credential or throws a 401 {@link FhirException}.
     *
     * @param scheme {@code Bearer} or {@code IHE-SAML}
     * @param token the raw credential after the scheme
     */
    void verify(String scheme, String token);
}
