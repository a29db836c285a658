package fr.opendmp.cda.content;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A point in time read from an HL7 {@code TS}, with the precision it was given at: a vaccination
 * dated {@code 1975} is {@code YEARS}, a lab result {@code 20140402145521+0200} is {@code SECONDS}.
 *
 * @param start the start of the period the value denotes (Europe/Paris when it carries no offset)
 * @param precision the smallest unit given: YEARS, MONTHS, DAYS, HOURS, MINUTES or SECONDS
 */
public record ClinicalTime(OffsetDateTime start, ChronoUnit precision) {

    /**
     * Checks presence.
     *
     * @param start the start
     * @param precision the precision
     */
    public ClinicalTime {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(precision, "precision");
    }

    /** @return the calendar date (its first day when only the year or month is known) */
    public LocalDate date() {
        return start.toLocalDate();
    }

    /** Masked: the precision only. */
    @Override
    public String toString() {
        return "ClinicalTime[***, " + precision + "]";
    }
}
