package fr.opendmp.core.document;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * One document to deposit: its metadata and its raw bytes (the CDA, the PDF…). The size and SHA-1
 * sent to the DMP are computed from these bytes.
 *
 * @param metadata the metadata
 * @param bytes the raw content (copied)
 */
public record DocumentContent(DocumentMetadata metadata, byte[] bytes) {

    /**
     * Checks and copies.
     * @param metadata the metadata
     * @param bytes the raw content (copied)
     */
    public DocumentContent {
        Objects.requireNonNull(metadata, "metadata");
        bytes = Objects.requireNonNull(bytes, "bytes").clone();
        if (bytes.length == 0) {
            throw new IllegalArgumentException("document " + metadata.uniqueId() + " is empty");
        }
    }

    /** @return a copy of the raw content */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** @return a read-only view of the raw content, without copying it (for writers of large documents) */
    public ByteBuffer content() {
        return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
    }

    /** @return the size of the raw content */
    public int size() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DocumentContent other && metadata.equals(other.metadata)
                && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * metadata.hashCode() + Arrays.hashCode(bytes);
    }

    /** Never prints the content. */
    @Override
    public String toString() {
        return "DocumentContent[" + metadata.uniqueId() + ", " + bytes.length + " bytes]";
    }
}
