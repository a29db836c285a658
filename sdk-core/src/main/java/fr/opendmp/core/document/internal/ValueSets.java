package fr.opendmp.core.document.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.opendmp.core.code.Code;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The CI-SIS value sets of {@code value-sets.json}, loaded once on first use (holder idiom).
 * Membership compares the OID of the code system, so URI and OID spellings both match.
 *
 * <p>typeCode and classCode are not checked here but by {@code TypeClassTable} (data resource
 * {@code type-class.json}: ASS_X04, ASS_X16, J66, J57 and the current J07), which is newer than
 * the J07 and J57 copies of {@code value-sets.json}.
 */
public final class ValueSets {

    /** formatCode. */
    public static final String FORMAT = "JDV_J10-XdsFormatCode-CISIS";
    /** healthcareFacilityTypeCode. */
    public static final String FACILITY = "JDV_J02-XdsHealthcareFacilityTypeCode-CISIS";
    /** practiceSettingCode. */
    public static final String PRACTICE = "JDV_J04-XdsPracticeSettingCode-CISIS";

    private static final String RESOURCE = "/fr/opendmp/core/document/value-sets.json";

    private ValueSets() {
    }

    private static final class Holder {
        static final Map<String, Set<String>> SETS = load();
    }

    /** @return whether the code is in the named value set */
    public static boolean contains(String valueSet, Code code) {
        Set<String> set = Holder.SETS.get(valueSet);
        if (set == null) {
            throw new IllegalArgumentException("unknown value set " + valueSet);
        }
        return code.systemOid().map(oid -> set.contains(oid + "|" + code.code())).orElse(false);
    }

    private static Map<String, Set<String>> load() {
        try (InputStream in = ValueSets.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + RESOURCE);
            }
            JsonNode root = new ObjectMapper().readTree(in);
            Map<String, Set<String>> sets = new HashMap<>();
            root.fields().forEachRemaining(e -> {
                Set<String> codes = new HashSet<>();
                for (JsonNode c : e.getValue().path("concepts")) {
                    String system = c.path("system").asText().replace(" (unsure)", "");
                    codes.add(system + "|" + c.path("code").asText());
                }
                sets.put(e.getKey(), Set.copyOf(codes));
            });
            return Map.copyOf(sets);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
