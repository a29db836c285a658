package fr.opendmp.cda.content;

import fr.opendmp.core.error.InvalidInputException;
import java.util.Objects;

/**
 * A document was given to a typed reader that does not read its kind (a lab report given to the
 * vaccination reader, a document of a type no reader knows). A client-side error of the SDK's one
 * root, never retryable. The message names the document type code, never patient data.
 */
public final class ContentKindException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    /** The expected. */
    private final String expected;
    /** The actual. */
    private final String actual;

    /**
     * @param expected what the reader reads, e.g. {@code "note de vaccination (87273-9) or historique (11369-6)"}
     * @param actual the document's type code and model, e.g. {@code "11502-2, structured"}
     */
    public ContentKindException(String expected, String actual) {
        super("the document is not a " + Objects.requireNonNull(expected, "expected") + ": it is "
                + Objects.requireNonNull(actual, "actual"), Details.of(
                        "choose the reader from the document type, or use ClinicalContent.read"), null);
        this.expected = expected;
        this.actual = actual;
    }

    /** @return what the reader reads */
    public String expected() {
        return expected;
    }

    /** @return what the document is (type code and body kind) */
    public String actual() {
        return actual;
    }
}
