package fr.opendmp.testkit.dmp.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** FHIR date/dateTime parsing into instants and ranges. */
public final class FhirDates {
    private FhirDates() {
    }

    /** A half-open range [from, to). */
    public record Range(Instant from, Instant to) {
    }

    /** @return the range a FHIR date or dateTime designates (UTC for partial dates), if valid */
    public static Optional<Range> range(String text) {
        try {
            if (text.length() == 4) {
                Instant from = LocalDate.of(Integer.parseInt(text), 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
                return Optional.of(new Range(from, from.atOffset(ZoneOffset.UTC).plusYears(1).toInstant()));
            }
            if (text.length() == 7) {
                YearMonth ym = YearMonth.parse(text);
                Instant from = ym.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
                return Optional.of(new Range(from, ym.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
            }
            if (text.length() == 10) {
                LocalDate d = LocalDate.parse(text);
                return Optional.of(new Range(d.atStartOfDay().toInstant(ZoneOffset.UTC),
                        d.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
            }
            Instant at = OffsetDateTime.parse(text).toInstant();
            return Optional.of(new Range(at, at.plusSeconds(1)));
        } catch (DateTimeParseException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** @return the instant of a FHIR date/dateTime (start of its range), if valid */
    public static Optional<Instant> instant(String text) {
        return text == null || text.isEmpty() ? Optional.empty() : range(text).map(Range::from);
    }
}
