package fr.opendmp.cda.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opendmp.cda.Fixtures;
import fr.opendmp.cda.build.CdaDocuments;
import fr.opendmp.cda.build.Problem;
import fr.opendmp.cda.build.Vsm;
import fr.opendmp.cda.read.CdaReader;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The VSM reader on every ANS VSM example, and on hostile inputs. */
class MedicalSummaryTest {

    static Stream<String> vsmExamples() {
        return AnsExamples.names(n -> n.startsWith("VSM")).stream();
    }

    @ParameterizedTest
    @MethodSource("vsmExamples")
    void readsProblemsHistoryAllergiesAndTreatmentsWithTheirCodes(String name) {
        MedicalSummary vsm = MedicalSummary.read(AnsExamples.read(name));

        assertThat(vsm.unreadable()).isEmpty();
        assertThat(vsm.activeProblems()).hasSize(2);
        Condition tia = vsm.activeProblems().get(0);
        assertThat(tia.code().orElseThrow().code()).isEqualTo("G45.9");
        assertThat(tia.code().orElseThrow().system()).isEqualTo("urn:oid:2.16.840.1.113883.6.3");
        assertThat(tia.label()).contains("Accident ischémique cérébral transitoire");
        assertThat(tia.start().orElseThrow().date()).isEqualTo(LocalDate.of(2019, 8, 11));
        assertThat(tia.start().orElseThrow().precision()).isEqualTo(ChronoUnit.DAYS);
        assertThat(tia.end()).isEmpty();
        assertThat(tia.status()).contains("active");
        assertThat(vsm.activeProblems().get(1).code().orElseThrow().code()).isEqualTo("I20.0");

        assertThat(vsm.medicalHistory()).hasSize(2);
        Condition pyelo = vsm.medicalHistory().get(0);
        assertThat(pyelo.code().orElseThrow().code()).isEqualTo("N10");
        assertThat(pyelo.end().orElseThrow().date()).isEqualTo(LocalDate.of(2018, 4, 30));

        assertThat(vsm.surgicalHistory()).singleElement().satisfies(p -> {
            assertThat(p.code().orElseThrow().code()).isEqualTo("DDAF004");
            assertThat(p.date().orElseThrow().date()).isEqualTo(LocalDate.of(2018, 1, 14));
        });
        assertThat(vsm.allergies()).singleElement().satisfies(a -> {
            assertThat(a.agent().orElseThrow().code()).isEqualTo("60234100");
            assertThat(a.agentLabel()).contains("Paracétamol");
            assertThat(a.type().orElseThrow().code()).isEqualTo("416098002");
            assertThat(a.start().orElseThrow().date()).isEqualTo(LocalDate.of(2018, 6, 3));
        });
        assertThat(vsm.treatments()).hasSize(2);
        Treatment plavix = vsm.treatments().get(0);
        assertThat(plavix.product().orElseThrow().code()).isEqualTo("63564053");
        assertThat(plavix.label()).contains("PLAVIX 75mg, comprimé pelliculé");
        assertThat(plavix.start().orElseThrow().date()).isEqualTo(LocalDate.of(2019, 8, 11));
        assertThat(plavix.end()).isEmpty();
        assertThat(ClinicalContent.read(AnsExamples.read(name))).isEqualTo(vsm);
    }

    @Test
    void aMissingSectionAndAnEntryWithoutCodeOrTextAreListed() {
        String xml = AnsExamples.text("VSM_1.4_2022.01.xml").replace("code=\"48765-2\"", "code=\"99999-9\"")
                .replace("code=\"G45.9\"", "nullFlavor=\"UNK\"").replace("#pb-actif-01", "#nowhere")
                .replace("codeSystem=\"2.16.840.1.113883.6.3\" codeSystemName=\"CIM10\" displayName=\"Accident",
                        "codeSystemName=\"CIM10\" title=\"Accident");

        MedicalSummary vsm = MedicalSummary.read(AnsExamples.parse(xml));

        assertThat(vsm.allergies()).isEmpty();
        assertThat(vsm.unreadable()).contains(new Unreadable("section 48765-2", "absent"));
        assertThat(vsm.activeProblems()).hasSizeLessThanOrEqualTo(2);
        assertThat(vsm.activeProblems().size() + vsm.unreadable().size()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void anUnexpectedStatementIsListedWithItsPlace() {
        String xml = AnsExamples.text("VSM_1.4_2022.01.xml").replaceFirst("<procedure classCode=\"PROC\"",
                "<procedure classCode=\"PROC\"").replaceFirst("(?s)<procedure (.*?)</procedure>",
                        "<encounter classCode=\"ENC\" moodCode=\"EVN\"/>");

        MedicalSummary vsm = MedicalSummary.read(AnsExamples.parse(xml));

        assertThat(vsm.surgicalHistory()).isEmpty();
        assertThat(vsm.unreadable()).containsExactly(new Unreadable("section 47519-4 > entry 1",
                "a encounter where a procedure is expected"));
    }

    @Test
    void theSdksOwnNarrativeOnlyVsmIsReadAsNarrativeOnlyNotAsEmpty() {
        byte[] built = CdaDocuments.vsm(Fixtures.header().build(), Vsm.builder().activeProblem(Problem.of("HTA"))
                .build()).toBytes();

        MedicalSummary vsm = MedicalSummary.read(CdaReader.read(built));

        assertThat(vsm.activeProblems()).isEmpty();
        assertThat(vsm.unreadable()).containsExactly(new Unreadable("section 11450-4",
                "narrative only: no coded entry to read"));
    }

    @Test
    void anotherKindIsATypedError() {
        assertThatThrownBy(() -> MedicalSummary.read(AnsExamples.read("VAC-NOTE_2023.01.xml")))
                .isInstanceOf(ContentKindException.class).hasMessageContaining("87273-9");
    }

    @Test
    void toStringsShowCountsNeverProblemsOrDrugs() {
        MedicalSummary vsm = MedicalSummary.read(AnsExamples.read("VSM_1.4_2022.01.xml"));
        String printed = vsm + " " + vsm.activeProblems() + vsm.medicalHistory() + vsm.surgicalHistory()
                + vsm.allergies() + vsm.treatments();

        assertThat(printed).doesNotContain("G45").doesNotContain("Accident").doesNotContain("DDAF004")
                .doesNotContain("60234100").doesNotContain("PLAVIX").doesNotContain("2019").doesNotContain("416098002")
                .contains("activeProblems=2").contains("treatments=2");
    }
}
