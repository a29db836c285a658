package fr.opendmp.cda.build;

import fr.opendmp.cda.Fixtures;
import fr.opendmp.core.document.Code;
import java.time.LocalDate;

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
}
