package fr.opendmp.cda.content.internal;

import fr.opendmp.cda.content.ImagingReport;
import fr.opendmp.cda.content.ImagingStudy;
import fr.opendmp.cda.content.Unreadable;
import fr.opendmp.cda.read.internal.Dom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;

/** Reads the DICOM object catalogues (DICOM Part 20) of a CR d'imagerie. */
public final class ImagingParser {

    /** The DCM code of the DICOM object catalogue section. */
    static final String CATALOG = "121181";

    private ImagingParser() {
    }

    /** @return the study references of a CR-IMG root element */
    public static ImagingReport parse(Element root, Entries x) {
        List<ImagingStudy> studies = new ArrayList<>();
        List<Unreadable> bad = new ArrayList<>();
        List<Element> catalogs = Entries.allSections(root).stream()
                .filter(s -> CATALOG.equals(Entries.sectionCode(s))).toList();
        if (catalogs.isEmpty()) {
            bad.add(new Unreadable("section " + CATALOG, "absent: no study reference"));
        }
        for (Element catalog : catalogs) {
            Sectioned.entries(catalog, "section " + CATALOG, bad, (where, stmt) -> {
                Optional<String> uid = uid(stmt);
                if (!"act".equals(stmt.getLocalName()) || uid.isEmpty()) {
                    bad.add(new Unreadable(where, "not a study act with a Study Instance UID"));
                    return;
                }
                List<ImagingStudy.Series> series = new ArrayList<>();
                int n = 0;
                for (Element se : related(stmt, "act")) {
                    n++;
                    Optional<String> seriesUid = uid(se);
                    if (seriesUid.isEmpty()) {
                        bad.add(new Unreadable(where + " > series " + n, "no Series Instance UID"));
                        continue;
                    }
                    List<ImagingStudy.Instance> instances = new ArrayList<>();
                    String at = where + " > series " + n;
                    for (Element o : related(se, "observation")) {
                        uid(o).ifPresentOrElse(u -> instances.add(new ImagingStudy.Instance(u,
                                Entries.code(Dom.child(o, "code")), address(o))),
                                () -> bad.add(new Unreadable(at, "an instance without SOP Instance UID")));
                    }
                    series.add(new ImagingStudy.Series(seriesUid.get(),
                            Entries.code(Dom.path(se, "code", "qualifier", "value")), Optional.empty(),
                            Optional.empty(), instances));
                }
                studies.add(new ImagingStudy(uid.get(), Entries.start(Dom.child(stmt, "effectiveTime")), series));
            });
        }
        return new ImagingReport(studies, bad);
    }

    private static List<Element> related(Element e, String name) {
        return Dom.children(e, "entryRelationship").stream().flatMap(r -> Entries.statement(r).stream())
                .filter(s -> name.equals(s.getLocalName())).toList();
    }

    private static Optional<String> uid(Element e) {
        return Dom.attr(Dom.child(e, "id"), "root").filter(r -> r.matches("[0-9.]+"));
    }

    private static Optional<String> address(Element observation) {
        return Dom.attr(Dom.path(observation, "text", "reference"), "value").filter(v -> !v.startsWith("#"))
                .map(v -> v.replaceAll("\\s+", ""));
    }
}
