package fr.opendmp.auth.vihf.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.SAXParseException;

class SecureXmlTest {

    private static ByteArrayInputStream nested(int levels) {
        String xml = "<r>" + "<a>".repeat(levels) + "</a>".repeat(levels) + "</r>";
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void deeplyNestedXmlIsRefusedByTheHardenedParserInBoundedTime() {
        long t0 = System.nanoTime();

        assertThatThrownBy(() -> SecureXml.documentBuilder().parse(nested(15_000)))
                .isInstanceOf(SAXParseException.class).hasMessageContaining("JAXP00010006");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void xmlNestedWithinTheLimitStillParses() throws Exception {
        Document doc = SecureXml.documentBuilder().parse(nested(SecureXml.MAX_DEPTH - 1));
        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("r");
    }

    @Test
    void aDoctypeIsStillRefused() {
        String xml = "<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>";
        assertThatThrownBy(() -> SecureXml.documentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(SAXParseException.class).hasMessageContaining("DOCTYPE");
    }
}
