package fr.opendmp.core.transport.internal.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.node.TextNode;
import fr.opendmp.core.transport.internal.http.RequestBody;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A JSON tree as a {@link RequestBody} whose documents ({@link FhirJson#base64} nodes) are encoded
 * while the body is sent: the tree is written once with a marker string in place of each document
 * (a few KB), then cut around the markers. Not API.
 */
final class StreamedJson {

    private StreamedJson() {
    }

    /**
     * @param tree the JSON tree; its document nodes are replaced by their markers (the tree is the
     *     caller's, built for this one body)
     * @return the body
     */
    static RequestBody body(JsonNode tree) {
        String marker = "opendmp-document-" + UUID.randomUUID() + "-";
        List<ByteBuffer> documents = new ArrayList<>();
        replace(tree, marker, documents);
        byte[] json = FhirJson.bytes(tree);
        if (documents.isEmpty()) {
            return RequestBody.of(json);
        }
        List<RequestBody.Segment> segments = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < documents.size(); i++) {
            byte[] quoted = ("\"" + marker + i + "\"").getBytes(StandardCharsets.US_ASCII);
            int at = indexOf(json, quoted, from);
            if (at < 0) {
                throw new IllegalStateException("a document marker was not written");
            }
            segments.add(new RequestBody.Bytes(Arrays.copyOfRange(json, from, at + 1)));
            segments.add(new RequestBody.Base64Of(documents.get(i)));
            from = at + quoted.length - 1;
        }
        segments.add(new RequestBody.Bytes(Arrays.copyOfRange(json, from, json.length)));
        return RequestBody.of(segments);
    }

    private static void replace(JsonNode node, String marker, List<ByteBuffer> documents) {
        if (node instanceof ObjectNode o) {
            Iterator<Map.Entry<String, JsonNode>> fields = o.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                JsonNode v = f.getValue();
                if (v instanceof POJONode p && p.getPojo() instanceof Base64Content c) {
                    f.setValue(TextNode.valueOf(marker + documents.size()));
                    documents.add(c.content());
                } else {
                    replace(v, marker, documents);
                }
            }
        } else if (node instanceof ArrayNode a) {
            for (JsonNode item : a) {
                replace(item, marker, documents);
            }
        }
    }

    private static int indexOf(byte[] in, byte[] what, int from) {
        outer:
        for (int i = from; i <= in.length - what.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (in[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
