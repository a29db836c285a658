package fr.opendmp.core.transport.internal.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Every JSON object the client reads refuses a key named twice, wherever it is, and only then. */
class DuplicateKeyGuardTest {

    @Test
    void aDuplicateKeyDeepInsideASkippedPartIsRefused() throws IOException {
        String json = "{\"resourceType\":\"Bundle\",\"ignored\":{\"a\":[{\"x\":1,\"y\":2,\"x\":3}]}}";
        try (JsonParser p = FhirJson.parser(bytes(json))) {
            p.nextToken();
            p.nextToken();
            p.nextToken();
            p.nextToken();
            p.nextToken();
            assertThatThrownBy(p::skipChildren).isInstanceOf(IOException.class).hasMessageContaining("duplicate key");
        }
    }

    @Test
    void theSameKeyInSiblingAndNestedObjectsIsNotADuplicate() throws IOException {
        String json = "{\"a\":{\"a\":{\"a\":1}},\"b\":[{\"a\":1,\"b\":2,\"c\":3},{\"a\":1,\"b\":2,\"c\":3}],\"c\":{}}";
        assertThat(tokens(json)).isGreaterThan(20);
    }

    @Test
    void anObjectOfManyKeysIsCheckedBeyondTheLinearScan() throws IOException {
        String distinct = IntStream.range(0, 100).mapToObj(i -> "\"k" + i + "\":" + i)
                .collect(Collectors.joining(",", "{", "}"));
        assertThat(tokens(distinct)).isEqualTo(202);
        String late = distinct.replace("}", ",\"k57\":0}");
        assertThatThrownBy(() -> tokens(late)).isInstanceOf(IOException.class).hasMessageContaining("k57");
        String early = distinct.replace("}", ",\"k3\":0}");
        assertThatThrownBy(() -> tokens(early)).isInstanceOf(IOException.class).hasMessageContaining("k3");
    }

    @Test
    void aTreeReadFromTheStreamOrTheBytesRefusesADuplicateKey() {
        assertThatThrownBy(() -> FhirJson.readTree(bytes("{\"s\":{\"r\":1,\"r\":2}}")))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> {
            try (JsonParser p = FhirJson.parser(bytes("[{\"r\":1,\"r\":2}]"))) {
                p.nextToken();
                p.nextToken();
                p.readValueAsTree();
            }
        }).isInstanceOf(IOException.class);
    }

    private static int tokens(String json) throws IOException {
        int n = 0;
        try (JsonParser p = FhirJson.parser(bytes(json))) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                n++;
            }
        }
        return n;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
