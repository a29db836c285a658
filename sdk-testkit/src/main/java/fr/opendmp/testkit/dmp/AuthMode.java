package fr.opendmp.testkit.dmp;

/** How the fake treats the caller's credential. */
public enum AuthMode {
    /**
     * Test mode: the credential (bearer JWT or IHE-SAML VIHF) is read without verifying any
     * signature; a request without credential acts as the configured default professional.
     */
    OFF
}
