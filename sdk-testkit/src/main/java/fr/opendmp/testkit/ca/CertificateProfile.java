package fr.opendmp.testkit.ca;

/** The kinds of certificate the {@link TestCa} issues (IGC Santé certificate types). */
public enum CertificateProfile {
    /** Structure TLS client: digitalSignature + keyEncipherment, EKU clientAuth. */
    ORG_AUTH_CLI,
    /** Structure seal (cachet): nonRepudiation + digitalSignature, no EKU. */
    ORG_SIGN,
    /** Server: digitalSignature + keyEncipherment, EKU serverAuth, SAN. */
    SERVER,
    /** Professional card authentication: digitalSignature, EKU clientAuth. */
    PP_AUTH,
    /** Professional card signature: nonRepudiation. */
    PP_SIGN
}
