package fr.opendmp.core.transport.internal.fhir;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.InputStream;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.opendmp.core.code.Code;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Optional;

/** The shared Jackson setup and small JSON helpers of the FHIR mapping. Not API. */
public final class FhirJson {

    /**
     * The mapper, never handed out: nesting, string and number sizes are bounded and a duplicate key
     * is an error (a second {@code subject} must never win silently): trees refuse it as they are
     * built, streaming parsers through {@link DuplicateKeyGuard} (Jackson's
     * {@code STRICT_DUPLICATE_DETECTION} made a hash set per object and a third of a search's allocation).
     */
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(64)
                    .maxStringLength(200_000_000)
                    .maxNumberLength(64)
                    .build())
            .build())
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    /** The FHIR JSON mime type. */
    public static final String FHIR_JSON = "application/fhir+json";

    private FhirJson() {
    }

    /** @return a new empty object */
    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /**
     * @param content a document's bytes (read-only view)
     * @return a node written as the base64 of the bytes, encoded while the JSON is written (no
     *     base64 string, no copy of the document)
     */
    public static JsonNode base64(ByteBuffer content) {
        return JsonNodeFactory.instance.pojoNode(new Base64Content(content));
    }

    /** @return a streaming parser over these bytes, with the mapper's limits */
    public static JsonParser parser(byte[] body) throws IOException {
        return new DuplicateKeyGuard(MAPPER.createParser(body));
    }

    /** @return a streaming parser over this stream, with the mapper's limits */
    public static JsonParser parser(InputStream in) throws IOException {
        return new DuplicateKeyGuard(MAPPER.createParser(in));
    }

    /** @return a parser over a tree already read */
    public static JsonParser parser(JsonNode node) {
        return node.traverse(MAPPER);
    }

    /** @return the tree of these bytes (null for an empty body) */
    public static JsonNode readTree(byte[] body) throws IOException {
        return MAPPER.readTree(body);
    }

    /** @return the serialised bytes */
    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the text of a field, if present and not empty */
    public static Optional<String> text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.asText().isEmpty() ? Optional.empty() : Optional.of(v.asText());
    }

    /** @return the first coding of a CodeableConcept (or a Coding itself), if any */
    public static Optional<Code> firstCoding(JsonNode concept) {
        if (concept == null || concept.isMissingNode() || concept.isNull()) {
            return Optional.empty();
        }
        JsonNode coding = concept.has("coding") ? concept.path("coding").path(0) : concept;
        Optional<String> system = text(coding, "system");
        Optional<String> code = text(coding, "code");
        if (system.isEmpty() || code.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Code.of(system.get(), code.get(), text(coding, "display").orElse("")));
    }

    /** @return a Coding object */
    public static ObjectNode coding(Code code) {
        ObjectNode c = object().put("system", code.system()).put("code", code.code());
        if (!code.display().isEmpty()) {
            c.put("display", code.display());
        }
        return c;
    }

    /** @return a CodeableConcept with one coding */
    public static ObjectNode concept(Code code) {
        ObjectNode cc = object();
        cc.putArray("coding").add(coding(code));
        return cc;
    }
}
