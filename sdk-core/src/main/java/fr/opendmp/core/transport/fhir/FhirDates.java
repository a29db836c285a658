package fr.opendmp.core.transport.fhir;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** FHIR date/dateTime ⇄ java.time. Not API. */
public final class FhirDates {

    private FhirDates() {
    }

    /** @return the instant of a FHIR date or dateTime (a date is its midnight UTC), if parseable */
    public static Optional<OffsetDateTime> parse(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        try {
            if (value.length() == 4) {
                return Optional.of(LocalDate.of(Integer.parseInt(value), 1, 1).atStartOfDay().atOffset(ZoneOffset.UTC));
            }
            if (value.length() == 7) {
                return Optional.of(LocalDate.parse(value + "-01").atStartOfDay().atOffset(ZoneOffset.UTC));
            }
            if (value.length() == 10) {
                return Optional.of(LocalDate.parse(value).atStartOfDay().atOffset(ZoneOffset.UTC));
            }
            OffsetDateTime fast = fast(value);
            return Optional.of(fast != null ? fast : OffsetDateTime.parse(value));
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Parses {@code yyyy-MM-ddTHH:mm:ss(Z|±HH:mm)} without a formatter (the searchset hot path). */
    private static OffsetDateTime fast(String v) {
        if (v.length() != 20 && v.length() != 25) {
            return null;
        }
        if (v.charAt(4) != '-' || v.charAt(7) != '-' || v.charAt(10) != 'T' || v.charAt(13) != ':'
                || v.charAt(16) != ':') {
            return null;
        }
        ZoneOffset offset;
        if (v.length() == 20) {
            if (v.charAt(19) != 'Z') {
                return null;
            }
            offset = ZoneOffset.UTC;
        } else {
            char sign = v.charAt(19);
            if ((sign != '+' && sign != '-') || v.charAt(22) != ':') {
                return null;
            }
            int seconds = (num(v, 20, 22) * 3600 + num(v, 23, 25) * 60) * (sign == '-' ? -1 : 1);
            offset = ZoneOffset.ofTotalSeconds(seconds);
        }
        return OffsetDateTime.of(num(v, 0, 4), num(v, 5, 7), num(v, 8, 10), num(v, 11, 13), num(v, 14, 16),
                num(v, 17, 19), 0, offset);
    }

    private static int num(String v, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException("not a digit");
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** @return the FHIR dateTime text (ISO-8601 with offset) */
    public static String format(OffsetDateTime value) {
        return java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value);
    }
}
