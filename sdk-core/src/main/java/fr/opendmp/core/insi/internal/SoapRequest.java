package fr.opendmp.core.insi.internal;

import java.io.StringWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes an INSi SOAP 1.2 request envelope with StAX (every value escaped). Not API.
 *
 * @param operation {@link InsiProtocol#OP_TRAITS} or {@link InsiProtocol#OP_VITALE}
 * @param messageId the WS-Addressing MessageID (also the ContexteBAM/LPS id)
 * @param endpoint the service address (wsa:To)
 * @param time when the request is made
 * @param context the calling software
 * @param fields the body fields, in order (element name → value)
 */
public record SoapRequest(String operation, String messageId, String endpoint, Instant time, LpsContext context,
        Map<String, String> fields) {

    /**
     * The software's identity in {@code ContexteLPS} and {@code ContexteBAM}.
     *
     * @param emitter the emitter (structure or professional identifier)
     * @param authorizationNumber the CNDA/CNAM authorisation number ({@code IDAM}, R=4)
     * @param softwareName the software name
     * @param softwareVersion the software version
     * @param instanceId the installation's instance UUID
     */
    public record LpsContext(String emitter, String authorizationNumber, String softwareName, String softwareVersion,
            String instanceId) {
        /** Checks every part. */
        public LpsContext {
            Objects.requireNonNull(emitter, "emitter");
            Objects.requireNonNull(authorizationNumber, "authorizationNumber");
            Objects.requireNonNull(softwareName, "softwareName");
            Objects.requireNonNull(softwareVersion, "softwareVersion");
            Objects.requireNonNull(instanceId, "instanceId");
        }
    }

    /** Copies the fields in order. */
    public SoapRequest {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(context, "context");
        fields = new LinkedHashMap<>(fields);
    }

    /** @return the WS-Addressing action of the operation */
    public String action() {
        return InsiProtocol.ACTION_PREFIX + operation;
    }

    /** @return the envelope, UTF-8 text */
    public String toXml() {
        StringWriter out = new StringWriter(2048);
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("soap", "Envelope", InsiProtocol.SOAP);
            w.writeNamespace("soap", InsiProtocol.SOAP);
            w.writeNamespace("wsa", InsiProtocol.WSA);
            w.writeNamespace("ctxbam", InsiProtocol.CTXBAM);
            w.writeNamespace("ctxlps", InsiProtocol.CTXLPS);
            w.writeStartElement("soap", "Header", InsiProtocol.SOAP);
            text(w, "wsa", InsiProtocol.WSA, "Action", action());
            text(w, "wsa", InsiProtocol.WSA, "MessageID", "uuid:" + messageId);
            text(w, "wsa", InsiProtocol.WSA, "To", endpoint);
            writeBam(w);
            writeLps(w);
            w.writeEndElement();
            w.writeStartElement("soap", "Body", InsiProtocol.SOAP);
            boolean vitale = operation.equals(InsiProtocol.OP_VITALE);
            String ns = vitale ? InsiProtocol.REC_VIT : InsiProtocol.REC_SANS;
            String prefix = vitale ? "recvit" : "recsans";
            w.writeStartElement(prefix, vitale ? "RECVIT" : "RECSANSVITALE", ns);
            w.writeNamespace(prefix, ns);
            for (Map.Entry<String, String> f : fields.entrySet()) {
                text(w, prefix, ns, f.getKey(), f.getValue());
            }
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the INSi request envelope", e);
        }
        return out.toString();
    }

    private void writeBam(XMLStreamWriter w) throws XMLStreamException {
        w.writeStartElement("ctxbam", "ContexteBAM", InsiProtocol.CTXBAM);
        w.writeAttribute("Version", "01_02");
        text(w, "ctxbam", InsiProtocol.CTXBAM, "Id", messageId);
        text(w, "ctxbam", InsiProtocol.CTXBAM, "Temps", time.toString());
        text(w, "ctxbam", InsiProtocol.CTXBAM, "Emetteur", context.emitter());
        w.writeEmptyElement("ctxbam", "COUVERTURE", InsiProtocol.CTXBAM);
        w.writeEndElement();
    }

    private void writeLps(XMLStreamWriter w) throws XMLStreamException {
        w.writeStartElement("ctxlps", "ContexteLPS", InsiProtocol.CTXLPS);
        w.writeAttribute("Nature", "CTXLPS");
        w.writeAttribute("Version", "01_00");
        text(w, "ctxlps", InsiProtocol.CTXLPS, "Id", messageId);
        text(w, "ctxlps", InsiProtocol.CTXLPS, "Temps", time.toString());
        text(w, "ctxlps", InsiProtocol.CTXLPS, "Emetteur", context.emitter());
        w.writeStartElement("ctxlps", "LPS", InsiProtocol.CTXLPS);
        w.writeStartElement("ctxlps", "IDAM", InsiProtocol.CTXLPS);
        w.writeAttribute("R", "4");
        w.writeCharacters(context.authorizationNumber());
        w.writeEndElement();
        text(w, "ctxlps", InsiProtocol.CTXLPS, "Version", context.softwareVersion());
        text(w, "ctxlps", InsiProtocol.CTXLPS, "Instance", context.instanceId());
        text(w, "ctxlps", InsiProtocol.CTXLPS, "Nom", context.softwareName());
        w.writeEndElement();
        w.writeEndElement();
    }

    private static void text(XMLStreamWriter w, String prefix, String ns, String name, String value)
            throws XMLStreamException {
        w.writeStartElement(prefix, name, ns);
        w.writeCharacters(value);
        w.writeEndElement();
    }

    /** @return the operation and message id; never the traits of the body */
    @Override
    public String toString() {
        return "SoapRequest[" + operation + ", " + messageId + ", fields " + fields.keySet() + "]";
    }
}
