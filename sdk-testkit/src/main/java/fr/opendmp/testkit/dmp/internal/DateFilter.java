package fr.opendmp.testkit.dmp.internal;

import java.time.Instant;
import java.util.Optional;

/**
 * A FHIR date search value with its prefix ({@code eq ne gt lt ge le}).
 *
 * @param prefix comparison
 * @param range the range the value designates
 */
public record DateFilter(String prefix, FhirDates.Range range) {

    /** Parses a value or throws 400 naming the parameter. */
    public static DateFilter parse(String param, String value) {
        String prefix = "eq";
        String v = value;
        if (v.length() > 2 && Character.isLetter(v.charAt(0)) && Character.isLetter(v.charAt(1))) {
            prefix = v.substring(0, 2);
            v = v.substring(2);
        }
        if (!prefix.matches("eq|ne|gt|lt|ge|le")) {
            throw FhirException.of(400, "invalid", "INVALID_SEARCH_PARAMETER", "unknown date prefix in " + param, param);
        }
        String p = prefix;
        return FhirDates.range(v).map(r -> new DateFilter(p, r)).orElseThrow(() -> FhirException.of(400, "invalid",
                "INVALID_SEARCH_PARAMETER", "invalid date in " + param, param));
    }

    /** @return whether the instant matches (absent never matches) */
    public boolean matches(Optional<Instant> at) {
        if (at.isEmpty()) {
            return false;
        }
        Instant d = at.get();
        return switch (prefix) {
            case "ge" -> !d.isBefore(range.from());
            case "gt" -> !d.isBefore(range.to());
            case "le" -> d.isBefore(range.to());
            case "lt" -> d.isBefore(range.from());
            case "ne" -> d.isBefore(range.from()) || !d.isBefore(range.to());
            default -> !d.isBefore(range.from()) && d.isBefore(range.to());
        };
    }
}
