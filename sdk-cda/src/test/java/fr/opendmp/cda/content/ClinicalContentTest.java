package fr.opendmp.cda.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opendmp.cda.Fixtures;
import fr.opendmp.cda.read.CdaDocument;
import fr.opendmp.cda.read.CdaReader;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The single entry point: every copied ANS example goes to the reader of its kind; others are refused. */
class ClinicalContentTest {

    static Stream<String> allExamples() {
        return AnsExamples.names(n -> true).stream();
    }

    @ParameterizedTest
    @MethodSource("allExamples")
    void everyAnsExampleIsReadAsItsKind(String name) {
        ClinicalContent content = ClinicalContent.read(AnsExamples.read(name));

        Class<?> expected = AnsExamples.isN1(name) ? EmbeddedDocument.class
                : name.startsWith("VAC") ? VaccinationRecord.class
                : name.startsWith("VSM") ? MedicalSummary.class
                : name.startsWith("BIO") ? LabReport.class
                : name.startsWith("CNAM-HR") ? ReimbursementHistory.class
                : ImagingReport.class;
        assertThat(content).isInstanceOf(expected);
        assertThat(content.unreadable()).isEmpty();
    }

    @Test
    void aKindNoReaderKnowsIsATypedErrorNamingItsType() {
        CdaDocument ldl = CdaReader.read(Fixtures.vector("LDL-SES_2022.01.xml"));

        assertThatThrownBy(() -> ClinicalContent.read(ldl)).isInstanceOfSatisfying(ContentKindException.class,
                e -> assertThat(e.actual()).isEqualTo("11490-0, structured"));
    }

    @Test
    void oneDocumentReadFromManyThreadsGivesTheSameContent() throws Exception {
        CdaDocument cda = AnsExamples.read("BIO-CR-BIO_2024.01_Electrophorese.xml");
        LabReport once = LabReport.read(cda);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<LabReport>> runs = IntStream.range(0, 16).mapToObj(i -> pool.submit(() -> LabReport.read(cda)))
                    .toList();
            for (Future<LabReport> f : runs) {
                assertThat(f.get()).isEqualTo(once);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
