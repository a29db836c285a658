package fr.opendmp.cda.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opendmp.core.code.CodeSystems;
import fr.opendmp.core.error.InvalidInputException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The biology reader on every structured ANS CR-BIO example, and on hostile inputs. */
class LabReportTest {

    /** Expected per example: result count, first test code, first value kind. */
    record Expected(int count, String firstCode, Class<? extends ResultValue> firstKind) {
    }

    static final Map<String, Expected> EXPECTED = Map.ofEntries(
            Map.entry("BIO-CR-BIO_2021.01_CR-2nde-intention.xml", new Expected(1, "6301-6", ResultValue.Measured.class)),
            Map.entry("BIO-CR-BIO_2021.01_Electrophorese.xml", new Expected(44, "2885-2", ResultValue.Measured.class)),
            Map.entry("BIO-CR-BIO_2021.01_Microbiologie_V1.xml", new Expected(14, "5778-6", ResultValue.Coded.class)),
            Map.entry("BIO-CR-BIO_2021.01_Microbiologie_V2.xml", new Expected(14, "5778-6", ResultValue.Coded.class)),
            Map.entry("BIO-CR-BIO_2023.01_Electrophorese.xml", new Expected(44, "2885-2", ResultValue.Measured.class)),
            Map.entry("BIO-CR-BIO_2024.01_CR-2nde-intention-PDF.xml",
                    new Expected(1, "6301-6", ResultValue.Measured.class)),
            Map.entry("BIO-CR-BIO_2024.01_CRP_non_LOINC.xml", new Expected(1, "1234", ResultValue.Interval.class)),
            Map.entry("BIO-CR-BIO_2024.01_DEP-CCU-HPV-structuré-CYTO-pdf.xml.xml",
                    new Expected(1, "77379-6", ResultValue.Coded.class)),
            Map.entry("BIO-CR-BIO_2024.01_DEP-CCU-tout-structuré.xml",
                    new Expected(2, "77379-6", ResultValue.Coded.class)),
            Map.entry("BIO-CR-BIO_2024.01_Electrophorese.xml", new Expected(44, "2885-2", ResultValue.Measured.class)),
            Map.entry("BIO-CR-BIO_2024.01_Glycémie deux unités principales_mole_masse.xml",
                    new Expected(2, "40193-5", ResultValue.Measured.class)),
            Map.entry("BIO-CR-BIO_2024.01_Glycémie mole.xml", new Expected(1, "40193-5", ResultValue.Measured.class)),
            Map.entry("BIO-CR-BIO_2024.01_Microbiologie_V1.xml", new Expected(14, "5778-6", ResultValue.Coded.class)),
            Map.entry("BIO-CR-BIO_2024.01_Microbiologie_V2.xml", new Expected(14, "5778-6", ResultValue.Coded.class)),
            Map.entry("BIO-CR-BIO_2024.01_TSH_1.xml", new Expected(2, "3016-3", ResultValue.Measured.class)),
            Map.entry("BIO-CR-BIO_2024.01_TSH_2.xml", new Expected(2, "29575-8", ResultValue.Measured.class)));

    static Stream<String> structuredBiologyExamples() {
        return AnsExamples.names(n -> n.startsWith("BIO-CR-BIO") && !AnsExamples.isN1(n)).stream();
    }

    @Test
    void everyStructuredBiologyExampleHasItsExpectation() {
        assertThat(structuredBiologyExamples().toList()).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
    }

    @ParameterizedTest
    @MethodSource("structuredBiologyExamples")
    void readsEveryResultOfEveryAnsExample(String name) {
        Expected e = EXPECTED.get(name);
        LabReport lab = LabReport.read(AnsExamples.read(name));

        assertThat(lab.results()).hasSize(e.count());
        assertThat(lab.unreadable()).isEmpty();
        LabResult first = lab.results().get(0);
        assertThat(first.test()).hasValueSatisfying(c -> assertThat(c.code()).isEqualTo(e.firstCode()));
        assertThat(first.value()).isInstanceOf(e.firstKind());
        assertThat(first.time()).isPresent();
        assertThat(first.label()).isPresent();
        assertThat(lab.results()).allSatisfy(r -> assertThat(r.test().isPresent() || r.label().isPresent()).isTrue());
        assertThat(ClinicalContent.read(AnsExamples.read(name))).isEqualTo(lab);
    }

    @Test
    void tshResultHasLoincValueUnitRangeInterpretationAndDate() {
        LabReport lab = LabReport.read(AnsExamples.read("BIO-CR-BIO_2024.01_TSH_1.xml"));

        LabResult tsh = lab.results().get(0);
        assertThat(tsh.loinc()).contains("3016-3");
        assertThat(tsh.test().orElseThrow().system()).isEqualTo(CodeSystems.LOINC);
        assertThat(tsh.value()).isEqualTo(new ResultValue.Measured(new Quantity(new BigDecimal("1.950"), "m[IU]/L")));
        assertThat(tsh.unit()).contains("m[IU]/L");
        assertThat(tsh.referenceRange()).contains(new ReferenceRange(
                java.util.Optional.of(new Quantity(new BigDecimal("0.270"), "m[IU]/L")),
                java.util.Optional.of(new Quantity(new BigDecimal("4.200"), "m[IU]/L")), java.util.Optional.empty()));
        assertThat(tsh.interpretation().orElseThrow().code()).isEqualTo("N");
        assertThat(tsh.time().orElseThrow().start()).isEqualTo("2014-04-02T14:55:21+02:00");
        assertThat(tsh.specialty().orElseThrow().code()).isEqualTo("18719-5");
        LabResult t4 = lab.results().get(1);
        assertThat(t4.loinc()).contains("3024-7");
        assertThat(t4.interpretation().orElseThrow().code()).isEqualTo("L");
    }

    @Test
    void aLocalCodeIsKeptButIsNotLoincAndALessThanValueIsAnInterval() {
        LabResult crp = LabReport.read(AnsExamples.read("BIO-CR-BIO_2024.01_CRP_non_LOINC.xml")).results().get(0);

        assertThat(crp.loinc()).isEmpty();
        assertThat(crp.test().orElseThrow().system()).isEqualTo("urn:oid:1.2.250.1.2.3.4");
        assertThat(crp.label()).contains("CRP");
        assertThat(crp.value()).isEqualTo(new ResultValue.Interval(java.util.Optional.empty(),
                java.util.Optional.of(new Quantity(new BigDecimal("1.0"), "mg/L"))));
    }

    @Test
    void aCodedValueWithOnlyTextIsReadThroughTheNarrative() {
        LabResult colour = LabReport.read(AnsExamples.read("BIO-CR-BIO_2024.01_Microbiologie_V1.xml")).results()
                .get(0);

        assertThat(colour.label()).contains("Couleur");
        assertThat(colour.value()).isInstanceOfSatisfying(ResultValue.Coded.class, c -> {
            assertThat(c.code()).isEmpty();
            assertThat(c.label()).isPresent();
        });
        assertThat(colour.time().orElseThrow().date()).isEqualTo(LocalDate.of(2024, 1, 4));
    }

    @Test
    void anUnknownValueTypeIsListedAsUnreadableNotThrown() {
        String xml = AnsExamples.text("BIO-CR-BIO_2024.01_TSH_1.xml").replaceFirst("xsi:type=\"PQ\"",
                "xsi:type=\"RTO_PQ_PQ\"");

        LabReport lab = LabReport.read(AnsExamples.parse(xml));

        assertThat(lab.results()).hasSize(1);
        assertThat(lab.unreadable()).singleElement().satisfies(u -> {
            assertThat(u.where()).startsWith("section 18719-5 > entry 1 > observation 1");
            assertThat(u.why()).contains("RTO_PQ_PQ");
        });
    }

    @Test
    void aMissingValueIsListed() {
        String xml = AnsExamples.text("BIO-CR-BIO_2024.01_TSH_1.xml")
                .replaceFirst("<value xsi:type=\"PQ\" value=\"1.950\"[^>]*>", "");

        LabReport lab = LabReport.read(AnsExamples.parse(xml));

        assertThat(lab.results()).hasSize(1);
        assertThat(lab.unreadable()).extracting(Unreadable::why).containsExactly("no value");
    }

    @Test
    void aReportWithoutLaboratoryEntriesSaysSo() {
        String xml = AnsExamples.text("BIO-CR-BIO_2024.01_TSH_1.xml").replace("1.3.6.1.4.1.19376.1.3.1\"",
                "1.3.6.1.4.1.19376.1.3.999\"");

        LabReport lab = LabReport.read(AnsExamples.parse(xml));

        assertThat(lab.results()).isEmpty();
        assertThat(lab.unreadable()).extracting(Unreadable::why).anyMatch(w -> w.startsWith("no laboratory entry"));
    }

    @Test
    void anotherKindOfDocumentIsATypedErrorOfTheOneRoot() {
        assertThatThrownBy(() -> LabReport.read(AnsExamples.read("VSM_1.4_2022.01.xml")))
                .isInstanceOf(ContentKindException.class).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("SYNTH");
        assertThatThrownBy(() -> LabReport.read(AnsExamples.read("BIO-CR-BIO_2021.01_CDA-R2-Niveau-1.xml")))
                .isInstanceOfSatisfying(ContentKindException.class, e -> assertThat(e.actual()).isEqualTo("11502-2, N1"));
    }

    @Test
    void toStringsMaskResultsAndShowCounts() {
        LabReport lab = LabReport.read(AnsExamples.read("BIO-CR-BIO_2024.01_TSH_1.xml"));
        LabResult r = lab.results().get(0);
        String printed = lab + " " + r + " " + r.value() + " " + r.referenceRange().orElseThrow() + " "
                + r.time().orElseThrow() + " " + List.of(new ResultValue.Text("VIH positif"),
                        new ResultValue.Coded(java.util.Optional.empty(), java.util.Optional.of("E. coli")));

        assertThat(printed).doesNotContain("1.950").doesNotContain("3016-3").doesNotContain("IU")
                .doesNotContain("0.270").doesNotContain("2014").doesNotContain("VIH").doesNotContain("coli")
                .contains("results=2");
    }
}
