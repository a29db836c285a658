package fr.opendmp.testkit.dmp.internal.dmpi;

import fr.opendmp.testkit.dmp.internal.CallerReader;
import fr.opendmp.testkit.dmp.internal.XmlDepth;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Hardened DOM parsing (no DTD, no external entity, depth limit) and small DOM helpers. */
final class Xml {
    /** Deepest element nesting accepted in a SOAP message (an ITI-41 nests about 10 levels). */
    static final int MAX_DEPTH = 64;

    private Xml() {
    }

    /** @return the parsed document, or a {@code soap:Sender} fault */
    static Document parse(byte[] xml) {
        if (XmlDepth.deeperThan(xml, MAX_DEPTH)) {
            throw SoapFault.sender("XML_TOO_DEEP", "the message nests deeper than " + MAX_DEPTH + " elements");
        }
        try {
            return CallerReader.secureBuilder().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw SoapFault.sender("MALFORMED_XML", "the message is not well-formed XML (DTDs are refused)");
        }
    }

    static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    static List<Element> children(Element parent, String ns, String local) {
        List<Element> out = new ArrayList<>();
        for (Element e : children(parent)) {
            if (is(e, ns, local)) {
                out.add(e);
            }
        }
        return out;
    }

    static Optional<Element> child(Element parent, String ns, String local) {
        for (Element e : children(parent)) {
            if (is(e, ns, local)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** @return the first descendant-or-self path of children, e.g. path(e, NS, "a", "b") */
    static Optional<Element> path(Element from, String ns, String... locals) {
        Optional<Element> cur = Optional.of(from);
        for (String l : locals) {
            cur = cur.flatMap(c -> child(c, ns, l));
        }
        return cur;
    }

    static String text(Optional<Element> e) {
        return e.map(x -> x.getTextContent().trim()).orElse("");
    }

    static boolean is(Element e, String ns, String local) {
        return ns.equals(e.getNamespaceURI()) && local.equals(e.getLocalName());
    }

    /** @return the text escaped for element content and attribute values */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
