package fr.opendmp.core.document;

import fr.opendmp.core.party.Professional;
import fr.opendmp.core.code.Code;
import fr.opendmp.core.code.CodeSystems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class DocumentMetadataTest {

    static final OffsetDateTime T = OffsetDateTime.parse("2026-06-12T10:00:00+02:00");

    static DocumentMetadata.Builder base() {
        return withoutFacilityType().facilityType(Code.of(CodeSystems.TRE_R02, "SA07"));
    }

    static DocumentMetadata.Builder withoutFacilityType() {
        return DocumentMetadata.builder().uniqueId("1.2.250.1.999.7").title("t")
                .practiceSetting(Code.of(CodeSystems.PRACTICE_SETTING, "AMBULATOIRE"))
                .creationTime(T).author(Author.of("810001234567"));
    }

    @Test
    void commonTypeGivesItsDefaultClassFormatAndMimeTypeAndTheUniqueIdBecomesAnOidUrn() {
        DocumentMetadata m = base().type(DocumentType.SYNTHESE_MEDICALE).build();
        assertThat(m.uniqueId()).isEqualTo("urn:oid:1.2.250.1.999.7");
        assertThat(m.classCode().code()).isEqualTo("11");
        assertThat(m.format().code()).isEqualTo("urn:asip:ci-sis:vsm:2012");
        assertThat(m.contentType()).isEqualTo("application/xml");
        assertThat(m.serviceStart()).isEqualTo(T);
        assertThat(m.confidentiality()).isEqualTo(Confidentiality.NORMAL);
    }

    @Test
    void everyCommonTypeBuildsInStrictModeSoItsCodesAreInTheValueSets() {
        for (DocumentType type : DocumentType.common()) {
            assertThat(base().type(type).build().type()).isEqualTo(type.code());
        }
    }

    @Test
    void strictModeRefusesACodeOutsideItsValueSetAndNamesIt() {
        assertThatThrownBy(() -> withoutFacilityType().type(DocumentType.CR_CONSULTATION)
                .facilityType(Code.of("http://snomed.info/sct", "22232009")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("facilityType")
                .hasMessageContaining("JDV_J02");
        DocumentMetadata lenient = DocumentMetadata.builder().uniqueId("1.2.3").title("t").creationTime(T)
                .author(Author.of("810001234567")).type(DocumentType.CR_CONSULTATION)
                .facilityType(Code.of("http://snomed.info/sct", "22232009"))
                .practiceSetting(Code.of("http://snomed.info/sct", "394802001"))
                .valueSetCheck(ValueSetCheck.LENIENT).build();
        assertThat(lenient.facilityType().code()).isEqualTo("22232009");
    }

    @Test
    void aTypeUnknownToTheAnsTablesIsATypedErrorUnlessTheTableIsExtended() {
        Code local = Code.of(CodeSystems.LOINC, "99999-9");
        assertThatThrownBy(() -> base().type(local).format(DocumentType.CR_CONSULTATION.defaultFormat())
                .contentType("application/xml").valueSetCheck(ValueSetCheck.LENIENT).build())
                .isInstanceOfSatisfying(DocumentTypeException.class,
                        e -> assertThat(e.reason()).isEqualTo(DocumentTypeException.Reason.UNKNOWN_TYPE))
                .hasMessageContaining("99999-9");
        DocumentMetadata m = base().type(local).format(DocumentType.CR_CONSULTATION.defaultFormat())
                .contentType("application/xml").valueSetCheck(ValueSetCheck.LENIENT)
                .typeClassTable(TypeClassTable.ans().with(local, TypeClassTable.COMPTE_RENDU)).build();
        assertThat(m.classCode()).isEqualTo(TypeClassTable.COMPTE_RENDU);
    }

    @Test
    void missingRequiredElementIsNamed() {
        assertThatThrownBy(() -> DocumentMetadata.builder().uniqueId("1.2.3").type(DocumentType.CR_BIOLOGIE).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("facilityType");
        assertThatThrownBy(() -> DocumentMetadata.builder().uniqueId("not-an-id").title("t")
                .facilityType(Code.of(CodeSystems.TRE_R02, "SA07"))
                .practiceSetting(Code.of(CodeSystems.PRACTICE_SETTING, "AMBULATOIRE"))
                .creationTime(T).author(Author.of("810001234567")).type(DocumentType.CR_BIOLOGIE).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("uniqueId");
    }

    @Test
    void codesWithTheSameSystemSpelledAsOidOrUrlAreEqualWhateverTheDisplay() {
        assertThat(Code.of("urn:oid:2.16.840.1.113883.6.1", "11502-2", "x"))
                .isEqualTo(Code.of(CodeSystems.LOINC, "11502-2", "y"))
                .hasSameHashCodeAs(Code.of(CodeSystems.LOINC, "11502-2"));
        assertThat(Code.of(CodeSystems.TRE_A03, "11").systemOid()).contains("1.2.250.1.213.1.1.4.1");
        assertThat(Code.of(CodeSystems.LOINC, "1")).isNotEqualTo(Code.of(CodeSystems.TRE_A03, "1"));
    }

    @Test
    void authorToStringNeverShowsNames() {
        assertThat(Author.of(Professional.of("810001234567", "NAME", "SECRET")).toString())
                .doesNotContain("SECRET").doesNotContain("NAME");
    }

    @Test
    void metadataToStringMasksTitleDescriptionAndEvents() {
        DocumentMetadata m = DocumentMetadata.builder().uniqueId("1.2.250.1.999.7").title("Annonce VIH")
                .facilityType(Code.of(CodeSystems.TRE_R02, "SA07"))
                .practiceSetting(Code.of(CodeSystems.PRACTICE_SETTING, "AMBULATOIRE"))
                .creationTime(T).author(Author.of("810001234567"))
                .description("suspicion de cancer").type(DocumentType.CR_CONSULTATION)
                .event(Code.of("urn:oid:1.2.250.1.213.2.5", "ZZQK002")).author(Author.of(Professional.of("810001234568", "NAME", "SECRET"))).build();

        assertThat(m.toString()).doesNotContain("VIH").doesNotContain("cancer").doesNotContain("ZZQK002")
                .doesNotContain("SECRET").contains("urn:oid:1.2.250.1.999.7").contains("11488-4");
    }
}
