package fr.opendmp.cda.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The imaging reader on every structured ANS CR-IMG example, and on hostile inputs. */
class ImagingReportTest {

    static Stream<String> imagingExamples() {
        return AnsExamples.names(n -> n.startsWith("IMG_CR_IMG") && !AnsExamples.isN1(n)).stream();
    }

    @Test
    void theStructuredImagingExampleIsThere() {
        assertThat(imagingExamples().toList()).containsExactly("IMG_CR_IMG_2024.01.xml");
    }

    @ParameterizedTest
    @MethodSource("imagingExamples")
    void readsStudySeriesInstancesAndTheAddressAtTheSource(String name) {
        ImagingReport img = ImagingReport.read(AnsExamples.read(name));

        assertThat(img.unreadable()).isEmpty();
        assertThat(img.studies()).hasSize(3);
        ImagingStudy study = img.studies().get(0);
        assertThat(study.studyUid()).isEqualTo("1.2.250.1.925.994044.27.123.1876360");
        assertThat(study.time().orElseThrow().start()).isEqualTo(OffsetDateTime.parse("2021-01-08T11:30:00+01:00"));
        assertThat(study.series()).singleElement().satisfies(s -> {
            assertThat(s.seriesUid()).isEqualTo("1.2.250.1.925.994044.27.123.1876360.1");
            assertThat(s.modality().orElseThrow().code()).isEqualTo("CT");
            assertThat(s.instances()).singleElement().satisfies(i -> {
                assertThat(i.sopInstanceUid()).isEqualTo("1.2.250.1.925.994044.27.123.1876360.1.1");
                assertThat(i.sopClass().orElseThrow().code()).isEqualTo("1.2.840.10008.5.1.4.1.1.2");
            });
        });
        assertThat(study.address()).contains("http://www.example.org/wado?requestType=WADO"
                + "&studyUID=1.2.250.1.925.994044.27.123.1876360&seriesUID=1.2.250.1.925.994044.27.123.1876360.001"
                + "&objectUID=1.2.250.1.925.994044.27.123.1876360.001.001");
        assertThat(img.studies()).extracting(ImagingStudy::studyUid).doesNotHaveDuplicates();
        assertThat(img.studies()).allSatisfy(s -> assertThat(s.address()).isPresent());
        assertThat(ClinicalContent.read(AnsExamples.read(name))).isEqualTo(img);
    }

    @Test
    void aReportWithoutCatalogueAndAStudyWithoutUidAreListed() {
        String text = AnsExamples.text("IMG_CR_IMG_2024.01.xml");
        String noCatalogue = text.replace("code=\"121181\"", "code=\"999999\"");
        String noUid = text.replace("<id root=\"1.2.250.1.925.994044.27.123.1876360\"/>", "<id nullFlavor=\"UNK\"/>");

        assertThat(ImagingReport.read(AnsExamples.parse(noCatalogue)).unreadable())
                .containsExactly(new Unreadable("section 121181", "absent: no study reference"));
        ImagingReport partial = ImagingReport.read(AnsExamples.parse(noUid));
        assertThat(partial.studies()).hasSize(2);
        assertThat(partial.unreadable()).containsExactly(new Unreadable("section 121181 > entry 1",
                "not a study act with a Study Instance UID"));
    }

    @Test
    void anN1ImagingReportIsNotThisKind() {
        assertThatThrownBy(() -> ImagingReport.read(AnsExamples.read("IMG_CR_IMG_2024.01_CDA-R2-Niveau-1.xml")))
                .isInstanceOfSatisfying(ContentKindException.class,
                        e -> assertThat(e.actual()).isEqualTo("18748-4, N1"));
    }

    @Test
    void toStringsMaskUidsAndAddresses() {
        ImagingReport img = ImagingReport.read(AnsExamples.read("IMG_CR_IMG_2024.01.xml"));
        String printed = img + " " + img.studies() + " " + img.studies().get(0).series() + " "
                + img.studies().get(0).series().get(0).instances();

        assertThat(printed).doesNotContain("1876360").doesNotContain("wado").contains("studies=3");
    }
}
