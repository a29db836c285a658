package fr.opendmp.cda.build;

import fr.opendmp.core.code.Code;
import java.util.Objects;
import java.util.Optional;

/**
 * A treatment for the narrative of a section.
 *
 * @param name the product or substance
 * @param dosage the dosage as text (e.g. "1 cp matin et soir")
 * @param code a code (CIS, CIP, ATC…), if known
 */
public record Medication(String name, String dosage, Optional<Code> code) {

    /**
     * Checks every part.
     * @param name the product or substance
     * @param dosage the dosage as text (e.g. "1 cp matin et soir")
     * @param code a code (CIS, CIP, ATC…), if known
     */
    public Medication {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dosage, "dosage");
        Objects.requireNonNull(code, "code");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a medication needs a name");
        }
    }

    /**
     * @param name the product or substance
     * @param dosage the dosage as text (e.g. "1 cp matin et soir")
     * @return a medication without code
     */
    public static Medication of(String name, String dosage) {
        return new Medication(name, dosage, Optional.empty());
    }

    /** Health data masked: which parts are present, never their value. */
    @Override
    public String toString() {
        return "Medication[name ***, dosage ***" + (code.isPresent() ? ", code ***" : "") + "]";
    }
}
