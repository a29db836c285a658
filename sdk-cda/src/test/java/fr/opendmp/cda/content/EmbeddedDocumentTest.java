package fr.opendmp.cda.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opendmp.cda.Fixtures;
import fr.opendmp.cda.build.CdaDocuments;
import fr.opendmp.cda.read.CdaReader;
import fr.opendmp.core.code.Code;
import fr.opendmp.core.code.CodeSystems;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The N1 reader on every ANS N1 example, on the directives anticipées the SDK builds, and on hostile inputs. */
class EmbeddedDocumentTest {

    record Expected(String type, int bytes, String title, String created) {
    }

    static final Map<String, Expected> EXPECTED = Map.of(
            "DOC_NON_STRUCTURE_CDA-R2-N1.xml", new Expected("11502-2", 326650, "Compte rendu d'examens biologiques",
                    "2021-04-01T13:47:45+01:00"),
            "BIO-CR-BIO_2021.01_CDA-R2-Niveau-1.xml", new Expected("11502-2", 326650,
                    "Compte rendu d'examens biologiques", "2021-01-04T16:05:27+01:00"),
            "IMG_CR_IMG_2024.01_CDA-R2-Niveau-1.xml", new Expected("18748-4", 61736,
                    "CR d’imagerie médicale - Scanner Tête + Cou + Thorax avec injection", "2021-01-08T11:17:00+01:00"),
            "TLM-CR_2022.01.xml", new Expected("85208-7", 257508, "Compte-rendu de téléconsultation",
                    "2020-03-27T15:35:00+01:00"));

    static Stream<String> n1Examples() {
        return AnsExamples.names(AnsExamples::isN1).stream();
    }

    @Test
    void everyN1ExampleHasItsExpectation() {
        assertThat(n1Examples().toList()).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
    }

    @ParameterizedTest
    @MethodSource("n1Examples")
    void readsThePdfAndItsMetadata(String name) {
        Expected e = EXPECTED.get(name);
        EmbeddedDocument n1 = EmbeddedDocument.read(AnsExamples.read(name));

        assertThat(n1.unreadable()).isEmpty();
        assertThat(n1.isPdf()).isTrue();
        assertThat(n1.mediaType()).isEqualTo("application/pdf");
        assertThat(n1.content()).hasSize(e.bytes()).startsWith('%', 'P', 'D', 'F', '-');
        assertThat(n1.documentType().orElseThrow().code()).isEqualTo(e.type());
        assertThat(n1.title()).contains(e.title());
        assertThat(n1.created()).contains(OffsetDateTime.parse(e.created()));
        assertThat(n1.authors()).hasSize(1);
        assertThat(n1.isAdvanceDirectives()).isFalse();
        assertThat(ClinicalContent.read(AnsExamples.read(name))).isEqualTo(n1);
    }

    @Test
    void directivesAnticipeesBuiltAsN1AreRecognisedAndTheirPdfComesBack() {
        byte[] cda = CdaDocuments.n1Pdf(Fixtures.header().documentType(Code.of(CodeSystems.TRE_A05, "EXPPAT_3",
                "Directives anticipées")).build(), Fixtures.pdf()).toBytes();

        EmbeddedDocument n1 = (EmbeddedDocument) ClinicalContent.read(CdaReader.read(cda));

        assertThat(n1.isAdvanceDirectives()).isTrue();
        assertThat(n1.content()).isEqualTo(Fixtures.pdf());
        assertThat(n1.created()).contains(Fixtures.CREATED);
        assertThat(n1.unreadable()).isEmpty();
    }

    @Test
    void aCorruptBase64IsListedNotThrown() {
        String xml = AnsExamples.text("DOC_NON_STRUCTURE_CDA-R2-N1.xml").replaceFirst("JVBERi0", "JV@@@@@");

        EmbeddedDocument n1 = EmbeddedDocument.read(AnsExamples.parse(xml));

        assertThat(n1.content()).isEmpty();
        assertThat(n1.isPdf()).isFalse();
        assertThat(n1.unreadable()).containsExactly(new Unreadable("nonXMLBody/text", "the base64 content is corrupt"));
    }

    @Test
    void aBodyClaimingPdfWithoutBeingOneIsListed() {
        String xml = AnsExamples.text("DOC_NON_STRUCTURE_CDA-R2-N1.xml").replaceFirst("JVBERi0", "TVqQAA0");

        EmbeddedDocument n1 = EmbeddedDocument.read(AnsExamples.parse(xml));

        assertThat(n1.content()).isEmpty();
        assertThat(n1.unreadable()).extracting(Unreadable::why)
                .containsExactly("declared application/pdf but is not a PDF");
    }

    @Test
    void aStructuredDocumentIsATypedError() {
        assertThatThrownBy(() -> EmbeddedDocument.read(AnsExamples.read("BIO-CR-BIO_2024.01_TSH_1.xml")))
                .isInstanceOfSatisfying(ContentKindException.class,
                        e -> assertThat(e.actual()).isEqualTo("11502-2, structured"));
    }

    @Test
    void contentIsACopyAndToStringMasksTheTitle() {
        EmbeddedDocument n1 = EmbeddedDocument.read(AnsExamples.read("TLM-CR_2022.01.xml"));
        n1.content()[0] = 'X';

        assertThat(n1.content()[0]).isEqualTo((byte) '%');
        assertThat(n1.toString()).doesNotContain("téléconsultation").contains("257508 bytes");
    }
}
