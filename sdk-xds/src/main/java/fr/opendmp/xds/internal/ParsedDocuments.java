package fr.opendmp.xds.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import javax.xml.crypto.Data;
import javax.xml.crypto.URIDereferencer;
import javax.xml.crypto.URIReference;
import javax.xml.crypto.URIReferenceException;
import javax.xml.crypto.XMLCryptoContext;
import javax.xml.crypto.dom.DOMURIReference;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The XML documents of one signature, each parsed once by the hardened parser (no DTD, no external
 * entity), handed to the JDK's XML-DSig when it dereferences their Manifest URI as that DOM's
 * {@code #xpointer(/)} (the whole document, comments included): the JDK canonicalises the DOM (C14N
 * with comments) straight into the digest, with neither a second parse nor a copy of the canonical
 * form. Other URIs go to the JDK's own dereferencer. Not API; one instance per signature, not thread-safe.
 */
final class ParsedDocuments implements URIDereferencer {

    private static final String WHOLE_DOCUMENT = "#xpointer(/)";

    private final URIDereferencer fallback;
    private final Map<String, Document> documents = new HashMap<>();

    ParsedDocuments(URIDereferencer fallback) {
        this.fallback = fallback;
    }

    /**
     * @param uri the document's Manifest URI
     * @param content its bytes
     * @return whether it is XML (then the signature digests it); otherwise its bytes are digested as they are
     */
    boolean add(String uri, ByteBuffer content) {
        try {
            documents.put(uri, Xml.parse(new BufferInput(content.duplicate())));
            return true;
        } catch (SAXException e) {
            return false;
        }
    }

    @Override
    public Data dereference(URIReference reference, XMLCryptoContext context) throws URIReferenceException {
        Document doc = documents.get(reference.getURI());
        if (doc == null) {
            return fallback.dereference(reference, context);
        }
        // "#xpointer(/)" resolved in the parsed document: the whole document, comments included, as the
        // JDK's own subtree (canonicalised from the DOM as it is written, no node-set to build)
        Element holder = doc.createElementNS(null, "reference");
        holder.setAttributeNS(null, "URI", WHOLE_DOCUMENT);
        Attr here = holder.getAttributeNodeNS(null, "URI");
        return fallback.dereference(new DOMURIReference() {
            @Override
            public Node getHere() {
                return here;
            }

            @Override
            public String getURI() {
                return WHOLE_DOCUMENT;
            }

            @Override
            public String getType() {
                return null;
            }
        }, context);
    }

    /** A read-only buffer as a stream, without copying it. */
    private static final class BufferInput extends InputStream {
        private final ByteBuffer buffer;

        BufferInput(ByteBuffer buffer) {
            this.buffer = buffer;
        }

        @Override
        public int read() {
            return buffer.hasRemaining() ? buffer.get() & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (!buffer.hasRemaining()) {
                return -1;
            }
            int n = Math.min(len, buffer.remaining());
            buffer.get(b, off, n);
            return n;
        }

        @Override
        public int available() {
            return buffer.remaining();
        }
    }
}
