package fr.opendmp.core.document;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Objects;

/**
 * A document's content, fetched and checked against the size and SHA-1 of its DocumentReference.
 * Never cached by the SDK; {@link #toString()} never prints it.
 */
public final class RetrievedDocument {

    private final DocumentEntry entry;
    private final String contentType;
    private final byte[] bytes;

    /**
     * @param entry the document's entry
     * @param contentType the mime type the server answered with
     * @param bytes the verified content (copied)
     */
    public RetrievedDocument(DocumentEntry entry, String contentType, byte[] bytes) {
        this.entry = Objects.requireNonNull(entry, "entry");
        this.contentType = Objects.requireNonNull(contentType, "contentType");
        this.bytes = Objects.requireNonNull(bytes, "bytes").clone();
    }

    /** @return the entry this content belongs to */
    public DocumentEntry entry() {
        return entry;
    }

    /** @return the mime type */
    public String contentType() {
        return contentType;
    }

    /** @return a copy of the content */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** @return the content as a stream */
    public InputStream inputStream() {
        return new ByteArrayInputStream(bytes);
    }

    /** @return the content's size in bytes */
    public int size() {
        return bytes.length;
    }

    @Override
    public String toString() {
        return "RetrievedDocument[" + entry.uniqueId() + ", " + contentType + ", " + bytes.length + " bytes]";
    }
}
