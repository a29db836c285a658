package fr.opendmp.cda.content.internal;

import fr.opendmp.cda.content.ContentKindException;
import fr.opendmp.cda.content.EmbeddedDocument;
import fr.opendmp.cda.content.Unreadable;
import fr.opendmp.cda.read.CdaDocument;
import fr.opendmp.cda.read.CdaHeader;
import fr.opendmp.cda.read.NonXmlBody;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** Reads the body of an N1 document. */
public final class N1Parser {

    private N1Parser() {
    }

    /** @return the embedded document of an N1 CDA */
    public static EmbeddedDocument parse(CdaDocument cda) {
        if (!cda.isN1()) {
            throw new ContentKindException("N1 document (XDS-SD, nonXMLBody)", Kinds.describe(cda));
        }
        NonXmlBody body = cda.nonXmlBody().orElseThrow();
        CdaHeader h = cda.header();
        List<Unreadable> bad = new ArrayList<>();
        byte[] content = new byte[0];
        String rep = body.representation().isEmpty() ? "TXT" : body.representation();
        if (!rep.equals("B64") && !rep.equals("TXT")) {
            bad.add(new Unreadable("nonXMLBody/text", "unknown representation " + rep));
        } else {
            try (InputStream in = body.openStream()) {
                content = in.readAllBytes();
            } catch (IOException | IllegalArgumentException e) {
                bad.add(new Unreadable("nonXMLBody/text", "the base64 content is corrupt"));
            }
        }
        if (content.length == 0 && bad.isEmpty()) {
            bad.add(new Unreadable("nonXMLBody/text", "empty"));
        }
        if ("application/pdf".equals(body.mediaType()) && content.length > 0 && !startsAsPdf(content)) {
            bad.add(new Unreadable("nonXMLBody/text", "declared application/pdf but is not a PDF"));
            content = new byte[0];
        }
        return new EmbeddedDocument(h.code(), h.title(), h.effectiveTime(), h.authors(), body.mediaType(), content,
                bad);
    }

    /** @return whether the bytes start with {@code %PDF-} */
    public static boolean startsAsPdf(byte[] b) {
        return b.length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-';
    }
}
