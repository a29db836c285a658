package fr.opendmp.core.transport.internal.fhir;

import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.util.ByteBufferBackedInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A document's bytes written as a base64 JSON string straight into the output, in slices: no
 * base64 {@code String} and no copy of the document is made (a deposit of a large PDF would
 * otherwise hold it three or four times). Not API.
 */
final class Base64Content extends JsonSerializable.Base {

    private final ByteBuffer content;

    /** @param content the bytes (read-only view; not consumed: each write reads a duplicate) */
    Base64Content(ByteBuffer content) {
        this.content = content;
    }

    /** @return the bytes (read-only view) */
    ByteBuffer content() {
        return content.duplicate();
    }

    @Override
    public void serialize(JsonGenerator gen, SerializerProvider serializers) throws IOException {
        ByteBuffer view = content.duplicate();
        gen.writeBinary(Base64Variants.MIME_NO_LINEFEEDS, new ByteBufferBackedInputStream(view), view.remaining());
    }

    @Override
    public void serializeWithType(JsonGenerator gen, SerializerProvider serializers, TypeSerializer typeSer)
            throws IOException {
        serialize(gen, serializers);
    }

    /** Never prints the content. */
    @Override
    public String toString() {
        return "Base64Content[" + content.remaining() + " bytes]";
    }
}
