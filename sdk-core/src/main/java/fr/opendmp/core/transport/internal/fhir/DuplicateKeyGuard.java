package fr.opendmp.core.transport.internal.fhir;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Refuses a JSON object that names the same key twice, at any depth, skipped parts included. It
 * does what Jackson's {@code STRICT_DUPLICATE_DETECTION} does without a new hash set for every
 * object of more than two keys: the keys of each open object are kept in arrays reused for the
 * whole parse (a hash set only beyond {@value #LINEAR_KEYS} keys, so a hostile object of many keys
 * costs no quadratic scan). Not API; one instance per parse.
 */
final class DuplicateKeyGuard extends JsonParserDelegate {

    private static final int LINEAR_KEYS = 16;

    private String[][] keys = new String[8][];
    private int[] counts = new int[8];
    private Set<String>[] many = newSets(8);
    private int depth = -1;

    DuplicateKeyGuard(JsonParser parser) {
        super(parser);
    }

    @Override
    public JsonToken nextToken() throws IOException {
        JsonToken t = delegate.nextToken();
        if (t == null) {
            return null;
        }
        switch (t) {
            case START_OBJECT, START_ARRAY -> open();
            case END_OBJECT, END_ARRAY -> depth--;
            case FIELD_NAME -> key(delegate.currentName());
            default -> {
                // a scalar value: nothing to track
            }
        }
        return t;
    }

    @Override
    public JsonToken nextValue() throws IOException {
        JsonToken t = nextToken();
        return t == JsonToken.FIELD_NAME ? nextToken() : t;
    }

    /** Skips through {@link #nextToken()} so that skipped objects are checked too. */
    @Override
    public JsonParser skipChildren() throws IOException {
        JsonToken start = currentToken();
        if (start != JsonToken.START_OBJECT && start != JsonToken.START_ARRAY) {
            return this;
        }
        int open = 1;
        while (open > 0) {
            JsonToken t = nextToken();
            if (t == null) {
                return this;
            }
            if (t.isStructStart()) {
                open++;
            } else if (t.isStructEnd()) {
                open--;
            }
        }
        return this;
    }

    private void open() {
        depth++;
        if (depth == keys.length) {
            int n = depth * 2;
            keys = Arrays.copyOf(keys, n);
            counts = Arrays.copyOf(counts, n);
            many = Arrays.copyOf(many, n);
        }
        counts[depth] = 0;
        if (many[depth] != null) {
            many[depth].clear();
        }
    }

    private void key(String name) throws JsonParseException {
        int n = counts[depth];
        if (n < LINEAR_KEYS) {
            String[] seen = keys[depth];
            if (seen == null) {
                seen = new String[LINEAR_KEYS];
                keys[depth] = seen;
            }
            for (int i = 0; i < n; i++) {
                if (seen[i].equals(name)) {
                    throw duplicate(name);
                }
            }
            seen[n] = name;
        } else {
            Set<String> set = many[depth];
            if (set == null) {
                set = new HashSet<>();
                many[depth] = set;
            }
            if (set.isEmpty()) {
                set.addAll(Arrays.asList(keys[depth]));
            }
            if (!set.add(name)) {
                throw duplicate(name);
            }
        }
        counts[depth] = n + 1;
    }

    private JsonParseException duplicate(String name) {
        return new JsonParseException(delegate, "duplicate key \"" + name + "\" in a JSON object");
    }

    @SuppressWarnings("unchecked")
    private static Set<String>[] newSets(int n) {
        return (Set<String>[]) new Set<?>[n];
    }
}
