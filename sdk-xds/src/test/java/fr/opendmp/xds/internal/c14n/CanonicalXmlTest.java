package fr.opendmp.xds.internal.c14n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.xml.sax.SAXException;

/**
 * The canonical form written while the document is parsed is, byte for byte, the JDK's C14N with
 * comments of the same bytes: on documents written to hit each rule, on ANS CDA examples, on the
 * whole ANS validation package when it is beside the checkout, and on generated documents
 * ({@link GeneratedDocumentsTest}).
 */
class CanonicalXmlTest {

    static Stream<String> rules() {
        return Stream.of(
            // declaration, line ends, comments and PIs around the root, attribute order, escapes, empty elements
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<!-- before -->\r\n<?first?>\n<doc z=\"1\" a='2' b=\"&#9;&#10;&#13;"
                + "\t\n\r\n&lt;&amp;&quot;'&gt;\"><e/><e></e>A &amp; B &gt; C ]] &#13;\r\n<!--in--><?pi  data ?></doc>\n"
                + "<!-- after --><?last x?>\n",
            // namespace declarations only where they change the scope, sorted by prefix, default first
            "<a:root xmlns:b=\"urn:b\" xmlns:a=\"urn:a\" xmlns=\"urn:d\"><a:c xmlns:a=\"urn:a\" xmlns=\"urn:d\">"
                + "<c xmlns=\"urn:other\" xmlns:a=\"urn:a2\"><x xmlns=\"\"/></c></a:c><y xmlns=\"\"><z xmlns=\"\"/></y></a:root>",
            // attributes sorted by namespace URI then local name, unqualified ones first; xml:lang
            "<r xmlns:z=\"urn:a\" xmlns:a=\"urn:z\" a:k=\"1\" z:k=\"2\" k=\"3\" xml:lang=\"fr\" a:b=\"4\" b=\"5\"/>",
            // CDATA becomes escaped text; character references; characters outside the BMP
            "<r><![CDATA[<raw> & ]] > \r]]>&#x1F600;\uD83D\uDE01&#233;\u00E9\u4E2D</r>",
            // another encoding in, UTF-8 out
            "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><r a=\"\u00E9\">caf\u00E9 &#x4E2D;</r>",
            // an explicit xml prefix declaration is not rendered
            "<r xmlns:xml=\"http://www.w3.org/XML/1998/namespace\" xml:space=\"preserve\"> </r>");
    }

    @ParameterizedTest
    @MethodSource("rules")
    void eachRuleOfCanonicalXmlGivesTheJdksBytes(String xml) {
        byte[] bytes = xml.getBytes(xml.contains("ISO-8859-1") ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        assertSameAsJdk("rule", bytes);
    }

    @Test
    void commentsAndInstructionsAfterAnEmptyRootAreRenderedAsTheRecommendationSaysWhereTheJdkDropsThem() {
        byte[] xml = "<!--a--><r/>\n<!--c--><?p?>\n".getBytes(StandardCharsets.UTF_8);
        assertThat(new String(JdkCanonical.ours(xml).orElseThrow(), StandardCharsets.UTF_8))
                .isEqualTo("<!--a-->\n<r></r>\n<!--c-->\n<?p?>");
        assertThat(new String(JdkCanonical.of(xml).orElseThrow(), StandardCharsets.UTF_8)).isEqualTo("<!--a-->\n<r></r>");
        assertSameAsJdk("after a root with content", "<r>x</r>\n<!--c--><?p?>\n".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aLargeTextWithMultiByteCharactersAcrossEveryBufferBoundaryGivesTheJdksBytes() {
        StringBuilder text = new StringBuilder("<r a=\"");
        for (int i = 0; i < 20_000; i++) {
            text.append(i % 7 == 0 ? "\u00E9" : "a");
        }
        text.append("\">");
        for (int i = 0; i < 200_000; i++) {
            text.append(switch (i % 11) {
                case 0 -> "\uD83D\uDE00";
                case 3 -> "\u4E2D";
                case 5 -> "&amp;";
                case 7 -> "\u00E9";
                default -> "b";
            });
        }
        text.append("</r>");
        assertSameAsJdk("large text", text.toString().getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"BIO-CR-BIO_2024.01_Microbiologie_V2.xml", "DOC_NON_STRUCTURE_CDA-R2-N1.xml",
        "IMG_CR_IMG_2024.01.xml", "VSM_1.4_2022.01.xml"})
    void anAnsCdaExampleGivesTheJdksBytes(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/ans-examples/" + name)) {
            assertThat(in).as(name).isNotNull();
            assertSameAsJdk(name, in.readAllBytes());
        }
    }

    @Test
    void everyXmlFileOfTheAnsValidationPackageGivesTheJdksBytes() throws IOException {
        Optional<Path> pkg = Optional.ofNullable(System.getProperty("opendmp.shared"))
                .map(s -> Path.of(s, "cda-validation")).filter(Files::isDirectory);
        assumeTrue(pkg.isPresent(), "ANS validation package absent (system property opendmp.shared): not compared");
        List<Path> files;
        try (Stream<Path> all = Files.walk(pkg.get())) {
            files = all.filter(p -> p.toString().matches(".*\\.(xml|sch|xsd)$")).sorted().toList();
        }
        int compared = 0;
        for (Path f : files) {
            byte[] bytes = Files.readAllBytes(f);
            if (JdkCanonical.of(bytes).isPresent()) {
                assertSameAsJdk(pkg.get().relativize(f).toString(), bytes);
                compared++;
            }
        }
        System.out.printf("CanonicalXmlTest: %d of %d ANS validation files compared byte for byte%n", compared,
                files.size());
        assertThat(compared).isGreaterThan(2_000);
    }

    @Test
    void theDigestIsTheDigestOfTheCanonicalBytes() throws Exception {
        byte[] xml = "<?xml version=\"1.0\"?>\r\n<r b='1' a='2'>x</r>".getBytes(StandardCharsets.UTF_8);
        for (String algorithm : List.of("SHA-1", "SHA-256")) {
            assertThat(CanonicalXml.digest(ByteBuffer.wrap(xml).asReadOnlyBuffer(),
                    MessageDigest.getInstance(algorithm))).isEqualTo(
                    MessageDigest.getInstance(algorithm).digest("<r a=\"2\" b=\"1\">x</r>".getBytes(
                            StandardCharsets.UTF_8)));
        }
    }

    @Test
    void theBufferGivenIsReadWithoutMovingItsPosition() throws Exception {
        ByteBuffer view = ByteBuffer.wrap("<r/>".getBytes(StandardCharsets.UTF_8)).asReadOnlyBuffer();
        CanonicalXml.digest(view, MessageDigest.getInstance("SHA-1"));
        CanonicalXml.digest(view, MessageDigest.getInstance("SHA-1"));
        assertThat(view.position()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY e \"x\">]><r>&e;</r>", "<r><unclosed></r>",
        "%PDF-1.4", "<r>&undeclared;</r>", ""})
    void aDocumentThatIsNotPlainXmlIsRefusedAsSuch(String xml) {
        assertThatThrownBy(() -> CanonicalXml.digest(ByteBuffer.wrap(xml.getBytes(StandardCharsets.UTF_8)),
                MessageDigest.getInstance("SHA-1")))
                .isInstanceOf(SAXException.class);
    }

    static void assertSameAsJdk(String name, byte[] xml) {
        Optional<byte[]> jdk = JdkCanonical.of(xml);
        assertThat(jdk).as("the JDK canonicalises %s", name).isPresent();
        Optional<byte[]> ours = JdkCanonical.ours(xml);
        assertThat(ours).as("ours canonicalises %s", name).isPresent();
        if (!java.util.Arrays.equals(ours.get(), jdk.get())) {
            int at = java.util.Arrays.mismatch(ours.get(), jdk.get());
            throw new AssertionError(name + ": canonical forms differ at byte " + at + ": ours «" + around(ours.get(), at)
                    + "», JDK «" + around(jdk.get(), at) + "»");
        }
    }

    private static String around(byte[] b, int at) {
        int from = Math.max(0, at - 40);
        int to = Math.min(b.length, at + 40);
        return new String(b, from, to - from, StandardCharsets.UTF_8);
    }
}
