package fr.opendmp.core.insi.internal;

import fr.opendmp.core.ins.HistoricalIns;
import fr.opendmp.core.ins.Ins;
import fr.opendmp.core.ins.InsIdentity;
import fr.opendmp.core.ins.InsMatricule;
import fr.opendmp.core.ins.InsOid;
import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * An INSi answer read with a secure StAX parser (no DTD, no external entity). Not API.
 */
public sealed interface SoapAnswer permits SoapAnswer.Result, SoapAnswer.Fault {

    /** The deepest nesting accepted. */
    int MAX_DEPTH = 32;
    /** The longest text node accepted. */
    int MAX_TEXT = 4096;

    /**
     * A {@code RESULTAT}.
     *
     * @param code {@code CodeCR}
     * @param label {@code LibelleCR}
     * @param identity the individual (for CR 00)
     */
    record Result(String code, String label, Optional<InsIdentity> identity) implements SoapAnswer {
    }

    /**
     * A SOAP 1.2 fault.
     *
     * @param code the fault code value ({@code soap:Sender} or {@code soap:Receiver})
     * @param subcode the subcode value, if any
     * @param reason the reason text
     * @param errorCode the {@code Erreur/@code} of the detail, if any
     * @param severity the {@code Erreur/@severite}, if any
     */
    record Fault(String code, Optional<String> subcode, String reason, Optional<String> errorCode,
            Optional<String> severity) implements SoapAnswer {
        /** @return whether the fault blames the receiver (the service): retrying may succeed */
        public boolean receiverFault() {
            return code.endsWith("Receiver");
        }
    }

    /**
     * Reads an answer.
     *
     * @param body the response body
     * @return the answer
     * @throws IllegalArgumentException if the body is not a readable INSi answer (the message
     *     carries no data from the body)
     */
    static SoapAnswer read(byte[] body) {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        try {
            XMLStreamReader r = f.createXMLStreamReader(new ByteArrayInputStream(body));
            try {
                return new Collector().collect(r);
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("the INSi answer is not well-formed XML (or holds a DTD)");
        }
    }

    /** Collects the few values of an answer. */
    final class Collector {
        private final Deque<String> path = new ArrayDeque<>();
        private final Map<String, String> values = new HashMap<>();
        private final Map<String, String> active = new HashMap<>();
        private final Map<String, String> tiq = new HashMap<>();
        private final List<Map<String, String>> history = new ArrayList<>();
        private Map<String, String> currentHisto;
        private final StringBuilder text = new StringBuilder();
        private boolean sawResult;
        private boolean sawFault;
        private boolean sawIndividu;
        private String errorCode;
        private String severity;

        SoapAnswer collect(XMLStreamReader r) throws XMLStreamException {
            while (r.hasNext()) {
                int ev = r.next();
                switch (ev) {
                    case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE ->
                            throw new IllegalArgumentException("the INSi answer holds a DTD or an entity");
                    case XMLStreamConstants.START_ELEMENT -> start(r);
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                        text.append(r.getText());
                        if (text.length() > MAX_TEXT) {
                            throw new IllegalArgumentException("a text node of the INSi answer is too long");
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> end(r.getLocalName());
                    default -> {
                    }
                }
            }
            return build();
        }

        private void start(XMLStreamReader r) {
            String name = r.getLocalName();
            path.push(name);
            text.setLength(0);
            if (path.size() > MAX_DEPTH) {
                throw new IllegalArgumentException("the INSi answer is nested too deep");
            }
            switch (name) {
                case "RESULTAT" -> sawResult = true;
                case "Fault" -> sawFault = true;
                case "INDIVIDU" -> sawIndividu = true;
                case "INSHISTO" -> {
                    currentHisto = new HashMap<>();
                    history.add(currentHisto);
                }
                case "Erreur" -> {
                    errorCode = r.getAttributeValue(null, "code");
                    severity = r.getAttributeValue(null, "severite");
                }
                default -> {
                }
            }
        }

        private void end(String name) {
            String value = text.toString().strip();
            text.setLength(0);
            path.pop();
            String parent = path.peek();
            if (path.contains("INSHISTO") && currentHisto != null) {
                currentHisto.putIfAbsent(name, value);
            } else if (path.contains("INSACTIF")) {
                active.putIfAbsent(name, value);
            } else if (path.contains("TIQ")) {
                tiq.putIfAbsent(name, value);
            } else if ("Code".equals(parent) && "Value".equals(name)) {
                values.putIfAbsent("faultCode", value);
            } else if ("Subcode".equals(parent) && "Value".equals(name)) {
                values.putIfAbsent("faultSubcode", value);
            } else if ("Reason".equals(parent) && "Text".equals(name)) {
                values.putIfAbsent("faultReason", value);
            } else if ("CR".equals(parent)) {
                values.putIfAbsent(name, value);
            } else if ("Erreur".equals(name) && errorCode == null && !value.isEmpty()) {
                errorCode = value;
            }
            if ("INSHISTO".equals(name)) {
                currentHisto = null;
            }
        }

        private SoapAnswer build() {
            if (sawFault) {
                return new Fault(values.getOrDefault("faultCode", ""), Optional.ofNullable(values.get("faultSubcode")),
                        values.getOrDefault("faultReason", ""), Optional.ofNullable(errorCode),
                        Optional.ofNullable(severity));
            }
            if (!sawResult) {
                throw new IllegalArgumentException("the answer holds neither a RESULTAT nor a SOAP fault");
            }
            String code = values.get("CodeCR");
            if (code == null) {
                throw new IllegalArgumentException("the RESULTAT has no CR/CodeCR");
            }
            Optional<InsIdentity> identity = Optional.empty();
            if (code.equals("00")) {
                if (!sawIndividu) {
                    throw new IllegalArgumentException("CR 00 without an INDIVIDU");
                }
                identity = Optional.of(identity());
            }
            return new Result(code, values.getOrDefault("LibelleCR", ""), identity);
        }

        private InsIdentity identity() {
            Ins ins = ins(active, "INSACTIF");
            List<HistoricalIns> histo = new ArrayList<>();
            for (Map<String, String> h : history) {
                histo.add(new HistoricalIns(ins(h, "INSHISTO"), opt(h.get("DateDeb")), opt(h.get("DateFin")),
                        opt(h.get("TypeMatricule"))));
            }
            return new InsIdentity(ins, histo, required(tiq, "NomNaissance"), required(tiq, "ListePrenom"),
                    required(tiq, "Sexe"), required(tiq, "DateNaissance"), opt(tiq.get("LieuNaissance")));
        }

        private static Ins ins(Map<String, String> m, String where) {
            InsOid oid = InsOid.find(required(m, "OID")).orElseThrow(
                    () -> new IllegalArgumentException(where + "/OID is not an INS OID"));
            return Ins.of(InsMatricule.of(required(m, "NumIdentifiant"), required(m, "Cle"), oid.kind()), oid);
        }

        private static String required(Map<String, String> m, String name) {
            String v = m.get(name);
            if (v == null || v.isEmpty()) {
                throw new IllegalArgumentException("the INSi answer lacks " + name);
            }
            return v;
        }

        private static Optional<String> opt(String v) {
            return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v);
        }
    }
}
