package fr.opendmp.core.ins;

import fr.opendmp.core.ins.InvalidTraitException.Reason;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The normalisation rules for names sent to INSi and compared with INSi traits (ANS INS implementation guide, "Guide d'implémentation de l'identité INS dans les logiciels").
 *
 * <ol>
 *   <li>Unicode NFD, combining marks dropped (É→E, Ç→C); ligatures Œ→OE, Æ→AE (ß→SS).</li>
 *   <li>Upper case.</li>
 *   <li>Typographic apostrophes ({@code ’ ‘ ` ´}) → {@code '}; en/em dashes → {@code -}.</li>
 *   <li>Trim; runs of spaces collapsed to one.</li>
 *   <li>Only {@code A–Z}, space, {@code -} and {@code '} may remain: anything else is refused
 *       ({@link Reason#TRAIT_CHARACTERS}), never deleted.</li>
 *   <li>A single first name has no space; doubled hyphens are kept as they are.</li>
 *   <li>At most {@value #MAX_LENGTH} characters, never truncated.</li>
 * </ol>
 */
public final class TraitNormalization {

    /** The maximum length of a birth name and of the list of first names (Datamatrix INS cap). */
    public static final int MAX_LENGTH = 100;

    private static final Pattern COMBINING = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");
    private static final Pattern NAME = Pattern.compile("[A-Z' -]+");
    private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern PLACE = Pattern.compile("\\d{5}|2[AB]\\d{3}");
    private static final Pattern LETTER = Pattern.compile(".*[A-Z].*");

    private TraitNormalization() {
    }

    /**
     * Normalises a birth name or used name (spaces allowed).
     *
     * @param trait the trait the text is, for the error
     * @param text the name as typed or read
     * @return the normalised name
     * @throws InvalidTraitException if a rule is broken
     */
    public static String name(Trait trait, String text) {
        Objects.requireNonNull(trait, "trait");
        String n = normalizeChars(trait, text);
        checkShape(trait, n);
        if (n.length() > MAX_LENGTH) {
            throw new InvalidTraitException(trait, Reason.TOO_LONG,
                    "at most " + MAX_LENGTH + " characters (never truncated), this one has " + n.length());
        }
        return n;
    }

    /**
     * Normalises one first name (no space allowed).
     *
     * @param trait the trait the text is, for the error
     * @param text the first name as typed or read
     * @return the normalised first name
     * @throws InvalidTraitException if a rule is broken
     */
    public static String firstName(Trait trait, String text) {
        String n = name(trait, text);
        if (n.indexOf(' ') >= 0) {
            throw new InvalidTraitException(trait, Reason.FIRST_NAME_SPACE,
                    "a single first name has no space (give several first names as a list)");
        }
        return n;
    }

    /**
     * Normalises a list of birth first names given as one space-separated text, as INSi's
     * {@code ListePrenom}.
     *
     * @param text the first names, space-separated, in civil-status order
     * @return the normalised first names, one per entry
     * @throws InvalidTraitException if a rule is broken
     */
    public static List<String> firstNameList(String text) {
        String all = name(Trait.BIRTH_FIRST_NAMES, text);
        List<String> names = new ArrayList<>();
        for (String token : all.split(" ")) {
            checkShape(Trait.BIRTH_FIRST_NAMES, token);
            names.add(token);
        }
        return List.copyOf(names);
    }

    /**
     * Checks a birth date: {@code YYYY-MM-DD}, year from 1800, month 00–12, day 00–31 (00 =
     * unknown, as in INSi's non-calendar dates); a full date must exist in the calendar.
     *
     * @param date the date
     * @return the date, stripped
     * @throws InvalidTraitException if a rule is broken
     */
    public static String birthDate(String date) {
        if (date == null || date.isBlank()) {
            throw new InvalidTraitException(Trait.BIRTH_DATE, Reason.MISSING, "is required");
        }
        String d = date.strip();
        var m = DATE.matcher(d);
        if (!m.matches()) {
            throw new InvalidTraitException(Trait.BIRTH_DATE, Reason.DATE_FORMAT, "must be YYYY-MM-DD");
        }
        int year = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2));
        int day = Integer.parseInt(m.group(3));
        if (year < 1800 || month > 12 || day > 31) {
            throw new InvalidTraitException(Trait.BIRTH_DATE, Reason.DATE_FORMAT,
                    "year from 1800, month 00-12 and day 00-31 (00 = unknown)");
        }
        if (month > 0 && day > 0) {
            try {
                LocalDate.of(year, month, day);
            } catch (DateTimeException e) {
                throw new InvalidTraitException(Trait.BIRTH_DATE, Reason.DATE_FORMAT,
                        "the day does not exist in that month");
            }
        }
        return d;
    }

    /**
     * Checks a birth place: a 5-character INSEE COG code (upper-cased).
     *
     * @param place the code
     * @return the code, upper case
     * @throws InvalidTraitException if it is not a COG code
     */
    public static String birthPlace(String place) {
        Objects.requireNonNull(place, "place");
        String p = place.strip().toUpperCase(Locale.ROOT);
        if (!PLACE.matcher(p).matches() || p.startsWith("00")) {
            throw new InvalidTraitException(Trait.BIRTH_PLACE, Reason.PLACE_CODE,
                    "must be a 5-character INSEE COG code (commune such as 49007, 2A004, 97302, or 99xxx"
                            + " for abroad)");
        }
        return p;
    }

    private static String normalizeChars(Trait trait, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidTraitException(trait, Reason.MISSING, "is required and may not be blank");
        }
        String s = text.replace("Œ", "OE").replace("œ", "oe").replace("Æ", "AE").replace("æ", "ae")
                .replace("ß", "ss");
        s = COMBINING.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        s = s.toUpperCase(Locale.ROOT);
        s = s.replace('\u2019', '\'').replace('\u2018', '\'').replace('`', '\'').replace('\u00B4', '\'')
                .replace('\u02BC', '\'')
                .replace('\u2013', '-').replace('\u2014', '-').replace('\u2010', '-').replace('\u2011', '-');
        s = SPACES.matcher(s.strip()).replaceAll(" ");
        if (!NAME.matcher(s).matches()) {
            int bad = firstBadIndex(s);
            throw new InvalidTraitException(trait, Reason.TRAIT_CHARACTERS,
                    "character " + (bad + 1) + " is not allowed (only letters, space, hyphen and"
                            + " apostrophe; digits, dots, commas and other scripts are refused)");
        }
        return s;
    }

    private static void checkShape(Trait trait, String n) {
        if (!LETTER.matcher(n).matches()) {
            throw new InvalidTraitException(trait, Reason.SHAPE, "must contain at least one letter");
        }
        char first = n.charAt(0);
        char last = n.charAt(n.length() - 1);
        if (first == '-' || first == '\'' || last == '-' || last == '\'') {
            throw new InvalidTraitException(trait, Reason.SHAPE,
                    "may not start or end with a hyphen or an apostrophe");
        }
    }

    private static int firstBadIndex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || c == ' ' || c == '-' || c == '\'')) {
                return i;
            }
        }
        return 0;
    }
}
