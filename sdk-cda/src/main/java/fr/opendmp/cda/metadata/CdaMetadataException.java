package fr.opendmp.cda.metadata;

import fr.opendmp.core.error.InvalidInputException;

/**
 * The metadata cannot be derived: the CDA header lacks an element the DMP needs, or a code is
 * outside its CI-SIS value set. The message names the element, never patient data.
 */
public final class CdaMetadataException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is missing or wrong
     * @param cause the underlying error, if any
     */
    public CdaMetadataException(String message, Throwable cause) {
        super(message, Details.of("the CDA header lacks what the DMP metadata needs: fix the document or give the"
                + " metadata by hand"), cause);
    }
}
