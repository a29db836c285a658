package fr.opendmp.cda.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opendmp.cda.Fixtures;
import fr.opendmp.cda.build.BiologyReport;
import fr.opendmp.cda.build.BiologyResult;
import fr.opendmp.cda.build.CdaBuildException;
import fr.opendmp.cda.build.CdaDocuments;
import fr.opendmp.cda.build.ContentFixtures;
import fr.opendmp.cda.build.Interpretation;
import fr.opendmp.cda.read.CdaReader;
import fr.opendmp.core.code.Code;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The structured CR de biologie builder: what it writes reads back through {@link LabReport} to the
 * same values (its ANS validation is in {@code AnsValidationTest}); what it refuses.
 */
class BiologyReportBuildTest {

    @Test
    void theBuiltReportReadsBackToTheSameValues() {
        LabReport lab = LabReport.read(CdaReader.read(ContentFixtures.biologyDocument()));

        assertThat(lab.unreadable()).isEmpty();
        assertThat(lab.results()).hasSize(3);
        List<BiologyResult> built = ContentFixtures.biology().results();
        for (int i = 0; i < built.size(); i++) {
            BiologyResult b = built.get(i);
            LabResult r = lab.results().get(i);
            assertThat(r.test()).contains(b.test());
            assertThat(r.loinc()).contains(b.test().code());
            assertThat(r.label()).contains(b.test().display());
            assertThat(r.value()).isEqualTo(new ResultValue.Measured(new Quantity(b.value(), b.unit())));
            assertThat(r.time().orElseThrow().start()).isEqualTo(b.time());
            assertThat(r.specialty()).contains(b.chapter());
            assertThat(r.interpretation()).isEqualTo(b.interpretation().map(Interpretation::code));
            assertThat(r.referenceRange().flatMap(ReferenceRange::low).map(Quantity::value)).isEqualTo(b.low());
            assertThat(r.referenceRange().flatMap(ReferenceRange::high).map(Quantity::value)).isEqualTo(b.high());
        }
        assertThat(lab.results().get(1).interpretation().orElseThrow().code()).isEqualTo("L");
        assertThat(lab.results().get(2).referenceRange()).isEmpty();
    }

    @Test
    void theDocumentCarriesTheModelTitleAndThePdfCopy() {
        String xml = new String(ContentFixtures.biologyDocument(), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(CdaReader.read(ContentFixtures.biologyDocument()).header().title())
                .contains("Compte rendu d'examens biologiques");
        assertThat(xml).contains("representation=\"B64\"").contains("1.2.250.1.213.1.1.2.243");
    }

    @Test
    void aReportNeedsAResultAndAPdfCopyGivenOnce() {
        assertThatThrownBy(() -> BiologyReport.builder().pdfCopy(Fixtures.pdf()).build())
                .isInstanceOfSatisfying(CdaBuildException.class,
                        e -> assertThat(e.reason()).isEqualTo(CdaBuildException.Reason.MISSING_ELEMENT));
        assertThatThrownBy(() -> BiologyReport.builder().result(ContentFixtures.biology().results().get(0)).build())
                .isInstanceOf(CdaBuildException.class).hasMessageContaining("PDF copy");
        assertThatThrownBy(() -> BiologyReport.builder().pdfCopy(Fixtures.pdf()).pdfCopy(Fixtures.pdf()))
                .isInstanceOf(IllegalStateException.class).hasMessage("pdfCopy was already set");
        assertThatThrownBy(() -> BiologyReport.builder().result(ContentFixtures.biology().results().get(0))
                .pdfCopy("not a pdf at all, really".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).build())
                .isInstanceOfSatisfying(CdaBuildException.class,
                        e -> assertThat(e.reason()).isEqualTo(CdaBuildException.Reason.NOT_A_PDF));
    }

    @Test
    void aTestOrChapterOutsideLoincIsRefused() {
        assertThatThrownBy(() -> BiologyResult.of(ContentFixtures.BIOCHIMIE, Code.of("urn:oid:1.2.3", "CRP", "CRP"),
                BigDecimal.ONE, "mg/L", ContentFixtures.VALIDATED)).isInstanceOfSatisfying(CdaBuildException.class,
                        e -> assertThat(e.reason()).isEqualTo(CdaBuildException.Reason.INVALID_VALUE));
        assertThatThrownBy(() -> BiologyResult.of(ContentFixtures.BIOCHIMIE, Code.of(ContentFixtures.TSH.system(),
                "3016-3"), BigDecimal.ONE, "mg/L", ContentFixtures.VALIDATED)).isInstanceOf(CdaBuildException.class);
    }

    @Test
    void anotherTitleIsRefused() {
        assertThatThrownBy(() -> CdaDocuments.biologyReport(Fixtures.header().title("Bilan").build(),
                ContentFixtures.biology())).isInstanceOf(CdaBuildException.class).hasMessageContaining("title");
    }

    @Test
    void thePdfIsCopiedAndToStringsAreMasked() {
        byte[] pdf = Fixtures.pdf();
        BiologyReport r = BiologyReport.builder().result(ContentFixtures.biology().results().get(0)).pdfCopy(pdf)
                .build();
        pdf[0] = 'X';

        assertThat(r.pdfCopy()[0]).isEqualTo((byte) '%');
        assertThat(r).isEqualTo(BiologyReport.builder().result(ContentFixtures.biology().results().get(0))
                .pdfCopy(Fixtures.pdf()).build());
        String printed = r + " " + r.results() + " " + ContentFixtures.biology().results()
                + Optional.of(Interpretation.LOW).map(Interpretation::name).orElseThrow();
        assertThat(printed).doesNotContain("1.950").doesNotContain("3016-3").doesNotContain("Thyr")
                .doesNotContain("0.270").contains("results=1");
    }

    @Test
    void aRangeWithOnlyAnUpperBoundReadsBackSo() {
        Code crp = Code.of(ContentFixtures.TSH.system(), "1988-5", "Protéine C réactive [Masse/Volume] Sérum/Plasma ; Numérique");
        BiologyReport report = BiologyReport.builder().result(BiologyResult.of(ContentFixtures.BIOCHIMIE, crp,
                new BigDecimal("12.0"), "mg/L", ContentFixtures.VALIDATED).withHigh(new BigDecimal("5"))
                .withInterpretation(Interpretation.HIGH)).pdfCopy(Fixtures.pdf()).build();

        LabResult r = LabReport.read(CdaReader.read(CdaDocuments.biologyReport(Fixtures.header().build(), report)
                .toBytes())).results().get(0);

        assertThat(r.referenceRange().orElseThrow().low()).isEmpty();
        assertThat(r.referenceRange().orElseThrow().high()).contains(new Quantity(new BigDecimal("5"), "mg/L"));
        assertThat(r.interpretation().orElseThrow().code()).isEqualTo("H");
        assertThatThrownBy(() -> ContentFixtures.biology().results().get(0).withLow(null))
                .isInstanceOf(NullPointerException.class);
    }
}
