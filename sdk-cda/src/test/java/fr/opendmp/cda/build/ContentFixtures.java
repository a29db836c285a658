package fr.opendmp.cda.build;

import fr.opendmp.cda.Fixtures;
import fr.opendmp.core.code.Code;
import fr.opendmp.core.code.CodeSystems;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** The vaccination note and biology report the builder tests and the validation tests share. */
public final class ContentFixtures {

    /** The CIS code of the ANS example's tetanus vaccine. */
    public static final Code TETANUS = Code.of(VaccinationNote.CIS, "68747507",
            "VACCIN TETANIQUE PASTEUR, suspension injectable en seringue préremplie");
    /** Its ATC code. */
    public static final Code TETANUS_ATC = Code.of(VaccinationNote.ATC, "J07AM01", "Anatoxine tétanique");

    private ContentFixtures() {
    }

    /** @return a note: tetanus, 2 May 2024, lot 4456672, second dose, given by the GP */
    public static VaccinationNote note() {
        return VaccinationNote.builder().vaccine(TETANUS).atc(TETANUS_ATC).date(LocalDate.of(2024, 5, 2))
                .lot("4456672").rank(2).series(VaccinationNote.Series.BOOSTER).performer(Fixtures.gp()).build();
    }

    /** @return the note as a CDA document */
    public static byte[] noteDocument() {
        return CdaDocuments.vaccinationNote(Fixtures.header().build(), note()).toBytes();
    }

    /** The Biochimie chapter. */
    public static final Code BIOCHIMIE = Code.of(CodeSystems.LOINC, "18719-5", "Biochimie");
    /** The Hématologie chapter. */
    public static final Code HEMATOLOGIE = Code.of(CodeSystems.LOINC, "18723-7", "Hématologie");
    /** TSH. */
    public static final Code TSH = Code.of(CodeSystems.LOINC, "3016-3", "Thyréostimuline [Unités arbitraires/Volume] Sérum/Plasma ; Numérique");
    /** Free T4. */
    public static final Code T4 = Code.of(CodeSystems.LOINC, "3024-7", "Thyroxine libre [Masse/Volume] Sérum/Plasma ; Numérique");
    /** Haemoglobin. */
    public static final Code HB = Code.of(CodeSystems.LOINC, "718-7", "Hémoglobine [Masse/Volume] Sang ; Numérique");
    /** When the results were validated. */
    public static final OffsetDateTime VALIDATED = OffsetDateTime.parse("2024-05-02T09:30:00+02:00");

    /** @return TSH normal, free T4 low (Biochimie), haemoglobin without range (Hématologie), with a PDF copy */
    public static fr.opendmp.cda.build.BiologyReport biology() {
        return fr.opendmp.cda.build.BiologyReport.builder()
                .result(BiologyResult.of(BIOCHIMIE, TSH, new BigDecimal("1.950"), "m[IU]/L", VALIDATED)
                        .withRange(new BigDecimal("0.270"), new BigDecimal("4.200"))
                        .withInterpretation(Interpretation.NORMAL))
                .result(BiologyResult.of(BIOCHIMIE, T4, new BigDecimal("7.67"), "pg/mL", VALIDATED)
                        .withRange(new BigDecimal("9.30"), new BigDecimal("17.00"))
                        .withInterpretation(Interpretation.LOW))
                .result(BiologyResult.of(HEMATOLOGIE, HB, new BigDecimal("13.2"), "g/dL", VALIDATED))
                .pdfCopy(Fixtures.pdf()).build();
    }

    /** @return the biology report as a CDA document */
    public static byte[] biologyDocument() {
        return CdaDocuments.biologyReport(Fixtures.header().build(), biology()).toBytes();
    }
}
