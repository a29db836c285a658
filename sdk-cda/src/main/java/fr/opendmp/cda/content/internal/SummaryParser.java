package fr.opendmp.cda.content.internal;

import fr.opendmp.cda.content.Condition;
import fr.opendmp.cda.content.Intolerance;
import fr.opendmp.cda.content.MedicalSummary;
import fr.opendmp.cda.content.Procedure;
import fr.opendmp.cda.content.Treatment;
import fr.opendmp.cda.content.Unreadable;
import fr.opendmp.cda.read.internal.Dom;
import fr.opendmp.core.code.Code;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;

/** Reads the coded sections of a VSM. */
public final class SummaryParser {

    static final String ACTIVE = "11450-4";
    static final String HISTORY = "11348-0";
    static final String SURGICAL = "47519-4";
    static final String ALLERGIES = "48765-2";
    static final String TREATMENTS = "10160-0";

    private SummaryParser() {
    }

    /** @return the summary of a VSM root element */
    public static MedicalSummary parse(Element root, Entries x) {
        List<Unreadable> bad = new ArrayList<>();
        List<Condition> active = new ArrayList<>();
        List<Condition> history = new ArrayList<>();
        List<Procedure> surgical = new ArrayList<>();
        List<Intolerance> allergies = new ArrayList<>();
        List<Treatment> treatments = new ArrayList<>();
        Sectioned.each(root, ACTIVE, true, bad, (where, s) -> conditions(x, where, s, active, bad));
        Sectioned.each(root, HISTORY, true, bad, (where, s) -> conditions(x, where, s, history, bad));
        Sectioned.each(root, SURGICAL, false, bad, (where, s) -> procedures(x, where, s, surgical, bad));
        Sectioned.each(root, ALLERGIES, true, bad, (where, s) -> allergies(x, where, s, allergies, bad));
        Sectioned.each(root, TREATMENTS, true, bad, (where, s) -> treatments(x, where, s, treatments, bad));
        return new MedicalSummary(active, history, surgical, allergies, treatments, bad);
    }

    private static void conditions(Entries x, String where, Element stmt, List<Condition> out, List<Unreadable> bad) {
        if (!"act".equals(stmt.getLocalName())) {
            bad.add(new Unreadable(where, "a " + stmt.getLocalName() + " where a problem concern (act) is expected"));
            return;
        }
        Optional<String> status = Dom.attr(Dom.child(stmt, "statusCode"), "code");
        List<Element> observations = Dom.children(stmt, "entryRelationship").stream()
                .flatMap(r -> Entries.statement(r).stream()).filter(o -> "observation".equals(o.getLocalName()))
                .toList();
        if (observations.isEmpty()) {
            bad.add(new Unreadable(where, "a problem concern without a problem observation"));
        }
        for (Element o : observations) {
            Element value = Dom.child(o, "value");
            Optional<Code> code = Entries.code(value);
            Optional<String> label = x.label(value).or(() -> x.textOf(Dom.child(o, "text")));
            if (code.isEmpty() && label.isEmpty()) {
                bad.add(new Unreadable(where, "a problem observation with neither a coded value nor a text"));
                continue;
            }
            Element t = Dom.child(o, "effectiveTime");
            Element ct = Dom.child(stmt, "effectiveTime");
            out.add(new Condition(code, label, Entries.start(t).or(() -> Entries.start(ct)),
                    Entries.end(t).or(() -> Entries.end(ct)), status));
        }
    }

    private static void procedures(Entries x, String where, Element stmt, List<Procedure> out, List<Unreadable> bad) {
        if (!"procedure".equals(stmt.getLocalName())) {
            bad.add(new Unreadable(where, "a " + stmt.getLocalName() + " where a procedure is expected"));
            return;
        }
        Element c = Dom.child(stmt, "code");
        Optional<Code> code = Entries.code(c);
        Optional<String> label = x.label(c).or(() -> x.textOf(Dom.child(stmt, "text")));
        if (code.isEmpty() && label.isEmpty()) {
            bad.add(new Unreadable(where, "a procedure with neither a code nor a text"));
            return;
        }
        out.add(new Procedure(code, label, Entries.start(Dom.child(stmt, "effectiveTime"))));
    }

    private static void allergies(Entries x, String where, Element stmt, List<Intolerance> out,
            List<Unreadable> bad) {
        if (!"act".equals(stmt.getLocalName())) {
            bad.add(new Unreadable(where, "a " + stmt.getLocalName() + " where an allergy concern (act) is expected"));
            return;
        }
        List<Element> observations = Dom.children(stmt, "entryRelationship").stream()
                .flatMap(r -> Entries.statement(r).stream()).filter(o -> "observation".equals(o.getLocalName()))
                .toList();
        if (observations.isEmpty()) {
            bad.add(new Unreadable(where, "an allergy concern without an allergy observation"));
        }
        for (Element o : observations) {
            Element agentCode = Dom.path(o, "participant", "participantRole", "playingEntity", "code");
            Element value = Dom.child(o, "value");
            Optional<Code> agent = Entries.code(agentCode).or(() -> Entries.code(value));
            Optional<String> agentLabel = x.label(agentCode).or(() -> x.label(value));
            Optional<Code> type = Entries.code(Dom.child(o, "code"));
            if (agent.isEmpty() && agentLabel.isEmpty() && type.isEmpty()) {
                bad.add(new Unreadable(where, "an allergy observation with neither an agent nor a type"));
                continue;
            }
            out.add(new Intolerance(agent, agentLabel, type, Entries.start(Dom.child(o, "effectiveTime"))));
        }
    }

    private static void treatments(Entries x, String where, Element stmt, List<Treatment> out, List<Unreadable> bad) {
        if (!"substanceAdministration".equals(stmt.getLocalName())) {
            bad.add(new Unreadable(where, "a " + stmt.getLocalName() + " where a substanceAdministration is expected"));
            return;
        }
        Element material = Dom.path(stmt, "consumable", "manufacturedProduct", "manufacturedMaterial");
        Element c = Dom.child(material, "code");
        Optional<Code> code = Entries.code(c);
        Optional<String> label = x.label(c).or(() -> Dom.text(Dom.child(material, "name")))
                .or(() -> x.textOf(Dom.child(stmt, "text")));
        if (code.isEmpty() && label.isEmpty()) {
            bad.add(new Unreadable(where, "a treatment with neither a product code nor a text"));
            return;
        }
        Element period = Dom.children(stmt, "effectiveTime").stream()
                .filter(t -> !Entries.xsiType(t).startsWith("PIVL") && !Entries.xsiType(t).startsWith("EIVL"))
                .findFirst().orElse(null);
        out.add(new Treatment(code, label, Entries.start(period), Entries.end(period)));
    }
}
