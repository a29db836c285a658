package fr.opendmp.core.access;

/**
 * How a professional reaches a patient's DMP. The mode travels in the credential (VIHF or
 * token), never in a query string.
 */
public enum AccessMode {
    /** Ordinary access: consultation needs the patient's authorization. */
    NORMAL("normal"),
    /**
     * Emergency access ("bris de glace") without authorization: a reason is required, the access
     * is traced and notified to the patient.
     */
    BRIS_DE_GLACE("bris_de_glace"),
    /** Centre de régulation (SAMU, centre 15): authorization is not checked. */
    CENTRE_REGULATION("centre_15");

    private final String code;

    AccessMode(String code) {
        this.code = code;
    }

    /** @return the wire code (VIHF {@code Mode_Acces_Raison}, system 1.2.250.1.213.1.1.4.248) */
    public String code() {
        return code;
    }

    /**
     * @param code the code
     * @return the mode of a wire code
     * @throws IllegalArgumentException if the code is unknown
     */
    public static AccessMode fromCode(String code) {
        for (AccessMode mode : values()) {
            if (mode.code.equals(code)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown access mode: " + code
                + " (expected normal, bris_de_glace or centre_15)");
    }
}
