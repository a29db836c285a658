package fr.opendmp.testkit.dmp.internal.dmpi;

import fr.opendmp.core.code.CodeSystems;
import fr.opendmp.core.access.AccessMode;
import fr.opendmp.core.ins.InsOid;
import fr.opendmp.testkit.dmp.CallerKind;
import fr.opendmp.testkit.dmp.DmpStatus;
import fr.opendmp.testkit.dmp.FakePatient;
import fr.opendmp.testkit.dmp.FakeProfessional;
import fr.opendmp.testkit.dmp.internal.AccessRules;
import fr.opendmp.testkit.dmp.internal.Caller;
import fr.opendmp.testkit.dmp.internal.Engine;
import fr.opendmp.testkit.dmp.internal.FhirException;
import fr.opendmp.testkit.dmp.internal.PatientRefs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.w3c.dom.Element;

/** TD0.2, TD1.3a (HL7v3 PRPA_IN201307UV02), TD0.3, TD1.6 (habilitations), TD0.4 (patientList). */
final class PatientOps {
    static final String REASON_SYSTEM = "1.2.250.1.213.1.1.4.11";
    private static final String DMP_DEVICE = "1.2.250.1.213.4.1.1.1";

    private final Engine engine;

    PatientOps(Engine engine) {
        this.engine = engine;
    }

    /** The parsed HL7 query: reason and patient. */
    record Hl7Query(String reason, String ins, String insOid, String messageRoot, String messageExtension,
            String senderOid, String queryRoot, String queryExtension) {
    }

    /** Reads and checks a PRPA_IN201307UV02 (interactionId, reasonCode, INS); errors are HL7 AE answers. */
    static Hl7Query hl7Query(Element root) {
        Element control = Xml.child(root, Ns.HL7, "controlActProcess")
                .orElseThrow(() -> new Hl7Error("REQUIRED", "controlActProcess is missing"));
        String interaction = Xml.child(root, Ns.HL7, "interactionId").map(e -> e.getAttribute("extension")).orElse("");
        if (!"PRPA_IN201307UV02".equals(interaction)) {
            throw new Hl7Error("INTERACTION_ID", "interactionId must be PRPA_IN201307UV02");
        }
        Element reason = Xml.child(control, Ns.HL7, "reasonCode")
                .orElseThrow(() -> new Hl7Error("REQUIRED", "reasonCode is missing"));
        String code = reason.getAttribute("code");
        if (!("TEST_EXST".equals(code) || "CNSLT_DATA".equals(code))
                || !REASON_SYSTEM.equals(reason.getAttribute("codeSystem"))) {
            throw new Hl7Error("UNKNOWN_CODE", "reasonCode must be TEST_EXST or CNSLT_DATA of " + REASON_SYSTEM);
        }
        Element value = Xml.path(control, Ns.HL7, "queryByParameter", "parameterList", "patientIdentifier", "value")
                .orElseThrow(() -> new Hl7Error("REQUIRED", "parameterList/patientIdentifier/value is missing"));
        String oid = value.getAttribute("root");
        String ins;
        try {
            ins = PatientRefs.fromToken("urn:oid:" + oid + "|" + value.getAttribute("extension"), 400, "patientIdentifier");
        } catch (FhirException e) {
            throw new Hl7Error("INVALID_INS", e.issues().get(0).diagnostics());
        }
        Optional<Element> id = Xml.child(root, Ns.HL7, "id");
        Optional<Element> queryId = Xml.path(control, Ns.HL7, "queryByParameter", "queryId");
        String sender = Xml.path(root, Ns.HL7, "sender", "device", "id").map(e -> e.getAttribute("root")).orElse("");
        return new Hl7Query(code, ins, oid, id.map(e -> e.getAttribute("root")).orElse(""),
                id.map(e -> e.getAttribute("extension")).orElse(""), sender,
                queryId.map(e -> e.getAttribute("root")).orElse(""), queryId.map(e -> e.getAttribute("extension")).orElse(""));
    }

    /** An HL7 refusal: acknowledgement AE with the rule id as detail code. */
    static final class Hl7Error extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String ruleId;

        Hl7Error(String ruleId, String text) {
            super(text, null, false, false);
            this.ruleId = ruleId;
        }
    }

    /** TD0.2 / TD1.3a answer body for an accepted query. */
    String td02(Hl7Query q, Caller caller) {
        return engine.store().read(() -> {
            engine.rules().checkCredentialPatient(caller, q.ins());
            FakePatient p = engine.store().patient(q.ins());
            StringBuilder b = open(q);
            boolean exists = p.status() != DmpStatus.NONE;
            if (exists && "TEST_EXST".equals(q.reason()) && caller.kind() == CallerKind.PROFESSIONAL) {
                b.append("<hl7:attentionLine><hl7:keyWordText code=\"AUTORISATION\" codeSystem=\"1.2.250.1.213.4.1.2.6.1\"/>")
                        .append("<hl7:value xsi:type=\"CV\" code=\"").append(authorization(q.ins(), caller.id()))
                        .append("\" codeSystem=\"1.2.250.1.213.4.1.2.6.2\"/></hl7:attentionLine>")
                        .append("<hl7:attentionLine><hl7:keyWordText code=\"STATUT_MT\" codeSystem=\"1.2.250.1.213.4.1.2.6.3\"/>")
                        .append("<hl7:value xsi:type=\"BL\" value=\"")
                        .append(p.medecinTraitant().map(caller.id()::equals).orElse(false))
                        .append("\"/></hl7:attentionLine>");
            }
            ack(b, q, "AA", null, null);
            b.append("<hl7:controlActProcess classCode=\"CACT\" moodCode=\"EVN\"><hl7:reasonCode code=\"")
                    .append(q.reason()).append("\" codeSystem=\"").append(REASON_SYSTEM).append("\"/>");
            if (exists) {
                b.append("<hl7:subject contextConductionInd=\"false\" typeCode=\"SUBJ\">")
                        .append("<hl7:registrationEvent classCode=\"REG\" moodCode=\"EVN\"><hl7:statusCode code=\"completed\"/>");
                p.closedOn().ifPresent(d -> b.append("<hl7:effectiveTime value=\"")
                        .append(d.toString().replace("-", "")).append("\"/>"));
                b.append("<hl7:subject1 typeCode=\"SBJ\"><hl7:patient classCode=\"PAT\"><hl7:id root=\"")
                        .append(Xml.esc(q.insOid())).append("\" extension=\"").append(q.ins()).append("\"/>")
                        .append("<hl7:statusCode code=\"").append(p.status() == DmpStatus.OPEN ? "active" : "terminated")
                        .append("\"/><hl7:patientPerson classCode=\"PSN\" determinerCode=\"INSTANCE\">");
                if ("CNSLT_DATA".equals(q.reason())) {
                    b.append("<hl7:deceasedInd value=\"false\"/>");
                }
                b.append("</hl7:patientPerson>");
                observation(b, "COMPTE_INTERNET_OUVERT", "1.2.250.1.213.4.1.2.9", false);
                observation(b, "RATTACHEMENT_ENS", "1.2.250.1.213.4.1.2.3", p.attachedToMesp());
                if ("CNSLT_DATA".equals(q.reason())) {
                    observation(b, AccessRules.OPPOSITION_BRIS_DE_GLACE, "1.2.250.1.213.4.1.2.3",
                            engine.store().opposes(q.ins(), AccessRules.OPPOSITION_BRIS_DE_GLACE));
                    observation(b, AccessRules.OPPOSITION_ACCES_URGENCE, "1.2.250.1.213.4.1.2.3",
                            engine.store().opposes(q.ins(), AccessRules.OPPOSITION_ACCES_URGENCE));
                }
                b.append("</hl7:patient></hl7:subject1><hl7:custodian typeCode=\"CST\"><hl7:assignedEntity classCode=\"ASSIGNED\">")
                        .append("<hl7:id root=\"").append(DMP_DEVICE).append("\"/></hl7:assignedEntity></hl7:custodian>")
                        .append("</hl7:registrationEvent></hl7:subject>");
                p.closureReason().ifPresent(r -> b.append("<hl7:reasonOf typeCode=\"RSON\"><hl7:detectedIssueEvent classCode=\"ALRT\" moodCode=\"EVN\">")
                        .append("<hl7:code code=\"").append(Xml.esc(r)).append("\" codeSystem=\"1.2.250.1.213.4.1.2.4\"/>")
                        .append("</hl7:detectedIssueEvent></hl7:reasonOf>"));
            }
            b.append("<hl7:queryAck><hl7:queryId root=\"").append(Xml.esc(q.queryRoot())).append("\" extension=\"")
                    .append(Xml.esc(q.queryExtension())).append("\"/><hl7:queryResponseCode code=\"")
                    .append(exists ? "OK" : "NF").append("\"/></hl7:queryAck></hl7:controlActProcess></hl7:PRPA_IN201308UV02>");
            return b.toString();
        });
    }

    /** @return VALIDE, INTERDIT or NON_EXISTE (call under a lock) */
    private String authorization(String ins, String ps) {
        if (engine.store().isBlocked(ins, ps)) {
            return "INTERDIT";
        }
        return engine.store().isAuthorized(ins, ps) ? "VALIDE" : "NON_EXISTE";
    }

    private static void observation(StringBuilder b, String code, String system, boolean value) {
        b.append("<hl7:subjectOf typeCode=\"SBJ\"><hl7:administrativeObservation classCode=\"OBS\" moodCode=\"EVN\">")
                .append("<hl7:code code=\"").append(code).append("\" codeSystem=\"").append(system).append("\"/>")
                .append("<hl7:value xsi:type=\"BL\" value=\"").append(value).append("\"/></hl7:administrativeObservation></hl7:subjectOf>");
    }

    private static StringBuilder open(Hl7Query q) {
        StringBuilder b = new StringBuilder(2048);
        b.append("<hl7:PRPA_IN201308UV02 xmlns:hl7=\"").append(Ns.HL7).append("\" xmlns:xsi=\"").append(Ns.XSI)
                .append("\" ITSVersion=\"XML_1.0\"><hl7:id root=\"").append(DMP_DEVICE).append(".1.1\" extension=\"")
                .append(UUID.randomUUID()).append("\"/><hl7:creationTime value=\"").append(Dtm.format(Instant.now()))
                .append("\"/><hl7:interactionId root=\"2.16.840.1.113883.1.6\" extension=\"PRPA_IN201308UV02\"/>")
                .append("<hl7:processingCode code=\"P\"/><hl7:processingModeCode code=\"T\"/><hl7:acceptAckCode code=\"NE\"/>")
                .append("<hl7:receiver typeCode=\"RCV\"><hl7:device classCode=\"DEV\" determinerCode=\"INSTANCE\"><hl7:id root=\"")
                .append(Xml.esc(q == null ? "" : q.senderOid())).append("\"/></hl7:device></hl7:receiver>")
                .append("<hl7:sender typeCode=\"SND\"><hl7:device classCode=\"DEV\" determinerCode=\"INSTANCE\"><hl7:id root=\"")
                .append(DMP_DEVICE).append("\"/><hl7:softwareName>DMP</hl7:softwareName></hl7:device></hl7:sender>");
        return b;
    }

    private static void ack(StringBuilder b, Hl7Query q, String type, String ruleId, String text) {
        b.append("<hl7:acknowledgement typeCode=\"").append(type).append("\"><hl7:targetMessage><hl7:id root=\"")
                .append(Xml.esc(q == null ? "" : q.messageRoot())).append("\" extension=\"")
                .append(Xml.esc(q == null ? "" : q.messageExtension())).append("\"/></hl7:targetMessage>");
        if (ruleId != null) {
            b.append("<hl7:acknowledgementDetail typeCode=\"E\"><hl7:code code=\"").append(Xml.esc(ruleId))
                    .append("\" codeSystem=\"").append(Ns.FAKE_ERROR).append("\"/><hl7:text>").append(Xml.esc(text))
                    .append("</hl7:text></hl7:acknowledgementDetail>");
        }
        b.append("</hl7:acknowledgement>");
    }

    /** @return an HL7 AE answer carrying the rule id */
    static String hl7Error(Hl7Query q, String ruleId, String text) {
        StringBuilder b = open(q);
        ack(b, q, "AE", ruleId, text);
        b.append("<hl7:controlActProcess classCode=\"CACT\" moodCode=\"EVN\"><hl7:queryAck><hl7:queryResponseCode code=\"AE\"/>")
                .append("</hl7:queryAck></hl7:controlActProcess></hl7:PRPA_IN201308UV02>");
        return b.toString();
    }

    // ------------------------------------------------------------------ proprietary web services

    /** A proprietary WS refusal: status DMPKo, context "RULE: text". */
    static final class WsError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String ruleId;

        WsError(String ruleId, String text) {
            super(text, null, false, false);
            this.ruleId = ruleId;
        }
    }

    /** TD0.3 setAuthorization; returns the output children. */
    String td03(Element body, Caller caller, String ins) {
        String action = Xml.text(Xml.child(body, Ns.HAB, "action"));
        String role = Xml.text(Xml.child(body, Ns.HAB, "role"));
        if (!"AJOUT".equals(action) && !"SUPPRESSION".equals(action)) {
            throw new WsError("INVALID_VALUE", "action must be AJOUT or SUPPRESSION");
        }
        if (!role.isEmpty() && !"MEDECIN_TRAITANT".equals(role)) {
            throw new WsError("INVALID_VALUE", "role must be MEDECIN_TRAITANT");
        }
        return engine.store().write(() -> {
            engine.rules().checkCredentialPatient(caller, ins);
            FakePatient p = engine.rules().requireOpenDmp(ins);
            if (caller.kind() != CallerKind.PROFESSIONAL || caller.mode() != AccessMode.NORMAL
                    || "INDIRECTE".equals(caller.professional().authenticationMode())) {
                throw new WsError("MODE_FORBIDDEN", "TD0.3 needs a professional in direct normal mode");
            }
            String ps = caller.id();
            Instant now = engine.clock().instant();
            if (!role.isEmpty()) {
                boolean isMt = p.medecinTraitant().map(ps::equals).orElse(false);
                if ("AJOUT".equals(action)) {
                    if (engine.store().isBlocked(ins, ps)) {
                        throw new WsError("BLOCKED", "the patient has blocked this professional");
                    }
                    engine.store().putPatient(p.withMedecinTraitant(ps));
                    engine.store().authorizationChanged(ins, ps, true, now);
                    return ok(isMt ? "Médecin traitant déjà déclaré, aucune action effectuée" : "Médecin traitant déclaré");
                }
                if (!isMt) {
                    throw new WsError("NOT_MEDECIN_TRAITANT", "the caller is not the patient's médecin traitant");
                }
                engine.store().putPatient(new FakePatient(p.ins(), p.status(), p.closedOn(), p.closureReason(),
                        p.attachedToMesp(), Optional.empty(), p.minor()));
                return ok("Médecin traitant retiré");
            }
            if ("AJOUT".equals(action)) {
                if (engine.store().isBlocked(ins, ps)) {
                    throw new WsError("BLOCKED", "the patient has blocked this professional");
                }
                if (engine.store().isAuthorized(ins, ps) && engine.store().authorizationStart(ins, ps).isPresent()) {
                    return ok("Autorisation déjà présente, aucune action effectuée");
                }
                engine.store().authorizationChanged(ins, ps, true, now);
                return ok("Autorisation ajoutée");
            }
            engine.store().authorizationChanged(ins, ps, false, now);
            return ok("Autorisation supprimée");
        });
    }

    private static String ok(String context) {
        return "<hab:status>DMPOk</hab:status><hab:context>" + Xml.esc(context) + "</hab:context>";
    }

    /** TD1.6 listAuthorizationByPatient; returns the output children. */
    String td16(Element body, Caller caller, String ins) {
        String mode = Xml.text(Xml.child(body, Ns.HAB, "mode"));
        if (!Set.of("ACTIVE", "INTERDITE", "TOUTE").contains(mode)) {
            throw new WsError("INVALID_VALUE", "mode must be ACTIVE, INTERDITE or TOUTE");
        }
        return engine.store().read(() -> {
            engine.rules().checkCredentialPatient(caller, ins);
            FakePatient p = engine.rules().requireOpenDmp(ins);
            // AIR (INDIRECTE_RENFORCEE) is treated as direct, as for consultation (spec dmp-xds §11.3)
            if (caller.kind() != CallerKind.PROFESSIONAL || caller.mode() != AccessMode.NORMAL
                    || "INDIRECTE".equals(caller.professional().authenticationMode())) {
                throw new WsError("MODE_FORBIDDEN", "TD1.6 needs a professional in direct normal mode");
            }
            StringBuilder b = new StringBuilder();
            Set<String> blocked = new TreeSet<>(engine.store().blockedProfessionals(ins));
            Set<String> active = new TreeSet<>(engine.store().authorizedProfessionals(ins));
            active.removeAll(blocked);
            if (!"INTERDITE".equals(mode)) {
                active.forEach(ps -> item(b, ins, ps, "ACTIVE", p));
            }
            if (!"ACTIVE".equals(mode)) {
                blocked.forEach(ps -> item(b, ins, ps, "INTERDITE", p));
            }
            return b.append("<hab:status>DMPOk</hab:status><hab:context/>").toString();
        });
    }

    private void item(StringBuilder b, String ins, String ps, String mode, FakePatient p) {
        Optional<FakeProfessional> pro = engine.store().professional(ps);
        b.append("<hab:listOfAuthorizationByPatient><hab:nationalId>").append(Xml.esc(ps))
                .append("</hab:nationalId><hab:nationalIdType>" + CodeSystems.ID_NAT_PS_OID + "</hab:nationalIdType>")
                .append("<hab:firstName>").append(Xml.esc(pro.map(FakeProfessional::givenName).orElse("")))
                .append("</hab:firstName><hab:lastName>").append(Xml.esc(pro.map(FakeProfessional::familyName).orElse("")))
                .append("</hab:lastName>");
        pro.filter(x -> !x.specialty().isBlank()).ifPresent(x -> b.append("<hab:codeSpeciality>G15_")
                .append(Xml.esc(x.profession())).append('/').append(Xml.esc(x.specialty())).append("</hab:codeSpeciality>"));
        engine.store().authorizationStart(ins, ps).ifPresent(t -> b.append("<hab:startOfAuthorization>")
                .append(Dtm.format(t)).append("</hab:startOfAuthorization>"));
        engine.store().lastAction(ins, ps).ifPresent(t -> b.append("<hab:lastActionDate>").append(Dtm.format(t))
                .append("</hab:lastActionDate>"));
        b.append("<hab:mode>").append(mode).append("</hab:mode>");
        if (p.medecinTraitant().map(ps::equals).orElse(false)) {
            b.append("<hab:specificRight>MEDECIN_TRAITANT</hab:specificRight>");
        }
        b.append("</hab:listOfAuthorizationByPatient>");
    }

    /** TD0.4 patientList; returns the output children. */
    String td04(Element body, Caller caller) {
        String start = Xml.text(Xml.child(body, Ns.PAT, "startDate"));
        String type = Xml.text(Xml.child(body, Ns.PAT, "dateType"));
        if (!Set.of("LASTAUTORIZATION", "LASTDOC").contains(type)) {
            throw new WsError("INVALID_VALUE", "dateType must be LASTAUTORIZATION or LASTDOC");
        }
        Instant since = Dtm.parse(start).orElseThrow(() -> new WsError("INVALID_VALUE", "startDate must be yyyyMMddHHmmss"));
        if (caller.mode() == AccessMode.CENTRE_REGULATION && !"DIRECTE".equals(caller.professional().authenticationMode())) {
            throw new WsError("MODE_FORBIDDEN", "TD0.4 is refused in indirect régulation");
        }
        return engine.store().read(() -> {
            StringBuilder b = new StringBuilder();
            List<String> patients = new ArrayList<>(engine.store().patientsAuthorizing(caller.id()));
            patients.sort(null);
            for (String ins : patients) {
                FakePatient p = engine.store().patient(ins);
                Optional<Instant> at = engine.store().authorizationStart(ins, caller.id());
                if (at.isPresent() && at.get().isBefore(since)) {
                    continue;
                }
                String oid = InsOid.NIR_TEST.oid();
                b.append("<pat:patientlistData><pat:patientIdentifier><pat:nationalId>").append(ins)
                        .append("</pat:nationalId><pat:nationalIdType>").append(oid)
                        .append("</pat:nationalIdType></pat:patientIdentifier><pat:MT>")
                        .append(p.medecinTraitant().map(caller.id()::equals).orElse(false)).append("</pat:MT>")
                        .append("<pat:message>false</pat:message>");
                at.ifPresent(t -> b.append("<pat:lastAccessDate>").append(Dtm.format(t)).append("</pat:lastAccessDate>"));
                b.append("</pat:patientlistData>");
            }
            return b.append("<pat:status>DMPOk</pat:status>").toString();
        });
    }
}
