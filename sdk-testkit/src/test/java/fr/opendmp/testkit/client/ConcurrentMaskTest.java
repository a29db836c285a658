package fr.opendmp.testkit.client;

import static fr.opendmp.testkit.client.ClientFixtures.AUTHOR;
import static fr.opendmp.testkit.client.ClientFixtures.INS;
import static fr.opendmp.testkit.client.ClientFixtures.client;
import static fr.opendmp.testkit.client.ClientFixtures.deposit;
import static fr.opendmp.testkit.client.ClientFixtures.newUniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opendmp.core.client.DmpClient;
import fr.opendmp.core.document.Audience;
import fr.opendmp.core.document.DocumentEntry;
import fr.opendmp.core.error.ConflictException;
import fr.opendmp.core.search.DocumentQuery;
import fr.opendmp.testkit.dmp.FakeDmp;
import fr.opendmp.testkit.dmp.FakePatient;
import fr.opendmp.testkit.junit.FakeDmpTest;
import org.junit.jupiter.api.Test;

/** Optimistic concurrency on TD3.3: the version a client read travels as If-Match. */
@FakeDmpTest
class ConcurrentMaskTest {

    @Test
    void twoClientsChangingTheSameEntryFromOneReadingOneSucceedsTheOtherGetsATypedConflictNothingLost(
            FakeDmp fake) {
        fake.seedProfessional(AUTHOR).seedPatient(FakePatient.open(INS.value()));
        String uid = newUniqueId();
        try (DmpClient first = client(fake, AUTHOR); DmpClient second = client(fake, AUTHOR)) {
            first.documents().deposit(deposit(uid));
            DocumentEntry seenByFirst = first.documents().findByUniqueId(INS, uid).orElseThrow();
            DocumentEntry seenBySecond = second.documents().findByUniqueId(INS, uid).orElseThrow();

            DocumentEntry masked = first.documents().mask(seenByFirst);
            assertThat(masked.masked()).isTrue();
            assertThatThrownBy(() -> second.documents().setVisibility(seenBySecond, Audience.PATIENT, false))
                    .isInstanceOfSatisfying(ConflictException.class, e -> {
                        assertThat(e.httpStatus()).contains(412);
                        assertThat(e.retryable()).isFalse();
                        assertThat(e.hint()).contains("read the document again");
                    });

            DocumentEntry reread = second.documents().findByUniqueId(INS, uid).orElseThrow();
            assertThat(reread.masked()).as("the first change is kept").isTrue();
            DocumentEntry both = second.documents().setVisibility(reread, Audience.PATIENT, false);
            assertThat(both.masked()).isTrue();
            assertThat(second.documents().searchAll(INS, DocumentQuery.builder().build())).singleElement()
                    .satisfies(e -> assertThat(e.uniqueId()).isEqualTo(uid));
        }
    }
}
