package fr.opendmp.core.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Hostile bodies for every parser: mutations of a valid vector (truncation, flipped bytes, a hostile
 * fragment inserted after a random tag or value) and whole bodies built to hurt (XXE, DTDs, entity
 * expansion, deep nesting, huge strings and numbers, bodies past a size limit).
 */
public final class HostileInputs {

    /** Nesting far beyond every depth limit of the SDK (256 for CDA, 100 for JSON and the VIHF, 32 for INSi). */
    public static final int DEEP = 20_000;

    private static final String XXE = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>";
    private static final String LAUGHS = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\">"
            + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
            + "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">"
            + "<!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\"><!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">]>";
    private static final String PARAMETER_ENTITY = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY % p SYSTEM "
            + "\"http://127.0.0.1:9/evil.dtd\"> %p;]>";

    private static final List<String> XML_FRAGMENTS = List.of("&x;", "&g;", "&amp;", "&#0;", "&#x110000;",
            "<![CDATA[", "]]>", "<!--", "<?pi?>", "</", "<a xmlns:a=\"\">", "\u0000", "\uFFFE", "\"'<>",
            "<a b=\"1\" b=\"2\"/>", "99999999999999999999999999999999", "-1", "1e400", "NaN", "\u202E", "é",
            "<Envelope xmlns=\"http://www.w3.org/2003/05/soap-envelope\">");

    private static final List<String> JSON_FRAGMENTS = List.of("null", "[]", "{}", "true", "\"\"", "-0",
            "1e99999", "-1e-99999", "123456789012345678901234567890123456789012345678901234567890",
            "0.00000000000000000000000000000000000000000001", "\"\\u0000\"", "\"\\ud800\"", "\"\\\"",
            "{\"resourceType\":\"OperationOutcome\"}", ",", ":", "]", "}", "[", "{", "\"a\":1,\"a\":2", "NaN",
            "\"" + "9".repeat(20_000) + "\"");

    private HostileInputs() {
    }

    /**
     * @param valid a well-formed vector of what the parser reads
     * @return the vector mutated, or an XML body built to hurt
     */
    public static Arbitrary<byte[]> xmlAround(byte[] valid) {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, mutations(valid, XML_FRAGMENTS, (byte) '>')),
                net.jqwik.api.Tuple.of(1, prolog(valid)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(hostileXml(valid))));
    }

    /**
     * @param valid a well-formed vector of what the parser reads
     * @return the vector mutated, or a JSON body built to hurt
     */
    public static Arbitrary<byte[]> jsonAround(byte[] valid) {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, mutations(valid, JSON_FRAGMENTS, (byte) ':')),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(hostileJson(valid))));
    }

    /** @return short strings of any code points, digits, letters and separators, and long ones */
    public static Arbitrary<String> hostileText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().withChars("0123456789ABab -'.,/").ofMaxLength(20),
                Arbitraries.strings().numeric().ofMinLength(10).ofMaxLength(20),
                Arbitraries.of("", " ", "\u0000", "\uD800", "É", "ÿ", "ß", "İ", "ﬁ", "\u0301e", "1979-02-30",
                        "0000-00-00", "+999999999-12-31", "2A", "2b", "99", "-1", "9".repeat(100_000),
                        "A".repeat(100_000), "é".repeat(10_000)));
    }

    /** @return a body of {@code size} bytes: a JSON string, valid to the last byte */
    public static byte[] jsonOfSize(int size) {
        byte[] b = new byte[size];
        Arrays.fill(b, (byte) 'a');
        b[0] = '"';
        b[size - 1] = '"';
        return b;
    }

    /** @return a body of at least {@code size} bytes: an XML comment, well-formed to the last byte */
    public static byte[] xmlOfSize(int size) {
        return ("<r><!--" + "a".repeat(Math.max(0, size)) + "--></r>").getBytes(StandardCharsets.UTF_8);
    }

    /** @return XML documents that hurt whatever the parser expects */
    public static List<byte[]> hostileXml(byte[] valid) {
        String body = new String(valid, StandardCharsets.UTF_8).replaceFirst("^<\\?xml[^>]*\\?>", "");
        return List.of(
                utf8(XXE + "<r>&x;</r>"),
                utf8(LAUGHS + "<r>&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;</r>"),
                utf8(PARAMETER_ENTITY + "<r/>"),
                utf8(XXE + body),
                utf8(LAUGHS + body),
                utf8("<a>".repeat(DEEP) + "</a>".repeat(DEEP)),
                utf8("<a>".repeat(DEEP)),
                utf8("<r a=\"" + "x".repeat(2_000_000) + "\"/>"),
                utf8("<r>" + "9".repeat(2_000_000) + "</r>"),
                utf8("<r " + "a".repeat(100_000) + "=\"1\"/>"),
                utf8("<" + "r".repeat(100_000) + "/>"),
                new byte[0],
                new byte[] {(byte) 0xFE, (byte) 0xFF, 0, '<'},
                new byte[] {(byte) 0xC3, (byte) 0x28, '<', 'r', '/', '>'});
    }

    /** @return JSON documents that hurt whatever the parser expects */
    public static List<byte[]> hostileJson(byte[] valid) {
        return List.of(
                utf8("[".repeat(DEEP) + "]".repeat(DEEP)),
                utf8("{\"a\":".repeat(DEEP) + "1" + "}".repeat(DEEP)),
                utf8("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[" + "{},".repeat(300_000) + "{}]}"),
                utf8("{\"resourceType\":\"Bundle\",\"total\":" + "9".repeat(1_000_000) + "}"),
                utf8("{\"resourceType\":\"Bundle\",\"total\":1e999999999}"),
                utf8("{\"resourceType\":\"" + "B".repeat(3_000_000) + "\"}"),
                utf8("{\"" + "k".repeat(200_000) + "\":1}"),
                utf8("{\"resourceType\":\"OperationOutcome\",\"issue\":[" + "{\"severity\":\"error\"},".repeat(100_000)
                        + "{}]}"),
                Arrays.copyOf(valid, valid.length / 2),
                new byte[0],
                utf8("\uFEFF" + new String(valid, StandardCharsets.UTF_8)),
                new byte[] {(byte) 0xC3, (byte) 0x28, '{', '}'});
    }

    private static Arbitrary<byte[]> prolog(byte[] valid) {
        String body = new String(valid, StandardCharsets.UTF_8).replaceFirst("^<\\?xml[^>]*\\?>", "");
        return Arbitraries.of(XXE, LAUGHS, PARAMETER_ENTITY, "<!DOCTYPE r SYSTEM \"http://127.0.0.1:9/x.dtd\">",
                "<?xml version=\"1.1\"?>", "<?xml version=\"1.0\" encoding=\"UTF-16\"?>",
                "<?xml version=\"1.0\" encoding=\"EBCDIC-XYZ\"?>")
                .map(p -> utf8(p + body));
    }

    private static Arbitrary<byte[]> mutations(byte[] valid, List<String> fragments, byte anchor) {
        Arbitrary<byte[]> truncated = Arbitraries.integers().between(0, valid.length)
                .map(n -> Arrays.copyOf(valid, n));
        Arbitrary<byte[]> flipped = Arbitraries.integers().between(0, Math.max(0, valid.length - 1)).list()
                .ofMinSize(1).ofMaxSize(8)
                .flatMap(positions -> Arbitraries.bytes().list().ofSize(positions.size()).map(values -> {
                    byte[] b = valid.clone();
                    for (int i = 0; i < positions.size(); i++) {
                        b[positions.get(i)] = values.get(i);
                    }
                    return b;
                }));
        Arbitrary<String> fragment = Arbitraries.oneOf(Arbitraries.of(fragments),
                Arbitraries.strings().all().ofMaxLength(12),
                Arbitraries.integers().between(1, 200_000).map(n -> "A".repeat(n)));
        Arbitrary<byte[]> inserted = Combinators.combine(Arbitraries.integers().between(0, valid.length),
                fragment, Arbitraries.of(true, false)).as((at, f, afterAnchor) -> insert(valid,
                        afterAnchor ? nextAnchor(valid, at, anchor) : at, f));
        Arbitrary<byte[]> sliced = Combinators.combine(Arbitraries.integers().between(0, valid.length),
                Arbitraries.integers().between(0, valid.length)).as((a, b) -> {
                    int from = Math.min(a, b);
                    int to = Math.max(a, b);
                    byte[] out = new byte[valid.length - (to - from)];
                    System.arraycopy(valid, 0, out, 0, from);
                    System.arraycopy(valid, to, out, from, valid.length - to);
                    return out;
                });
        return Arbitraries.oneOf(truncated, flipped, inserted, inserted, sliced);
    }

    private static int nextAnchor(byte[] b, int from, byte anchor) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == anchor) {
                return i + 1;
            }
        }
        return from;
    }

    private static byte[] insert(byte[] valid, int at, String fragment) {
        byte[] f = utf8(fragment);
        byte[] out = new byte[valid.length + f.length];
        System.arraycopy(valid, 0, out, 0, at);
        System.arraycopy(f, 0, out, at, f.length);
        System.arraycopy(valid, at, out, at + f.length, valid.length - at);
        return out;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
