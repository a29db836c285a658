package fr.opendmp.xds.internal.c14n;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A document drawn from a seed, to exercise canonicalisation: namespace declarations redeclared,
 * changed and undeclared, attributes in several namespaces, comments, processing instructions and
 * CDATA in and around the root, character and entity references, CR LF line ends, characters of one,
 * two, three and four UTF-8 bytes, long texts, UTF-8 or ISO-8859-1. Mostly well-formed; some draws
 * repeat an attribute's expanded name (both canonicalisers must then refuse).
 */
final class RandomDocuments {

    private static final String[] PREFIXES = {"", "a", "b", "hl7"};
    private static final String[] URIS = {"urn:hl7-org:v3", "urn:a", "urn:b", "http://www.w3.org/2001/XMLSchema-instance"};
    private static final String[] NAMES = {"ClinicalDocument", "id", "code", "x", "\u00E9l\u00E9ment", "z9"};
    private static final String[] PIECES = {"a", "Z", " ", "  ", "\t", "\n", "\r\n", "\r", "&amp;", "&lt;", "&gt;", "&quot;",
        "&apos;", "&#9;", "&#10;", "&#13;", "&#x1F600;", "\u00E9", "\u4E2D", "\uD83D\uDE01", "]", ">", "'", "\"", "-", "?"};

    private final Random random;
    private final boolean latin1;
    private final StringBuilder out = new StringBuilder();

    private RandomDocuments(long seed) {
        random = new Random(seed);
        latin1 = random.nextInt(5) == 0;
    }

    /** @return the document drawn from the seed, as bytes in its declared encoding */
    static byte[] draw(long seed) {
        return new RandomDocuments(seed).document();
    }

    private byte[] document() {
        int declaration = random.nextInt(3);
        if (latin1) {
            out.append("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>");
        } else if (declaration == 1) {
            out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        } else if (declaration == 2) {
            out.append("<?xml version='1.0'?>");
        }
        misc();
        element(0, new HashMap<>(Map.of("", "")));
        misc();
        String text = out.toString();
        return text.getBytes(latin1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }

    private void misc() {
        for (int i = random.nextInt(3); i > 0; i--) {
            out.append(pick(" ", "\n", "\r\n", "\t"));
            if (random.nextBoolean()) {
                comment();
            } else {
                pi();
            }
        }
        out.append(pick("", "\n", "\r\n"));
    }

    private void element(int depth, Map<String, String> scope) {
        Map<String, String> inner = new HashMap<>(scope);
        StringBuilder declarations = new StringBuilder();
        for (int i = random.nextInt(3); i > 0; i--) {
            String prefix = pick(PREFIXES);
            String uri = prefix.isEmpty() && random.nextInt(4) == 0 ? "" : pick(URIS);
            if (!declarations.toString().contains(prefix.isEmpty() ? "xmlns=" : "xmlns:" + prefix + "=")) {
                declarations.append(prefix.isEmpty() ? " xmlns" : " xmlns:" + prefix).append("=\"").append(uri).append('"');
                inner.put(prefix, uri);
            }
        }
        String prefix = pick(PREFIXES);
        if (!prefix.isEmpty() && !inner.containsKey(prefix)) {
            String uri = pick(URIS);
            declarations.append(" xmlns:").append(prefix).append("=\"").append(uri).append('"');
            inner.put(prefix, uri);
        }
        String name = (prefix.isEmpty() ? "" : prefix + ":") + pick(NAMES);
        out.append('<').append(name).append(declarations);
        attributes(inner);
        // the root always has content: the JDK, our referee, drops what follows an empty root element
        if (depth > 0 && (depth > 4 || random.nextInt(4) == 0)) {
            out.append(random.nextBoolean() ? "/>" : "></" + name + ">");
            return;
        }
        out.append('>');
        for (int i = random.nextInt(5) + (depth == 0 ? 1 : 0); i > 0; i--) {
            switch (random.nextInt(6)) {
                case 0, 1 -> element(depth + 1, inner);
                case 2 -> text(random.nextInt(10) == 0 ? 40_000 : 12);
                case 3 -> comment();
                case 4 -> pi();
                default -> out.append("<![CDATA[").append(raw(8).replace("]]>", "]] >")).append("]]>");
            }
        }
        out.append("</").append(name).append('>');
    }

    private void attributes(Map<String, String> scope) {
        List<String> prefixes = new ArrayList<>();
        for (String p : scope.keySet()) {
            if (!p.isEmpty()) {
                prefixes.add(p);
            }
        }
        prefixes.sort(null);
        List<String> written = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            String prefix = prefixes.isEmpty() || random.nextBoolean() ? "" : prefixes.get(random.nextInt(prefixes.size()));
            String name = random.nextInt(8) == 0 ? "xml:lang" : (prefix.isEmpty() ? "" : prefix + ":") + pick(NAMES);
            if (written.contains(name)) {
                continue;
            }
            written.add(name);
            char quote = random.nextBoolean() ? '"' : '\'';
            out.append(' ').append(name).append('=').append(quote)
                    .append(value(6).replace("<", "&lt;").replace(String.valueOf(quote), quote == '"' ? "&quot;" : "&apos;"))
                    .append(quote);
        }
    }

    private void text(int pieces) {
        StringBuilder t = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            t.append(piece());
        }
        out.append(t.toString().replace("]]>", "]]&gt;"));
    }

    private String value(int pieces) {
        StringBuilder t = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            t.append(piece());
        }
        return t.toString();
    }

    private void comment() {
        out.append("<!--").append(raw(6).replace("-", "_")).append("-->");
    }

    private void pi() {
        String data = raw(4).replace("?", "_");
        out.append("<?").append(pick("pi", "xml-stylesheet", "x")).append(pick(" ", "  ", data.isBlank() ? "" : " "))
                .append(data).append("?>");
    }

    /** Characters as they are (no references): for comments, PIs and CDATA. */
    private String raw(int pieces) {
        StringBuilder t = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            String p = pick(PIECES);
            t.append(p.startsWith("&") ? "&" : encodable(p));
        }
        return t.toString().replace("&", random.nextBoolean() ? "&" : "<");
    }

    private String piece() {
        return encodable(pick(PIECES));
    }

    /** A character ISO-8859-1 cannot carry is written as a character reference in a latin-1 document. */
    private String encodable(String piece) {
        if (!latin1 || piece.chars().allMatch(c -> c < 0x100)) {
            return piece;
        }
        return "&#x" + Integer.toHexString(piece.codePointAt(0)) + ";";
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }
}
