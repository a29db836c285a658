package fr.opendmp.cda.content.internal;

import fr.opendmp.cda.content.Unreadable;
import fr.opendmp.cda.read.internal.Dom;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.w3c.dom.Element;

/** Walks the entries of a coded section, reporting absent, narrative-only or empty ones. */
final class Sectioned {

    private Sectioned() {
    }

    /**
     * Calls {@code each} with a location and the clinical statement of every entry of the first
     * section with this code.
     *
     * @param required whether an absent section is reported
     */
    static void each(Element root, String sectionCode, boolean required, List<Unreadable> bad,
            BiConsumer<String, Element> each) {
        Optional<Element> section = Entries.section(root, sectionCode);
        String where = "section " + sectionCode;
        if (section.isEmpty()) {
            if (required) {
                bad.add(new Unreadable(where, "absent"));
            }
            return;
        }
        entries(section.get(), where, bad, each);
    }

    /** Same, for a section already found. */
    static void entries(Element section, String where, List<Unreadable> bad, BiConsumer<String, Element> each) {
        List<Element> entries = Dom.children(section, "entry");
        if (entries.isEmpty() && hasNarrative(section)) {
            bad.add(new Unreadable(where, "narrative only: no coded entry to read"));
        }
        for (int i = 0; i < entries.size(); i++) {
            String at = where + " > entry " + (i + 1);
            Optional<Element> stmt = Entries.statement(entries.get(i));
            if (stmt.isEmpty()) {
                bad.add(new Unreadable(at, "an entry without a clinical statement"));
            } else {
                each.accept(at, stmt.get());
            }
        }
    }

    /** @return whether the section's text says more than "nothing recorded" */
    static boolean hasNarrative(Element section) {
        Optional<String> t = Dom.text(Dom.child(section, "text")).map(Entries::collapse);
        return t.isPresent() && !t.get().equalsIgnoreCase("Aucun élément renseigné") && !t.get().startsWith("Aucun");
    }
}
