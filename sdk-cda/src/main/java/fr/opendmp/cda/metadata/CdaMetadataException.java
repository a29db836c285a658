package fr.opendmp.cda.metadata;

/**
 * The metadata cannot be derived: the CDA header lacks an element the DMP needs, or a code is
 * outside its CI-SIS value set. The message names the element, never patient data.
 */
public final class CdaMetadataException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is missing or wrong
     * @param cause the underlying error, if any
     */
    public CdaMetadataException(String message, Throwable cause) {
        super(message, cause);
    }
}
