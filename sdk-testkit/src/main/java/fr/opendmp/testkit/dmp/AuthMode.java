package fr.opendmp.testkit.dmp;

/** How the fake treats the caller's credential. */
public enum AuthMode {
    /**
     * Test mode: the credential (bearer JWT or IHE-SAML VIHF) is read without verifying any
     * signature; a request without credential acts as the configured default professional.
     */
    OFF,
    /**
     * Verified mode: the fake serves HTTPS, requires a TLS client certificate chaining to the test
     * CA, and accepts a request only with a VIHF (IHE-SAML or Bearer placement) that
     * {@link fr.opendmp.testkit.auth.VihfVerifier} accepts; there is no default professional.
     * Needs {@link FakeDmp.Builder#tls(fr.opendmp.testkit.auth.SignedTestCredentials)}.
     * Refusals: 401 (missing/invalid/expired credential, untrusted certificate) or 403 (another
     * patient, forbidden access mode) with the rule code in the OperationOutcome.
     */
    VERIFY
}
