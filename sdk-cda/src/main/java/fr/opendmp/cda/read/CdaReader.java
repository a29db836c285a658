package fr.opendmp.cda.read;

import fr.opendmp.cda.read.internal.SecureDom;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Objects;

/**
 * Reads CDA R2 documents securely: no DTD (any {@code <!DOCTYPE} is refused, which stops
 * external entities and entity expansion attacks), no XInclude, and a size limit.
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

    private static final CdaReader DEFAULT = new CdaReader(DEFAULT_MAX_BYTES);

    private final long maxBytes;

    private CdaReader(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** @return a reader with the default limit */
    public static CdaReader defaults() {
        return DEFAULT;
    }

    /**
     * @param maxBytes the largest document accepted, in bytes
     * @return a reader with this limit
     */
    public static CdaReader withMaxBytes(long maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        return new CdaReader(maxBytes);
    }

    /**
     * Reads a CDA document with the default limit.
     *
     * @throws CdaParseException with its {@link CdaParseException.Reason} when the bytes are refused
     */
    public static CdaDocument read(byte[] xml) throws CdaParseException {
        return DEFAULT.parse(xml);
    }

    /** @return the document; see {@link #read(byte[])} */
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
     * @throws CdaParseException with its {@link CdaParseException.Reason} when the input is refused
     */
    public CdaDocument parse(InputStream xml) throws CdaParseException {
        return new CdaDocument(SecureDom.parse(xml, maxBytes).getDocumentElement());
    }

    /** @return the largest document this reader accepts, in bytes */
    public long maxBytes() {
        return maxBytes;
    }
}
