package fr.opendmp.cda.content;

import fr.opendmp.core.code.Code;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of the historique de remboursements (CNAM-HR): a dispensed medicine or vaccine, a medical
 * device, a hospital stay or an act, as the Assurance Maladie reimbursed it.
 *
 * @param category what kind of line it is
 * @param code its code (CIP/UCD for medicines, LPP for devices, GHM group for stays, NGAP/CCAM/NABM
 *     for acts), if coded
 * @param label its text (narrative, else display name), if any
 * @param date the dispensing date, the act's date or the stay's start, if known
 * @param end the end of a stay, if known
 * @param quantity the dispensed quantity, if given
 * @param group the act's group (section translation: soins médicaux et dentaires 67803-7, radiologie
 *     18726-0, biologie 26436-6), for acts
 */
public record Reimbursed(Category category, Optional<Code> code, Optional<String> label, Optional<ClinicalTime> date,
        Optional<ClinicalTime> end, Optional<BigDecimal> quantity, Optional<Code> group) {

    /** The kind of a reimbursed line, by the section it is in. */
    public enum Category {
        /** Section 10160-0: dispensed medicines. */
        MEDICINE,
        /** Section 11369-6: dispensed vaccines. */
        VACCINE,
        /** Section 46264-8: medical devices. */
        DEVICE,
        /** Section 46240-8: hospital stays. */
        HOSPITAL_STAY,
        /** Sections 29554-3: medical, dental, radiology and biology acts. */
        ACT
    }

    /**
     * Checks presence; a line has a code or a label.
     *
     * @param category the category
     * @param code the code
     * @param label the label
     * @param date the date
     * @param end the end
     * @param quantity the quantity
     * @param group the group
     */
    public Reimbursed {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(group, "group");
        if (code.isEmpty() && label.isEmpty()) {
            throw new IllegalArgumentException("a reimbursed line needs a code or a label");
        }
    }

    /** Masked: the category and which parts are present, never the product, act or date. */
    @Override
    public String toString() {
        return "Reimbursed[" + category + (code.isPresent() ? ", code ***" : "") + (date.isPresent() ? ", date ***" : "")
                + "]";
    }
}
