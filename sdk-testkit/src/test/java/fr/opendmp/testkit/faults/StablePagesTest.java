package fr.opendmp.testkit.faults;

import static fr.opendmp.testkit.faults.FaultDocs.AUTHOR;
import static fr.opendmp.testkit.faults.FaultDocs.INS;
import static fr.opendmp.testkit.faults.FaultDocs.deposit;
import static fr.opendmp.testkit.faults.FaultDocs.newUid;
import static org.assertj.core.api.Assertions.assertThat;

import fr.opendmp.core.client.DmpClient;
import fr.opendmp.core.document.DocumentEntry;
import fr.opendmp.core.search.DocumentPage;
import fr.opendmp.core.search.DocumentQuery;
import fr.opendmp.testkit.dmp.FakeDmp;
import fr.opendmp.testkit.dmp.FakePatient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fake's FHIR search pages read the results of the first page: a record changing in between shifts nothing. */
class StablePagesTest {

    @Test
    void documentsDepositedAndMaskedBetweenTwoPagesNeitherRepeatNorSkipAnEntryOfTheSearch() {
        try (FakeDmp fake = FakeDmp.builder().start();
                DmpClient dmp = Wire.FHIR.client(fake, AUTHOR, u -> u, Duration.ofSeconds(5))) {
            fake.seedProfessional(AUTHOR).seedPatient(FakePatient.open(INS.value()));
            List<String> before = List.of(newUid(), newUid(), newUid());
            before.forEach(uid -> dmp.documents().deposit(deposit(INS, uid)));

            DocumentPage first = dmp.documents().search(INS, DocumentQuery.builder().pageSize(2).build());
            dmp.documents().deposit(deposit(INS, newUid()));
            dmp.documents().deposit(deposit(INS, newUid()));
            dmp.documents().mask(first.entries().get(0));
            assertThat(first.hasNext()).isTrue();
            DocumentPage second = first.next();

            List<String> seen = new ArrayList<>();
            first.entries().forEach(e -> seen.add(e.uniqueId()));
            second.entries().stream().map(DocumentEntry::uniqueId).forEach(seen::add);
            assertThat(seen).containsExactlyInAnyOrderElementsOf(before);
            assertThat(second.hasNext()).isFalse();
        }
    }
}
