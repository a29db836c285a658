package fr.opendmp.core.document.internal;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import fr.opendmp.core.code.Code;
import fr.opendmp.core.document.TypeClassTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the data resource {@code type-class.json} (ANS ASS_X04, ASS_X16, J66, J57, J07). Not API:
 * {@link TypeClassTable#ans()} loads it once.
 */
public final class TypeClassResource {

    /** The classpath path of the resource. */
    public static final String RESOURCE = "/fr/opendmp/core/document/type-class.json";

    /**
     * The resource's content.
     *
     * @param version the versions of the ANS tables, as one label
     * @param sources the ANS tables and value sets
     * @param classes the classes
     * @param types the types
     */
    public record Data(String version, List<TypeClassTable.Source> sources, List<TypeClassTable.ClassEntry> classes,
            List<TypeClassTable.Entry> types) {
    }

    private TypeClassResource() {
    }

    /**
     * @return the resource's content
     * @throws IllegalStateException if the resource is missing or inconsistent (a packaging error)
     */
    public static Data load() {
        try (InputStream in = TypeClassResource.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + RESOURCE);
            }
            JsonNode root = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build()
                    .readTree(in);
            Map<String, String> systems = new HashMap<>();
            root.path("systems").fields().forEachRemaining(e -> systems.put(e.getKey(), text(e.getValue(), "uri")));
            List<TypeClassTable.Source> sources = new ArrayList<>();
            for (JsonNode s : root.path("sources")) {
                sources.add(new TypeClassTable.Source(text(s, "name"), text(s, "oid"), text(s, "version"),
                        text(s, "canonical"), Optional.ofNullable(s.path("published").textValue())));
            }
            Map<String, Code> classByCode = new HashMap<>();
            List<TypeClassTable.ClassEntry> classes = new ArrayList<>();
            for (JsonNode c : root.path("classes")) {
                Code code = Code.of(system(systems, text(c, "system")), text(c, "code"), text(c, "display"));
                if (classByCode.put(code.code(), code) != null) {
                    throw new IllegalStateException(RESOURCE + ": class " + code.code() + " listed twice");
                }
                classes.add(new TypeClassTable.ClassEntry(code, c.path("inJ57").asBoolean()));
            }
            List<TypeClassTable.Entry> types = new ArrayList<>();
            for (JsonNode t : root.path("types")) {
                Code cls = classByCode.get(text(t, "classCode"));
                if (cls == null) {
                    throw new IllegalStateException(RESOURCE + ": type " + text(t, "code") + " has an unlisted class");
                }
                types.add(new TypeClassTable.Entry(
                        Code.of(system(systems, text(t, "system")), text(t, "code"), text(t, "display")), cls,
                        t.path("inJ07").asBoolean(), t.path("inJ66").asBoolean()));
            }
            if (types.isEmpty() || sources.isEmpty()) {
                throw new IllegalStateException(RESOURCE + " holds no types or no sources");
            }
            return new Data(text(root, "version"), sources, classes, types);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private static String system(Map<String, String> systems, String oid) {
        String uri = systems.get(oid);
        if (uri == null) {
            throw new IllegalStateException(RESOURCE + ": unknown system " + oid);
        }
        return uri;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IllegalStateException(RESOURCE + ": missing " + field);
        }
        return v.asText();
    }
}
