package fr.opendmp.auth.doctor;

/** What a certificate may be used for in OpenDMP. */
public enum Service {
    /** Mutual TLS with the DMP or INSi (ORG AUTH_CLI, or a card). */
    TLS_CLIENT("TLS client (mutual TLS to the DMP / INSi)"),
    /** Signing the VIHF (ORG SIGN, or a card's signature key). */
    VIHF_SIGNING("VIHF signing"),
    /** INSi: needs a TLS client certificate and a VIHF signing certificate. */
    INSI("INSi");

    private final String label;

    Service(String label) {
        this.label = label;
    }

    /**
     * @return a plain-words label
     */
    public String label() {
        return label;
    }
}
