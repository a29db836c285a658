package fr.opendmp.cda.content.internal;

import fr.opendmp.cda.content.Unreadable;
import fr.opendmp.cda.content.Vaccination;
import fr.opendmp.cda.content.VaccinationRecord;
import fr.opendmp.cda.read.internal.Dom;
import fr.opendmp.core.code.Code;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;

/** Reads the FR-Vaccinations section (LOINC 11369-6) of a VAC-NOTE or VAC document. */
public final class VaccinationParser {

    /** The vaccinations section code. */
    public static final String SECTION = "11369-6";
    /** LOINC code of the FR-Rang-de-la-vaccination observation. */
    public static final String RANK = "30973-2";

    private VaccinationParser() {
    }

    /** @return the vaccinations of a VAC-NOTE or VAC root element */
    public static VaccinationRecord parse(Element root, Entries x, boolean history) {
        List<Vaccination> out = new ArrayList<>();
        List<Unreadable> bad = new ArrayList<>();
        Sectioned.each(root, SECTION, true, bad, (where, stmt) -> vaccination(x, where, stmt, out, bad));
        return new VaccinationRecord(history, out, bad);
    }

    private static void vaccination(Entries x, String where, Element sa, List<Vaccination> out,
            List<Unreadable> bad) {
        if (!"substanceAdministration".equals(sa.getLocalName())) {
            bad.add(new Unreadable(where, "a " + sa.getLocalName() + " where a vaccination (substanceAdministration)"
                    + " is expected"));
            return;
        }
        Element material = Dom.path(sa, "consumable", "manufacturedProduct", "manufacturedMaterial");
        Element c = Dom.child(material, "code");
        Optional<Code> vaccine = Entries.code(c);
        Optional<String> label = x.label(c).or(() -> Dom.text(Dom.child(material, "name")).map(Entries::collapse));
        if (vaccine.isEmpty() && label.isEmpty()) {
            bad.add(new Unreadable(where, "a vaccination naming no vaccine (no code, no text)"));
            return;
        }
        Optional<Integer> rank = Optional.empty();
        for (Element rel : Dom.children(sa, "entryRelationship")) {
            Optional<Element> o = Entries.statement(rel);
            if (o.isPresent() && "observation".equals(o.get().getLocalName())
                    && Dom.attr(Dom.child(o.get(), "code"), "code").filter(RANK::equals).isPresent()) {
                Optional<String> v = Dom.attr(Dom.child(o.get(), "value"), "value");
                try {
                    rank = v.map(Integer::valueOf);
                } catch (NumberFormatException e) {
                    bad.add(new Unreadable(where + " > rank", "not an integer"));
                }
            }
        }
        boolean administered = !"true".equals(sa.getAttribute("negationInd"));
        out.add(new Vaccination(vaccine, label, Entries.start(Dom.child(sa, "effectiveTime")), rank,
                Dom.text(Dom.child(material, "lotNumberText")), Entries.person(Dom.child(sa, "performer"),
                        "assignedEntity"), administered));
    }
}
