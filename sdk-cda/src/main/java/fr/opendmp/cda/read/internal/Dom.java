package fr.opendmp.cda.read.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Small helpers to walk a CDA DOM (namespace {@code urn:hl7-org:v3}). */
public final class Dom {

    /** The HL7 v3 namespace. */
    public static final String V3 = "urn:hl7-org:v3";

    private Dom() {
    }

    /** @return the children of {@code parent} with this local name in the v3 namespace */
    public static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        if (parent == null) {
            return out;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && V3.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    /** @return the first such child, or null */
    public static Element child(Element parent, String name) {
        List<Element> c = children(parent, name);
        return c.isEmpty() ? null : c.get(0);
    }

    /** @return the element at the end of a path of child names, or null */
    public static Element path(Element start, String... names) {
        Element e = start;
        for (String n : names) {
            e = child(e, n);
            if (e == null) {
                return null;
            }
        }
        return e;
    }

    /** @return a non-empty attribute value */
    public static Optional<String> attr(Element e, String name) {
        if (e == null || !e.hasAttribute(name)) {
            return Optional.empty();
        }
        String v = e.getAttribute(name).trim();
        return v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    /** @return the trimmed text content, if not empty */
    public static Optional<String> text(Element e) {
        if (e == null) {
            return Optional.empty();
        }
        String t = e.getTextContent().trim();
        return t.isEmpty() ? Optional.empty() : Optional.of(t);
    }
}
