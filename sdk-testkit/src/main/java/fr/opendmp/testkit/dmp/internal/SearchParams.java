package fr.opendmp.testkit.dmp.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Parsed query (or form) parameters: name → values in order (repeated names are AND). */
public record SearchParams(Map<String, List<String>> values) {

    /** @return the parameters of a raw query string or form body (null/empty gives none) */
    public static SearchParams parse(String raw) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                map.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }
        return new SearchParams(map);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw FhirException.of(400, "invalid", "MALFORMED_QUERY", "the query string is not URL-encoded", "");
        }
    }

    /** @return the first value of a parameter */
    public Optional<String> first(String name) {
        List<String> v = values.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    /** @return all values of a parameter */
    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** @return the query string without the given parameters, re-encoded */
    public String without(String... names) {
        StringBuilder sb = new StringBuilder();
        values.forEach((k, vs) -> {
            for (String n : names) {
                if (n.equals(k)) {
                    return;
                }
            }
            for (String v : vs) {
                if (sb.length() > 0) {
                    sb.append('&');
                }
                sb.append(java.net.URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                        .append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        });
        return sb.toString();
    }
}
