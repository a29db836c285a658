package fr.opendmp.cda.build;

import fr.opendmp.cda.build.internal.HeaderWriter;
import fr.opendmp.cda.build.internal.Model;
import fr.opendmp.cda.build.internal.Xml;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A CDA document ready to be written: {@link #toBytes()} or {@link #writeTo(OutputStream)} (UTF-8).
 * Writing is deterministic: the same header and body give the same bytes. Immutable; the body
 * data it holds is the caller's (a PDF is not copied).
 */
public final class BuiltDocument {

    private final DocumentHeader header;
    private final Model model;
    private final Consumer<Xml> body;

    BuiltDocument(DocumentHeader header, Model model, Consumer<Xml> body) {
        this.header = Objects.requireNonNull(header, "header");
        this.model = Objects.requireNonNull(model, "model");
        this.body = Objects.requireNonNull(body, "body");
    }

    /** @return the header this document was built from */
    public DocumentHeader header() {
        return header;
    }

    /**
     * Streams the document to {@code out} (not closed).
     *
     * @param out the out
     * @throws java.io.UncheckedIOException if the stream fails
     * @throws CdaBuildException if the header lacks what the model needs
     */
    public void writeTo(OutputStream out) {
        Objects.requireNonNull(out, "out");
        Xml x = new Xml(out).startDocument();
        HeaderWriter.write(x, header, model);
        body.accept(x);
        x.endDocument();
    }

    /** @return the document as UTF-8 bytes */
    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        writeTo(out);
        return out.toByteArray();
    }

    /** Masked: ids only. */
    @Override
    public String toString() {
        return "BuiltDocument[" + header + "]";
    }
}
