package fr.opendmp.testkit.dmp.internal;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Optional;

/** Shared Jackson mapper and tree helpers. */
public final class Json {
    /** The mapper (thread-safe once configured). */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(200).maxStringLength(200_000_000).build());
    }

    private Json() {
    }

    /** @return a new object node */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Parses a JSON body or throws a 400 FhirException. */
    public static JsonNode parse(byte[] body) {
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw FhirException.of(400, "invalid", "MALFORMED_JSON", "the body is empty", "");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw FhirException.of(400, "invalid", "MALFORMED_JSON", "the body is not valid JSON" + where, "");
        } catch (IOException e) {
            throw FhirException.of(400, "invalid", "MALFORMED_JSON", "the body could not be read", "");
        }
    }

    /** @return serialized bytes */
    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the text of a field, when it is a non-blank string */
    public static Optional<String> text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && v.isTextual() && !v.asText().isBlank() ? Optional.of(v.asText()) : Optional.empty();
    }

    /** @return the node at a dotted path of object fields (missing node if absent) */
    public static JsonNode at(JsonNode node, String dotted) {
        JsonNode cur = node;
        for (String part : dotted.split("\\.")) {
            if (cur == null || cur.isMissingNode()) {
                return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
            }
            cur = cur.path(part);
        }
        return cur;
    }

    /** @return whether a node is absent, null, blank text or empty container */
    public static boolean isEmpty(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull()
                || (node.isTextual() && node.asText().isBlank()) || (node.isContainerNode() && node.isEmpty());
    }
}
