package fr.opendmp.cda.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The vaccination reader on every ANS vaccination example (note and history), and on hostile inputs. */
class VaccinationRecordTest {

    record First(boolean history, int count, String cis, String label, LocalDate date, ChronoUnit precision, int rank,
            String lot) {
    }

    static final Map<String, First> EXPECTED = Map.of(
            "VAC-NOTE_2023.01.xml", new First(false, 1, "68747507", "VACCIN TETANIQUE PASTEUR, suspension injectable"
                    + " en seringue préremplie. Vaccin tétanique adsorbé", LocalDate.of(2009, 9, 28), ChronoUnit.DAYS,
                    2, "4456672"),
            "VAC_2023.01.xml", new First(true, 4, "61077869", "Vaccin antituberculeux", LocalDate.of(1975, 1, 1),
                    ChronoUnit.YEARS, 1, "235421176"));

    static Stream<String> vaccinationExamples() {
        return AnsExamples.names(n -> n.startsWith("VAC")).stream();
    }

    @Test
    void everyVaccinationExampleHasItsExpectation() {
        assertThat(vaccinationExamples().toList()).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
    }

    @ParameterizedTest
    @MethodSource("vaccinationExamples")
    void readsVaccineDateRankLotAndPerformer(String name) {
        First e = EXPECTED.get(name);
        VaccinationRecord vac = VaccinationRecord.read(AnsExamples.read(name));

        assertThat(vac.history()).isEqualTo(e.history());
        assertThat(vac.unreadable()).isEmpty();
        assertThat(vac.vaccinations()).hasSize(e.count());
        Vaccination v = vac.vaccinations().get(0);
        assertThat(v.vaccine().orElseThrow().code()).isEqualTo(e.cis());
        assertThat(v.vaccine().orElseThrow().system()).isEqualTo("urn:oid:1.2.250.1.213.2.3.1");
        assertThat(v.vaccineLabel()).contains(e.label());
        assertThat(v.date().orElseThrow().date()).isEqualTo(e.date());
        assertThat(v.date().orElseThrow().precision()).isEqualTo(e.precision());
        assertThat(v.rank()).contains(e.rank());
        assertThat(v.lot()).contains(e.lot());
        assertThat(v.administered()).isTrue();
        assertThat(v.performer().orElseThrow().professional().idNat()).isEqualTo("801234567897");
        assertThat(v.performer().orElseThrow().professional().familyName()).contains("MULLER");
        assertThat(vac.vaccinations()).allSatisfy(x -> {
            assertThat(x.vaccine()).isPresent();
            assertThat(x.date()).isPresent();
            assertThat(x.lot()).isPresent();
            assertThat(x.rank()).isPresent();
        });
        assertThat(ClinicalContent.read(AnsExamples.read(name))).isEqualTo(vac);
    }

    @Test
    void historyLaterDosesKeepTheirRankAndTime() {
        VaccinationRecord vac = VaccinationRecord.read(AnsExamples.read("VAC_2023.01.xml"));

        assertThat(vac.vaccinations()).extracting(v -> v.rank().orElseThrow()).containsExactly(1, 1, 2, 1);
        assertThat(vac.vaccinations().get(2).date().orElseThrow().start())
                .isEqualTo("2009-09-28T09:49:14+01:00");
    }

    @Test
    void aVaccinationNamingNoVaccineIsListedAndANotGivenOneIsFlagged() {
        String text = AnsExamples.text("VAC_2023.01.xml")
                .replaceFirst("(?s)<code code=\"61077869\".*?</code>", "<code nullFlavor=\"UNK\"/>")
                .replaceFirst("(?s)<name>VACCIN BCG SSI[^<]*</name>", "");
        int last = text.lastIndexOf("negationInd=\"false\"");
        String xml = text.substring(0, last) + "negationInd=\"true\"" + text.substring(last + 19);

        VaccinationRecord vac = VaccinationRecord.read(AnsExamples.parse(xml));

        assertThat(vac.vaccinations()).hasSize(3);
        assertThat(vac.unreadable()).containsExactly(new Unreadable("section 11369-6 > entry 1",
                "a vaccination naming no vaccine (no code, no text)"));
        assertThat(vac.vaccinations().get(2).administered()).isFalse();
        assertThat(vac.vaccinations().get(0).administered()).isTrue();
    }

    @Test
    void aMissingVaccinationSectionIsListed() {
        String xml = AnsExamples.text("VAC-NOTE_2023.01.xml").replace("code=\"11369-6\"", "code=\"99999-9\"");

        VaccinationRecord vac = VaccinationRecord.read(AnsExamples.parse(xml));

        assertThat(vac.vaccinations()).isEmpty();
        assertThat(vac.unreadable()).containsExactly(new Unreadable("section 11369-6", "absent"));
    }

    @Test
    void anotherKindIsATypedError() {
        assertThatThrownBy(() -> VaccinationRecord.read(AnsExamples.read("BIO-CR-BIO_2024.01_TSH_1.xml")))
                .isInstanceOf(ContentKindException.class).hasMessageContaining("11502-2");
    }

    @Test
    void toStringsMaskVaccineDateLotAndPerformer() {
        VaccinationRecord vac = VaccinationRecord.read(AnsExamples.read("VAC-NOTE_2023.01.xml"));
        String printed = vac + " " + vac.vaccinations();

        assertThat(printed).doesNotContain("68747507").doesNotContain("TETANIQUE").doesNotContain("4456672")
                .doesNotContain("2009").doesNotContain("MULLER").contains("vaccinations=1");
    }
}
