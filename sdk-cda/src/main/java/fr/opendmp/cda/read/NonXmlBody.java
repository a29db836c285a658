package fr.opendmp.cda.read;

import fr.opendmp.cda.read.internal.CharSequenceInputStream;
import java.io.InputStream;
import java.util.Base64;
import java.util.Objects;

/**
 * The body of an unstructured (N1) document: {@code component/nonXMLBody/text}.
 */
public final class NonXmlBody {

    private final String mediaType;
    private final String representation;
    private final String content;

    NonXmlBody(String mediaType, String representation, String content) {
        this.mediaType = Objects.requireNonNull(mediaType, "mediaType");
        this.representation = Objects.requireNonNull(representation, "representation");
        this.content = Objects.requireNonNull(content, "content");
    }

    /** @return {@code @mediaType}, e.g. {@code application/pdf} ("" when absent) */
    public String mediaType() {
        return mediaType;
    }

    /** @return {@code @representation}: {@code B64} or {@code TXT} ("" when absent, which means TXT) */
    public String representation() {
        return representation;
    }

    /**
     * @return the decoded content as a stream (base64 decoded on the fly for {@code B64}; whitespace
     *     inside the base64 is allowed). The caller closes it.
     */
    public InputStream openStream() {
        InputStream raw = new CharSequenceInputStream(content);
        return "B64".equals(representation) ? Base64.getMimeDecoder().wrap(raw) : raw;
    }

    /** Never shows the content. */
    @Override
    public String toString() {
        return "NonXmlBody[" + mediaType + ", " + representation + ", " + content.length() + " chars]";
    }
}
