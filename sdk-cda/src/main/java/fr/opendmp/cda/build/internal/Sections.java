package fr.opendmp.cda.build.internal;

import fr.opendmp.cda.build.Allergy;
import fr.opendmp.cda.build.Medication;
import fr.opendmp.cda.build.Problem;
import fr.opendmp.core.code.Code;
import fr.opendmp.core.code.CodeSystems;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Writes CDA sections with a narrative block. */
public final class Sections {

    /** The narrative of an empty list. */
    public static final String NOTHING = "Aucun élément renseigné";

    private Sections() {
    }

    /**
     * Opens {@code component/section} with its templateIds, LOINC code and title; the caller writes
     * the {@code text} and sub-sections, then calls {@link #close(Xml)}.
     */
    public static void open(Xml x, List<String> templates, String loinc, String loincDisplay, String title) {
        x.start("component").start("section");
        templates.forEach(t -> x.empty("templateId", "root", t));
        x.id("id", x.nextSectionId());
        HeaderWriter.code(x, "code", Code.of(CodeSystems.LOINC, loinc, loincDisplay));
        x.element("title", title);
    }

    /** Closes a section opened by {@link #open}. */
    public static void close(Xml x) {
        x.end().end();
    }

    /** A whole section whose narrative is written by {@code text}. */
    public static void section(Xml x, List<String> templates, String loinc, String display, String title,
            Consumer<Xml> text) {
        open(x, templates, loinc, display, title);
        x.start("text");
        text.accept(x);
        x.end();
        close(x);
    }

    /** @return a narrative writer for plain paragraphs */
    public static Consumer<Xml> paragraphs(List<String> lines) {
        return x -> {
            if (lines.isEmpty()) {
                x.text(NOTHING);
            }
            lines.forEach(l -> x.element("paragraph", l));
        };
    }

    /** @return a narrative table of problems */
    public static Consumer<Xml> problems(List<Problem> items) {
        return table(List.of("Libellé", "Code", "Début", "Fin"), items.stream().map(p -> List.of(p.label(),
                code(p.code()), date(p.start()), date(p.end()))).toList());
    }

    /** @return a narrative table of allergies */
    public static Consumer<Xml> allergies(List<Allergy> items) {
        return table(List.of("Agent", "Code", "Réaction"), items.stream().map(a -> List.of(a.agent(),
                code(a.code()), a.reaction().orElse(""))).toList());
    }

    /** @return a narrative table of medications */
    public static Consumer<Xml> medications(List<Medication> items) {
        return table(List.of("Traitement", "Code", "Posologie"), items.stream().map(m -> List.of(m.name(),
                code(m.code()), m.dosage())).toList());
    }

    private static Consumer<Xml> table(List<String> head, List<List<String>> rows) {
        return x -> {
            if (rows.isEmpty()) {
                x.text(NOTHING);
                return;
            }
            x.start("table", "border", "0").start("thead").start("tr");
            head.forEach(h -> x.element("th", h));
            x.end().end().start("tbody");
            for (List<String> row : rows) {
                x.start("tr");
                row.forEach(c -> x.element("td", c));
                x.end();
            }
            x.end().end();
        };
    }

    private static String code(Optional<Code> c) {
        return c.map(v -> v.display().isEmpty() ? v.code() : v.code() + " (" + v.display() + ")").orElse("");
    }

    private static String date(Optional<LocalDate> d) {
        return d.map(LocalDate::toString).orElse("");
    }
}
