package fr.opendmp.core.credentials;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Signs the XAdES signature of a DMPi submission (IHE DSG style, sent as the signature document of
 * an ITI-41 deposit) with the signature key of the caller's authentication mode: the card's
 * signature key in direct mode, the structure's ORG SIGN (cachet) key in indirect mode; never the
 * TLS authentication key. Implementations are thread-safe.
 */
public interface DocumentSigner {

    /**
     * @return the signing certificate first, then its issuers up to the root when known (at least
     *     one certificate)
     */
    List<X509Certificate> certificateChain();

    /**
     * Signs the canonical bytes of a {@code ds:SignedInfo}.
     *
     * @param signedInfoC14n the canonicalised SignedInfo
     * @param algorithm the JCA signature algorithm ({@code SHA1withRSA}, {@code SHA256withRSA})
     * @return the raw signature value
     * @throws fr.opendmp.core.error.CredentialsException if the key refuses to sign
     */
    byte[] sign(byte[] signedInfoC14n, String algorithm);
}
