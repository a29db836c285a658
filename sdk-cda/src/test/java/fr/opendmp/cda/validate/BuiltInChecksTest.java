package fr.opendmp.cda.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opendmp.cda.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class BuiltInChecksTest {

    static final List<String> VECTORS = Fixtures.VECTORS;
    static final CdaValidator VALIDATOR = CdaValidator.builder().build();

    @ParameterizedTest
    @FieldSource("VECTORS")
    void everyAnsVectorPassesTheBuiltInChecksWithoutAnyPackage(String name) {
        ValidationReport r = VALIDATOR.validate(Fixtures.vector(name));
        assertThat(r.errors()).isEmpty();
        assertThat(r.checksRun()).containsExactly("built-in");
        assertThat(r.checksSkipped()).singleElement().asString().contains("no ANS package");
    }

    @Test
    void creationTimeWithoutOffsetAndMaskedConfidentialityAreReportedWithRuleAndXPath() {
        ValidationReport r = validate(vsm()
                .replace("<effectiveTime value=\"20200312111700+0100\"/>", "<effectiveTime value=\"20200312\"/>")
                .replaceFirst("<confidentialityCode code=\"N\"", "<confidentialityCode code=\"R\""));
        assertThat(r.errors()).extracting(ValidationIssue::ruleId).contains("CDA-HDR-08", "CDA-HDR-09");
        assertThat(r.errors()).filteredOn(e -> e.ruleId().equals("CDA-HDR-08")).singleElement()
                .satisfies(e -> assertThat(e.location()).isEqualTo("/ClinicalDocument/effectiveTime"));
    }

    @Test
    void missingInsTraitsAreReported() {
        ValidationReport r = validate(vsm().replace("<county>51215</county>", "")
                .replace("<given qualifier=\"BR\">DOMINIQUE</given>", ""));
        assertThat(r.errors()).filteredOn(e -> e.ruleId().equals("CDA-HDR-15")).hasSize(2)
                .allSatisfy(e -> assertThat(e.message()).doesNotContain("DOMINIQUE").doesNotContain("51215"));
    }

    @Test
    void cdaInsWithAWrongKeyIsAnErrorWithItsRuleIdAndNeverQuotesTheIns() {
        ValidationReport r = validate(vsm().replace("extension=\"279035121518989\"", "extension=\"279035121518988\""));

        assertThat(r.isValid()).isFalse();
        assertThat(r.errors()).filteredOn(e -> e.ruleId().equals("CDA-HDR-22")).singleElement().satisfies(e -> {
            assertThat(e.location()).isEqualTo("/ClinicalDocument/recordTarget/patientRole/id[1]");
            assertThat(e.message()).contains("KEY_MISMATCH").doesNotContain("2790351215189");
        });
    }

    @Test
    void niaWithAWrongKeyIsAnErrorToo() {
        ValidationReport r = validate(vsm().replace("extension=\"279035121518989\" root=\"1.2.250.1.213.1.4.10\"",
                "extension=\"279035121518901\" root=\"1.2.250.1.213.1.4.9\""));

        assertThat(r.errors()).filteredOn(e -> e.ruleId().equals("CDA-HDR-22")).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("NIA").contains("KEY_MISMATCH"));
    }

    @Test
    void insWrittenWithSpacesOrWithoutExtensionIsAnError() {
        ValidationReport spaced = validate(vsm().replace("extension=\"279035121518989\"",
                "extension=\"2 79 03 51 215 189 89\""));
        ValidationReport missing = validate(vsm().replace("extension=\"279035121518989\" root=", "root="));

        assertThat(spaced.errors()).extracting(ValidationIssue::ruleId).contains("CDA-HDR-22");
        assertThat(missing.errors()).extracting(ValidationIssue::ruleId).contains("CDA-HDR-22");
    }

    @Test
    void deeplyNestedCdaGivesAParseErrorReportInsteadOfThrowing() {
        ValidationReport r = VALIDATOR.validate(Fixtures.vsmWithDeepTitle(10_000));

        assertThat(r.isValid()).isFalse();
        assertThat(r.errors()).singleElement().satisfies(e -> {
            assertThat(e.source()).isEqualTo(ValidationIssue.Source.PARSE);
            assertThat(e.ruleId()).isEqualTo("parse:TOO_DEEP");
        });
    }

    @Test
    void vsmWithoutItsTreatmentSectionAndWithAnotherCodeIsReported() {
        ValidationReport r = validate(vsm().replace("1.2.250.1.213.1.1.2.32", "1.2.250.1.213.1.1.2.999")
                .replace("code=\"SYNTH\"", "code=\"SYNTHX\""));
        assertThat(r.errors()).extracting(ValidationIssue::ruleId).contains("CDA-VSM-01", "CDA-VSM-03");
    }

    @Test
    void n1WithoutMediaTypeIsReported() {
        String n1 = new String(Fixtures.vector("DOC_NON_STRUCTURE_CDA-R2-N1.xml"), StandardCharsets.UTF_8)
                .replace("mediaType=\"application/pdf\"", "");
        assertThat(validate(n1).errors()).extracting(ValidationIssue::ruleId).contains("CDA-BODY-02");
    }

    @Test
    void hostileXmlIsAParseErrorNotAnException() {
        ValidationReport r = validate("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>");
        assertThat(r.errors()).singleElement().satisfies(e -> {
            assertThat(e.source()).isEqualTo(ValidationIssue.Source.PARSE);
            assertThat(e.ruleId()).isEqualTo("parse:DOCTYPE_FORBIDDEN");
        });
    }

    @Test
    void aFolderThatIsNotAnAnsPackageIsRefusedAndSettingItTwiceToo() {
        assertThatThrownBy(() -> CdaValidator.builder().ansPackage(Path.of("/nonexistent")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CDA_extended.xsd");
        assertThatThrownBy(() -> CdaValidator.builder().bodySchematrons(true).bodySchematrons(false))
                .isInstanceOf(IllegalStateException.class);
    }

    private static String vsm() {
        return new String(Fixtures.vector("VSM_1.4_2022.01.xml"), StandardCharsets.UTF_8);
    }

    private static ValidationReport validate(String xml) {
        return VALIDATOR.validate(xml.getBytes(StandardCharsets.UTF_8));
    }
}
