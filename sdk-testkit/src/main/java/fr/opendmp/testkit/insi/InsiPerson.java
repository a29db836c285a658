package fr.opendmp.testkit.insi;

import fr.opendmp.core.ins.IdentityTraits;
import fr.opendmp.core.ins.Ins;
import fr.opendmp.core.ins.InsMatricule;
import fr.opendmp.core.ins.InsOid;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A fictitious person known to the fake INSi: INS traits (already in INSi form), the active INS,
 * the former ones, and the twin rank used by the Carte Vitale search.
 *
 * <p>{@link #toString()} masks everything: tests never print a name or an INS.
 *
 * @param birthName {@code NomNaissance}
 * @param firstNames {@code ListePrenom} (space-separated)
 * @param sex {@code M} or {@code F}
 * @param birthDate {@code YYYY-MM-DD} (may be non-calendar)
 * @param birthPlace the 5-character COG code
 * @param ins the active INS
 * @param history the former INS, oldest first
 * @param twinRank the rang gémellaire, if any
 */
public record InsiPerson(String birthName, String firstNames, String sex, String birthDate, String birthPlace,
        Ins ins, List<Former> history, Optional<Integer> twinRank) {

    /**
     * A former INS with its validity dates.
     *
     * @param ins the former INS
     * @param startDate {@code DateDeb}, if any
     * @param endDate {@code DateFin}, if any
     */
    public record Former(Ins ins, Optional<String> startDate, Optional<String> endDate) {
        /**
         * Checks each part.
         * @param ins the active INS
         * @param startDate {@code DateDeb}, if any
         * @param endDate {@code DateFin}, if any
         */
        public Former {
            Objects.requireNonNull(ins, "ins");
            Objects.requireNonNull(startDate, "startDate");
            Objects.requireNonNull(endDate, "endDate");
        }
    }

    /**
     * Checks each part and that the traits are readable by the SDK.
     * @param birthName {@code NomNaissance}
     * @param firstNames {@code ListePrenom} (space-separated)
     * @param sex {@code M} or {@code F}
     * @param birthDate {@code YYYY-MM-DD} (may be non-calendar)
     * @param birthPlace the 5-character COG code
     * @param ins the active INS
     * @param history the former INS, oldest first
     * @param twinRank the rang gémellaire, if any
     */
    public InsiPerson {
        Objects.requireNonNull(birthName, "birthName");
        Objects.requireNonNull(firstNames, "firstNames");
        Objects.requireNonNull(sex, "sex");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(birthPlace, "birthPlace");
        Objects.requireNonNull(ins, "ins");
        history = List.copyOf(history);
        Objects.requireNonNull(twinRank, "twinRank");
    }

    /** @return the INS traits as SDK traits (for tests that search this person) */
    public IdentityTraits traits() {
        return IdentityTraits.builder().birthName(birthName).birthFirstNames(firstNames).sex(sex)
                .birthDate(birthDate).birthPlaceCode(birthPlace).build();
    }

    /**
     * @param newIns the new ins
     * @param changeDate the change date
     * @return the same person with another active INS, the current one moved to the history
     */
    public InsiPerson withNewActiveIns(Ins newIns, String changeDate) {
        List<Former> h = new ArrayList<>(history);
        h.add(new Former(ins, Optional.empty(), Optional.of(changeDate)));
        return new InsiPerson(birthName, firstNames, sex, birthDate, birthPlace, newIns, h, twinRank);
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Masked. */
    @Override
    public String toString() {
        return "InsiPerson[" + ins + ", history=" + history.size() + "]";
    }

    /**
     * Builds an {@link InsiPerson}; the matricule is made from the traits and an order number
     * (sex digit, year, month, place, order) with a key computed by {@link InsMatricule#computeKey}.
     * Each setting may be given once; former INS add up.
     */
    public static final class Builder {

        private final Set<String> given = new HashSet<>();

        private void once(String setting) {
            if (!given.add(setting)) {
                throw new IllegalStateException(setting + " was already set");
            }
        }

        private String birthName;
        private String firstNames;
        private String sex;
        private String birthDate;
        private String birthPlace;
        private String order = "001";
        private String monthOverride;
        private InsOid oid = InsOid.NIR_TEST;
        private final List<Former> history = new ArrayList<>();
        private Integer twinRank;

        private Builder() {
        }

        /**
         * @param name {@code NomNaissance} @return this builder
         * @return this builder
         */
        public Builder birthName(String name) {
            once("birthName");
            birthName = name;
            return this;
        }

        /**
         * @param names {@code ListePrenom} @return this builder
         * @return this builder
         */
        public Builder firstNames(String names) {
            once("firstNames");
            firstNames = names;
            return this;
        }

        /**
         * @param code {@code M} or {@code F} @return this builder
         * @return this builder
         */
        public Builder sex(String code) {
            once("sex");
            sex = code;
            return this;
        }

        /**
         * @param date {@code YYYY-MM-DD} @return this builder
         * @return this builder
         */
        public Builder birthDate(String date) {
            once("birthDate");
            birthDate = date;
            return this;
        }

        /**
         * @param cog the COG code @return this builder
         * @return this builder
         */
        public Builder birthPlace(String cog) {
            once("birthPlace");
            birthPlace = cog;
            return this;
        }

        /**
         * @param value the 3-digit order number of the matricule @return this builder
         * @return this builder
         */
        public Builder order(String value) {
            once("order");
            order = value;
            return this;
        }

        /**
         * @param month the 2-digit month written in the matricule (e.g. 20+ when unknown) @return this builder
         * @return this builder
         */
        public Builder matriculeMonth(String month) {
            once("matriculeMonth");
            monthOverride = month;
            return this;
        }

        /**
         * @param value the OID of the active INS (test NIR by default) @return this builder
         * @return this builder
         */
        public Builder oid(InsOid value) {
            once("oid");
            oid = value;
            return this;
        }

        /**
         * @param former a former INS @return this builder
         * @return this builder
         */
        public Builder former(Former former) {
            history.add(former);
            return this;
        }

        /**
         * @param rank the rang gémellaire @return this builder
         * @return this builder
         */
        public Builder twinRank(int rank) {
            once("twinRank");
            twinRank = rank;
            return this;
        }

        /** @return the person */
        public InsiPerson build() {
            return new InsiPerson(birthName, firstNames, sex, birthDate, birthPlace,
                    Ins.of(matricule(sex, birthDate, birthPlace, monthOverride, order), oid), history,
                    Optional.ofNullable(twinRank));
        }

        /**
         * @return the matricule a person with these traits and order number would have
         */
        static InsMatricule matricule(String sex, String date, String place, String month, String order) {
            String number = ("M".equals(sex) ? "1" : "2") + date.substring(2, 4)
                    + (month != null ? month : date.substring(5, 7)) + place + order;
            return InsMatricule.of(number, InsMatricule.computeKey(number));
        }
    }
}
