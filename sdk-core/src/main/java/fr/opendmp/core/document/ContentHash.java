package fr.opendmp.core.document;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** The hash the DMP declares for a document's content: the base64 of its SHA-1 (IHE {@code hash}). */
public final class ContentHash {

    private ContentHash() {
    }

    /**
     * @param bytes the bytes
     * @return the base64 SHA-1 of the bytes
     */
    public static String sha1Base64(byte[] bytes) {
        return sha1Base64(ByteBuffer.wrap(bytes));
    }

    /**
     * @param bytes the bytes
     * @return the base64 SHA-1 of the buffer's remaining bytes (the buffer is not consumed)
     */
    public static String sha1Base64(ByteBuffer bytes) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(bytes.duplicate());
            return Base64.getEncoder().encodeToString(sha1.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from this JVM", e);
        }
    }
}
