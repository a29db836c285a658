package fr.opendmp.cda.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.opendmp.cda.Fixtures;
import fr.opendmp.cda.build.CdaDocumentsTestAccess;
import fr.opendmp.cda.build.ContentFixtures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Full validation with the ANS package of the shared folder (skipped when it is absent). One
 * validator for the class: each schematron is compiled once.
 */
class AnsValidationTest {

    static CdaValidator validator;

    @BeforeAll
    static void compileOnce() {
        Path pkg = Fixtures.ansPackage().orElse(null);
        assumeTrue(pkg != null, "shared ANS package absent (system property opendmp.shared)");
        validator = CdaValidator.builder().ansPackage(pkg).build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"DOC_NON_STRUCTURE_CDA-R2-N1.xml", "VSM_1.4_2022.01.xml", "LDL-SES_2022.01.xml",
        "CNAM-HR_2021.01_sans-info.xml"})
    void everyAnsVectorPassesBuiltInXsdHeaderAndModelSchematrons(String name) {
        ValidationReport r = validator.validate(Fixtures.vector(name));
        assertThat(summary(r.errors())).isEmpty();
        assertThat(r.checksRun()).contains("built-in", "xsd", CdaValidator.HEADER_SCHEMATRON);
        assertThat(r.checksSkipped()).isEmpty();
    }

    @Test
    void modelSchematronIsChosenFromTheTemplateIdAndNoneForN1() {
        assertThat(validator.validate(Fixtures.vector("VSM_1.4_2022.01.xml")).checksRun())
                .contains("schematrons/CI-SIS_VSM_2023.01.sch");
        assertThat(validator.validate(Fixtures.vector("LDL-SES_2022.01.xml")).checksRun())
                .contains("schematrons/CI-SIS_LDL-SES_2022.01.sch");
        assertThat(validator.validate(Fixtures.vector("DOC_NON_STRUCTURE_CDA-R2-N1.xml")).checksRun())
                .noneMatch(s -> s.startsWith("schematrons/CI-SIS_"));
    }

    @Test
    void builtN1PassesEveryCheck() {
        assertThat(summary(validator.validate(CdaDocumentsTestAccess.n1()).errors())).isEmpty();
    }

    @Test
    void builtVsmPassesEveryCheckIncludingTheVsmSchematron() {
        ValidationReport r = validator.validate(CdaDocumentsTestAccess.vsm());
        assertThat(summary(r.errors())).isEmpty();
        assertThat(r.checksRun()).contains("schematrons/CI-SIS_VSM_2023.01.sch");
    }

    @Test
    void builtLdlSesPassesEveryCheckIncludingTheLdlSesSchematron() {
        ValidationReport r = validator.validate(CdaDocumentsTestAccess.ldlSes());
        assertThat(summary(r.errors())).isEmpty();
        assertThat(r.checksRun()).contains("schematrons/CI-SIS_LDL-SES_2022.01.sch");
    }

    @Test
    void builtReplacementPassesTheHeaderSchematron() {
        ValidationReport r = validator.validate(CdaDocumentsTestAccess.replacement());
        assertThat(summary(r.errors())).isEmpty();
    }

    @Test
    void aVsmWithoutItsTreatmentSectionFailsTheSchematronWithRuleIdAndXPath() {
        String xml = new String(Fixtures.vector("VSM_1.4_2022.01.xml"), StandardCharsets.UTF_8)
                .replace("1.2.250.1.213.1.1.2.32", "1.2.250.1.213.1.1.2.999");
        ValidationReport r = validator.validate(xml.getBytes(StandardCharsets.UTF_8));
        assertThat(r.isValid()).isFalse();
        assertThat(r.errors()).anySatisfy(e -> {
            assertThat(e.source()).isEqualTo(ValidationIssue.Source.SCHEMATRON);
            assertThat(e.ruleId()).startsWith("CI-SIS_VSM_2023.01.sch#");
            assertThat(e.location()).contains("structuredBody");
            assertThat(e.message()).contains("1.2.250.1.213.1.1.2.32");
        });
        assertThat(r.errors()).anySatisfy(e -> assertThat(e.ruleId()).isEqualTo("CDA-VSM-03"));
    }

    @Test
    void anElementOutOfSchemaOrderIsAnXsdErrorWithItsLine() {
        String xml = new String(Fixtures.vector("LDL-SES_2022.01.xml"), StandardCharsets.UTF_8)
                .replaceFirst("<languageCode code=\"fr-FR\"/>", "")
                .replaceFirst("<realmCode code=\"FR\"/>", "<realmCode code=\"FR\"/><languageCode code=\"fr-FR\"/>");
        ValidationReport r = validator.validate(xml.getBytes(StandardCharsets.UTF_8));
        assertThat(r.errors()).anySatisfy(e -> {
            assertThat(e.source()).isEqualTo(ValidationIssue.Source.XSD);
            assertThat(e.location()).startsWith("line ");
        });
    }

    private static List<String> summary(List<ValidationIssue> errors) {
        return errors.stream().map(e -> e.source() + " " + e.ruleId() + " @ " + e.location()).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"VAC-NOTE_2023.01.xml", "BIO-CR-BIO_2024.01_TSH_1.xml"})
    void theAnsExamplesOfTheBuiltModelsPassTheirModelSchematron(String name) throws IOException {
        byte[] xml;
        try (InputStream in = getClass().getResourceAsStream("/ans-examples/" + name)) {
            xml = in.readAllBytes();
        }
        ValidationReport r = validator.validate(xml);
        assertThat(summary(r.errors().stream().filter(e -> e.source() != ValidationIssue.Source.BUILT_IN).toList()))
                .isEmpty();
        assertThat(r.checksRun()).anyMatch(c -> c.startsWith("schematrons/CI-SIS_"));
    }

    @Test
    void builtVaccinationNotePassesXsdHeaderAndVacNoteSchematron() {
        ValidationReport r = validator.validate(ContentFixtures.noteDocument());
        assertThat(r.errors()).isEmpty();
        assertThat(r.checksRun()).contains("xsd", CdaValidator.HEADER_SCHEMATRON,
                "schematrons/CI-SIS_VAC-NOTE_2023.01.sch");
    }

    @Test
    void builtBiologyReportPassesXsdHeaderAndCrBioSchematron() {
        ValidationReport r = validator.validate(ContentFixtures.biologyDocument());
        assertThat(summary(r.errors())).isEmpty();
        assertThat(r.errors()).isEmpty();
        assertThat(r.checksRun()).contains("xsd", CdaValidator.HEADER_SCHEMATRON,
                "schematrons/CI-SIS_BIO-CR-BIO_2024.01.sch");
    }

    @Test
    void theCrBioSchematronReallyRunsOnTheBuiltReport() {
        String xml = new String(ContentFixtures.biologyDocument(), StandardCharsets.UTF_8)
                .replace("1.2.250.1.213.1.1.2.243", "1.2.250.1.213.1.1.2.999");
        ValidationReport r = validator.validate(xml.getBytes(StandardCharsets.UTF_8));
        assertThat(r.errors()).anySatisfy(e -> {
            assertThat(e.source()).isEqualTo(ValidationIssue.Source.SCHEMATRON);
            assertThat(e.ruleId()).startsWith("CI-SIS_BIO-CR-BIO_2024.01.sch#");
        });
    }
}
