package fr.opendmp.testkit.dmp;

/** How the fake treats the caller's credential. The default of every fake is {@link #VERIFY}. */
public enum AuthMode {
    /**
     * Test mode, asked for explicitly: plain HTTP; the credential (bearer JWT or IHE-SAML VIHF) is
     * read without verifying any signature; a request without credential acts as the configured
     * default professional.
     */
    OFF,
    /**
     * Verified mode (the default): the fake serves HTTPS, requires a TLS client certificate chaining
     * to the test CA, and accepts a request only with a VIHF (IHE-SAML or Bearer placement) that
     * {@link fr.opendmp.testkit.auth.VihfVerifier} accepts: signature, certificate chain, TLS/structure
     * binding, validity window (5 min skew), required attributes, access mode rules; there is no
     * default professional. The test CA is the one of
     * {@link FakeDmp.Builder#tls(fr.opendmp.testkit.auth.SignedTestCredentials)} or, without it, the
     * test PKI shared by the JVM; {@link FakeDmp#credentials(FakeProfessional)} makes matching
     * credentials for any professional. Refusals: 401 (missing/invalid/expired credential, untrusted
     * certificate) or 403 (another patient, forbidden access mode, bris de glace without reason)
     * with the rule code in the OperationOutcome; a connection without a trusted client certificate
     * fails at the TLS handshake.
     */
    VERIFY
}
