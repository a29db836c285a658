package fr.opendmp.core.document;

import fr.opendmp.core.code.Code;
import fr.opendmp.core.code.CodeSystems;

/** The confidentiality level of a document (HL7 v3 Confidentiality, exactly one per document). */
public enum Confidentiality {
    /** Normal. */
    NORMAL("N", "normal"),
    /** Restreint. */
    RESTRICTED("R", "restricted"),
    /** Très restreint. */
    VERY_RESTRICTED("V", "very restricted");

    private final String code;
    private final String display;

    Confidentiality(String code, String display) {
        this.code = code;
        this.display = display;
    }

    /** @return the v3 code (N, R, V) */
    public String code() {
        return code;
    }

    /** @return the FHIR coding of this level */
    public Code toCode() {
        return Code.of(CodeSystems.V3_CONFIDENTIALITY, code, display);
    }

    /**
     * @param code the code
     * @return the level of a v3 code, if it is one
     */
    public static java.util.Optional<Confidentiality> fromCode(String code) {
        for (Confidentiality c : values()) {
            if (c.code.equals(code)) {
                return java.util.Optional.of(c);
            }
        }
        return java.util.Optional.empty();
    }
}
