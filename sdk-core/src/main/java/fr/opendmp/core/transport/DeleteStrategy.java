package fr.opendmp.core.transport;

/**
 * How a logical delete (TD3.3c) is written: an open point of the PDSM4DMP implementation guide (TD3.3).
 */
public enum DeleteStrategy {
    /** PATCH {@code status} to {@code entered-in-error} (the TD3.3c page). The default. */
    ENTERED_IN_ERROR("entered-in-error"),
    /** PATCH {@code status} to {@code superseded} (the guide's home page table; IHE MHD forbids entered-in-error). */
    SUPERSEDED("superseded");

    private final String wire;

    DeleteStrategy(String wire) {
        this.wire = wire;
    }

    /** @return the status value sent */
    public String wire() {
        return wire;
    }
}
