package fr.opendmp.testkit.dmp.internal.dmpi;

import fr.opendmp.testkit.dmp.internal.FhirRouter.Reply;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Writes SOAP 1.2 answers with their WS-Addressing headers, plain or MTOM. */
final class SoapWriter {
    static final String FAULT_ACTION = "http://www.w3.org/2005/08/addressing/soap/fault";

    private SoapWriter() {
    }

    /** An attachment of an MTOM answer. */
    record Attachment(String contentId, String contentType, byte[] bytes) {
    }

    /** @return the envelope text around a body fragment */
    static String envelope(String action, String relatesTo, String bodyXml) {
        StringBuilder b = new StringBuilder(bodyXml.length() + 600);
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .append("<soap:Envelope xmlns:soap=\"").append(Ns.SOAP12).append("\" xmlns:wsa=\"").append(Ns.WSA)
                .append("\"><soap:Header>")
                .append("<wsa:Action soap:mustUnderstand=\"true\">").append(Xml.esc(action)).append("</wsa:Action>")
                .append("<wsa:MessageID>urn:uuid:").append(UUID.randomUUID()).append("</wsa:MessageID>")
                .append("<wsa:To>").append(Ns.ANONYMOUS).append("</wsa:To>");
        if (relatesTo != null && !relatesTo.isEmpty()) {
            b.append("<wsa:RelatesTo>").append(Xml.esc(relatesTo)).append("</wsa:RelatesTo>");
        }
        b.append("</soap:Header><soap:Body>").append(bodyXml).append("</soap:Body></soap:Envelope>");
        return b.toString();
    }

    /** @return a plain SOAP 1.2 answer */
    static Reply plain(int status, String action, String relatesTo, String bodyXml) {
        byte[] bytes = envelope(action, relatesTo, bodyXml).getBytes(StandardCharsets.UTF_8);
        return new Reply(status, "application/soap+xml; charset=UTF-8; action=\"" + action + "\"", bytes, Map.of());
    }

    /** @return the Fault element */
    static String faultXml(SoapFault f) {
        StringBuilder b = new StringBuilder("<soap:Fault><soap:Code><soap:Value>soap:").append(f.code())
                .append("</soap:Value>");
        if (f.subcode() != null) {
            String prefix = Ns.WSA.equals(f.subcodeNs()) ? "wsa" : Ns.SOAP12.equals(f.subcodeNs()) ? "soap" : "err";
            b.append("<soap:Subcode><soap:Value");
            if ("err".equals(prefix)) {
                b.append(" xmlns:err=\"").append(Xml.esc(f.subcodeNs())).append('"');
            }
            b.append('>').append(prefix).append(':').append(Xml.esc(f.subcode())).append("</soap:Value></soap:Subcode>");
        }
        b.append("</soap:Code><soap:Reason><soap:Text xml:lang=\"fr\">").append(Xml.esc(f.getMessage()))
                .append("</soap:Text></soap:Reason></soap:Fault>");
        return b.toString();
    }

    /** @return a SOAP fault answer */
    static Reply fault(int status, SoapFault f, String relatesTo) {
        return plain(status, FAULT_ACTION, relatesTo, faultXml(f));
    }

    /** @return an MTOM (multipart/related, XOP) answer whose root part is the envelope */
    static Reply mtom(int status, String action, String relatesTo, String bodyXml, List<Attachment> attachments) {
        String boundary = "MIMEBoundary_" + UUID.randomUUID().toString().replace("-", "");
        String rootId = "root." + UUID.randomUUID() + "@opendmp";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "--" + boundary + "\r\nContent-Type: application/xop+xml; charset=UTF-8; type=\"application/soap+xml\"; action=\""
                + action + "\"\r\nContent-Transfer-Encoding: binary\r\nContent-ID: <" + rootId + ">\r\n\r\n");
        write(out, envelope(action, relatesTo, bodyXml));
        for (Attachment a : attachments) {
            write(out, "\r\n--" + boundary + "\r\nContent-Type: " + a.contentType()
                    + "\r\nContent-Transfer-Encoding: binary\r\nContent-ID: <" + a.contentId() + ">\r\n\r\n");
            out.writeBytes(a.bytes());
        }
        write(out, "\r\n--" + boundary + "--\r\n");
        String ct = "multipart/related; type=\"application/xop+xml\"; boundary=\"" + boundary + "\"; start=\"<" + rootId
                + ">\"; start-info=\"application/soap+xml\"; action=\"" + action + "\"";
        return new Reply(status, ct, out.toByteArray(), Map.of());
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
