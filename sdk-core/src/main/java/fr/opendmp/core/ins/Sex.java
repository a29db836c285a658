package fr.opendmp.core.ins;

import java.util.Objects;

/** The sex trait, as INSi returns it ({@code M} or {@code F}). */
public enum Sex {
    /** Male ({@code M}, first digit 1 of a NIR). */
    M,
    /** Female ({@code F}, first digit 2 of a NIR). */
    F;

    /** @return the INSi code, {@code M} or {@code F} */
    public String code() {
        return name();
    }

    /**
     * Parses an INSi code.
     *
     * @param code {@code M} or {@code F} (lower case and surrounding spaces accepted)
     * @return the sex
     * @throws InvalidTraitException with {@link InvalidTraitException.Reason#SEX} otherwise
     */
    public static Sex fromCode(String code) {
        Objects.requireNonNull(code, "code");
        String c = code.strip();
        if (c.equalsIgnoreCase("M")) {
            return M;
        }
        if (c.equalsIgnoreCase("F")) {
            return F;
        }
        throw new InvalidTraitException(Trait.SEX, InvalidTraitException.Reason.SEX,
                "the sex trait is M or F");
    }
}
