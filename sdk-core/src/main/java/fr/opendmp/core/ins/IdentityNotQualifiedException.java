package fr.opendmp.core.ins;

import fr.opendmp.core.error.DmpClientException;
import java.util.Objects;

/**
 * A DMP exchange (deposit, search, consultation, CDA header) was refused before any network call
 * because the patient's identity is not {@link IdentityStatus#QUALIFIEE} (code
 * {@code IDENTITY_NOT_QUALIFIED}).
 *
 * <p>Client side, not retryable: qualify the identity first (INSi retrieval with coherent traits
 * and a high-trust identity document checked), then call again. The message holds the status and
 * flags only, never a trait or the INS.
 */
public class IdentityNotQualifiedException extends DmpClientException {

    /** The error code, as in the DMP error tables. */
    public static final String CODE = "IDENTITY_NOT_QUALIFIED";

    private static final long serialVersionUID = 1L;

    /** Serialized: see {@link #status()}. */
    private final IdentityStatus status;

    /**
     * @param status the identity's current status
     * @param why why it is not qualified (status and flags only; no trait, no INS)
     */
    public IdentityNotQualifiedException(IdentityStatus status, String why) {
        super(CODE + ": " + why, Details.of(
                "qualify the identity first: retrieve the INS from INSi with coherent traits and check a"
                        + " high-trust identity document (CNI, passport, residence permit…)"), null);
        this.status = Objects.requireNonNull(status, "status");
    }

    /** @return the identity's status when the exchange was refused */
    public IdentityStatus status() {
        return status;
    }
}
