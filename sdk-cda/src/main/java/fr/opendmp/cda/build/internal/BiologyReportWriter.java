package fr.opendmp.cda.build.internal;

import fr.opendmp.cda.InstanceId;
import fr.opendmp.cda.build.BiologyReport;
import fr.opendmp.cda.build.BiologyResult;
import fr.opendmp.cda.build.CdaBuildException;
import fr.opendmp.cda.build.DocumentHeader;
import fr.opendmp.core.code.Code;
import fr.opendmp.core.code.CodeSystems;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The CR-BIO 2024.01 body, as the ANS examples: one FR-CR-BIO-Chapitre section per chapter with one
 * sub-section holding one FR-Resultats-examens-de-biologie-medicale entry, then the
 * FR-Document-PDF-copie section.
 */
public final class BiologyReportWriter {

    /** The CR-BIO model templateId root. */
    public static final String TEMPLATE = "1.2.250.1.213.1.1.1.55";
    /** The title the CR-BIO header schematron requires. */
    public static final String TITLE = "Compte rendu d'examens biologiques";

    private BiologyReportWriter() {
    }

    /** @return the CR-BIO model; the documented act is the first chapter */
    public static Model model(BiologyReport r) {
        return new Model(List.of(InstanceId.of("1.3.6.1.4.1.19376.1.3.3"), InstanceId.of(TEMPLATE, "2024.01")),
                Optional.of(Code.of(CodeSystems.LOINC, "11502-2", "CR d'examens biologiques")), Optional.of(TITLE),
                Optional.of(r.results().get(0).chapter()), true);
    }

    /** Checks what the CR-BIO header rules need of the header. */
    public static void check(DocumentHeader h) {
        if (h.title().filter(t -> !t.equals(TITLE)).isPresent()) {
            throw new CdaBuildException(CdaBuildException.Reason.INVALID_VALUE,
                    "a CR de biologie has the title \"" + TITLE + "\": leave the header's title unset");
        }
        if (h.legalAuthenticator().specialty().isEmpty()) {
            throw new CdaBuildException(CdaBuildException.Reason.MISSING_ELEMENT,
                    "a CR de biologie needs the legal authenticator's profession (the encounter's responsible party)");
        }
    }

    /** Writes {@code component/structuredBody}. */
    public static void body(Xml x, BiologyReport r) {
        Map<String, List<BiologyResult>> byChapter = new LinkedHashMap<>();
        for (BiologyResult res : r.results()) {
            byChapter.computeIfAbsent(res.chapter().code(), k -> new ArrayList<>()).add(res);
        }
        x.start("component").start("structuredBody");
        int n = 0;
        for (List<BiologyResult> results : byChapter.values()) {
            Code chapter = results.get(0).chapter();
            Sections.open(x, List.of("1.3.6.1.4.1.19376.1.3.3.2.1", "1.2.250.1.213.1.1.2.70"), chapter.code(),
                    chapter.display(), chapter.display());
            Sections.open(x, List.of("1.3.6.1.4.1.19376.1.3.3.2.2", "1.2.250.1.213.1.1.2.71"), chapter.code(),
                    chapter.display(), chapter.display());
            x.start("text").start("table", "border", "0").start("thead").start("tr");
            for (String th : List.of("Examen", "Résultat", "Unité", "Valeurs de référence", "Interprétation")) {
                x.element("th", th);
            }
            x.end().end().start("tbody");
            int first = n;
            for (BiologyResult res : results) {
                n++;
                x.start("tr");
                x.start("td").start("content", "ID", "res-" + n).text(res.test().display()).end().end();
                x.element("td", res.value().toPlainString());
                x.element("td", res.unit());
                x.element("td", range(res));
                x.element("td", res.interpretation().map(i -> i.code().display()).orElse(""));
                x.end();
            }
            x.end().end().end();
            x.start("entry", "typeCode", "DRIV");
            x.empty("templateId", "root", "1.3.6.1.4.1.19376.1.3.1");
            x.empty("templateId", "root", "1.2.250.1.213.1.1.3.21");
            x.start("act", "classCode", "ACT", "moodCode", "EVN");
            HeaderWriter.code(x, "code", chapter);
            x.empty("statusCode", "code", "completed");
            int i = first;
            for (BiologyResult res : results) {
                i++;
                observation(x, res, "#res-" + i);
            }
            x.end().end();
            Sections.close(x);
            Sections.close(x);
        }
        pdfCopy(x, r.pdfCopy());
        x.end().end();
    }

    private static void observation(Xml x, BiologyResult res, String ref) {
        x.start("entryRelationship", "typeCode", "COMP").start("observation", "classCode", "OBS", "moodCode", "EVN");
        x.empty("templateId", "root", "1.3.6.1.4.1.19376.1.3.1.6");
        x.empty("templateId", "root", "1.2.250.1.213.1.1.3.80");
        x.start("code", "code", res.test().code(), "codeSystem", "2.16.840.1.113883.6.1", "displayName",
                res.test().display(), "codeSystemName", "LOINC");
        x.start("originalText").empty("reference", "value", ref).end();
        x.end();
        x.empty("statusCode", "code", "completed");
        x.empty("effectiveTime", "value", HeaderWriter.ts(res.time()));
        x.empty("value", "value", res.value().toPlainString(), "unit", res.unit().isEmpty() ? null : res.unit())
                .xsiType("PQ");
        res.interpretation().ifPresent(i -> x.code("interpretationCode", i.code()));
        if (res.low().isPresent() || res.high().isPresent()) {
            x.start("referenceRange", "typeCode", "REFV")
                    .start("observationRange", "classCode", "OBS", "moodCode", "EVN.CRT");
            x.start("value").xsiType("IVL_PQ");
            res.low().ifPresent(v -> bound(x, "low", v, res.unit()));
            res.high().ifPresent(v -> bound(x, "high", v, res.unit()));
            x.end();
            x.code("interpretationCode", fr.opendmp.cda.build.Interpretation.NORMAL.code());
            x.end().end();
        }
        x.end().end();
    }

    private static void bound(Xml x, String name, BigDecimal v, String unit) {
        x.empty(name, "value", v.toPlainString(), "unit", unit.isEmpty() ? null : unit);
    }

    private static String range(BiologyResult r) {
        return r.low().map(BigDecimal::toPlainString).orElse("") + " – " + r.high().map(BigDecimal::toPlainString)
                .orElse("");
    }

    private static void pdfCopy(Xml x, byte[] pdf) {
        Sections.open(x, List.of("1.2.250.1.213.1.1.2.243"), "55108-5", "Copie du document", "Copie du document");
        x.start("text").start("table", "border", "0").start("tbody").start("tr").start("td");
        x.start("content", "ID", "doc1").text("Copie PDF du compte rendu").end();
        x.empty("renderMultiMedia", "referencedObject", "doc-1");
        x.end().end().end().end().end();
        x.start("entry").start("organizer", "classCode", "CLUSTER", "moodCode", "EVN");
        x.empty("templateId", "root", "1.2.250.1.213.1.1.3.18");
        x.id("id", x.nextSectionId());
        HeaderWriter.code(x, "code", Code.of(CodeSystems.LOINC, "55107-7", "Document attaché"));
        x.empty("statusCode", "code", "completed");
        x.start("component").start("observation", "classCode", "OBS", "moodCode", "EVN");
        for (String t : List.of("1.3.6.1.4.1.19376.1.5.3.1.4.13", "1.2.250.1.213.1.1.3.48", "1.2.250.1.213.1.1.3.48.18")) {
            x.empty("templateId", "root", t);
        }
        x.id("id", x.nextSectionId());
        HeaderWriter.code(x, "code", Code.of(CodeSystems.LOINC, "69764-9", "Type de document"));
        x.start("text").empty("reference", "value", "#doc1").end();
        x.empty("statusCode", "code", "completed");
        x.empty("effectiveTime", "nullFlavor", "NA");
        x.empty("value", "code", "55108-5", "displayName", "Copie du document", "codeSystem", "2.16.840.1.113883.6.1",
                "codeSystemName", "LOINC").xsiType("CD");
        x.end().end();
        x.start("component").start("observationMedia", "classCode", "OBS", "moodCode", "EVN", "ID", "doc-1");
        x.start("value", "mediaType", "application/pdf", "representation", "B64");
        N1Writer.base64(x, pdf);
        x.end().end().end();
        x.end().end();
        Sections.close(x);
    }
}
