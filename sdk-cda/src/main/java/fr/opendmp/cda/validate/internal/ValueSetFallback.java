package fr.opendmp.cda.validate.internal;

import fr.opendmp.cda.read.internal.Dom;
import fr.opendmp.core.xml.internal.SecureXml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The value-set file the ANS header schematron reads but the ANS repository lacks
 * ({@code include/voc-1.2.250.1.213.1.1.5.471-DYNAMIC.xml}, JDV_J07 XdsTypeCode): generated on the
 * fly from {@code jeuxDeValeurs/JDV_J07_XdsTypeCode_CISIS.xml} (SVS format) of the same package.
 */
public final class ValueSetFallback {

    /** The file name the header schematron asks for. */
    public static final String MISSING_FILE = "voc-1.2.250.1.213.1.1.5.471-DYNAMIC.xml";
    private static final String SVS = "urn:ihe:iti:svs:2008";

    private ValueSetFallback() {
    }

    /**
     * @param requested the path {@code doc()} asked for
     * @return the generated document when the path is the missing value set and the package has
     *     the SVS source; empty otherwise (normal resolution applies)
     */
    public static Optional<String> forMissing(Path requested) {
        if (!requested.getFileName().toString().equals(MISSING_FILE) || Files.exists(requested)) {
            return Optional.empty();
        }
        for (Path dir = requested.getParent(); dir != null; dir = dir.getParent()) {
            Path svs = dir.resolve("jeuxDeValeurs").resolve("JDV_J07_XdsTypeCode_CISIS.xml");
            if (Files.isRegularFile(svs)) {
                return Optional.of(fromSvs(svs));
            }
        }
        return Optional.empty();
    }

    /** @return the {@code valueSets/valueSet/conceptList/concept} form of an SVS value set file */
    public static String fromSvs(Path svs) {
        try {
            Element root = SecureXml.documentBuilder().parse(svs.toFile()).getDocumentElement();
            NodeList concepts = root.getElementsByTagNameNS(SVS, "Concept");
            StringBuilder sb = new StringBuilder("<valueSets><valueSet id=\"1.2.250.1.213.1.1.5.471\" "
                    + "name=\"JDV_J07_XdsTypeCode_CISIS\"><conceptList>\n");
            for (int i = 0; i < concepts.getLength(); i++) {
                Element c = (Element) concepts.item(i);
                sb.append("<concept code=\"").append(escape(Dom.attr(c, "code").orElse("")))
                        .append("\" codeSystem=\"").append(escape(Dom.attr(c, "codeSystem").orElse("")))
                        .append("\"/>\n");
            }
            return sb.append("</conceptList></valueSet></valueSets>\n").toString();
        } catch (SAXException | IOException e) {
            throw new IllegalStateException("the value set " + svs + " cannot be read", e);
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }
}
