package fr.opendmp.cda.read.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** HL7 v3 {@code TS} values ({@code YYYY[MM[DD[HH[MM[SS[.S]]]]]][+/-ZZZZ]}). */
public final class CdaTimes {

    /** The zone assumed when a value carries no UTC offset (unsure: CI-SIS recommends an offset). */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Paris");

    /** A date-time with seconds and an offset, as the header's effectiveTime requires. */
    public static final Pattern FULL = Pattern.compile("\\d{14}(\\.\\d{1,4})?[+-]\\d{4}");

    private static final Pattern TS = Pattern.compile(
            "(\\d{4})(\\d{2})?(\\d{2})?(\\d{2})?(\\d{2})?(\\d{2})?(?:\\.\\d{1,4})?([+-]\\d{4})?");
    private static final DateTimeFormatter OUT = DateTimeFormatter.ofPattern("yyyyMMddHHmmssxx");

    private CdaTimes() {
    }

    /** @return the value as an instant with offset; missing parts are the start of the period */
    public static Optional<OffsetDateTime> parse(String value) {
        Matcher m = TS.matcher(value.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            LocalDateTime local = LocalDate.of(i(m.group(1), 1), i(m.group(2), 1), i(m.group(3), 1))
                    .atTime(i(m.group(4), 0), i(m.group(5), 0), i(m.group(6), 0));
            if (m.group(7) != null) {
                return Optional.of(local.atOffset(ZoneOffset.of(m.group(7))));
            }
            return Optional.of(local.atZone(DEFAULT_ZONE).toOffsetDateTime());
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    /** @return {@code YYYYMMDDHHMMSS+ZZZZ} */
    public static String format(OffsetDateTime t) {
        return OUT.format(t);
    }

    private static int i(String s, int dflt) {
        return s == null ? dflt : Integer.parseInt(s);
    }
}
