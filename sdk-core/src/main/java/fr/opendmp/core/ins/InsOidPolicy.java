package fr.opendmp.core.ins;

import java.util.Objects;

/**
 * Which INS OIDs a client lets through, per environment (INS OIDs of the ANS INS implementation guide): in production, fictitious
 * test and demonstration patients ({@code 1.2.250.1.213.1.4.10}/{@code .11}) must never reach a
 * real service; on a test platform, a production OID is allowed but worth a warning.
 */
public enum InsOidPolicy {
    /** Real service: only the production OIDs (INS-NIR {@code .8}, INS-NIA {@code .9}). The default. */
    PRODUCTION,
    /** Test or demonstration platform: every INS OID; production OIDs are reported as unexpected. */
    TEST;

    /**
     * @param ins the patient's INS
     * @return whether this policy lets the INS through
     */
    public boolean allows(Ins ins) {
        Objects.requireNonNull(ins, "ins");
        return this == TEST || ins.oid().isProduction();
    }

    /**
     * @param ins the patient's INS
     * @return whether the INS is allowed but unexpected here (a real patient on a test platform)
     */
    public boolean isUnexpected(Ins ins) {
        Objects.requireNonNull(ins, "ins");
        return this == TEST && ins.oid().isProduction();
    }
}
