package fr.opendmp.testkit.dmp.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 6902 JSON Patch ({@code add remove replace test}) on a copy, plus the guide's invalid path
 * form {@code /extension[url:'…']/…} resolved to the index of that extension (created when absent).
 */
public final class JsonPatch {
    private static final Pattern URL_SELECTOR = Pattern.compile("^/extension\\[url:'([^']*)'\\]");

    private JsonPatch() {
    }

    /** @return the first segment of each operation's path (after resolving the url selector) */
    public static List<String> topElements(JsonNode ops) {
        List<String> out = new ArrayList<>();
        for (JsonNode op : ops) {
            String path = op.path("path").asText("");
            Matcher m = URL_SELECTOR.matcher(path);
            String p = m.find() ? "/extension" : path;
            String[] parts = p.split("/", -1);
            out.add(parts.length > 1 ? unescape(parts[1]) : "");
        }
        return out;
    }

    /** @return the patched copy, or throws 422 INVALID_PATCH */
    public static ObjectNode apply(ObjectNode doc, JsonNode ops) {
        if (!ops.isArray() || ops.isEmpty()) {
            throw invalid("the body must be a non-empty JSON Patch array", "");
        }
        ObjectNode copy = doc.deepCopy();
        for (int i = 0; i < ops.size(); i++) {
            JsonNode op = ops.path(i);
            String path = resolveSelector(copy, op.path("path").asText(""));
            List<String> segs = segments(path, i);
            String kind = op.path("op").asText("");
            JsonNode parent = navigate(copy, segs.subList(0, segs.size() - 1), i);
            String last = segs.get(segs.size() - 1);
            switch (kind) {
                case "add" -> add(parent, last, value(op, i), i);
                case "replace" -> {
                    requireExisting(parent, last, i);
                    remove(parent, last, i);
                    add(parent, last, value(op, i), i);
                }
                case "remove" -> {
                    requireExisting(parent, last, i);
                    remove(parent, last, i);
                }
                case "test" -> {
                    requireExisting(parent, last, i);
                    JsonNode actual = parent.isArray() ? parent.get(Integer.parseInt(last)) : parent.get(last);
                    if (!actual.equals(value(op, i))) {
                        throw invalid("test operation failed", "[" + i + "]");
                    }
                }
                default -> throw invalid("unsupported JSON Patch op '" + kind + "'", "[" + i + "].op");
            }
        }
        return copy;
    }

    private static String resolveSelector(ObjectNode doc, String path) {
        Matcher m = URL_SELECTOR.matcher(path);
        if (!m.find()) {
            return path;
        }
        String url = m.group(1);
        ArrayNode exts = doc.has("extension") && doc.get("extension").isArray()
                ? (ArrayNode) doc.get("extension") : doc.putArray("extension");
        int index = -1;
        for (int i = 0; i < exts.size(); i++) {
            if (url.equals(exts.get(i).path("url").asText()) || url.endsWith("/isArchived")
                    && exts.get(i).path("url").asText().endsWith("pdsm-ext-is-archived")) {
                index = i;
            }
        }
        if (index < 0) {
            exts.addObject().put("url", url.endsWith("/isArchived") ? SearchFields.IS_ARCHIVED : url)
                    .put("valueBoolean", false);
            index = exts.size() - 1;
        }
        return "/extension/" + index + path.substring(m.end());
    }

    private static List<String> segments(String path, int i) {
        if (!path.startsWith("/")) {
            throw invalid("path must be a JSON Pointer starting with /", "[" + i + "].path");
        }
        List<String> out = new ArrayList<>();
        for (String s : path.substring(1).split("/", -1)) {
            out.add(unescape(s));
        }
        return out;
    }

    private static String unescape(String s) {
        return s.replace("~1", "/").replace("~0", "~");
    }

    private static JsonNode navigate(JsonNode root, List<String> segs, int i) {
        JsonNode cur = root;
        for (String s : segs) {
            JsonNode next = cur.isArray() ? index(cur, s, i, false) < cur.size() ? cur.get(index(cur, s, i, false)) : null
                    : cur.get(s);
            if (next == null || !next.isContainerNode()) {
                throw invalid("path does not exist in the resource", "[" + i + "].path");
            }
            cur = next;
        }
        return cur;
    }

    private static int index(JsonNode array, String s, int i, boolean allowEnd) {
        if (allowEnd && "-".equals(s)) {
            return array.size();
        }
        try {
            int n = Integer.parseInt(s);
            if (n < 0 || n > array.size() || (!allowEnd && n == array.size())) {
                throw invalid("array index out of bounds", "[" + i + "].path");
            }
            return n;
        } catch (NumberFormatException e) {
            throw invalid("array index expected in path", "[" + i + "].path");
        }
    }

    private static void requireExisting(JsonNode parent, String last, int i) {
        boolean exists = parent.isArray() ? !"-".equals(last) && index(parent, last, i, false) < parent.size()
                : parent.has(last);
        if (!exists) {
            throw invalid("path does not exist in the resource", "[" + i + "].path");
        }
    }

    private static void add(JsonNode parent, String last, JsonNode value, int i) {
        if (parent.isArray()) {
            ((ArrayNode) parent).insert(index(parent, last, i, true), value);
        } else {
            ((ObjectNode) parent).set(last, value);
        }
    }

    private static void remove(JsonNode parent, String last, int i) {
        if (parent.isArray()) {
            ((ArrayNode) parent).remove(index(parent, last, i, false));
        } else {
            ((ObjectNode) parent).remove(last);
        }
    }

    private static JsonNode value(JsonNode op, int i) {
        if (!op.has("value")) {
            throw invalid("operation needs a value", "[" + i + "].value");
        }
        return op.get("value").deepCopy();
    }

    private static FhirException invalid(String text, String at) {
        return FhirException.of(422, "invalid", "INVALID_PATCH", text, at.isEmpty() ? "" : "Patch" + at);
    }
}
