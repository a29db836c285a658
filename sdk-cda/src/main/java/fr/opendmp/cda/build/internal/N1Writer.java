package fr.opendmp.cda.build.internal;

import fr.opendmp.cda.InstanceId;
import fr.opendmp.cda.build.CdaBuildException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** The N1 (IHE XDS-SD) PDF body: the PDF written as base64 in slices, never copied whole. */
public final class N1Writer {

    /** The XDS-SD templateId. */
    public static final String TEMPLATE = "1.3.6.1.4.1.19376.1.2.20";
    private static final int SLICE = 3 * 4096;

    private N1Writer() {
    }

    /** @return the N1 model: type and act come from the header */
    public static Model model() {
        return new Model(List.of(InstanceId.of(TEMPLATE)), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * Checks that the bytes are a PDF: {@code %PDF-} in the first 1024 bytes and {@code %%EOF} in
     * the last 1024.
     *
     * @throws CdaBuildException with {@code NOT_A_PDF}
     */
    public static void checkPdf(byte[] pdf) {
        if (pdf.length < 16 || indexOf(pdf, "%PDF-", 0, Math.min(pdf.length, 1024)) < 0
                || indexOf(pdf, "%%EOF", Math.max(0, pdf.length - 1024), pdf.length) < 0) {
            throw new CdaBuildException(CdaBuildException.Reason.NOT_A_PDF,
                    "the bytes are not a PDF (no %PDF- header or no %%EOF trailer)");
        }
    }

    /** Writes {@code component/nonXMLBody/text}. */
    public static void body(Xml x, byte[] pdf) {
        x.start("component").start("nonXMLBody").start("text", "mediaType", "application/pdf", "representation", "B64");
        base64(x, pdf);
        x.end().end().end();
    }

    /** Writes the bytes as base64 text, slice by slice. */
    public static void base64(Xml x, byte[] pdf) {
        Base64.Encoder enc = Base64.getEncoder();
        char[] chars = new char[SLICE / 3 * 4];
        byte[] out = new byte[SLICE / 3 * 4];
        for (int off = 0; off < pdf.length; off += SLICE) {
            int len = Math.min(SLICE, pdf.length - off);
            byte[] slice = java.util.Arrays.copyOfRange(pdf, off, off + len);
            int n = enc.encode(slice, out);
            for (int i = 0; i < n; i++) {
                chars[i] = (char) out[i];
            }
            x.text(chars, 0, n);
        }
    }

    private static int indexOf(byte[] data, String ascii, int from, int to) {
        byte[] p = ascii.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = from; i <= to - p.length; i++) {
            for (int j = 0; j < p.length; j++) {
                if (data[i + j] != p[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
