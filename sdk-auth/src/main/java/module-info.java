/**
 * OpenDMP credentials: key material (PKCS#12, PEM, PKCS#11), mutual TLS, signed VIHF, Pro Santé
 * Connect and the RFC 8693 token exchange, the {@code CredentialsProvider} that combines them, and
 * the credentials doctor.
 */
module fr.opendmp.auth {
    requires transitive fr.opendmp.core;
    requires java.xml;
    requires java.xml.crypto;
    requires java.naming;
    requires com.fasterxml.jackson.databind;
    requires com.github.benmanes.caffeine;
    requires org.bouncycastle.pkix;
    requires org.bouncycastle.provider;

    exports fr.opendmp.auth.doctor;
    exports fr.opendmp.auth.keys;
    exports fr.opendmp.auth.provider;
    exports fr.opendmp.auth.psc;
    exports fr.opendmp.auth.tls;
    exports fr.opendmp.auth.vihf;
}
