package fr.opendmp.cda.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opendmp.cda.Fixtures;
import fr.opendmp.cda.InstanceId;
import fr.opendmp.cda.read.CdaDocument;
import fr.opendmp.cda.read.CdaReader;
import fr.opendmp.core.document.Author;
import fr.opendmp.core.code.Code;
import fr.opendmp.core.code.CodeSystems;
import fr.opendmp.core.document.Confidentiality;
import fr.opendmp.core.document.DocumentMetadata;
import fr.opendmp.core.party.Organization;
import fr.opendmp.core.document.TypeClassTable;
import fr.opendmp.core.document.DocumentTarget;
import fr.opendmp.core.document.DocumentTypeException;
import fr.opendmp.core.document.ValueSetCheck;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CdaMetadataTest {

    @Test
    void n1VectorGivesBiologyTypeReportClassPdfFormatAndItsContext() throws Exception {
        DocumentMetadata m = derive("DOC_NON_STRUCTURE_CDA-R2-N1.xml");
        assertThat(m.uniqueId()).isEqualTo("urn:oid:1.3.6.1.4.1.19376.1.2.20.12345.1.1");
        assertThat(m.type()).isEqualTo(Code.of(CodeSystems.LOINC, "11502-2"));
        assertThat(m.classCode()).isEqualTo(TypeClassTable.COMPTE_RENDU);
        assertThat(m.format().code()).isEqualTo("urn:ihe:iti:xds-sd:pdf:2008");
        assertThat(m.facilityType()).isEqualTo(Code.of(CodeSystems.TRE_R02, "SA07"));
        assertThat(m.practiceSetting()).isEqualTo(Code.of(CodeSystems.PRACTICE_SETTING, "AMBULATOIRE"));
        assertThat(m.confidentiality()).isEqualTo(Confidentiality.NORMAL);
        assertThat(m.serviceStart().withOffsetSameInstant(ZoneOffset.UTC))
                .isEqualTo(OffsetDateTime.parse("2021-01-04T12:47:00Z"));
        assertThat(m.serviceEnd()).isPresent();
        assertThat(m.authors()).extracting(a -> a.professional().idNat()).containsExactly("801234534765");
        assertThat(m.authors().get(0).professional().specialty()).contains(Code.of("urn:oid:1.2.250.1.213.1.1.4.5", "G15_10/SM03"));
        assertThat(m.authors().get(0).professional().organization().orElseThrow().idNat()).isEqualTo("1120459876");
        assertThat(m.legalAuthenticator().map(a -> a.professional().idNat())).contains("807505123456");
        assertThat(m.events()).contains(Code.of(CodeSystems.LOINC, "18723-7"));
    }

    @Test
    void vsmVectorGivesSynthTypeSynthesisClassAndVsmFormat() throws Exception {
        DocumentMetadata m = derive("VSM_1.4_2022.01.xml");
        assertThat(m.type()).isEqualTo(Code.of(CodeSystems.TRE_A05, "SYNTH"));
        assertThat(m.classCode()).isEqualTo(TypeClassTable.SYNTHESE);
        assertThat(m.format()).isEqualTo(Code.of(CodeSystems.TRE_A06, "urn:asip:ci-sis:vsm:2012"));
        assertThat(m.facilityType().code()).isEqualTo("SA04");
        assertThat(m.practiceSetting().code()).isEqualTo("ETABLISSEMENT");
        assertThat(m.creationTime()).isEqualTo(OffsetDateTime.parse("2020-03-12T10:17:00Z"));
        assertThat(m.authors().get(0).role()).contains(Code.of("urn:oid:2.16.840.1.113883.5.88", "PCP"));
    }

    @Test
    void ldlSesVectorGivesLdlFormatAndTheStayAsServicePeriod() throws Exception {
        DocumentMetadata m = derive("LDL-SES_2022.01.xml");
        assertThat(m.type().code()).isEqualTo("11490-0");
        assertThat(m.format().code()).isEqualTo("urn:asip:ci-sis:ldl-ses:2017");
        assertThat(m.facilityType().code()).isEqualTo("SA01");
        assertThat(m.serviceStart()).isEqualTo(OffsetDateTime.parse("2019-10-29T11:17:00+01:00"));
        assertThat(m.serviceEnd()).contains(OffsetDateTime.parse("2019-12-03T13:30:00+01:00"));
    }

    @Test
    void reimbursementVectorGivesClass60HrFormatAndItsReplacement() throws Exception {
        CdaDocument cda = CdaReader.read(Fixtures.vector("CNAM-HR_2021.01_sans-info.xml"));
        DocumentMetadata m = CdaMetadata.derive(cda);
        assertThat(m.type().code()).isEqualTo("REMB");
        assertThat(m.classCode()).isEqualTo(CdaMetadata.CLASS_REMBOURSEMENT);
        assertThat(m.format().code()).isEqualTo("urn:asip:ci-sis:hr:2019");
        assertThat(CdaMetadata.replacedDocument(cda)).contains(InstanceId.of("1.2.250.1.213.1.1.9", "10002-1"));
    }

    @Test
    void theN1VectorsCustodianBecomesTheDepositCustodianWithItsIdNatStruct() throws Exception {
        CdaDocument cda = CdaReader.read(Fixtures.vector("DOC_NON_STRUCTURE_CDA-R2-N1.xml"));

        assertThat(CdaMetadata.custodian(cda)).contains(Organization.of("1120459876", "Laboratoire des charmes"));
    }

    @Test
    void aCustodianWithoutAnIdExtensionGivesNoDepositCustodian() throws Exception {
        String xml = new String(Fixtures.vector("DOC_NON_STRUCTURE_CDA-R2-N1.xml"), StandardCharsets.UTF_8)
                .replace("<id root=\"1.2.250.1.71.4.2.2\" extension=\"1120459876\"/>", "<id root=\"1.2.250.1.71.4.2.2\"/>");

        assertThat(CdaMetadata.custodian(CdaReader.read(xml.getBytes(StandardCharsets.UTF_8)))).isEmpty();
    }

    @Test
    void everyVectorNamesTheTestPatientByIns() throws Exception {
        for (String v : Fixtures.VECTORS) {
            assertThat(CdaMetadata.patientIns(CdaReader.read(Fixtures.vector(v)))).as(v).contains(Fixtures.ins());
        }
    }

    @Test
    void headerWithoutFacilityTypeIsRefusedNamingTheElement() throws Exception {
        String xml = new String(Fixtures.vector("VSM_1.4_2022.01.xml"), StandardCharsets.UTF_8)
                .replace("codeSystem=\"1.2.250.1.71.4.2.4\"", "");
        CdaDocument cda = CdaReader.read(xml.getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> CdaMetadata.derive(cda)).isInstanceOf(CdaMetadataException.class)
                .hasMessageContaining("healthCareFacility");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fr.opendmp.cda.Fixtures#vectors")
    void everyAnsCdaVectorDerivesItsMetadataForTheDmpWithTheClassOfTheAnsTables(String vector) throws Exception {
        DocumentMetadata m = derive(vector);

        assertThat(TypeClassTable.ans().allowedInDmp(m.type())).isTrue();
        assertThat(m.classCode()).isEqualTo(TypeClassTable.ans().requireClassOf(m.type()));
        assertThat(m.authors()).isNotEmpty();
    }

    @Test
    void theVectorsTestedAreEveryCdaVectorOfTheSharedFolder() throws Exception {
        Optional<Path> shared = Optional.ofNullable(System.getProperty("opendmp.shared"))
                .map(s -> Path.of(s, "vectors", "cda")).filter(Files::isDirectory);
        Assumptions.assumeTrue(shared.isPresent(), "shared vectors not beside the checkout");
        try (Stream<Path> files = Files.list(shared.get())) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".xml")))
                    .containsExactlyInAnyOrderElementsOf(Fixtures.VECTORS);
        }
    }

    @Test
    void anAnsLettreDeLiaisonAlEntree18761_7DerivesClassSyntheseAndTheLdlEesFormat() throws Exception {
        String xml = new String(Fixtures.vector("LDL-SES_2022.01.xml"), StandardCharsets.UTF_8)
                .replace("<code code=\"11490-0\"", "<code code=\"18761-7\"")
                .replace("<templateId root=\"1.2.250.1.213.1.1.1.29\" extension=\"2022.01\"/>",
                        "<templateId root=\"1.2.250.1.213.1.1.1.21\"/>");

        DocumentMetadata m = CdaMetadata.derive(CdaReader.read(xml.getBytes(StandardCharsets.UTF_8)));

        assertThat(m.type()).isEqualTo(Code.of(CodeSystems.LOINC, "18761-7"));
        assertThat(m.classCode()).isEqualTo(TypeClassTable.SYNTHESE);
        assertThat(m.format().code()).isEqualTo("urn:asip:ci-sis:ldl-ees:2017");
    }

    @Test
    void aCdaWhoseTypeTheDmpDoesNotAcceptIsATypedErrorNamingJ66() throws Exception {
        String xml = new String(Fixtures.vector("DOC_NON_STRUCTURE_CDA-R2-N1.xml"), StandardCharsets.UTF_8)
                .replace("code=\"11502-2\"", "code=\"11526-1\"");
        CdaDocument cda = CdaReader.read(xml.getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> CdaMetadata.derive(cda)).isInstanceOfSatisfying(DocumentTypeException.class,
                e -> assertThat(e.reason()).isEqualTo(DocumentTypeException.Reason.NOT_ALLOWED_IN_DMP))
                .hasMessageContaining("J66");
        assertThat(CdaMetadata.builder().target(DocumentTarget.CI_SIS).valueSetCheck(ValueSetCheck.LENIENT).build()
                .toMetadata(cda).classCode()).isEqualTo(TypeClassTable.COMPTE_RENDU);
    }

    private static DocumentMetadata derive(String vector) throws Exception {
        return CdaMetadata.derive(CdaReader.read(Fixtures.vector(vector)));
    }
}
