package fr.opendmp.core.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

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
    public static Gen<byte[]> xmlAround(byte[] valid) {
        return Generate.frequency(List.of(
                Pair.of(3, mutations(valid, XML_FRAGMENTS, (byte) '>')),
                Pair.of(1, prolog(valid)),
                Pair.of(1, Generate.pick(hostileXml(valid)))));
    }

    /**
     * @param valid a well-formed vector of what the parser reads
     * @return the vector mutated, or a JSON body built to hurt
     */
    public static Gen<byte[]> jsonAround(byte[] valid) {
        return Generate.frequency(List.of(
                Pair.of(3, mutations(valid, JSON_FRAGMENTS, (byte) ':')),
                Pair.of(1, Generate.pick(hostileJson(valid)))));
    }

    /**
     * @param valid a well-formed vector of a binary format (DICOM, DER, PKCS#12)
     * @param fragments bytes that mean something to its parser (a length, a tag, a delimiter)
     * @return the vector truncated, overwritten, sliced, or with a fragment or random bytes inserted
     *     or written over it; or a body of garbage (empty, zeros, random bytes)
     */
    public static Gen<byte[]> bytesAround(byte[] valid, List<byte[]> fragments) {
        Gen<byte[]> fragment = oneOf(List.of(Generate.pick(fragments), randomBytes(1, 16)));
        Gen<byte[]> inserted = Generate.range(0, valid.length).zip(fragment, (at, f) -> insert(valid, at, f));
        Gen<byte[]> overwritten = Generate.range(0, valid.length).zip(fragment, (at, f) -> {
            byte[] b = valid.clone();
            System.arraycopy(f, 0, b, at, Math.min(f.length, b.length - at));
            return b;
        });
        Gen<byte[]> garbage = oneOf(List.of(randomBytes(0, 4_096), Generate.pick(List.of(new byte[0],
                new byte[valid.length], Arrays.copyOf(valid, 1), Arrays.copyOf(valid, valid.length + 1_000_000)))));
        return Generate.frequency(List.of(
                Pair.of(4, oneOf(List.of(truncations(valid), flips(valid), inserted, overwritten, slices(valid)))),
                Pair.of(1, garbage)));
    }

    private static Gen<byte[]> randomBytes(int min, int max) {
        return SourceDSL.lists().of(Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0)).ofSizeBetween(min, max)
                .map(list -> {
                    byte[] b = new byte[list.size()];
                    for (int i = 0; i < b.length; i++) {
                        b[i] = list.get(i);
                    }
                    return b;
                });
    }

    /** @return short strings of any code points, digits, letters and separators, and long ones */
    public static Gen<String> hostileText() {
        return oneOf(List.of(
                anyChars(0, 40),
                textOf("0123456789ABab -'.,/", 0, 20),
                textOf("0123456789", 10, 20),
                Generate.pick(List.of("", " ", "\u0000", "\uD800", "É", "ÿ", "ß", "İ", "ﬁ", "\u0301e",
                        "1979-02-30", "0000-00-00", "+999999999-12-31", "2A", "2b", "99", "-1", "9".repeat(100_000),
                        "A".repeat(100_000), "é".repeat(10_000)))));
    }

    /**
     * @param gens the generators to choose from, each as likely (list one twice to double its weight)
     * @return a value of one of them
     */
    public static <T> Gen<T> oneOf(List<Gen<T>> gens) {
        return Generate.pick(gens).flatMap(g -> g);
    }

    /**
     * @param min the fewest UTF-16 chars
     * @param max the most UTF-16 chars
     * @return strings of any UTF-16 chars, lone surrogates and controls included
     */
    public static Gen<String> anyChars(int min, int max) {
        return textOf(Generate.characters(Character.MIN_VALUE, Character.MAX_VALUE), min, max);
    }

    private static Gen<String> textOf(String alphabet, int min, int max) {
        return textOf(Generate.pick(alphabet.chars().mapToObj(c -> (char) c).toList()), min, max);
    }

    private static Gen<String> textOf(Gen<Character> chars, int min, int max) {
        return SourceDSL.lists().of(chars).ofSizeBetween(min, max)
                .map(cs -> cs.stream().map(String::valueOf).collect(Collectors.joining()));
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

    private static Gen<byte[]> prolog(byte[] valid) {
        String body = new String(valid, StandardCharsets.UTF_8).replaceFirst("^<\\?xml[^>]*\\?>", "");
        return Generate.pick(List.of(XXE, LAUGHS, PARAMETER_ENTITY, "<!DOCTYPE r SYSTEM \"http://127.0.0.1:9/x.dtd\">",
                "<?xml version=\"1.1\"?>", "<?xml version=\"1.0\" encoding=\"UTF-16\"?>",
                "<?xml version=\"1.0\" encoding=\"EBCDIC-XYZ\"?>"))
                .map(p -> utf8(p + body));
    }

    private static Gen<byte[]> mutations(byte[] valid, List<String> fragments, byte anchor) {
        Gen<String> fragment = oneOf(List.of(Generate.pick(fragments), anyChars(0, 12),
                Generate.range(1, 200_000).map(n -> "A".repeat(n))));
        Gen<byte[]> inserted = Generate.range(0, valid.length).zip(fragment, Generate.booleans(),
                (at, f, afterAnchor) -> insert(valid, afterAnchor ? nextAnchor(valid, at, anchor) : at, utf8(f)));
        return oneOf(List.of(truncations(valid), flips(valid), inserted, inserted, slices(valid)));
    }

    private static Gen<byte[]> truncations(byte[] valid) {
        return Generate.range(0, valid.length).map(n -> Arrays.copyOf(valid, n));
    }

    /** @return the vector with up to 8 of its bytes overwritten */
    private static Gen<byte[]> flips(byte[] valid) {
        Gen<Pair<Integer, Byte>> flip = Generate.range(0, Math.max(0, valid.length - 1))
                .zip(Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0), Pair::of);
        return SourceDSL.lists().of(flip).ofSizeBetween(1, 8).map(flips -> {
            byte[] b = valid.clone();
            for (Pair<Integer, Byte> f : flips) {
                b[f._1] = f._2;
            }
            return b;
        });
    }

    private static Gen<byte[]> slices(byte[] valid) {
        return Generate.range(0, valid.length).zip(Generate.range(0, valid.length), (a, b) -> {
            int from = Math.min(a, b);
            int to = Math.max(a, b);
            byte[] out = new byte[valid.length - (to - from)];
            System.arraycopy(valid, 0, out, 0, from);
            System.arraycopy(valid, to, out, from, valid.length - to);
            return out;
        });
    }

    private static int nextAnchor(byte[] b, int from, byte anchor) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == anchor) {
                return i + 1;
            }
        }
        return from;
    }

    private static byte[] insert(byte[] valid, int at, byte[] f) {
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
