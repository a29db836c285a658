package fr.opendmp.auth.doctor;

/**
 * The IGC Santé certificate types the doctor recognises, from the subject and key usages (the
 * IGC Santé templates were not read: the recognition is a heuristic after the ANS IGC Santé certificate policies).
 */
public enum CertificateType {
    /** Structure software certificate for TLS client authentication (ORG AUTH_CLI). */
    ORG_AUTH_CLI("structure TLS client certificate (ORG AUTH_CLI)"),
    /** Structure seal / signature certificate (ORG SIGN, cachet). */
    ORG_SIGN("structure signature (seal) certificate (ORG SIGN)"),
    /** Structure encryption certificate (ORG CONF). */
    ORG_CONF("structure encryption certificate (ORG CONF)"),
    /** Server certificate (SSL SERV). */
    SERVER("server certificate (SERV)"),
    /** Professional card authentication certificate (PP, CPx). */
    PP_AUTH("professional authentication certificate (PP, card)"),
    /** Professional card signature certificate (PP, CPx). */
    PP_SIGN("professional signature certificate (PP, card)"),
    /** A certification authority. */
    CA("certification authority"),
    /** Not recognised. */
    UNKNOWN("certificate of an unrecognised type");

    private final String description;

    CertificateType(String description) {
        this.description = description;
    }

    /**
     * @return a plain-words description
     */
    public String description() {
        return description;
    }
}
