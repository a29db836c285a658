package fr.opendmp.xds.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.crypto.Data;
import javax.xml.crypto.NodeSetData;
import javax.xml.crypto.URIDereferencer;
import javax.xml.crypto.URIReference;
import javax.xml.crypto.URIReferenceException;
import javax.xml.crypto.XMLCryptoContext;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The XML documents of one signature, each parsed once by the hardened parser (no DTD, no external
 * entity), handed to the JDK's XML-DSig as the node-set of the whole document when it dereferences
 * their Manifest URI: the JDK canonicalises that DOM (C14N with comments) straight into the digest,
 * with neither a second parse nor a copy of the canonical form. Other URIs go to the JDK's own
 * dereferencer. Not API; one instance per signature, not thread-safe.
 */
final class ParsedDocuments implements URIDereferencer {

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
        List<Node> nodes = new ArrayList<>();
        collect(doc, nodes);
        return (NodeSetData<Node>) nodes::iterator;
    }

    /** Every node in document order; the JDK adds each element's attributes (namespace declarations included). */
    private static void collect(Node root, List<Node> into) {
        Node n = root;
        while (n != null) {
            into.add(n);
            if (n.getFirstChild() != null) {
                n = n.getFirstChild();
                continue;
            }
            while (n != null && n != root && n.getNextSibling() == null) {
                n = n.getParentNode();
            }
            n = n == null || n == root ? null : n.getNextSibling();
        }
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
