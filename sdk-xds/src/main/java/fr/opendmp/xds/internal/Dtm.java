package fr.opendmp.xds.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** XDS / HL7 dates: {@code yyyyMMddHHmmss} in UTC; shorter precisions on read. Not API. */
public final class Dtm {

    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private Dtm() {
    }

    /** @return the instant as {@code yyyyMMddHHmmss} UTC */
    public static String format(Instant instant) {
        return FULL.format(instant.atOffset(ZoneOffset.UTC));
    }

    /** @return the date-time as {@code yyyyMMddHHmmss} UTC */
    public static String format(OffsetDateTime time) {
        return format(time.toInstant());
    }

    /**
     * @param value {@code yyyy[MM[dd[HH[mm[ss]]]]]} (UTC; fractions and offsets ignored)
     * @return the time in UTC, if readable
     */
    public static Optional<OffsetDateTime> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim();
        int cut = 0;
        while (cut < v.length() && Character.isDigit(v.charAt(cut))) {
            cut++;
        }
        v = v.substring(0, cut);
        if (v.length() < 4 || v.length() % 2 != 0 || v.length() > 14) {
            return Optional.empty();
        }
        try {
            int y = Integer.parseInt(v.substring(0, 4));
            int mo = v.length() >= 6 ? Integer.parseInt(v.substring(4, 6)) : 1;
            int d = v.length() >= 8 ? Integer.parseInt(v.substring(6, 8)) : 1;
            int h = v.length() >= 10 ? Integer.parseInt(v.substring(8, 10)) : 0;
            int mi = v.length() >= 12 ? Integer.parseInt(v.substring(10, 12)) : 0;
            int s = v.length() >= 14 ? Integer.parseInt(v.substring(12, 14)) : 0;
            return Optional.of(LocalDateTime.of(y, mo, d, h, mi, s).atOffset(ZoneOffset.UTC));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** @return the date part, if readable */
    public static Optional<LocalDate> date(String value) {
        return parse(value).map(OffsetDateTime::toLocalDate);
    }
}
