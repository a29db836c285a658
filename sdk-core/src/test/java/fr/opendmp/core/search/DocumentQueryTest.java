package fr.opendmp.core.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opendmp.core.document.DocumentStatus;
import fr.opendmp.core.document.TypeClassTable;
import org.junit.jupiter.api.Test;

class DocumentQueryTest {

    @Test
    void aQueryWithoutCriteriaAsksEveryCurrentDocument() {
        DocumentQuery q = DocumentQuery.builder().build();
        assertThat(q.statuses()).containsExactly(DocumentStatus.CURRENT);
        assertThat(q.types()).isEmpty();
        assertThat(q.archived()).isEmpty();
        assertThat(q.signatureEntries()).isEqualTo(SignatureEntries.HIDE);
    }

    @Test
    void askingForTheSignatureClassShowsSignatureEntriesAndHidingThemThenIsRefused() {
        assertThat(DocumentQuery.builder().classCode(TypeClassTable.SIGNATURE).build().signatureEntries())
                .isEqualTo(SignatureEntries.SHOW);
        assertThat(DocumentQuery.builder().classCode(TypeClassTable.COMPTE_RENDU).build().signatureEntries())
                .isEqualTo(SignatureEntries.HIDE);
        assertThatThrownBy(() -> DocumentQuery.builder().classCode(TypeClassTable.SIGNATURE)
                .signatureEntries(SignatureEntries.HIDE).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SHOW");
    }

    @Test
    void theSignatureEntriesStrategyIsRefusedTheSecondTime() {
        DocumentQuery.Builder b = DocumentQuery.builder().signatureEntries(SignatureEntries.SHOW);
        assertThatThrownBy(() -> b.signatureEntries(SignatureEntries.HIDE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("signatureEntries");
    }

    @Test
    void deletedDocumentsAndAbsurdPageSizesAreRefused() {
        assertThatThrownBy(() -> DocumentQuery.builder().status(DocumentStatus.ENTERED_IN_ERROR).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DocumentQuery.builder().pageSize(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pageSize");
    }
}
