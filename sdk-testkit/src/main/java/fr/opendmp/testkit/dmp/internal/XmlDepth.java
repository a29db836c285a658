package fr.opendmp.testkit.dmp.internal;

import java.io.ByteArrayInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** A streaming nesting check, run before a recursive reader (DOM, signature check) sees untrusted XML. */
public final class XmlDepth {
    private static final XMLInputFactory FACTORY = factory();

    private XmlDepth() {
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return f;
    }

    /**
     * @param xml the document
     * @param max the deepest nesting accepted
     * @return whether the elements nest deeper than {@code max} (stops reading there; a document that is
     *     not well-formed before that depth is not deeper)
     */
    public static boolean deeperThan(byte[] xml, int max) {
        try {
            XMLStreamReader r = FACTORY.createXMLStreamReader(new ByteArrayInputStream(xml));
            try {
                int depth = 0;
                while (r.hasNext()) {
                    int event = r.next();
                    if (event == XMLStreamConstants.START_ELEMENT && ++depth > max) {
                        return true;
                    } else if (event == XMLStreamConstants.END_ELEMENT) {
                        depth--;
                    }
                }
                return false;
            } finally {
                r.close();
            }
        } catch (XMLStreamException | RuntimeException e) {
            return false;
        }
    }
}
