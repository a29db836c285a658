package fr.opendmp.testkit.dmp.internal.dmpi;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** XDS / HL7 DTM dates ({@code yyyyMMdd[HH[mm[ss]]]}, UTC). */
final class Dtm {
    private static final DateTimeFormatter OUT = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private Dtm() {
    }

    static String format(Instant i) {
        return OUT.format(i);
    }

    /** @return the instant of a DTM (missing parts are zero), empty if unreadable */
    static Optional<Instant> parse(String dtm) {
        String v = dtm == null ? "" : dtm.trim();
        if (!v.matches("\\d{4}(\\d{2}){0,5}")) {
            return Optional.empty();
        }
        String padded;
        if (v.length() == 4) {
            padded = v + "0101000000";
        } else if (v.length() == 6) {
            padded = v + "01000000";
        } else {
            padded = (v + "000000").substring(0, 14);
        }
        try {
            return Optional.of(LocalDateTime.parse(padded, DateTimeFormatter.ofPattern("yyyyMMddHHmmss"))
                    .toInstant(ZoneOffset.UTC));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
