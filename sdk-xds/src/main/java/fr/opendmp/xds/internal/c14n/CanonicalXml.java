package fr.opendmp.xds.internal.c14n;

import fr.opendmp.core.xml.internal.SecureXml;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Canonical XML 1.0 with comments (W3C REC-xml-c14n-20010315#WithComments) of a whole document,
 * written while the document is read: the JDK's hardened SAX parser (no DOCTYPE, no external
 * entity, a depth limit) reads it once and {@link CanonicalHandler} writes each event in canonical
 * form, large text in bulk, straight into a digest or a stream. No DOM, no copy of the document.
 *
 * <p>The DMPi XAdES signature digests this form of each CDA (IHE DSG; the DMP's DMPi guide). The
 * JDK's own canonicaliser gives the same bytes (tests hold them equal on the ANS examples and on
 * generated documents) but needs a DOM and writes text one character at a time. Not API. Thread-safe.
 */
public final class CanonicalXml {

    private static final ThreadLocal<XMLReader> READER = ThreadLocal.withInitial(() -> {
        XMLReader r = SecureXml.xmlReader();
        r.setErrorHandler(SecureXml.SILENT);
        return r;
    });

    private CanonicalXml() {
    }

    /**
     * @param document the document's bytes (a view; its position is not moved)
     * @param md a fresh digest (left with part of the document when the document is refused)
     * @return the digest of the document's canonical form
     * @throws SAXException if the document is not well-formed XML, has a DOCTYPE or nests too deep
     */
    public static byte[] digest(ByteBuffer document, MessageDigest md) throws SAXException {
        write(document, new DigestOutputStream(OutputStream.nullOutputStream(), md));
        return md.digest();
    }

    /**
     * @param document the document's bytes (a view; its position is not moved)
     * @param out where the canonical form is written (not closed)
     * @throws SAXException if the document is not well-formed XML, has a DOCTYPE or nests too deep
     */
    public static void write(ByteBuffer document, OutputStream out) throws SAXException {
        XMLReader reader = READER.get();
        Utf8Sink sink = new Utf8Sink(out);
        CanonicalHandler handler = new CanonicalHandler(sink);
        try {
            reader.setContentHandler(handler);
            reader.setProperty("http://xml.org/sax/properties/lexical-handler", handler);
            reader.parse(new InputSource(new ByteBufferInput(document.duplicate())));
            sink.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            reader.setContentHandler(null);
            reader.setProperty("http://xml.org/sax/properties/lexical-handler", null);
        }
    }
}
