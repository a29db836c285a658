package fr.opendmp.xds.internal.c14n;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Optional;
import javax.xml.crypto.OctetStreamData;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.TransformService;
import org.xml.sax.SAXException;

/** The referee: the JDK's own C14N with comments (Apache Santuario inside the JDK) of a document's bytes. */
final class JdkCanonical {

    private JdkCanonical() {
    }

    /** @return the JDK's canonical form, or empty when the JDK refuses the document */
    static Optional<byte[]> of(byte[] xml) {
        try {
            TransformService ts = TransformService.getInstance(CanonicalizationMethod.INCLUSIVE_WITH_COMMENTS, "DOM");
            ts.init(null);
            OctetStreamData out = (OctetStreamData) ts.transform(new OctetStreamData(new ByteArrayInputStream(xml)),
                    null);
            try (InputStream in = out.getOctetStream()) {
                return Optional.of(in.readAllBytes());
            }
        } catch (Exception refused) {
            return Optional.empty();
        }
    }

    /** @return ours, or empty when the canonicaliser refuses the document */
    static Optional<byte[]> ours(byte[] xml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(xml.length);
        try {
            CanonicalXml.write(ByteBuffer.wrap(xml).asReadOnlyBuffer(), out);
            return Optional.of(out.toByteArray());
        } catch (SAXException refused) {
            return Optional.empty();
        }
    }
}
