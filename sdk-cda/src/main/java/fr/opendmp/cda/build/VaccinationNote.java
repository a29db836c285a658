package fr.opendmp.cda.build;

import fr.opendmp.cda.build.internal.HeaderParties;
import fr.opendmp.core.party.Professional;
import fr.opendmp.core.code.Code;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The body of a note de vaccination (VAC-NOTE 2023.01, LOINC {@code 87273-9}): one vaccination, as
 * the model requires exactly one FR-Vaccination entry. The CIS code and the ATC code of the vaccine
 * (each with its display name), the date (a day), the lot and the author (the header's first author,
 * who needs a specialty) are required by the ANS schematron.
 *
 * <pre>{@code
 * VaccinationNote note = VaccinationNote.builder()
 *     .vaccine(Code.of("urn:oid:1.2.250.1.213.2.3.1", "68747507", "VACCIN TETANIQUE PASTEUR"))
 *     .atc(Code.of("urn:oid:2.16.840.1.113883.6.73", "J07AM01", "Anatoxine tétanique"))
 *     .date(LocalDate.of(2024, 5, 2)).lot("4456672").rank(2)
 *     .build();
 * byte[] cda = CdaDocuments.vaccinationNote(header, note).toBytes();
 * }</pre>
 *
 * @param vaccine the vaccine's CIS code, with its display name
 * @param atc the vaccine's ATC code, with its display name
 * @param date the day of the vaccination
 * @param lot the lot number
 * @param rank the rank of the dose in its series, if known
 * @param series first series, booster, or unspecified
 * @param performer who gave it, when not the author
 */
public record VaccinationNote(Code vaccine, Code atc, LocalDate date, String lot, Optional<Integer> rank,
        Series series, Optional<Professional> performer) {

    /** The CIS code system. */
    public static final String CIS = "urn:oid:1.2.250.1.213.2.3.1";
    /** The ATC code system. */
    public static final String ATC = "urn:oid:2.16.840.1.113883.6.73";

    /** The type of vaccination act (JDV_HL7_ActSubstanceAdministrationImmunizationCode_CISIS). */
    public enum Series {
        /** {@code INITIMMUNIZ}: 1ère série vaccinante. */
        FIRST_SERIES("INITIMMUNIZ", "1ère série vaccinante"),
        /** {@code BOOSTER}: rappel de vaccin. */
        BOOSTER("BOOSTER", "Rappel de vaccin"),
        /** {@code IMMUNIZ}: vaccination sans autre précision. */
        UNSPECIFIED("IMMUNIZ", "Vaccination sans autre précision");

        private final String code;
        private final String display;

        Series(String code, String display) {
            this.code = code;
            this.display = display;
        }

        /** @return the HL7 ActCode */
        public Code code() {
            return Code.of("urn:oid:2.16.840.1.113883.5.4", code, display);
        }
    }

    /**
     * Checks every part.
     *
     * @param vaccine the vaccine
     * @param atc the atc
     * @param date the date
     * @param lot the lot
     * @param rank the rank
     * @param series the series
     * @param performer the performer
     * @throws CdaBuildException {@code INVALID_VALUE} when a code is not CIS/ATC or lacks its display name
     */
    public VaccinationNote {
        Objects.requireNonNull(vaccine, "vaccine");
        Objects.requireNonNull(atc, "atc");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(lot, "lot");
        Objects.requireNonNull(rank, "rank");
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(performer, "performer");
        if (!CIS.equals(vaccine.system()) || vaccine.display().isBlank()) {
            throw new CdaBuildException(CdaBuildException.Reason.INVALID_VALUE,
                    "the vaccine must be a CIS code (" + CIS + ") with its display name");
        }
        if (!ATC.equals(atc.system()) || atc.display().isBlank()) {
            throw new CdaBuildException(CdaBuildException.Reason.INVALID_VALUE,
                    "the ATC code must be of " + ATC + " with its display name");
        }
        if (lot.isBlank()) {
            throw new CdaBuildException(CdaBuildException.Reason.MISSING_ELEMENT, "the lot number is required");
        }
        if (rank.isPresent() && rank.get() < 1) {
            throw new CdaBuildException(CdaBuildException.Reason.INVALID_VALUE, "a rank is at least 1");
        }
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Masked: which parts are present, never the vaccine, date, lot or performer. */
    @Override
    public String toString() {
        return "VaccinationNote[vaccine ***, atc ***, date ***, lot ***" + (rank.isPresent() ? ", rank ***" : "")
                + ", " + series + (performer.isPresent() ? ", performer ***" : "") + "]";
    }

    /** Builds a {@link VaccinationNote}; each setting may be given once. Not thread-safe. */
    public static final class Builder {
        private Code vaccine;
        private Code atc;
        private LocalDate date;
        private String lot;
        private Integer rank;
        private Series series;
        private Professional performer;

        private Builder() {
        }

        private static void once(Object current, String name) {
            if (current != null) {
                throw new IllegalStateException(name + " was already set");
            }
        }

        /**
         * @param value the value
         * @return this; the vaccine's CIS code ({@link VaccinationNote#CIS}) with its display name
         */
        public Builder vaccine(Code value) {
            once(vaccine, "vaccine");
            this.vaccine = Objects.requireNonNull(value, "vaccine");
            return this;
        }

        /**
         * @param value the value
         * @return this; the vaccine's ATC code ({@link VaccinationNote#ATC}) with its display name
         */
        public Builder atc(Code value) {
            once(atc, "atc");
            this.atc = Objects.requireNonNull(value, "atc");
            return this;
        }

        /**
         * @param value the value
         * @return this; the day of the vaccination
         */
        public Builder date(LocalDate value) {
            once(date, "date");
            this.date = Objects.requireNonNull(value, "date");
            return this;
        }

        /**
         * @param value the value
         * @return this; the lot number
         */
        public Builder lot(String value) {
            once(lot, "lot");
            this.lot = Objects.requireNonNull(value, "lot");
            return this;
        }

        /**
         * @param value the value
         * @return this; the rank of the dose (1 for the first)
         */
        public Builder rank(int value) {
            once(rank, "rank");
            this.rank = value;
            return this;
        }

        /**
         * @param value the value
         * @return this; the kind of act (default {@link Series#UNSPECIFIED})
         */
        public Builder series(Series value) {
            once(series, "series");
            this.series = Objects.requireNonNull(value, "series");
            return this;
        }

        /**
         * @param value the value
         * @return this; who gave the vaccine, when not the author
         */
        public Builder performer(Professional value) {
            once(performer, "performer");
            this.performer = HeaderParties.writable(Objects.requireNonNull(value, "performer"), "performer");
            return this;
        }

        /**
         * @return the note
         * @throws CdaBuildException naming what is missing or invalid
         */
        public VaccinationNote build() {
            require(vaccine, "vaccine");
            require(atc, "atc");
            require(date, "date");
            require(lot, "lot");
            return new VaccinationNote(vaccine, atc, date, lot, Optional.ofNullable(rank),
                    series == null ? Series.UNSPECIFIED : series, Optional.ofNullable(performer));
        }

        private static void require(Object value, String name) {
            if (value == null) {
                throw new CdaBuildException(CdaBuildException.Reason.MISSING_ELEMENT, name + " is required");
            }
        }
    }
}
