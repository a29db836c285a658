package fr.opendmp.testkit.client;

import static fr.opendmp.testkit.client.ClientFixtures.AUTHOR;
import static fr.opendmp.testkit.client.ClientFixtures.INS;
import static fr.opendmp.testkit.client.ClientFixtures.OTHER;
import static fr.opendmp.testkit.client.ClientFixtures.client;
import static fr.opendmp.testkit.client.ClientFixtures.deposit;
import static fr.opendmp.testkit.client.ClientFixtures.newUniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opendmp.core.caller.Caller;
import fr.opendmp.core.client.DmpClient;
import fr.opendmp.core.client.DmpView;
import fr.opendmp.core.client.PatientRecord;
import fr.opendmp.core.client.RecordOptions;
import fr.opendmp.core.client.VisitMarker;
import fr.opendmp.core.document.DocumentEntry;
import fr.opendmp.core.error.AccessRefusedException;
import fr.opendmp.core.search.DocumentQuery;
import fr.opendmp.testkit.dmp.FakeDmp;
import fr.opendmp.testkit.dmp.FakePatient;
import fr.opendmp.testkit.dmp.Fault;
import fr.opendmp.testkit.junit.FakeDmpTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Opening a patient's record: two round trips on the critical path, folded, grouped, since last visit. */
@FakeDmpTest
class PatientRecordTest {

    static final Duration LATENCY = Duration.ofMillis(150);
    FakeDmp fake;

    @BeforeEach
    void seed(FakeDmp started) {
        fake = started;
        fake.seedProfessional(AUTHOR).seedProfessional(OTHER).seedPatient(FakePatient.open(INS.value()));
    }

    /** 40 current documents, 10 of which replaced an earlier version. */
    static void seedForty(DmpClient dmp) {
        List<DocumentEntry> first = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            dmp.documents().deposit(deposit(newUniqueId()));
        }
        first.addAll(dmp.documents().searchAll(INS, DocumentQuery.builder().pageSize(100).build()));
        for (DocumentEntry old : first.subList(0, 10)) {
            dmp.documents().replace(old.id(), deposit(newUniqueId()));
        }
    }

    @Test
    void aRecordOfFortyDocumentsAndItsThreeNewestContentsOpensInTwoRoundTripsNotFive() {
        try (DmpClient dmp = client(fake, AUTHOR)) {
            seedForty(dmp);
            fake.injectFault(".*", Fault.latency(LATENCY), 1_000);
            DmpView view = dmp.as(Caller.provider());
            long start = System.nanoTime();
            PatientRecord record = view.openRecord(INS);
            record.documents().subList(0, 3).forEach(e -> record.content(e).join());
            long opened = (System.nanoTime() - start) / 1_000_000;
            fake.clearFaults();

            assertThat(record.documents()).hasSize(40);
            assertThat(record.documents()).isSortedAccordingTo((a, b) ->
                    b.metadata().creationTime().compareTo(a.metadata().creationTime()));
            assertThat(record.documents().subList(0, 3)).allSatisfy(e ->
                    assertThat(record.contentIfReady(e)).isPresent());
            assertThat(opened).as("2 round trips of %d ms, with room for a loaded machine; 5 would be %d ms",
                    LATENCY.toMillis(), 5 * LATENCY.toMillis())
                    .isBetween(2 * LATENCY.toMillis(), 4 * LATENCY.toMillis() - 1);
        }
    }

    @Test
    void sinceLastVisitListsWhatWasAddedOrReplacedSinceTheStoredMarker() {
        try (DmpClient dmp = client(fake, AUTHOR)) {
            dmp.documents().deposit(deposit(newUniqueId(), newUniqueId()));
            DmpView view = dmp.as(Caller.provider());
            PatientRecord first = view.openRecord(INS);
            assertThat(first.sinceLastVisit()).hasSize(2);
            VisitMarker stored = new VisitMarker(first.marker().value());

            dmp.documents().deposit(deposit(newUniqueId()));
            dmp.documents().replace(first.documents().get(0).id(), deposit(newUniqueId()));

            PatientRecord second = view.openRecord(INS, RecordOptions.builder().lastVisit(stored).build());
            assertThat(second.documents()).hasSize(3);
            assertThat(second.sinceLastVisit()).hasSize(2)
                    .noneMatch(e -> e.uniqueId().equals(first.documents().get(1).uniqueId()));
            assertThat(stored.toString()).doesNotContain(first.documents().get(0).uniqueId());
        }
    }

    @Test
    void documentsAreGroupedByClassThenTypeNewestFirst() {
        try (DmpClient dmp = client(fake, AUTHOR)) {
            dmp.documents().deposit(deposit(newUniqueId(), newUniqueId(), newUniqueId()));
            PatientRecord record = dmp.as(Caller.provider()).openRecord(INS,
                    RecordOptions.builder().prefetch(0).build());
            assertThat(record.byClassAndType()).hasSize(1);
            assertThat(record.byClassAndType().values().iterator().next().values().iterator().next()).hasSize(3);
        }
    }

    @Test
    void aBlockedProfessionalOpeningTheRecordGetsTheTypedRefusal() {
        fake.block(INS.value(), OTHER.idNatPs());
        try (DmpClient dmp = client(fake, OTHER)) {
            assertThatThrownBy(() -> dmp.as(Caller.provider()).openRecord(INS))
                    .isInstanceOf(AccessRefusedException.class);
        }
    }
}
