package fr.opendmp.cda.content.internal;

import fr.opendmp.cda.content.ClinicalTime;
import fr.opendmp.cda.content.LabReport;
import fr.opendmp.cda.content.LabResult;
import fr.opendmp.cda.content.Quantity;
import fr.opendmp.cda.content.ReferenceRange;
import fr.opendmp.cda.content.ResultValue;
import fr.opendmp.cda.content.Unreadable;
import fr.opendmp.cda.read.internal.Dom;
import fr.opendmp.core.code.Code;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;

/** Reads the laboratory entries of a CR-BIO (IHE XD-LAB / CI-SIS FR-Resultats-examens-de-biologie). */
public final class LabParser {

    /** IHE Laboratory Report Data Processing Entry. */
    static final String LAB_ENTRY = "1.3.6.1.4.1.19376.1.3.1";

    private LabParser() {
    }

    /** @return the report of a CR-BIO root element */
    public static LabReport parse(Element root, Entries x) {
        List<LabResult> results = new ArrayList<>();
        List<Unreadable> bad = new ArrayList<>();
        int labEntries = 0;
        for (Element section : Entries.allSections(root)) {
            List<Element> entries = Dom.children(section, "entry");
            for (int i = 0; i < entries.size(); i++) {
                Element entry = entries.get(i);
                Optional<Element> stmt = Entries.statement(entry);
                if (stmt.isEmpty() || !isLabEntry(entry, stmt.get())) {
                    continue;
                }
                labEntries++;
                String where = "section " + Entries.sectionCode(section) + " > entry " + (i + 1);
                Optional<Code> specialty = Entries.code(Dom.child(stmt.get(), "code"))
                        .or(() -> Entries.code(Dom.child(section, "code")));
                int before = results.size();
                walk(x, stmt.get(), where, specialty, Optional.empty(), results, bad, new int[] {0});
                if (results.size() == before && bad.stream().noneMatch(u -> u.where().startsWith(where + " "))) {
                    bad.add(new Unreadable(where, "a laboratory entry without any result observation"));
                }
            }
        }
        if (labEntries == 0) {
            bad.add(new Unreadable("structuredBody", "no laboratory entry (template " + LAB_ENTRY + ")"));
        }
        return new LabReport(results, bad);
    }

    private static boolean isLabEntry(Element entry, Element stmt) {
        return Entries.templates(entry).contains(LAB_ENTRY) || Entries.templates(stmt).contains(LAB_ENTRY);
    }

    private static void walk(Entries x, Element e, String where, Optional<Code> specialty,
            Optional<ClinicalTime> inherited, List<LabResult> out, List<Unreadable> bad, int[] n) {
        Optional<ClinicalTime> time = Entries.start(Dom.child(e, "effectiveTime")).or(() -> inherited);
        List<Element> children = new ArrayList<>(Dom.children(e, "entryRelationship"));
        children.addAll(Dom.children(e, "component"));
        for (Element rel : children) {
            Optional<Element> s = Entries.statement(rel);
            if (s.isEmpty()) {
                continue;
            }
            Element stmt = s.get();
            switch (stmt.getLocalName()) {
                case "observation" -> {
                    n[0]++;
                    observation(x, stmt, where + " > observation " + n[0], specialty, time, out, bad);
                }
                case "organizer", "act" -> walk(x, stmt, where, specialty, time, out, bad, n);
                default -> {
                    // procedure (specimen collection), observationMedia (images): not results
                }
            }
        }
    }

    private static void observation(Entries x, Element o, String where, Optional<Code> specialty,
            Optional<ClinicalTime> inherited, List<LabResult> out, List<Unreadable> bad) {
        Element codeEl = Dom.child(o, "code");
        Optional<Code> test = Entries.code(codeEl);
        Optional<String> label = x.label(codeEl).or(() -> x.textOf(Dom.child(o, "text")));
        if (test.isEmpty() && label.isEmpty()) {
            bad.add(new Unreadable(where, "an observation naming no test (no code, no text)"));
            return;
        }
        Element valueEl = Dom.child(o, "value");
        if (valueEl == null) {
            bad.add(new Unreadable(where, "no value"));
            return;
        }
        Optional<ResultValue> value = value(x, valueEl);
        if (value.isEmpty()) {
            String type = Entries.xsiType(valueEl);
            bad.add(new Unreadable(where, "a value of type " + (type.isEmpty() ? "(none)" : type)
                    + " that could not be read"));
            return;
        }
        Optional<ClinicalTime> time = Entries.start(Dom.child(o, "effectiveTime")).or(() -> inherited);
        out.add(new LabResult(test, label, value.get(), range(x, o), Entries.code(Dom.child(o, "interpretationCode")),
                time, specialty));
    }

    /** @return the value of a {@code value} element, when its type is one this reader reads */
    static Optional<ResultValue> value(Entries x, Element v) {
        String type = Entries.xsiType(v);
        switch (type) {
            case "PQ", "INT", "REAL" -> {
                return Entries.quantity(v).map(ResultValue.Measured::new);
            }
            case "IVL_PQ" -> {
                Optional<Quantity> low = Entries.quantity(Dom.child(v, "low"));
                Optional<Quantity> high = Entries.quantity(Dom.child(v, "high"));
                return low.isEmpty() && high.isEmpty() ? Optional.empty()
                        : Optional.of(new ResultValue.Interval(low, high));
            }
            case "CD", "CE", "CV", "CO" -> {
                Optional<Code> c = Entries.code(v);
                Optional<String> l = x.label(v);
                return c.isEmpty() && l.isEmpty() ? Optional.empty() : Optional.of(new ResultValue.Coded(c, l));
            }
            case "ST", "ED" -> {
                return x.textOf(v).map(ResultValue.Text::new);
            }
            case "BL" -> {
                return Dom.attr(v, "value").filter(b -> b.equals("true") || b.equals("false"))
                        .map(ResultValue.Text::new);
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    private static Optional<ReferenceRange> range(Entries x, Element o) {
        Element r = Dom.path(o, "referenceRange", "observationRange");
        if (r == null) {
            return Optional.empty();
        }
        Element v = Dom.child(r, "value");
        Optional<Quantity> low = Entries.quantity(Dom.child(v, "low"));
        Optional<Quantity> high = Entries.quantity(Dom.child(v, "high"));
        Optional<String> text = x.textOf(Dom.child(r, "text"));
        if (low.isEmpty() && high.isEmpty() && text.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ReferenceRange(low, high, text));
    }
}
