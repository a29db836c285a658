package fr.opendmp.cda.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opendmp.cda.Fixtures;
import fr.opendmp.cda.InstanceId;
import fr.opendmp.cda.metadata.CdaMetadata;
import fr.opendmp.cda.read.CdaDocument;
import fr.opendmp.cda.read.CdaReader;
import fr.opendmp.cda.validate.CdaValidator;
import fr.opendmp.cda.validate.ValidationReport;
import fr.opendmp.core.code.Code;
import fr.opendmp.core.code.CodeSystems;
import fr.opendmp.core.document.DocumentMetadata;
import fr.opendmp.core.document.TypeClassTable;
import fr.opendmp.core.ins.PatientIdentity;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CdaDocumentsTest {

    static final CdaValidator BUILT_IN = CdaValidator.builder().build();

    static BuiltDocument n1() {
        return CdaDocuments.n1Pdf(Fixtures.header()
                .documentType(Code.of(CodeSystems.LOINC, "11488-4", "CR ou fiche de consultation ou de visite"))
                .title("Compte rendu de consultation").build(), Fixtures.pdf());
    }

    static BuiltDocument vsm() {
        return CdaDocuments.vsm(Fixtures.header().build(), Vsm.builder()
                .activeProblem(Problem.of("Hypertension artérielle").withCode(Code.of("urn:oid:2.16.840.1.113883.6.3",
                        "I10", "Hypertension essentielle")).withPeriod(LocalDate.of(2015, 3, 1), null))
                .medicalHistory(Problem.of("Appendicectomie <enfance> & suites"))
                .allergy(Allergy.of("Pénicilline", "urticaire"))
                .lifestyle("Tabac : 10 PA, sevré")
                .vigilancePoint("Hypertriglycéridémie")
                .treatment(Medication.of("Amlodipine 5 mg", "1 cp le matin"))
                .build());
    }

    static BuiltDocument ldlSes() {
        return CdaDocuments.ldlSes(Fixtures.header(Fixtures.qualified(),
                        Code.of(CodeSystems.PRACTICE_SETTING, "ETABLISSEMENT", "Etablissement de santé"),
                        Code.of(CodeSystems.TRE_R02, "SA01", "Etablissement public de santé"))
                .serviceStart(OffsetDateTime.parse("2024-04-20T09:00:00+02:00"))
                .serviceEnd(OffsetDateTime.parse("2024-05-02T10:00:00+02:00"))
                .build(), LdlSes.builder().admissionReason("Décompensation cardiaque")
                .staySummary("Séjour sans complication.").dischargeTreatment(Medication.of("Furosémide 40 mg", "1/j"))
                .followUp("Consultation de cardiologie à 1 mois").build());
    }

    @Test
    void n1PdfRoundTripsThePdfAndPassesTheBuiltInChecks() throws Exception {
        byte[] xml = n1().toBytes();
        CdaDocument cda = CdaReader.read(xml);
        assertThat(cda.isN1()).isTrue();
        try (InputStream in = cda.nonXmlBody().orElseThrow().openStream()) {
            assertThat(in.readAllBytes()).isEqualTo(Fixtures.pdf());
        }
        assertThat(BUILT_IN.validate(xml).errors()).isEmpty();
    }

    @Test
    void aLargePdfIsWrittenInSlicesAndComesBackIdentical() throws Exception {
        byte[] big = new byte[1_000_003];
        Arrays.fill(big, (byte) 'x');
        byte[] head = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, big, 0, head.length);
        System.arraycopy(tail, 0, big, big.length - tail.length, tail.length);
        BuiltDocument doc = CdaDocuments.n1Pdf(Fixtures.header()
                .documentType(Code.of(CodeSystems.LOINC, "11488-4", "CR de consultation")).build(), big);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.writeTo(out);
        try (InputStream in = CdaReader.read(out.toByteArray()).nonXmlBody().orElseThrow().openStream()) {
            assertThat(in.readAllBytes()).isEqualTo(big);
        }
    }

    @Test
    void bytesThatAreNotAPdfAreRefused() {
        DocumentHeader h = Fixtures.header().documentType(Code.of(CodeSystems.LOINC, "11488-4", "CR")).build();
        assertThatThrownBy(() -> CdaDocuments.n1Pdf(h, "<html>not a pdf</html>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(CdaBuildException.class,
                        e -> assertThat(e.reason()).isEqualTo(CdaBuildException.Reason.NOT_A_PDF));
    }

    @Test
    void n1WithoutDocumentTypeIsRefused() {
        assertThatThrownBy(() -> CdaDocuments.n1Pdf(Fixtures.header().build(), Fixtures.pdf()))
                .isInstanceOfSatisfying(CdaBuildException.class,
                        e -> assertThat(e.reason()).isEqualTo(CdaBuildException.Reason.MISSING_ELEMENT));
    }

    @Test
    void anIdentityThatIsNotQualifiedIsRefusedWithoutLeakingTraits() {
        DocumentHeader.Builder b = Fixtures.header(PatientIdentity.provisional(Fixtures.traits()));
        assertThatThrownBy(b::build).isInstanceOfSatisfying(CdaBuildException.class, e -> {
            assertThat(e.reason()).isEqualTo(CdaBuildException.Reason.IDENTITY_NOT_QUALIFIED);
            assertThat(e.getMessage()).doesNotContain("PAT-TROIS").doesNotContain("279035121518989");
        });
    }

    @Test
    void sameInputGivesTheSameBytes() {
        assertThat(vsm().toBytes()).isEqualTo(vsm().toBytes());
        assertThat(ldlSes().toBytes()).isEqualTo(ldlSes().toBytes());
        assertThat(n1().toBytes()).isEqualTo(n1().toBytes());
    }

    @Test
    void vsmHasItsMandatorySectionsEscapesTextAndDerivesSynthMetadata() throws Exception {
        byte[] xml = vsm().toBytes();
        String text = new String(xml, StandardCharsets.UTF_8);
        assertThat(text).contains("Appendicectomie &lt;enfance&gt; &amp; suites").startsWith("<?xml");
        CdaDocument cda = CdaReader.read(xml);
        assertThat(cda.sections()).extracting(s -> s.templateIds().get(0)).containsExactly(
                "1.2.250.1.213.1.1.2.29", "1.3.6.1.4.1.19376.1.5.3.1.3.27", "1.2.250.1.213.1.1.2.32");
        ValidationReport report = BUILT_IN.validate(xml);
        assertThat(report.errors()).isEmpty();
        DocumentMetadata m = CdaMetadata.derive(cda);
        assertThat(m.type().code()).isEqualTo("SYNTH");
        assertThat(m.classCode()).isEqualTo(TypeClassTable.SYNTHESE);
        assertThat(m.format().code()).isEqualTo("urn:asip:ci-sis:vsm:2012");
        assertThat(m.uniqueId()).isEqualTo("urn:oid:1.2.250.1.999.1.1.7");
        assertThat(m.creationTime()).isEqualTo(Fixtures.CREATED);
        assertThat(m.facilityType().code()).isEqualTo("SA07");
        assertThat(m.practiceSetting().code()).isEqualTo("AMBULATOIRE");
        assertThat(CdaMetadata.patientIns(cda)).contains(Fixtures.ins());
    }

    @Test
    void ldlSesHasItsMandatorySectionsAndTheStayPeriod() throws Exception {
        byte[] xml = ldlSes().toBytes();
        assertThat(BUILT_IN.validate(xml).errors()).isEmpty();
        DocumentMetadata m = CdaMetadata.derive(CdaReader.read(xml));
        assertThat(m.type().code()).isEqualTo("11490-0");
        assertThat(m.format().code()).isEqualTo("urn:asip:ci-sis:ldl-ses:2017");
        assertThat(m.serviceEnd()).contains(OffsetDateTime.parse("2024-05-02T10:00:00+02:00"));
    }

    @Test
    void aReplacementKeepsTheSetIdBumpsTheVersionAndPointsToThePreviousId() throws Exception {
        DocumentHeader h = Fixtures.headerWithoutIds(Fixtures.qualified(), Fixtures.AMBULATORY, Fixtures.CABINET)
                .documentId(InstanceId.of("1.2.250.1.999.1.1.8"))
                .replaces(InstanceId.of("1.2.250.1.999.1.1.7"), InstanceId.of("1.2.250.1.999.1.1"), 1).build();
        CdaDocument cda = CdaReader.read(CdaDocuments.vsm(h, Vsm.builder().build()).toBytes());
        assertThat(cda.header().versionNumber()).contains(2);
        assertThat(cda.header().setId()).contains(InstanceId.of("1.2.250.1.999.1.1"));
        assertThat(cda.header().replacedDocumentId()).contains(InstanceId.of("1.2.250.1.999.1.1.7"));
    }

    @Test
    void defaultIdsAreFreshUuidOidsAndTimeComesFromTheClock() throws Exception {
        java.time.Clock clock = java.time.Clock.fixed(java.time.Instant.parse("2024-01-15T08:00:00Z"),
                DocumentHeader.PARIS);
        DocumentHeader.Builder b = DocumentHeader.builder().patient(Fixtures.qualified()).author(Fixtures.gp())
                .custodian(Fixtures.cabinet()).clock(clock)
                .practiceSetting(Code.of(CodeSystems.PRACTICE_SETTING, "AMBULATOIRE"))
                .facilityType(Code.of(CodeSystems.TRE_R02, "SA07"));
        DocumentHeader h1 = b.build();
        DocumentHeader h2 = b.build();
        assertThat(h1.documentId()).isNotEqualTo(h2.documentId());
        assertThat(h1.documentId().root()).startsWith("2.25.");
        assertThat(h1.effectiveTime()).isEqualTo(OffsetDateTime.parse("2024-01-15T09:00:00+01:00"));
    }
}
