package fr.opendmp.auth.provider;

import fr.opendmp.core.access.AccessContext;
import fr.opendmp.core.access.AccessMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where the access mode and the bris de glace reason travel when the credential cannot carry them
 * (an OAuth token names the professional, not the mode of one request; a VIHF carries both itself).
 * The DMP's FHIR guide defines no place for them (open point), so this is a named strategy:
 * {@link #defaults()} sends {@code X-Access-Mode: <TRE_R248 code>} and, for bris de glace,
 * {@code X-Access-Reason: <percent-encoded UTF-8 reason>}, on non-normal requests only.
 *
 * @param modeHeader the header of the mode's code
 * @param reasonHeader the header of the reason
 */
public record AccessModeHeaders(String modeHeader, String reasonHeader) {

    /**
     * Checks both names.
     * @param modeHeader the header of the mode's code
     * @param reasonHeader the header of the reason
     */
    public AccessModeHeaders {
        Objects.requireNonNull(modeHeader, "modeHeader");
        Objects.requireNonNull(reasonHeader, "reasonHeader");
        if (!modeHeader.matches("[A-Za-z0-9-]+") || !reasonHeader.matches("[A-Za-z0-9-]+")) {
            throw new IllegalArgumentException("header names are letters, digits and dashes");
        }
    }

    /** @return {@code X-Access-Mode} and {@code X-Access-Reason} */
    public static AccessModeHeaders defaults() {
        return new AccessModeHeaders("X-Access-Mode", "X-Access-Reason");
    }

    /**
     * @param access the access
     * @return the headers for this access (none in normal mode)
     */
    public Map<String, List<String>> headers(AccessContext access) {
        if (access.mode() == AccessMode.NORMAL) {
            return Map.of();
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put(modeHeader, List.of(access.mode().code()));
        access.reason().ifPresent(r -> headers.put(reasonHeader,
                List.of(URLEncoder.encode(r, StandardCharsets.UTF_8))));
        return headers;
    }
}
