package fr.opendmp.cda.content;

import fr.opendmp.cda.read.CdaParticipant;
import fr.opendmp.core.code.Code;
import java.util.Objects;
import java.util.Optional;

/**
 * One vaccination act (FR-Vaccination entry).
 *
 * @param vaccine the vaccine code (CIS in the ANS examples), if coded
 * @param vaccineLabel the vaccine as text (original text through the narrative, else display name,
 *     else {@code name}), if any
 * @param date when it was given (often a year only in a history), if known
 * @param rank the rank of the dose in its series ({@code FR-Rang-de-la-vaccination}, LOINC 30973-2), if given
 * @param lot the lot number, if given
 * @param performer who gave it, if known
 * @param administered false when the entry records a vaccination not given ({@code negationInd="true"})
 */
public record Vaccination(Optional<Code> vaccine, Optional<String> vaccineLabel, Optional<ClinicalTime> date,
        Optional<Integer> rank, Optional<String> lot, Optional<CdaParticipant> performer, boolean administered) {

    /**
     * Checks presence; a vaccination names its vaccine by a code or a label.
     *
     * @param vaccine the vaccine
     * @param vaccineLabel the vaccine label
     * @param date the date
     * @param rank the rank
     * @param lot the lot
     * @param performer the performer
     * @param administered the administered
     */
    public Vaccination {
        Objects.requireNonNull(vaccine, "vaccine");
        Objects.requireNonNull(vaccineLabel, "vaccineLabel");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(rank, "rank");
        Objects.requireNonNull(lot, "lot");
        Objects.requireNonNull(performer, "performer");
        if (vaccine.isEmpty() && vaccineLabel.isEmpty()) {
            throw new IllegalArgumentException("a vaccination needs a vaccine code or label");
        }
    }

    /** Masked: which parts are present, never the vaccine, date, lot or performer. */
    @Override
    public String toString() {
        return "Vaccination[vaccine ***" + (date.isPresent() ? ", date ***" : "") + (rank.isPresent() ? ", rank ***" : "")
                + (lot.isPresent() ? ", lot ***" : "") + (performer.isPresent() ? ", performer ***" : "")
                + (administered ? "" : ", not administered") + "]";
    }
}
