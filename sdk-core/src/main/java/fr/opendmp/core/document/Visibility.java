package fr.opendmp.core.document;

import fr.opendmp.core.code.Code;
import fr.opendmp.core.code.CodeSystems;

import java.util.Optional;

/** A DMP visibility flag (TRE_A07), added to the confidentiality level in {@code securityLabel}. */
public enum Visibility {
    /** Hidden from other health professionals ("masqué aux PS"). */
    MASQUE_PS,
    /** Not visible to the patient (until the diagnosis announcement, typically). */
    INVISIBLE_PATIENT,
    /** Not visible to the legal representatives of a minor patient (code unsure in the guide). */
    INVISIBLE_REPRESENTANTS_LEGAUX;

    /** @return the FHIR coding of this flag */
    public Code toCode() {
        return Code.of(CodeSystems.TRE_A07, name());
    }

    /**
     * @param code the code
     * @return the flag of a TRE_A07 code, if it is one
     */
    public static Optional<Visibility> fromCode(String code) {
        for (Visibility v : values()) {
            if (v.name().equals(code)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
