package fr.opendmp.testkit.dmp.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The searchable values of a DocumentReference, extracted once at storage.
 *
 * @param tokens per search parameter, the set of {@code normalizedSystem|code} and {@code code}
 * @param date creationTime
 * @param periodStart serviceStartTime
 * @param periodEnd serviceStopTime
 * @param creation attachment creation
 * @param archived isArchived extension value
 */
public record SearchFields(Map<String, Set<String>> tokens, Optional<Instant> date, Optional<Instant> periodStart,
        Optional<Instant> periodEnd, Optional<Instant> creation, boolean archived) {

    /** URL of the isArchived extension. */
    public static final String IS_ARCHIVED =
            "https://interop.esante.gouv.fr/ig/fhir/pdsm/StructureDefinition/pdsm-ext-is-archived";

    /** @return the fields of this DocumentReference */
    public static SearchFields of(JsonNode doc) {
        Map<String, Set<String>> tokens = new HashMap<>();
        codings(tokens, "type", doc.path("type").path("coding"));
        for (JsonNode cat : doc.path("category")) {
            codings(tokens, "category", cat.path("coding"));
        }
        codings(tokens, "facility", doc.path("context").path("facilityType").path("coding"));
        codings(tokens, "setting", doc.path("context").path("practiceSetting").path("coding"));
        for (JsonNode content : doc.path("content")) {
            coding(tokens, "format", content.path("format"));
        }
        for (JsonNode label : doc.path("securityLabel")) {
            codings(tokens, "security-label", label.path("coding"));
        }
        for (JsonNode event : doc.path("context").path("event")) {
            codings(tokens, "event", event.path("coding"));
        }
        identifier(tokens, "identifier", doc.path("masterIdentifier"));
        for (JsonNode id : doc.path("identifier")) {
            identifier(tokens, "identifier", id);
        }
        add(tokens, "identifier", "", doc.path("id").asText());
        for (JsonNode rel : doc.path("context").path("related")) {
            identifier(tokens, "related", rel.path("identifier"));
        }
        for (JsonNode contained : doc.path("contained")) {
            String type = contained.path("resourceType").asText();
            if (type.startsWith("Practitioner") || type.equals("Device") || type.equals("Organization")) {
                for (JsonNode id : contained.path("identifier")) {
                    identifier(tokens, "author.identifier", id);
                }
            }
        }
        add(tokens, "status", "", doc.path("status").asText());
        boolean archived = false;
        for (JsonNode ext : doc.path("extension")) {
            if (IS_ARCHIVED.equals(ext.path("url").asText())) {
                archived = ext.path("valueBoolean").asBoolean(false);
            }
        }
        add(tokens, "isArchived", "", Boolean.toString(archived));
        JsonNode period = doc.path("context").path("period");
        return new SearchFields(Map.copyOf(tokens), FhirDates.instant(doc.path("date").asText()),
                FhirDates.instant(period.path("start").asText()), FhirDates.instant(period.path("end").asText()),
                FhirDates.instant(doc.path("content").path(0).path("attachment").path("creation").asText()), archived);
    }

    private static void codings(Map<String, Set<String>> tokens, String param, JsonNode codings) {
        for (JsonNode c : codings) {
            coding(tokens, param, c);
        }
    }

    private static void coding(Map<String, Set<String>> tokens, String param, JsonNode c) {
        if (c.hasNonNull("code")) {
            add(tokens, param, ValueSets.get().normalize(c.path("system").asText(null)), c.path("code").asText());
        }
    }

    private static void identifier(Map<String, Set<String>> tokens, String param, JsonNode id) {
        if (id.hasNonNull("value")) {
            add(tokens, param, id.path("system").asText(""), id.path("value").asText());
        }
    }

    private static void add(Map<String, Set<String>> tokens, String param, String system, String code) {
        Set<String> set = tokens.computeIfAbsent(param, k -> new HashSet<>());
        set.add(code);
        if (!system.isEmpty()) {
            set.add(system + "|" + code);
        }
    }

    /** @return whether the parameter's values contain this token ({@code system|code}, {@code code} or {@code |code}) */
    public boolean hasToken(String param, String token) {
        Set<String> set = tokens.get(param);
        if (set == null) {
            return false;
        }
        int bar = token.indexOf('|');
        if (bar < 0) {
            return set.contains(token);
        }
        String system = token.substring(0, bar);
        String code = token.substring(bar + 1);
        if (system.isEmpty()) {
            return set.contains(code);
        }
        String norm = "identifier".equals(param) || "related".equals(param) || "author.identifier".equals(param)
                ? system : ValueSets.get().normalize(system);
        return set.contains(norm + "|" + code);
    }
}
