package fr.opendmp.core.builders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import fr.opendmp.core.code.Code;
import fr.opendmp.core.code.CodeSystems;
import fr.opendmp.core.document.Author;
import fr.opendmp.core.document.Deposit;
import fr.opendmp.core.document.DocumentMetadata;
import fr.opendmp.core.document.DocumentType;
import fr.opendmp.core.search.DocumentQuery;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/**
 * The builders of what a vendor fills by hand refuse a setting given twice (a second value would
 * silently win), and still take repeated values where the setting adds one (authors, events).
 */
class SettingGivenTwiceTest {

    private static final OffsetDateTime T = OffsetDateTime.parse("2026-06-12T10:00:00+02:00");

    @Test
    void documentMetadataRefusesASecondTitleTypeOrUniqueIdAndNamesTheSetting() {
        assertThatIllegalStateException().isThrownBy(() -> DocumentMetadata.builder().title("a").title("b"))
                .withMessage("title was already set");
        assertThatIllegalStateException().isThrownBy(() -> DocumentMetadata.builder()
                .type(DocumentType.CR_CONSULTATION).type(Code.of(CodeSystems.LOINC, "11488-4", "CR")))
                .withMessage("type was already set");
        assertThatIllegalStateException().isThrownBy(() -> DocumentMetadata.builder()
                .uniqueId("urn:oid:1.2.3").uniqueId("urn:oid:1.2.4")).withMessage("uniqueId was already set");
    }

    @Test
    void documentMetadataStillTakesSeveralAuthorsAndEvents() {
        DocumentMetadata m = DocumentMetadata.builder().uniqueId("urn:oid:1.2.250.1.999.1.1")
                .type(DocumentType.CR_CONSULTATION).title("CR")
                .facilityType(Code.of(CodeSystems.TRE_R02, "SA07", "Cabinet individuel"))
                .practiceSetting(Code.of(CodeSystems.PRACTICE_SETTING, "AMBULATOIRE", "Ambulatoire"))
                .creationTime(T).serviceStart(T).author(Author.of("810001234567")).author(Author.of("810001234568"))
                .build();
        assertThat(m.authors()).hasSize(2);
    }

    @Test
    void depositRefusesASecondFolderOrSubmissionTitle() {
        assertThatIllegalStateException().isThrownBy(() -> Deposit.builder().folder("a").folder("b"))
                .withMessage("folder was already set");
        assertThatIllegalStateException().isThrownBy(() -> Deposit.builder().submissionTitle("a").submissionTitle("b"))
                .withMessage("submissionTitle was already set");
    }

    @Test
    void documentQueryRefusesASecondDateBoundOrPageSize() {
        assertThatIllegalStateException().isThrownBy(() -> DocumentQuery.builder().createdFrom(T).createdFrom(T))
                .withMessage("createdFrom was already set");
        assertThatIllegalStateException().isThrownBy(() -> DocumentQuery.builder().pageSize(10).pageSize(20))
                .withMessage("pageSize was already set");
    }
}
