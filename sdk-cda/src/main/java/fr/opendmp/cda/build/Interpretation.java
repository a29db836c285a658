package fr.opendmp.cda.build;

import fr.opendmp.core.code.Code;

/** The interpretation of a lab result (HL7 ObservationInterpretation, JDV_HL7_ObservationInterpretation_CISIS). */
public enum Interpretation {
    /** {@code N}: normal. */
    NORMAL("N", "Normal"),
    /** {@code L}: anormalement bas. */
    LOW("L", "Anormalement bas"),
    /** {@code H}: anormalement haut. */
    HIGH("H", "Anormalement haut"),
    /** {@code LL}: très anormalement bas, alerte. */
    CRITICALLY_LOW("LL", "Très anormalement bas, alerte"),
    /** {@code HH}: très anormalement haut, alerte. */
    CRITICALLY_HIGH("HH", "Très anormalement haut, alerte"),
    /** {@code A}: anormal. */
    ABNORMAL("A", "Anormal");

    /** The HL7 ObservationInterpretation code system. */
    public static final String SYSTEM = "urn:oid:2.16.840.1.113883.5.83";

    private final String code;
    private final String display;

    Interpretation(String code, String display) {
        this.code = code;
        this.display = display;
    }

    /** @return the HL7 code with its French display name */
    public Code code() {
        return Code.of(SYSTEM, code, display);
    }
}
