package fr.opendmp.core.transport.internal.fhir;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.opendmp.core.error.OutcomeIssue;
import fr.opendmp.core.document.DocumentEntry;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a {@code searchset} Bundle of DocumentReferences with Jackson's streaming parser: the
 * bundle and each DocumentReference are streamed (only the needed elements are read; unknown ones
 * are skipped without being built); other resources (OperationOutcome) are read as trees. Not API.
 */
public final class SearchsetReader {

    /**
     * One page of results.
     *
     * @param entries the DocumentReferences ({@code search.mode} match, or no mode)
     * @param total the total the server announced, if any
     * @param next the {@code next} link, if any
     * @param warnings issues of OperationOutcome entries ({@code search.mode} outcome)
     */
    public record Page(List<DocumentEntry> entries, Optional<Integer> total, Optional<String> next,
            List<OutcomeIssue> warnings) {
    }

    private SearchsetReader() {
    }

    /**
     * @param in the body
     * @return the page
     * @throws IOException if the JSON is malformed or truncated
     */
    public static Page read(InputStream in) throws IOException {
        try (JsonParser p = FhirJson.parser(in)) {
            return read(p);
        }
    }

    /**
     * @param body the body
     * @return the page
     * @throws IOException if the JSON is malformed or truncated
     */
    public static Page read(byte[] body) throws IOException {
        try (JsonParser p = FhirJson.parser(body)) {
            return read(p);
        }
    }

    private static Page read(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new IOException("a searchset Bundle is a JSON object");
        }
        List<DocumentEntry> entries = new ArrayList<>();
        List<OutcomeIssue> warnings = new ArrayList<>();
        Integer total = null;
        String next = null;
        String resourceType = null;
        String type = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "resourceType" -> resourceType = p.getText();
                case "type" -> type = p.getText();
                case "total" -> total = p.getIntValue();
                case "link" -> next = readNext(p, value);
                case "entry" -> readEntries(p, value, entries, warnings);
                default -> p.skipChildren();
            }
        }
        expect(p, JsonToken.END_OBJECT, "the Bundle");
        if (!"Bundle".equals(resourceType) || (type != null && !"searchset".equals(type))) {
            throw new IOException("expected a searchset Bundle, got " + resourceType + "/" + type);
        }
        return new Page(List.copyOf(entries), Optional.ofNullable(total), Optional.ofNullable(next),
                List.copyOf(warnings));
    }

    private static String readNext(JsonParser p, JsonToken start) throws IOException {
        if (start != JsonToken.START_ARRAY) {
            throw new IOException("Bundle.link is not an array");
        }
        String next = null;
        while (p.nextToken() == JsonToken.START_OBJECT) {
            String relation = null;
            String url = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                p.nextToken();
                if (f.equals("relation")) {
                    relation = p.getText();
                } else if (f.equals("url")) {
                    url = p.getText();
                } else {
                    p.skipChildren();
                }
            }
            expect(p, JsonToken.END_OBJECT, "a link");
            if ("next".equals(relation)) {
                next = url;
            }
        }
        expect(p, JsonToken.END_ARRAY, "Bundle.link");
        return next;
    }

    private static void readEntries(JsonParser p, JsonToken start, List<DocumentEntry> entries,
            List<OutcomeIssue> warnings) throws IOException {
        if (start != JsonToken.START_ARRAY) {
            throw new IOException("Bundle.entry is not an array");
        }
        while (p.nextToken() == JsonToken.START_OBJECT) {
            JsonNode other = null;
            DocumentReferenceFields doc = null;
            String mode = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                p.nextToken();
                if (f.equals("resource")) {
                    if (p.currentToken() != JsonToken.START_OBJECT) {
                        throw new IOException("a searchset entry's resource is not an object");
                    }
                    JsonToken t = p.nextToken();
                    if (t == JsonToken.FIELD_NAME && p.currentName().equals("resourceType")) {
                        p.nextToken();
                        String rt = p.getText();
                        if (rt.equals("DocumentReference")) {
                            DocumentReferenceFields fields = new DocumentReferenceFields();
                            fields.resourceType = rt;
                            doc = DocumentReferenceParser.parseRest(p, fields);
                        } else {
                            ObjectNode node = FhirJson.object().put("resourceType", rt);
                            other = rest(p, node, false);
                        }
                    } else {
                        other = rest(p, FhirJson.object(), true);
                    }
                } else if (f.equals("search")) {
                    JsonNode search = p.readValueAsTree();
                    mode = search.path("mode").asText(null);
                } else {
                    p.skipChildren();
                }
            }
            expect(p, JsonToken.END_OBJECT, "an entry");
            if (other != null && "DocumentReference".equals(other.path("resourceType").asText())) {
                doc = null;
                if (mode == null || mode.equals("match")) {
                    entries.add(DocumentReferenceReader.read(other));
                }
            } else if (other != null && "OperationOutcome".equals(other.path("resourceType").asText())) {
                warnings.addAll(OutcomeReader.issues(other));
            } else if (doc != null && (mode == null || mode.equals("match"))) {
                entries.add(DocumentReferenceReader.assemble(doc));
            } else if (other == null && doc == null) {
                throw new IOException("a searchset entry has no resource");
            }
        }
        expect(p, JsonToken.END_ARRAY, "Bundle.entry");
    }

    /**
     * Every loop above stops at the first token it does not expect: unless that token closes what
     * was being read, the answer holds something unexpected and the rest would be dropped silently.
     */
    private static void expect(JsonParser p, JsonToken end, String what) throws IOException {
        if (p.currentToken() != end) {
            throw new IOException("unexpected " + p.currentToken() + " in " + what
                    + ": the answer is not a searchset this client can read whole");
        }
    }

    /** Reads the rest of the current object into {@code node}; {@code onField} if the parser is on a field name. */
    private static ObjectNode rest(JsonParser p, ObjectNode node, boolean onField) throws IOException {
        JsonToken t = onField ? p.currentToken() : p.nextToken();
        while (t == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            node.set(name, p.readValueAsTree());
            t = p.nextToken();
        }
        return node;
    }
}
