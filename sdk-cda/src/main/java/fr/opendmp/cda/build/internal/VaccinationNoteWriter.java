package fr.opendmp.cda.build.internal;

import fr.opendmp.cda.InstanceId;
import fr.opendmp.cda.build.CdaBuildException;
import fr.opendmp.cda.build.DocumentHeader;
import fr.opendmp.core.party.Professional;
import fr.opendmp.cda.build.VaccinationNote;
import fr.opendmp.core.code.Code;
import fr.opendmp.core.code.CodeSystems;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/** The VAC-NOTE 2023.01 body: one FR-Vaccinations section with one FR-Vaccination entry, as the ANS example. */
public final class VaccinationNoteWriter {

    /** The VAC-NOTE model templateId root. */
    public static final String TEMPLATE = "1.2.250.1.213.1.1.1.46";
    /** The IHE PCC Immunization Content templateId. */
    public static final String IHE_IC = "1.3.6.1.4.1.19376.1.5.3.1.1.18.1.2";

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private VaccinationNoteWriter() {
    }

    /** @return the VAC-NOTE model */
    public static Model model() {
        Code type = Code.of(CodeSystems.LOINC, "87273-9", "Note de vaccination");
        return new Model(List.of(InstanceId.of(IHE_IC), InstanceId.of(TEMPLATE, "2023.01")), Optional.of(type),
                Optional.of("Note de vaccination"), Optional.of(type));
    }

    /**
     * Checks what the schematron needs of the header: the entry's author is the header's first
     * author, whose profession (with its display name) is required.
     */
    public static void check(DocumentHeader h) {
        if (h.authors().get(0).specialty().filter(c -> !c.display().isBlank()).isEmpty()) {
            throw new CdaBuildException(CdaBuildException.Reason.MISSING_ELEMENT,
                    "a note de vaccination needs the author's profession (specialty) with its display name");
        }
    }

    /** Writes {@code component/structuredBody}. */
    public static void body(Xml x, DocumentHeader h, VaccinationNote n) {
        x.start("component").start("structuredBody");
        Sections.open(x, List.of("2.16.840.1.113883.10.20.1.6", "1.3.6.1.4.1.19376.1.5.3.1.3.23",
                "1.2.250.1.213.1.1.2.147"), "11369-6", "Historique des vaccinations", "Note de vaccination");
        x.start("text").start("table", "border", "0").start("thead").start("tr");
        for (String th : List.of("Vaccin", "Date", "Rang", "Lot")) {
            x.element("th", th);
        }
        x.end().end().start("tbody").start("tr");
        x.start("td").start("content", "ID", "vac-1").text(n.vaccine().display()).end().end();
        x.element("td", n.date().toString());
        x.element("td", n.rank().map(String::valueOf).orElse(""));
        x.element("td", n.lot());
        x.end().end().end().end();
        x.start("entry").start("substanceAdministration", "classCode", "SBADM", "moodCode", "EVN", "negationInd",
                "false");
        for (String t : List.of("2.16.840.1.113883.10.20.1.24", "1.3.6.1.4.1.19376.1.5.3.1.4.12",
                "1.2.250.1.213.1.1.3.45")) {
            x.empty("templateId", "root", t);
        }
        x.id("id", x.nextSectionId());
        x.code("code", n.series().code());
        x.start("text").empty("reference", "value", "#vac-1").end();
        x.empty("statusCode", "code", "completed");
        x.empty("effectiveTime", "value", DAY.format(n.date()));
        x.start("consumable", "typeCode", "CSM").start("manufacturedProduct");
        for (String t : List.of("2.16.840.1.113883.10.20.1.53", "1.3.6.1.4.1.19376.1.5.3.1.4.7.2",
                "1.2.250.1.213.1.1.3.43")) {
            x.empty("templateId", "root", t);
        }
        x.start("manufacturedMaterial");
        Code cis = n.vaccine();
        x.start("code", "code", cis.code(), "codeSystem", "1.2.250.1.213.2.3.1", "displayName", cis.display(),
                "codeSystemName", "CIS");
        x.start("originalText").empty("reference", "value", "#vac-1").end();
        x.code("translation", n.atc(), "codeSystemName", "ATC");
        x.end();
        x.element("lotNumberText", n.lot());
        x.end().end().end();
        n.performer().ifPresent(p -> {
            x.start("performer", "typeCode", "PRF").start("assignedEntity");
            HeaderWriter.entity(x, p, "assignedPerson");
            x.end().end();
        });
        Professional author = h.authors().get(0);
        x.start("author").empty("time", "value", HeaderWriter.ts(h.effectiveTime())).start("assignedAuthor");
        HeaderWriter.entity(x, author, "assignedPerson");
        x.end().end();
        n.rank().ifPresent(r -> {
            x.start("entryRelationship", "typeCode", "SUBJ").start("observation", "classCode", "OBS", "moodCode",
                    "EVN");
            x.empty("templateId", "root", "2.16.840.1.113883.10.20.1.46");
            x.empty("templateId", "root", "1.2.250.1.213.1.1.3.82");
            HeaderWriter.code(x, "code", Code.of(CodeSystems.LOINC, "30973-2", "Rang de la vaccination"));
            x.empty("statusCode", "code", "completed");
            x.empty("value", "value", String.valueOf(r)).xsiType("INT");
            x.end().end();
        });
        x.end().end();
        Sections.close(x);
        x.end().end();
    }
}
