package fr.opendmp.core.transport.internal.fhir;

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

    /**
     * Parses {@code yyyy-MM-ddTHH:mm:ss[.fraction](Z|±HH:mm)} without a formatter (the searchset hot
     * path); {@code null} for any other shape, which the caller hands to {@link OffsetDateTime#parse}.
     */
    private static OffsetDateTime fast(String v) {
        int n = v.length();
        if (n < 20 || v.charAt(4) != '-' || v.charAt(7) != '-' || v.charAt(10) != 'T' || v.charAt(13) != ':'
                || v.charAt(16) != ':') {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (v.charAt(i) == '.') {
            int digits = 0;
            i++;
            while (i < n && v.charAt(i) >= '0' && v.charAt(i) <= '9') {
                if (digits < 9) {
                    nanos = nanos * 10 + (v.charAt(i) - '0');
                }
                digits++;
                i++;
            }
            if (digits == 0 || digits > 9) {
                return null;
            }
            for (int d = digits; d < 9; d++) {
                nanos *= 10;
            }
        }
        ZoneOffset offset;
        if (i == n - 1 && v.charAt(i) == 'Z') {
            offset = ZoneOffset.UTC;
        } else if (i == n - 6 && (v.charAt(i) == '+' || v.charAt(i) == '-') && v.charAt(i + 3) == ':') {
            int seconds = num(v, i + 1, i + 3) * 3600 + num(v, i + 4, i + 6) * 60;
            offset = ZoneOffset.ofTotalSeconds(v.charAt(i) == '-' ? -seconds : seconds);
        } else {
            return null;
        }
        return OffsetDateTime.of(num(v, 0, 4), num(v, 5, 7), num(v, 8, 10), num(v, 11, 13), num(v, 14, 16),
                num(v, 17, 19), nanos, offset);
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
