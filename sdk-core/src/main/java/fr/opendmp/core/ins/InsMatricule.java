package fr.opendmp.core.ins;

import fr.opendmp.core.ins.InvalidMatriculeException.Reason;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A matricule INS: the 13-character NIR or NIA number and its 2-digit key.
 *
 * <p>Checked at construction (layout, Corsica 2A/2B, month, mod-97 key). A valid key does not
 * make an INS: only an INSi answer does. NIR and NIA cannot be told apart from the digits; the
 * {@link InsOid} of an {@link Ins} says which one it is.
 *
 * <pre>{@code
 * InsMatricule m = InsMatricule.parse("2 79 11 99 134 009 76");
 * m.value();   // "279119913400976"
 * }</pre>
 *
 * <p>{@link #toString()} masks the number, so a matricule may reach a log line safely.
 *
 * <p>NIR and NIA share one layout: {@link #kind()} is what the caller said (NIR unless told
 * otherwise); an {@link Ins} built with a NIA OID carries a NIA matricule.
 *
 * @param number the 13 characters (digits, with {@code 2A}/{@code 2B} at positions 6–7)
 * @param key the 2-digit key, {@code 01}–{@code 97}
 * @param kind NIR or NIA, as the assigning authority says (the digits cannot tell)
 */
public record InsMatricule(String number, String key, MatriculeKind kind) {

    /** Format observations kept on a valid matricule (never thrown). */
    public enum Warning {
        /** First digit 3 or 4: legacy numbers for foreigners being registered. */
        LEGACY_TYPE_DIGIT,
        /** Month ≥ 20: INSEE's fictitious month when the civil record has none. */
        FICTITIOUS_MONTH
    }

    private static final int NUMBER_LENGTH = 13;
    private static final int KEY_LENGTH = 2;

    /**
     * Checks the canonical parts; prefer {@link #of(String, String)} or {@link #parse(String)}.
     * @param number the 13 characters (digits, with {@code 2A}/{@code 2B} at positions 6–7)
     * @param key the 2-digit key, {@code 01}–{@code 97}
     * @param kind NIR or NIA, as the assigning authority says (the digits cannot tell)
     */
    public InsMatricule {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        checkNumber(number);
        checkKey(number, key);
    }

    /**
     * Builds a matricule from canonical parts, as INSi returns them or as they are stored:
     * exactly 13 + 2 characters, upper case, no spaces.
     *
     * @param number13 the 13 characters before the key (Corsica {@code 2A}/{@code 2B} allowed)
     * @param key2 the key2
     * @return the ins matricule
     * @throws InvalidMatriculeException if a rule is broken
     */
    public static InsMatricule of(String number13, String key2) {
        return new InsMatricule(number13, key2, MatriculeKind.NIR);
    }

    /**
     * Like {@link #of(String, String)} for a matricule whose kind the assigning authority gave
     * (INSi returns it with its OID).
     *
     * @param number13 the 13 characters before the key (Corsica {@code 2A}/{@code 2B} allowed)
     * @param key2 the key2
     * @param kind NIR or NIA, as the assigning authority says (the digits cannot tell)
     * @return the ins matricule
     * @throws InvalidMatriculeException if a rule is broken
     */
    public static InsMatricule of(String number13, String key2, MatriculeKind kind) {
        return new InsMatricule(number13, key2, kind);
    }

    /**
     * Parses the 15-character value as typed or scanned: spaces, dots and lower case are accepted
     * and removed.
     *
     * @param text the text
     * @return the ins matricule
     * @throws InvalidMatriculeException if a rule is broken (the message says which)
     */
    public static InsMatricule parse(String text) {
        return parse(text, MatriculeKind.NIR);
    }

    /**
     * Like {@link #parse(String)} for a matricule of a known kind.
     *
     * @param text the text
     * @param kind NIR or NIA, as the assigning authority says (the digits cannot tell)
     * @return the ins matricule
     * @throws InvalidMatriculeException if a rule is broken (the message says which)
     */
    public static InsMatricule parse(String text, MatriculeKind kind) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
        String canonical = canonicalize(text);
        if (canonical.length() != NUMBER_LENGTH + KEY_LENGTH) {
            throw new InvalidMatriculeException(Reason.LENGTH,
                    "a matricule INS has 15 characters (13 + a 2-digit key), this one has "
                            + canonical.length());
        }
        return new InsMatricule(canonical.substring(0, NUMBER_LENGTH), canonical.substring(NUMBER_LENGTH), kind);
    }

    /**
     * @param text the text
     * @return whether {@link #parse(String)} would accept the text
     */
    public static boolean isValid(String text) {
        if (text == null) {
            return false;
        }
        try {
            parse(text);
            return true;
        } catch (InvalidMatriculeException e) {
            return false;
        }
    }

    /**
     * Computes the key of a 13-character number: {@code 97 − (N mod 97)}, Corsica {@code 2A} read
     * as 19 and {@code 2B} as 18.
     *
     * @param number13 the 13 characters before the key (Corsica {@code 2A}/{@code 2B} allowed)
     * @return the two-digit key
     * @throws InvalidMatriculeException if the number itself is malformed
     */
    public static String computeKey(String number13) {
        Objects.requireNonNull(number13, "number13");
        checkNumber(number13);
        return keyOf(number13);
    }

    /**
     * @param newKind the new kind
     * @return the same matricule, of the given kind
     */
    public InsMatricule withKind(MatriculeKind newKind) {
        return newKind == kind ? this : new InsMatricule(number, key, newKind);
    }

    /** @return the canonical 15-character value (number + key), as exchanged on every channel */
    public String value() {
        return number + key;
    }

    /** @return the format observations on this matricule (empty for an ordinary one) */
    public Set<Warning> warnings() {
        Set<Warning> warnings = EnumSet.noneOf(Warning.class);
        char type = number.charAt(0);
        if (type == '3' || type == '4') {
            warnings.add(Warning.LEGACY_TYPE_DIGIT);
        }
        if (Integer.parseInt(number.substring(3, 5)) >= 20) {
            warnings.add(Warning.FICTITIOUS_MONTH);
        }
        return Set.copyOf(warnings);
    }

    /** @return the value with all but the sex digit and the key masked: {@code 1************61} */
    public String masked() {
        return number.charAt(0) + "*".repeat(NUMBER_LENGTH - 1) + key;
    }

    /** Masked: a matricule never reaches a log line in clear. */
    @Override
    public String toString() {
        return "InsMatricule[" + masked() + "]";
    }

    private static String canonicalize(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '.' || c == '\u00A0' || c == '\t') {
                continue;
            }
            sb.append(c);
        }
        return sb.toString().toUpperCase(Locale.ROOT);
    }

    private static void checkNumber(String number) {
        if (number.length() != NUMBER_LENGTH) {
            throw new InvalidMatriculeException(Reason.LENGTH,
                    "the number of a matricule INS has 13 characters, this one has " + number.length());
        }
        for (int i = 0; i < NUMBER_LENGTH; i++) {
            char c = number.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            if (!digit && !(i == 6 && (c == 'A' || c == 'B') && number.charAt(5) == '2')) {
                throw new InvalidMatriculeException(Reason.CHARACTERS,
                        "character " + (i + 1) + " of the matricule INS is not allowed there"
                                + " (only digits, and 2A/2B at positions 6-7 for Corsica)");
            }
        }
        char type = number.charAt(0);
        if (type < '1' || type > '4') {
            throw new InvalidMatriculeException(Reason.TYPE_DIGIT,
                    "a matricule INS starts with 1 or 2 (sex); " + type
                            + " marks another kind of number (provisional, migrant…), not an INS");
        }
        int month = Integer.parseInt(number.substring(3, 5));
        if (month == 0 || (month >= 13 && month <= 19)) {
            throw new InvalidMatriculeException(Reason.IMPOSSIBLE_MONTH,
                    "the birth month of a matricule INS (characters 4-5) cannot be " + month);
        }
    }

    private static void checkKey(String number, String key) {
        if (key.length() != KEY_LENGTH || !Character.isDigit(key.charAt(0)) || !Character.isDigit(key.charAt(1))) {
            throw new InvalidMatriculeException(Reason.KEY_FORMAT, "the key of a matricule INS is 2 digits");
        }
        int k = Integer.parseInt(key);
        if (k < 1 || k > 97) {
            throw new InvalidMatriculeException(Reason.KEY_FORMAT,
                    "the key of a matricule INS is between 01 and 97");
        }
        if (!keyOf(number).equals(key)) {
            throw new InvalidMatriculeException(Reason.KEY_MISMATCH,
                    "the key does not match the number (mod 97): check for a typing error");
        }
    }

    private static String keyOf(String number) {
        String digits = number;
        if (number.charAt(6) == 'A') {
            digits = number.substring(0, 5) + "19" + number.substring(7);
        } else if (number.charAt(6) == 'B') {
            digits = number.substring(0, 5) + "18" + number.substring(7);
        }
        long n = Long.parseLong(digits);
        long k = 97 - (n % 97);
        return k < 10 ? "0" + k : Long.toString(k);
    }
}
