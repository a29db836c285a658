package fr.opendmp.testkit.dmp.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Optional;

/** Shared Jackson mapper and tree helpers. */
public final class Json {
    /** The mapper (thread-safe once configured). */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    /** Most JSON tokens a body may hold: refused while parsing, before the tree grows (a 3 MB body of empty objects). */
    public static final long MAX_TOKENS = 250_000;
    /** Deepest JSON nesting accepted. */
    public static final int MAX_DEPTH = 100;

    static {
        // limits enforced by the streaming parser itself, before anything is materialised
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH).maxStringLength(64_000_000).maxNameLength(1_000)
                .maxTokenCount(MAX_TOKENS).build());
        // a key given twice (e.g. two "subject") is refused, never resolved to the last one
        MAPPER.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
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
        } catch (StreamConstraintsException e) {
            throw FhirException.of(413, "too-costly", "JSON_TOO_COSTLY", "the JSON body exceeds the fake's limits ("
                    + MAX_TOKENS + " tokens, depth " + MAX_DEPTH + ", string and name sizes)", "");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            if (String.valueOf(e.getOriginalMessage()).startsWith("Duplicate field")) {
                throw FhirException.of(400, "invalid", "DUPLICATE_JSON_KEY",
                        "the body repeats a key inside one object" + where(e), "");
            }
            throw FhirException.of(400, "invalid", "MALFORMED_JSON", "the body is not valid JSON" + where(e), "");
        } catch (IOException e) {
            throw FhirException.of(400, "invalid", "MALFORMED_JSON", "the body could not be read", "");
        }
    }

    private static String where(com.fasterxml.jackson.core.JsonProcessingException e) {
        return e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
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
