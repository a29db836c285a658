package fr.opendmp.core.document;

import fr.opendmp.core.code.Code;
import fr.opendmp.core.code.CodeSystems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.opendmp.core.error.DmpException;
import fr.opendmp.core.document.DocumentTypeException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ANS type → class tables shipped in sdk-core. The expected rows come from the transcription
 * of the ANS tables beside the checkout when it is there (system property {@code opendmp.shared}),
 * so the shipped data is checked against an independent copy; otherwise from the shipped data.
 */
class TypeClassTableTest {

    private static final OffsetDateTime T = OffsetDateTime.parse("2026-06-12T10:00:00+02:00");
    private static final Code PDF = DocumentType.CR_CONSULTATION.defaultFormat();

    /** type system (OID), type code, class code, inJ66: one row per type of ASS_X04 ∪ J07. */
    static Stream<Arguments> everyType() throws IOException {
        Optional<Path> spec = Optional.ofNullable(System.getProperty("opendmp.shared"))
                .map(s -> Path.of(s, "spec", "type-class.json")).filter(Files::isRegularFile);
        JsonNode types;
        if (spec.isPresent()) {
            types = new ObjectMapper().readTree(spec.get().toFile()).path("typeCodes");
        } else {
            try (InputStream in = TypeClassTableTest.class.getResourceAsStream(
                    "/fr/opendmp/core/document/type-class.json")) {
                types = new ObjectMapper().readTree(in).path("types");
            }
        }
        List<Arguments> rows = new ArrayList<>();
        for (JsonNode t : types) {
            rows.add(Arguments.of(t.path("system").asText(), t.path("code").asText(), t.path("classCode").asText(),
                    t.path("inJ66").asBoolean()));
        }
        assertThat(rows).hasSize(142);
        return rows.stream();
    }

    @ParameterizedTest(name = "{1} -> {2} (J66: {3})")
    @MethodSource("everyType")
    void everyTypeOfTheAnsTablesDerivesItsClassAndTheDmpAcceptsExactlyTheJ66Ones(String system, String code,
            String expectedClass, boolean inJ66) {
        Code type = Code.of(systemUri(system), code);
        TypeClassTable ans = TypeClassTable.ans();

        assertThat(ans.requireClassOf(type).code()).isEqualTo(expectedClass);
        assertThat(ans.allowedInDmp(type)).isEqualTo(inJ66);
        DocumentMetadata.Builder toDmp = base().type(type).format(PDF).contentType("application/xml");
        if (inJ66) {
            DocumentMetadata m = toDmp.build();
            assertThat(m.classCode().code()).isEqualTo(expectedClass);
            assertThat(ans.acceptsClass(m.classCode(), DocumentTarget.DMP)).isTrue();
        } else {
            assertThatThrownBy(toDmp::build).isInstanceOfSatisfying(DocumentTypeException.class,
                    e -> assertThat(e.reason()).isEqualTo(Reason.NOT_ALLOWED_IN_DMP));
        }
        DocumentMetadata lenient = base().type(type).format(PDF).contentType("application/xml")
                .valueSetCheck(ValueSetCheck.LENIENT).build();
        assertThat(lenient.classCode().code()).isEqualTo(expectedClass);
    }

    @Test
    void theShippedTablesHaveTheAnsCounts() {
        TypeClassTable ans = TypeClassTable.ans();
        assertThat(ans.entries()).hasSize(142);
        assertThat(ans.entries().stream().filter(TypeClassTable.Entry::inJ66)).hasSize(108);
        assertThat(ans.entries().stream().filter(TypeClassTable.Entry::inJ07)).hasSize(123);
        assertThat(ans.classes().stream().filter(TypeClassTable.ClassEntry::inJ57)).hasSize(12);
        assertThat(ans.classes()).hasSize(13);
    }

    @Test
    void imagingReportIsClass31NotCompteRendu() {
        Code cr = DocumentType.CR_IMAGERIE.code();
        assertThat(TypeClassTable.ans().deriveClass(cr, DocumentTarget.DMP)).isEqualTo(TypeClassTable.IMAGERIE);
        assertThat(base().type(DocumentType.CR_IMAGERIE).build().classCode()).isEqualTo(TypeClassTable.IMAGERIE);
    }

    @Test
    void ansLettreDeLiaison18761_7DerivesClassSyntheseAndBuildsForTheDmp() {
        Code ldl = Code.of(CodeSystems.LOINC, "18761-7");
        assertThat(TypeClassTable.ans().deriveClass(ldl, DocumentTarget.DMP)).isEqualTo(TypeClassTable.SYNTHESE);
        DocumentMetadata m = base().type(DocumentType.LETTRE_LIAISON_ENTREE).build();
        assertThat(m.classCode()).isEqualTo(TypeClassTable.SYNTHESE);
        assertThat(m.format().code()).isEqualTo("urn:asip:ci-sis:ldl-ees:2017");
    }

    @Test
    void unknownTypeIsAClientSideNotRetryableDmpErrorWithAHint() {
        Code unknown = Code.of(CodeSystems.LOINC, "00000-0");
        assertThatThrownBy(() -> TypeClassTable.ans().deriveClass(unknown, DocumentTarget.DMP))
                .isInstanceOfSatisfying(DocumentTypeException.class, e -> {
                    assertThat(e).isInstanceOf(DmpException.class);
                    assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_TYPE);
                    assertThat(e.side()).isEqualTo(DmpException.Side.CLIENT);
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.hint()).contains("J07");
                    assertThat(e.type()).isEqualTo(unknown);
                    assertThat(e.getMessage()).contains("00000-0").contains("ASS_X04");
                });
        assertThatThrownBy(() -> base().type(unknown).format(PDF).contentType("application/xml").build())
                .isInstanceOf(DocumentTypeException.class);
    }

    @Test
    void aTypeOutsideJ66IsRefusedForTheDmpButAcceptedForAnotherCisisExchange() {
        Code styleSheet = Code.of(CodeSystems.TRE_A05, "FEUILLE-DE-STYLE");
        assertThatThrownBy(() -> base().type(styleSheet).format(PDF).contentType("text/xsl").build())
                .isInstanceOfSatisfying(DocumentTypeException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.NOT_ALLOWED_IN_DMP);
                    assertThat(e.hint()).contains("J66");
                });
        DocumentMetadata other = base().type(styleSheet).format(PDF).contentType("text/xsl")
                .target(DocumentTarget.CI_SIS).build();
        assertThat(other.classCode().code()).isEqualTo("99");
        assertThat(TypeClassTable.ans().acceptsClass(other.classCode(), DocumentTarget.DMP)).isFalse();
    }

    @Test
    void aFormerTypeKeptOnlyByAssX04IsRefusedForCisisExchangesInStrictMode() {
        Code former = Code.of(CodeSystems.TRE_A05, "ATTEST-VITALE");
        assertThat(TypeClassTable.ans().requireClassOf(former).code()).isEqualTo("95");
        assertThatThrownBy(() -> TypeClassTable.ans().checkType(former, DocumentTarget.CI_SIS))
                .isInstanceOfSatisfying(DocumentTypeException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NOT_IN_CISIS_TYPES));
    }

    @Test
    void aClassThatContradictsTheTablesIsRefusedInStrictMode() {
        assertThatThrownBy(() -> base().type(DocumentType.CR_IMAGERIE).classCode(TypeClassTable.COMPTE_RENDU).build())
                .isInstanceOfSatisfying(DocumentTypeException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.CLASS_MISMATCH))
                .hasMessageContaining("31");
    }

    @Test
    void fullDocumentE1762OfTheAstmNomenclatureHasTheSignatureUrnAsClass() {
        Code e1762 = Code.of("urn:oid:ASTM", "E1762");
        Code cls = TypeClassTable.ans().deriveClass(e1762, DocumentTarget.DMP);
        assertThat(cls.code()).isEqualTo("urn:oid:1.3.6.1.4.1.19376.1.2.1.1.1");
        assertThat(cls.systemOid()).contains("URN");
        assertThat(e1762).isEqualTo(Code.of(CodeSystems.TRE_A12, "E1762"));
        assertThat(TypeClassTable.ans().acceptsClass(cls, DocumentTarget.DMP)).isTrue();
    }

    @Test
    void theDataCitesTheAnsSourcesWithTheirVersionsAndIsLoadedOnce() {
        TypeClassTable ans = TypeClassTable.ans();
        assertThat(ans).isSameAs(TypeClassTable.ans()).isSameAs(TypeClassTable.defaults());
        assertThat(ans.sources()).extracting(TypeClassTable.Source::name).contains(
                "ASS_X04-CorrespondanceType-Classe-CISIS", "ASS_X16-CorrespondanceType-Classe-DMP",
                "JDV_J66-TypeCode-DMP", "JDV_J57-ClassCode-DMP");
        assertThat(ans.sources()).allSatisfy(s -> {
            assertThat(s.canonical()).startsWith("https://mos.esante.gouv.fr/NOS/");
            assertThat(s.version()).matches("[0-9]{14}");
        });
        assertThat(ans.version()).contains("X04-20260629120000").contains("X16-20240927120000");
    }

    @Test
    void extendingTheTableLeavesTheAnsTableUnchanged() {
        Code local = Code.of(CodeSystems.LOINC, "99999-9");
        TypeClassTable extended = TypeClassTable.ans().with(local, TypeClassTable.COMPTE_RENDU);
        assertThat(extended.classOf(local)).contains(TypeClassTable.COMPTE_RENDU);
        assertThat(extended.allowedInDmp(local)).isFalse();
        assertThat(TypeClassTable.ans().classOf(local)).isEmpty();
        assertThat(extended.entries()).hasSize(143);
    }

    private static DocumentMetadata.Builder base() {
        return DocumentMetadata.builder().uniqueId("1.2.250.1.999.7").title("t")
                .facilityType(Code.of(CodeSystems.TRE_R02, "SA07"))
                .practiceSetting(Code.of(CodeSystems.PRACTICE_SETTING, "AMBULATOIRE"))
                .creationTime(T).author(Author.of("810001234567"));
    }

    private static String systemUri(String oid) {
        switch (oid) {
            case "2.16.840.1.113883.6.1":
                return CodeSystems.LOINC;
            case "1.2.250.1.213.1.1.4.12":
                return CodeSystems.TRE_A05;
            case "ASTM":
                return CodeSystems.TRE_A12;
            default:
                throw new IllegalArgumentException("unexpected type system " + oid);
        }
    }
}
