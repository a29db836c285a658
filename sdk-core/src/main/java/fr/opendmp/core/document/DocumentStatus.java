package fr.opendmp.core.document;

import java.util.Optional;

/** The availability of a document in the DMP. Archived documents stay {@link #CURRENT}. */
public enum DocumentStatus {
    /** The valid version (XDS Approved). */
    CURRENT("current"),
    /** Replaced by a newer document (XDS Deprecated). */
    SUPERSEDED("superseded"),
    /** Logically deleted (TD3.3c; the wire value is an open point). */
    ENTERED_IN_ERROR("entered-in-error");

    private final String wire;

    DocumentStatus(String wire) {
        this.wire = wire;
    }

    /** @return the FHIR {@code DocumentReference.status} value */
    public String wire() {
        return wire;
    }

    /**
     * @param value the from wire
     * @return the status of a FHIR value, if known
     */
    public static Optional<DocumentStatus> fromWire(String value) {
        for (DocumentStatus s : values()) {
            if (s.wire.equals(value)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
