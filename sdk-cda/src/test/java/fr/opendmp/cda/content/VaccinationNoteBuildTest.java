package fr.opendmp.cda.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opendmp.cda.Fixtures;
import fr.opendmp.cda.build.CdaBuildException;
import fr.opendmp.cda.build.CdaDocuments;
import fr.opendmp.cda.build.ContentFixtures;
import fr.opendmp.core.party.Professional;
import fr.opendmp.cda.build.VaccinationNote;
import fr.opendmp.cda.read.CdaReader;
import fr.opendmp.core.code.Code;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/**
 * The note de vaccination builder: what it writes reads back through {@link VaccinationRecord} to the
 * same values (its ANS validation is in {@code AnsValidationTest}); what it refuses.
 */
class VaccinationNoteBuildTest {

    @Test
    void theBuiltNoteReadsBackToTheSameValues() {
        VaccinationRecord read = VaccinationRecord.read(CdaReader.read(ContentFixtures.noteDocument()));

        assertThat(read.history()).isFalse();
        assertThat(read.unreadable()).isEmpty();
        Vaccination v = read.vaccinations().get(0);
        assertThat(read.vaccinations()).hasSize(1);
        assertThat(v.vaccine()).contains(ContentFixtures.TETANUS);
        assertThat(v.vaccineLabel()).contains(ContentFixtures.TETANUS.display());
        assertThat(v.date().orElseThrow().date()).isEqualTo(LocalDate.of(2024, 5, 2));
        assertThat(v.date().orElseThrow().precision()).isEqualTo(ChronoUnit.DAYS);
        assertThat(v.lot()).contains("4456672");
        assertThat(v.rank()).contains(2);
        assertThat(v.administered()).isTrue();
        assertThat(v.performer().orElseThrow().professional().idNat()).isEqualTo(Fixtures.gp().idNat());
        assertThat(v.performer().orElseThrow().professional().familyName()).contains("MEDIONI");
    }

    @Test
    void withoutRankOrPerformerTheyReadBackEmpty() {
        VaccinationNote note = VaccinationNote.builder().vaccine(ContentFixtures.TETANUS)
                .atc(ContentFixtures.TETANUS_ATC).date(LocalDate.of(2024, 5, 2)).lot("L1").build();

        Vaccination v = VaccinationRecord.read(CdaReader.read(CdaDocuments.vaccinationNote(Fixtures.header().build(),
                note).toBytes())).vaccinations().get(0);

        assertThat(v.rank()).isEmpty();
        assertThat(v.performer()).isEmpty();
        assertThat(note.series()).isEqualTo(VaccinationNote.Series.UNSPECIFIED);
    }

    @Test
    void aSettingGivenTwiceIsRefused() {
        assertThatThrownBy(() -> VaccinationNote.builder().lot("A").lot("B")).isInstanceOf(IllegalStateException.class)
                .hasMessage("lot was already set");
        assertThatThrownBy(() -> VaccinationNote.builder().rank(1).rank(2)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void missingOrMiscodedPartsAreTypedBuildErrors() {
        assertThatThrownBy(() -> VaccinationNote.builder().vaccine(ContentFixtures.TETANUS).build())
                .isInstanceOfSatisfying(CdaBuildException.class,
                        e -> assertThat(e.reason()).isEqualTo(CdaBuildException.Reason.MISSING_ELEMENT));
        assertThatThrownBy(() -> VaccinationNote.builder().vaccine(Code.of(VaccinationNote.CIS, "68747507"))
                .atc(ContentFixtures.TETANUS_ATC).date(LocalDate.now()).lot("L").build())
                .isInstanceOfSatisfying(CdaBuildException.class,
                        e -> assertThat(e.reason()).isEqualTo(CdaBuildException.Reason.INVALID_VALUE));
        assertThatThrownBy(() -> VaccinationNote.builder().vaccine(ContentFixtures.TETANUS)
                .atc(Code.of("urn:oid:2.16.840.1.113883.6.96", "1", "x")).date(LocalDate.now()).lot("L").build())
                .isInstanceOf(CdaBuildException.class);
        assertThatThrownBy(() -> VaccinationNote.builder().vaccine(ContentFixtures.TETANUS)
                .atc(ContentFixtures.TETANUS_ATC).date(LocalDate.now()).lot("L").rank(0).build())
                .isInstanceOf(CdaBuildException.class);
    }

    @Test
    void anAuthorWithoutProfessionIsRefusedBeforeWriting() {
        Professional bare = Professional.of("801234567897", "Stéphane", "MEDIONI");

        assertThatThrownBy(() -> CdaDocuments.vaccinationNote(fr.opendmp.cda.build.DocumentHeader.builder()
                .patient(Fixtures.qualified()).author(bare).custodian(Fixtures.cabinet())
                .practiceSetting(Fixtures.header().build().practiceSetting())
                .facilityType(Fixtures.header().build().facilityType()).build(), ContentFixtures.note()))
                .isInstanceOfSatisfying(CdaBuildException.class,
                        e -> assertThat(e.getMessage()).contains("profession"));
    }

    @Test
    void toStringMasksTheVaccinationAndTheReadRecord() {
        String printed = ContentFixtures.note() + " " + VaccinationRecord.read(CdaReader.read(
                ContentFixtures.noteDocument())).vaccinations();

        assertThat(printed).doesNotContain("68747507").doesNotContain("TETANIQUE").doesNotContain("4456672")
                .doesNotContain("2024").doesNotContain("MEDIONI").contains("BOOSTER");
    }
}
