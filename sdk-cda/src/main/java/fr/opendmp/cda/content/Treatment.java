package fr.opendmp.cda.content;

import fr.opendmp.core.code.Code;
import java.util.Objects;
import java.util.Optional;

/**
 * A treatment read from a {@code substanceAdministration} entry (FR-Traitement).
 *
 * @param product the product code (CIS, CIP, UCD, ATC…), if coded
 * @param label the product as text (original text, display name or {@code name}), if any
 * @param start start of the treatment, if known
 * @param end end of the treatment, if known
 */
public record Treatment(Optional<Code> product, Optional<String> label, Optional<ClinicalTime> start,
        Optional<ClinicalTime> end) {

    /**
     * Checks presence; a treatment has a code or a label.
     *
     * @param product the product
     * @param label the label
     * @param start the start
     * @param end the end
     */
    public Treatment {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (product.isEmpty() && label.isEmpty()) {
            throw new IllegalArgumentException("a treatment needs a product code or a label");
        }
    }

    /** Masked: which parts are present, never their value. */
    @Override
    public String toString() {
        return "Treatment[" + (product.isPresent() ? "product ***" : "no product code")
                + (start.isPresent() ? ", dates ***" : "") + "]";
    }
}
