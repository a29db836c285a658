package fr.opendmp.core.ins;

import fr.opendmp.core.ins.InvalidTraitException.Reason;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The identity traits of a person: the strict traits of the RNIV (birth name, birth first names,
 * birth date, sex, birth place), normalised, plus the used names that are kept for display but
 * never matched on.
 *
 * <p>Every value is checked and normalised at construction (see {@link TraitNormalization}); a
 * broken rule raises an {@link InvalidTraitException} naming the trait and the rule. The birth
 * date stays a validated {@code YYYY-MM-DD} string because INSi dates may be non-calendar
 * ({@code 1950-00-00}).
 *
 * <pre>{@code
 * IdentityTraits t = IdentityTraits.builder()
 *     .birthName("Dupont").birthFirstNames("Jean-Pierre Marie")
 *     .birthDate("1968-12-01").sex(Sex.M).birthPlaceCode("49007")
 *     .build();
 * t.firstBirthFirstName();   // "JEAN-PIERRE"
 * }</pre>
 *
 * <p>{@link #toString()} masks every value: traits never reach a log line in clear.
 *
 * @param birthName the nom de naissance, normalised
 * @param firstBirthFirstName the premier prénom: the first entry of the list, or a leading run of
 *     entries joined by a space that an operator confirmed (compound first name written with a space)
 * @param birthFirstNames the birth first names, in civil-status order, normalised
 * @param birthDate {@code YYYY-MM-DD}, month 00–12 and day 00–31 (00 = unknown)
 * @param sex the sex
 * @param birthPlaceCode the 5-character INSEE COG code of the birth place ({@code 99xxx} abroad)
 * @param usedName the nom utilisé, if any (never matched on)
 * @param usedFirstName the prénom utilisé, if any (never matched on)
 */
public record IdentityTraits(String birthName, String firstBirthFirstName, List<String> birthFirstNames,
        String birthDate, Sex sex, Optional<String> birthPlaceCode, Optional<String> usedName,
        Optional<String> usedFirstName) {

    /**
     * Normalises and checks every trait.
     * @param birthName the nom de naissance, normalised
     * @param firstBirthFirstName the premier prénom: the first entry of the list, or a leading run of
     *     entries joined by a space that an operator confirmed (compound first name written with a space)
     * @param birthFirstNames the birth first names, in civil-status order, normalised
     * @param birthDate {@code YYYY-MM-DD}, month 00–12 and day 00–31 (00 = unknown)
     * @param sex the sex
     * @param birthPlaceCode the 5-character INSEE COG code of the birth place ({@code 99xxx} abroad)
     * @param usedName the nom utilisé, if any (never matched on)
     * @param usedFirstName the prénom utilisé, if any (never matched on)
     */
    public IdentityTraits {
        birthName = TraitNormalization.name(Trait.BIRTH_NAME, birthName);
        Objects.requireNonNull(birthFirstNames, "birthFirstNames");
        if (birthFirstNames.isEmpty()) {
            throw new InvalidTraitException(Trait.BIRTH_FIRST_NAMES, Reason.MISSING,
                    "at least one birth first name is required");
        }
        birthFirstNames = TraitNormalization.firstNameList(String.join(" ",
                birthFirstNames.stream().map(n -> Objects.requireNonNull(n, "first name")).toList()));
        if (firstBirthFirstName == null || firstBirthFirstName.isBlank()) {
            firstBirthFirstName = birthFirstNames.get(0);
        } else {
            firstBirthFirstName = TraitNormalization.name(Trait.FIRST_BIRTH_FIRST_NAME, firstBirthFirstName);
            if (!isLeadingRun(firstBirthFirstName, birthFirstNames)) {
                throw new InvalidTraitException(Trait.FIRST_BIRTH_FIRST_NAME, Reason.FIRST_NAME_NOT_IN_LIST,
                        "the premier prénom must be the first birth first name, or the first ones joined"
                                + " by a space when the civil status writes a compound name with a space");
            }
        }
        birthDate = TraitNormalization.birthDate(birthDate);
        Objects.requireNonNull(sex, "sex");
        Objects.requireNonNull(birthPlaceCode, "birthPlaceCode");
        birthPlaceCode = birthPlaceCode.map(TraitNormalization::birthPlace);
        Objects.requireNonNull(usedName, "usedName");
        Objects.requireNonNull(usedFirstName, "usedFirstName");
        usedName = usedName.map(n -> TraitNormalization.name(Trait.USED_NAME, n));
        usedFirstName = usedFirstName.map(n -> TraitNormalization.name(Trait.USED_FIRST_NAME, n));
    }

    /** @return a builder; every setting may be given once */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the birth first names as INSi writes them: space-separated, in order */
    public String birthFirstNamesText() {
        return String.join(" ", birthFirstNames);
    }

    /** @return the birth date as a calendar date, or empty when it is not one (day or month 00…) */
    public Optional<LocalDate> birthLocalDate() {
        try {
            return Optional.of(LocalDate.parse(birthDate));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** @return whether the birth place is abroad ({@code 99xxx}) */
    public boolean bornAbroad() {
        return birthPlaceCode.map(p -> p.startsWith("99")).orElse(false);
    }

    /**
     * @return the same traits without the used names: the strict traits only, as compared with INSi
     */
    public IdentityTraits strict() {
        return new IdentityTraits(birthName, firstBirthFirstName, birthFirstNames, birthDate, sex,
                birthPlaceCode, Optional.empty(), Optional.empty());
    }

    /** @return a builder holding these traits, to change some of them */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.birthName = birthName;
        b.birthFirstNames = birthFirstNames;
        if (!firstBirthFirstName.equals(birthFirstNames.get(0))) {
            b.firstBirthFirstName = firstBirthFirstName;
        }
        b.birthDate = birthDate;
        b.sex = sex;
        b.birthPlaceCode = birthPlaceCode.orElse(null);
        b.usedName = usedName.orElse(null);
        b.usedFirstName = usedFirstName.orElse(null);
        b.copy = true;
        return b;
    }

    /** Masked: shows which traits are present, never their values. */
    @Override
    public String toString() {
        return "IdentityTraits[birthName=***, firstNames=" + birthFirstNames.size() + "×***, birthDate=****-**-**"
                + ", sex=" + sex + ", birthPlace=" + (birthPlaceCode.isPresent() ? "*****" : "none")
                + (usedName.isPresent() ? ", usedName=***" : "")
                + (usedFirstName.isPresent() ? ", usedFirstName=***" : "") + "]";
    }

    private static boolean isLeadingRun(String first, List<String> names) {
        StringBuilder run = new StringBuilder();
        for (String n : names) {
            if (run.length() > 0) {
                run.append(' ');
            }
            run.append(n);
            if (run.toString().equals(first)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Builds {@link IdentityTraits}. Required: birth name, birth first names, birth date, sex. A
     * setting given twice is refused ({@link Reason#SET_TWICE}).
     */
    public static final class Builder {
        private String birthName;
        private List<String> birthFirstNames;
        private String firstBirthFirstName;
        private String birthDate;
        private Sex sex;
        private String birthPlaceCode;
        private String usedName;
        private String usedFirstName;
        private boolean copy;

        private Builder() {
        }

        /**
         * @param name the nom de naissance
         * @return this builder
         */
        public Builder birthName(String name) {
            once(Trait.BIRTH_NAME, birthName);
            birthName = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * @param spaceSeparated all birth first names, space-separated, as INSi's {@code ListePrenom}
         * @return this builder
         */
        public Builder birthFirstNames(String spaceSeparated) {
            Objects.requireNonNull(spaceSeparated, "spaceSeparated");
            return birthFirstNames(List.of(spaceSeparated));
        }

        /**
         * @param names the birth first names, in civil-status order
         * @return this builder
         */
        public Builder birthFirstNames(List<String> names) {
            once(Trait.BIRTH_FIRST_NAMES, birthFirstNames);
            birthFirstNames = List.copyOf(names);
            return this;
        }

        /**
         * Sets the premier prénom when it is not simply the first entry of the list: a leading run
         * of entries joined by a space, confirmed by an operator from the birth certificate.
         *
         * @param name the premier prénom
         * @return this builder
         */
        public Builder firstBirthFirstName(String name) {
            once(Trait.FIRST_BIRTH_FIRST_NAME, firstBirthFirstName);
            firstBirthFirstName = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * @param date {@code YYYY-MM-DD}; month or day {@code 00} when unknown
         * @return this builder
         */
        public Builder birthDate(String date) {
            once(Trait.BIRTH_DATE, birthDate);
            birthDate = Objects.requireNonNull(date, "date");
            return this;
        }

        /**
         * @param date a calendar birth date
         * @return this builder
         */
        public Builder birthDate(LocalDate date) {
            return birthDate(Objects.requireNonNull(date, "date").toString());
        }

        /**
         * @param value the sex
         * @return this builder
         */
        public Builder sex(Sex value) {
            once(Trait.SEX, sex);
            sex = Objects.requireNonNull(value, "value");
            return this;
        }

        /**
         * @param code {@code M} or {@code F}
         * @return this builder
         * @throws InvalidTraitException if the code is not M or F
         */
        public Builder sex(String code) {
            return sex(Sex.fromCode(code));
        }

        /**
         * @param cog the 5-character INSEE COG code of the birth place ({@code 99xxx} abroad)
         * @return this builder
         */
        public Builder birthPlaceCode(String cog) {
            once(Trait.BIRTH_PLACE, birthPlaceCode);
            birthPlaceCode = Objects.requireNonNull(cog, "cog");
            return this;
        }

        /**
         * @param name the nom utilisé (kept, never matched on)
         * @return this builder
         */
        public Builder usedName(String name) {
            once(Trait.USED_NAME, usedName);
            usedName = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * @param name the prénom utilisé (kept, never matched on)
         * @return this builder
         */
        public Builder usedFirstName(String name) {
            once(Trait.USED_FIRST_NAME, usedFirstName);
            usedFirstName = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * @return the checked, normalised traits
         * @throws InvalidTraitException if a trait is missing or breaks a rule
         */
        public IdentityTraits build() {
            if (sex == null) {
                throw new InvalidTraitException(Trait.SEX, Reason.MISSING, "is required");
            }
            if (birthFirstNames == null) {
                throw new InvalidTraitException(Trait.BIRTH_FIRST_NAMES, Reason.MISSING, "is required");
            }
            return new IdentityTraits(birthName, firstBirthFirstName, birthFirstNames, birthDate, sex,
                    Optional.ofNullable(birthPlaceCode), Optional.ofNullable(usedName),
                    Optional.ofNullable(usedFirstName));
        }

        private void once(Trait trait, Object current) {
            if (current != null && !copy) {
                throw new InvalidTraitException(trait, Reason.SET_TWICE, "was already set");
            }
        }
    }
}
