package fr.opendmp.core.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opendmp.core.document.DocumentStatus;
import org.junit.jupiter.api.Test;

class DocumentQueryTest {

    @Test
    void aQueryWithoutCriteriaAsksEveryCurrentDocument() {
        DocumentQuery q = DocumentQuery.builder().build();
        assertThat(q.statuses()).containsExactly(DocumentStatus.CURRENT);
        assertThat(q.types()).isEmpty();
        assertThat(q.archived()).isEmpty();
    }

    @Test
    void deletedDocumentsAndAbsurdPageSizesAreRefused() {
        assertThatThrownBy(() -> DocumentQuery.builder().status(DocumentStatus.ENTERED_IN_ERROR).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DocumentQuery.builder().pageSize(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pageSize");
    }
}
