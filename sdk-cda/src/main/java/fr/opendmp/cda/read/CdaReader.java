package fr.opendmp.cda.read;

import fr.opendmp.cda.read.internal.SecureDom;
import fr.opendmp.core.xml.internal.SecureXml;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Objects;

/**
 * Reads CDA R2 documents securely: no DTD (any {@code <!DOCTYPE} is refused, which stops
 * external entities and entity expansion attacks), no XInclude, a size limit and a nesting depth
 * limit (a document nesting thousands of elements is refused as
 * {@link CdaParseException.Reason#TOO_DEEP} in linear time instead of exhausting the stack).
 *
 * <pre>{@code
 * CdaDocument cda = CdaReader.read(bytes);
 * cda.header().code();                     // document type
 * cda.nonXmlBody().map(NonXmlBody::openStream); // the PDF of an N1 document
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class CdaReader {

    /** Default size limit: 64 MiB (a DMP document is far smaller; base64 adds a third). */
    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;

    /** Default nesting depth limit: 256 elements (the ANS CDA examples need fewer than 20). */
    public static final int DEFAULT_MAX_DEPTH = SecureXml.DEFAULT_MAX_DEPTH;

    private static final CdaReader DEFAULT = new CdaReader(DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH);

    private final long maxBytes;
    private final int maxDepth;

    private CdaReader(long maxBytes, int maxDepth) {
        this.maxBytes = maxBytes;
        this.maxDepth = maxDepth;
    }

    /** @return a reader with the default limit */
    public static CdaReader defaults() {
        return DEFAULT;
    }

    /**
     * @param maxBytes the largest document accepted, in bytes
     * @return a reader with this limit (and the default depth limit)
     */
    public static CdaReader withMaxBytes(long maxBytes) {
        return withLimits(maxBytes, DEFAULT_MAX_DEPTH);
    }

    /**
     * @param maxBytes the largest document accepted, in bytes
     * @param maxDepth the deepest element nesting accepted (the root is at depth 1); keep it in the
     *     hundreds: deeper documents exhaust the stack of recursive XML code
     * @return a reader with these limits
     */
    public static CdaReader withLimits(long maxBytes, int maxDepth) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth must be at least 1");
        }
        return new CdaReader(maxBytes, maxDepth);
    }

    /**
     * Reads a CDA document with the default limit.
     *
     * @param xml the xml
     * @return the document read
     * @throws CdaParseException with its {@link CdaParseException.Reason} when the bytes are refused
     */
    public static CdaDocument read(byte[] xml) throws CdaParseException {
        return DEFAULT.parse(xml);
    }

    /**
     * @param xml the xml
     * @return the document; see {@link #read(byte[])}
     */
    public CdaDocument parse(byte[] xml) throws CdaParseException {
        Objects.requireNonNull(xml, "xml");
        if (xml.length > maxBytes) {
            throw new CdaParseException(CdaParseException.Reason.TOO_LARGE,
                    "document of " + xml.length + " bytes exceeds the limit of " + maxBytes, null);
        }
        return parse(new ByteArrayInputStream(xml));
    }

    /**
     * Reads a CDA document from a stream, stopping as soon as the size limit is passed. The stream
     * is not closed.
     *
     * @param xml the xml
     * @return the document read
     * @throws CdaParseException with its {@link CdaParseException.Reason} when the input is refused
     */
    public CdaDocument parse(InputStream xml) throws CdaParseException {
        return new CdaDocument(SecureDom.parse(xml, maxBytes, maxDepth).getDocumentElement());
    }

    /** @return the largest document this reader accepts, in bytes */
    public long maxBytes() {
        return maxBytes;
    }

    /** @return the deepest element nesting this reader accepts */
    public int maxDepth() {
        return maxDepth;
    }
}
