package fr.opendmp.core.ins;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The RNIV identity status (FR Core CodeSystem {@code fr-core-cs-identity-status}): a pure function
 * of two facts, <b>I</b> (retrieved from INSi and found coherent) and <b>C</b> (checked against a
 * high-trust identity document).
 *
 * <p>Only {@link #QUALIFIEE} lets the INS be used and shared (DMP, CDA, messaging).
 */
public enum IdentityStatus {
    /** Identité provisoire: neither fact (the default, a declared identity). */
    PROVISOIRE("PROV", false, false),
    /** Identité récupérée: INSi traits obtained and coherent, no document seen. */
    RECUPEREE("RECUP", true, false),
    /** Identité validée: a high-trust document was checked, no INSi answer. */
    VALIDEE("VALI", false, true),
    /** Identité qualifiée: both facts; the only status under which the INS may be used. */
    QUALIFIEE("QUAL", true, true);

    private final String code;
    private final boolean retrieved;
    private final boolean checked;

    IdentityStatus(String code, boolean retrieved, boolean checked) {
        this.code = code;
        this.retrieved = retrieved;
        this.checked = checked;
    }

    /** @return the FR Core / HL7 v2 PID-32 code: {@code PROV}, {@code RECUP}, {@code VALI} or {@code QUAL} */
    public String code() {
        return code;
    }

    /** @return whether the identity was retrieved from INSi and found coherent (fact I) */
    public boolean retrievedFromInsi() {
        return retrieved;
    }

    /** @return whether a high-trust identity document was checked (fact C) */
    public boolean documentChecked() {
        return checked;
    }

    /** @return whether this status allows the INS to be used and shared */
    public boolean isQualified() {
        return this == QUALIFIEE;
    }

    /**
     * The status function of the RNIV: {@code (I, C)} to status.
     *
     * @param retrievedFromInsi fact I
     * @param documentChecked fact C
     * @return the status those facts give
     */
    public static IdentityStatus of(boolean retrievedFromInsi, boolean documentChecked) {
        if (retrievedFromInsi) {
            return documentChecked ? QUALIFIEE : RECUPEREE;
        }
        return documentChecked ? VALIDEE : PROVISOIRE;
    }

    /**
     * Finds the status of a FR Core code.
     *
     * @param code {@code PROV}, {@code RECUP}, {@code VALI} or {@code QUAL}
     * @return the status, or empty if the code is unknown
     */
    public static Optional<IdentityStatus> fromCode(String code) {
        Objects.requireNonNull(code, "code");
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }
}
