package fr.opendmp.cda.content.internal;

import fr.opendmp.cda.content.ClinicalTime;
import fr.opendmp.cda.content.Reimbursed;
import fr.opendmp.cda.content.Reimbursed.Category;
import fr.opendmp.cda.content.ReimbursementHistory;
import fr.opendmp.cda.content.Unreadable;
import fr.opendmp.cda.read.internal.Dom;
import fr.opendmp.core.code.Code;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Element;

/** Reads the sections of a CNAM-HR document. */
public final class ReimbursementParser {

    /** The HL7 code system of the "no known …" codes. */
    static final String NO_KNOWN = "2.16.840.1.113883.5.1150.1";

    private static final Map<String, Category> SECTIONS = Map.of("10160-0", Category.MEDICINE, "11369-6",
            Category.VACCINE, "46264-8", Category.DEVICE, "46240-8", Category.HOSPITAL_STAY, "29554-3", Category.ACT);
    private static final Map<Category, String> STATEMENT = Map.of(Category.MEDICINE, "substanceAdministration",
            Category.VACCINE, "substanceAdministration", Category.DEVICE, "supply", Category.HOSPITAL_STAY,
            "encounter", Category.ACT, "procedure");

    private ReimbursementParser() {
    }

    /** @return the history of a CNAM-HR root element */
    public static ReimbursementHistory parse(Element root, Entries x) {
        List<Reimbursed> items = new ArrayList<>();
        List<Category> nothing = new ArrayList<>();
        List<Unreadable> bad = new ArrayList<>();
        for (Element section : Entries.allSections(root)) {
            Category c = SECTIONS.get(Entries.sectionCode(section));
            if (c == null) {
                continue;
            }
            Optional<Code> group = c == Category.ACT
                    ? Dom.children(Dom.child(section, "code"), "translation").stream()
                            .flatMap(t -> Entries.code(t).stream()).findFirst()
                    : Optional.empty();
            String where = "section " + Entries.sectionCode(section) + group.map(g -> " (" + g.code() + ")").orElse("");
            Sectioned.entries(section, where, bad, (at, stmt) -> {
                if (!STATEMENT.get(c).equals(stmt.getLocalName())) {
                    bad.add(new Unreadable(at, "a " + stmt.getLocalName() + " where a " + STATEMENT.get(c)
                            + " is expected"));
                    return;
                }
                if (noneKnown(stmt)) {
                    if (!nothing.contains(c)) {
                        nothing.add(c);
                    }
                    return;
                }
                line(x, c, group, at, stmt).ifPresentOrElse(items::add,
                        () -> bad.add(new Unreadable(at, "a line naming nothing (no code, no text)")));
            });
        }
        return new ReimbursementHistory(items, nothing, bad);
    }

    private static boolean noneKnown(Element stmt) {
        return java.util.stream.Stream.of(Dom.child(stmt, "code"), Dom.path(stmt, "consumable", "manufacturedProduct",
                "manufacturedMaterial", "code"), Dom.path(stmt, "participant", "participantRole", "playingDevice",
                        "code")).filter(java.util.Objects::nonNull).anyMatch(c -> Dom.attr(c, "codeSystem").filter(NO_KNOWN::equals).isPresent()
                                || Dom.attr(c, "code").filter(v -> v.startsWith("no-known")).isPresent()
                                // the ANS example codes "no stay" as the Wolf code 02276797 "Aucun"
                                || Dom.attr(c, "displayName").filter("Aucun"::equalsIgnoreCase).isPresent());
    }

    private static Optional<Reimbursed> line(Entries x, Category c, Optional<Code> group, String at, Element s) {
        Element codeEl;
        Optional<ClinicalTime> date;
        Optional<ClinicalTime> end = Optional.empty();
        Optional<BigDecimal> quantity;
        switch (c) {
            case MEDICINE, VACCINE -> {
                codeEl = Dom.path(s, "consumable", "manufacturedProduct", "manufacturedMaterial", "code");
                Element supply = Dom.children(s, "entryRelationship").stream()
                        .flatMap(r -> Entries.statement(r).stream()).filter(e -> "supply".equals(e.getLocalName()))
                        .findFirst().orElse(null);
                date = dispensed(supply).or(() -> Entries.start(Dom.child(s, "effectiveTime")));
                quantity = Entries.quantity(Dom.child(supply, "quantity")).map(q -> q.value());
            }
            case DEVICE -> {
                codeEl = Dom.path(s, "participant", "participantRole", "playingDevice", "code");
                date = dispensed(s);
                quantity = Entries.quantity(Dom.child(s, "quantity")).map(q -> q.value());
            }
            case HOSPITAL_STAY -> {
                Element qualifier = Dom.path(s, "code", "qualifier", "value");
                codeEl = qualifier != null ? qualifier : Dom.child(s, "code");
                date = Entries.start(Dom.child(s, "effectiveTime"));
                end = Entries.end(Dom.child(s, "effectiveTime"));
                quantity = Optional.empty();
            }
            default -> {
                codeEl = Dom.child(s, "code");
                date = Entries.start(Dom.child(s, "effectiveTime"));
                quantity = Optional.empty();
            }
        }
        Optional<Code> code = Entries.code(codeEl);
        Optional<String> label = x.label(codeEl).or(() -> x.textOf(Dom.child(s, "text")));
        if (code.isEmpty() && label.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Reimbursed(c, code, label, date, end, quantity, group));
    }

    private static Optional<ClinicalTime> dispensed(Element supply) {
        if (supply == null) {
            return Optional.empty();
        }
        return Dom.attr(Dom.path(supply, "performer", "time"), "value").flatMap(Entries::time)
                .or(() -> Entries.start(Dom.child(supply, "effectiveTime")));
    }
}
