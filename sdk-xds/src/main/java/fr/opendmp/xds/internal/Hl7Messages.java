package fr.opendmp.xds.internal;

import fr.opendmp.core.access.AccessMode;
import fr.opendmp.core.access.AccessStatus;
import fr.opendmp.core.access.Authorization;
import fr.opendmp.core.access.Closure;
import fr.opendmp.core.access.DmpAdministrativeData;
import fr.opendmp.core.access.DmpState;
import fr.opendmp.core.code.Code;
import fr.opendmp.core.ins.Ins;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.w3c.dom.Element;

/** TD0.2 / TD1.3a: the HL7v3 PRPA_IN201307UV02 request and the PRPA_IN201308UV02 answer. Not API. */
public final class Hl7Messages {

    /** The reason codes' system. */
    public static final String REASON_SYSTEM = "1.2.250.1.213.1.1.4.11";
    /** The DMP device OID. */
    public static final String DMP_DEVICE = "1.2.250.1.213.4.1.1.1";

    private Hl7Messages() {
    }

    /** Which query: existence test (TD0.2) or administrative data (TD1.3a). */
    public enum Reason {
        /** TD0.2. */
        TEST_EXST("Test d'existence de dossier"),
        /** TD1.3a. */
        CNSLT_DATA("Consultation des données de gestion de dossier");

        private final String display;

        Reason(String display) {
            this.display = display;
        }
    }

    /**
     * @param reason the query
     * @param ins the patient
     * @param senderOid the LPS OID
     * @param softwareName the LPS name
     * @param processingCode {@code D}…
     * @param processingModeCode {@code T}…
     * @param now the creation time
     * @param messageId the message id's extension (a UUID)
     * @return the request body
     */
    public static String request(Reason reason, Ins ins, String senderOid, String softwareName, String processingCode,
            String processingModeCode, Instant now, String messageId) {
        return "<hl7:PRPA_IN201307UV02 xmlns:hl7=\"" + Ns.HL7 + "\" ITSVersion=\"XML_1.0\">"
                + "<hl7:id root=\"" + senderOid + ".1.1\" extension=\"" + messageId + "\"/>"
                + "<hl7:creationTime value=\"" + Dtm.format(now) + "\"/>"
                + "<hl7:interactionId root=\"2.16.840.1.113883.1.6\" extension=\"PRPA_IN201307UV02\"/>"
                + "<hl7:processingCode code=\"" + processingCode + "\"/>"
                + "<hl7:processingModeCode code=\"" + processingModeCode + "\"/>"
                + "<hl7:acceptAckCode code=\"AL\"/>"
                + "<hl7:receiver typeCode=\"RCV\"><hl7:device classCode=\"DEV\" determinerCode=\"INSTANCE\">"
                + "<hl7:id root=\"" + DMP_DEVICE + "\"/><hl7:softwareName>DMP</hl7:softwareName></hl7:device>"
                + "</hl7:receiver>"
                + "<hl7:sender typeCode=\"SND\"><hl7:device classCode=\"DEV\" determinerCode=\"INSTANCE\">"
                + "<hl7:id root=\"" + senderOid + "\"/><hl7:softwareName>" + Xml.esc(softwareName)
                + "</hl7:softwareName></hl7:device></hl7:sender>"
                + "<hl7:controlActProcess classCode=\"CACT\" moodCode=\"EVN\">"
                + "<hl7:reasonCode code=\"" + reason.name() + "\" codeSystem=\"" + REASON_SYSTEM + "\" displayName=\""
                + Xml.esc(reason.display) + "\"/>"
                + "<hl7:queryByParameter><hl7:queryId root=\"" + senderOid + ".2\" extension=\"" + UUID.randomUUID()
                + "\"/><hl7:statusCode code=\"new\"/><hl7:parameterList><hl7:patientIdentifier>"
                + "<hl7:value root=\"" + ins.oid().oid() + "\" extension=\"" + ins.value() + "\"/>"
                + "<hl7:semanticsText>Patient.id</hl7:semanticsText></hl7:patientIdentifier></hl7:parameterList>"
                + "</hl7:queryByParameter></hl7:controlActProcess></hl7:PRPA_IN201307UV02>";
    }

    /**
     * The checked parts of an answer.
     *
     * @param ackType {@code AA}, {@code AE}, {@code AR}
     * @param ackDetails the acknowledgement details
     * @param queryResponse {@code OK}, {@code NF}, {@code QE}…
     * @param patient the {@code patient} element, if any
     * @param targetMessage the acknowledged message id's extension, if any
     */
    public record Parsed(String ackType, List<Element> ackDetails, String queryResponse, Optional<Element> patient,
            Optional<String> targetMessage) {
    }

    /** @return the acknowledgement, query response and patient of an answer */
    public static Parsed parse(Element root) {
        Optional<Element> ack = Xml.child(root, Ns.HL7, "acknowledgement");
        String type = ack.flatMap(a -> Xml.attr(a, "typeCode")).orElse("AA");
        List<Element> details = ack.map(a -> Xml.children(a, Ns.HL7, "acknowledgementDetail")).orElse(List.of());
        Optional<String> target = ack.flatMap(a -> Xml.path(a, Ns.HL7, "targetMessage", "id"))
                .flatMap(i -> Xml.attr(i, "extension"));
        Optional<Element> cap = Xml.child(root, Ns.HL7, "controlActProcess");
        String qr = cap.flatMap(c -> Xml.path(c, Ns.HL7, "queryAck", "queryResponseCode"))
                .flatMap(c -> Xml.attr(c, "code")).orElse("OK");
        Optional<Element> patient = cap.flatMap(c -> Xml.path(c, Ns.HL7, "subject", "registrationEvent", "subject1",
                "patient"));
        return new Parsed(type, details, qr, patient, target);
    }

    /**
     * @param root the PRPA_IN201308UV02 element (acknowledgement already checked)
     * @param parsed its parsed parts
     * @param mode the access mode of the call
     * @return the access status
     */
    public static AccessStatus access(Element root, Parsed parsed, AccessMode mode) {
        if ("NF".equals(parsed.queryResponse()) || parsed.patient().isEmpty()) {
            return AccessStatus.none(mode);
        }
        Element patient = parsed.patient().get();
        DmpState state = state(patient);
        Optional<Closure> closure = state == DmpState.CLOSED ? Optional.of(closure(root)) : Optional.empty();
        Authorization authorization = Authorization.NONE;
        boolean mt = false;
        for (Element line : Xml.children(root, Ns.HL7, "attentionLine")) {
            String key = Xml.child(line, Ns.HL7, "keyWordText").flatMap(k -> Xml.attr(k, "code")).orElse("");
            Optional<Element> value = Xml.child(line, Ns.HL7, "value");
            if ("AUTORISATION".equals(key)) {
                authorization = switch (value.flatMap(v -> Xml.attr(v, "code")).orElse("")) {
                    case "VALIDE" -> Authorization.AUTHORIZED;
                    case "INTERDIT" -> Authorization.BLOCKED;
                    case "EXPIRE" -> Authorization.EXPIRED;
                    default -> Authorization.NONE;
                };
            } else if ("STATUT_MT".equals(key)) {
                mt = value.flatMap(v -> Xml.attr(v, "value")).map("true"::equalsIgnoreCase).orElse(false);
            }
        }
        boolean ens = observation(patient, "RATTACHEMENT_ENS").orElse(false);
        return new AccessStatus(state, closure, ens, authorization, mt, mode);
    }

    /**
     * @param root the PRPA_IN201308UV02 element (acknowledgement already checked)
     * @param parsed its parsed parts
     * @return the administrative data
     */
    public static DmpAdministrativeData administrative(Element root, Parsed parsed) {
        if ("NF".equals(parsed.queryResponse()) || parsed.patient().isEmpty()) {
            return new DmpAdministrativeData(DmpState.NONE, Optional.empty(), false, false, Optional.empty(),
                    Optional.empty(), List.of(), List.of());
        }
        Element patient = parsed.patient().get();
        DmpState state = state(patient);
        Optional<Element> person = Xml.child(patient, Ns.HL7, "patientPerson");
        Optional<Boolean> deceased = person.flatMap(p -> Xml.child(p, Ns.HL7, "deceasedInd"))
                .flatMap(d -> Xml.attr(d, "value")).map("true"::equalsIgnoreCase);
        Optional<DmpAdministrativeData.Address> address = person.flatMap(p -> Xml.child(p, Ns.HL7, "addr"))
                .map(Hl7Messages::address);
        List<String> telecoms = person.map(Hl7Messages::telecoms).orElse(List.of());
        List<DmpAdministrativeData.LegalRepresentative> reps = new ArrayList<>();
        person.ifPresent(p -> {
            for (Element rel : Xml.children(p, Ns.HL7, "personalRelationship")) {
                String code = Xml.child(rel, Ns.HL7, "code").flatMap(c -> Xml.attr(c, "code")).orElse("");
                Optional<Element> name = Xml.path(rel, Ns.HL7, "relationshipHolder1", "name");
                reps.add(new DmpAdministrativeData.LegalRepresentative(code,
                        name.flatMap(n -> Xml.child(n, Ns.HL7, "family")).flatMap(Xml::text),
                        name.flatMap(n -> Xml.child(n, Ns.HL7, "given")).flatMap(Xml::text),
                        Xml.child(rel, Ns.HL7, "addr").map(Hl7Messages::address), telecoms(rel)));
            }
        });
        return new DmpAdministrativeData(state,
                state == DmpState.CLOSED ? Optional.of(closure(root)) : Optional.empty(),
                observation(patient, "OPPOSITION_BRIS_DE_GLACE").orElse(false),
                observation(patient, "OPPOSITION_ACCES_URGENCE").orElse(false), deceased, address, telecoms, reps);
    }

    private static DmpState state(Element patient) {
        String status = Xml.child(patient, Ns.HL7, "statusCode").flatMap(s -> Xml.attr(s, "code")).orElse("active");
        return "terminated".equals(status) || "nullified".equals(status) ? DmpState.CLOSED : DmpState.OPEN;
    }

    private static Closure closure(Element root) {
        Optional<Element> event = Xml.path(root, Ns.HL7, "controlActProcess", "subject", "registrationEvent");
        Optional<String> date = event.flatMap(e -> Xml.child(e, Ns.HL7, "effectiveTime"))
                .flatMap(t -> Xml.attr(t, "value").or(() -> Xml.child(t, Ns.HL7, "high")
                        .flatMap(h -> Xml.attr(h, "value"))));
        Optional<Element> issue = Xml.path(root, Ns.HL7, "controlActProcess", "reasonOf", "detectedIssueEvent");
        Optional<Code> reason = issue.flatMap(i -> Xml.child(i, Ns.HL7, "code")).flatMap(c -> Xml.attr(c, "code")
                .map(code -> Code.of("urn:oid:" + Xml.attr(c, "codeSystem").orElse("1.2.250.1.213.4.1.2.4"), code,
                        Xml.attr(c, "displayName").orElse(""))));
        Optional<String> text = issue.flatMap(i -> Xml.child(i, Ns.HL7, "text")).flatMap(Xml::text);
        return new Closure(date.flatMap(Dtm::date), reason, text);
    }

    private static Optional<Boolean> observation(Element patient, String code) {
        for (Element s : Xml.children(patient, Ns.HL7, "subjectOf")) {
            Optional<Element> obs = Xml.child(s, Ns.HL7, "administrativeObservation");
            if (obs.flatMap(o -> Xml.child(o, Ns.HL7, "code")).flatMap(c -> Xml.attr(c, "code"))
                    .filter(code::equals).isPresent()) {
                return obs.flatMap(o -> Xml.child(o, Ns.HL7, "value")).flatMap(v -> Xml.attr(v, "value"))
                        .map("true"::equalsIgnoreCase);
            }
        }
        return Optional.empty();
    }

    private static DmpAdministrativeData.Address address(Element addr) {
        List<String> lines = new ArrayList<>();
        for (Element e : Xml.elements(addr)) {
            String l = e.getLocalName();
            if ("streetAddressLine".equals(l) || "additionalLocator".equals(l)) {
                Xml.text(e).ifPresent(lines::add);
            }
        }
        return new DmpAdministrativeData.Address(lines, Xml.child(addr, Ns.HL7, "postalCode").flatMap(Xml::text),
                Xml.child(addr, Ns.HL7, "city").flatMap(Xml::text));
    }

    private static List<String> telecoms(Element parent) {
        List<String> out = new ArrayList<>();
        for (Element t : Xml.children(parent, Ns.HL7, "telecom")) {
            Xml.attr(t, "value").ifPresent(out::add);
        }
        return out;
    }

    /** @return the patient's INS echoed by the answer (the id whose root is an INS OID), if any */
    public static Optional<String> insEcho(Element patient) {
        for (Element id : Xml.children(patient, Ns.HL7, "id")) {
            String root = Xml.attr(id, "root").orElse("");
            if (fr.opendmp.core.ins.InsOid.find(root).isPresent()) {
                return Xml.attr(id, "extension").map(e -> root + "|" + e);
            }
        }
        return Optional.empty();
    }
}
