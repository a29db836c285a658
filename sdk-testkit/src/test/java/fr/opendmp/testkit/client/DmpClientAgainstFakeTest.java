package fr.opendmp.testkit.client;

import static fr.opendmp.testkit.client.ClientFixtures.AUTHOR;
import static fr.opendmp.testkit.client.ClientFixtures.INS;
import static fr.opendmp.testkit.client.ClientFixtures.OTHER;
import static fr.opendmp.testkit.client.ClientFixtures.client;
import static fr.opendmp.testkit.client.ClientFixtures.deposit;
import static fr.opendmp.testkit.client.ClientFixtures.metadata;
import static fr.opendmp.testkit.client.ClientFixtures.newUniqueId;
import static fr.opendmp.testkit.client.ClientFixtures.qualified;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opendmp.core.access.AccessContext;
import fr.opendmp.core.access.AccessMode;
import fr.opendmp.core.access.AccessStatus;
import fr.opendmp.core.access.Authorization;
import fr.opendmp.core.access.DmpState;
import fr.opendmp.core.error.AccessRefusal;
import fr.opendmp.core.error.AccessRefusedException;
import fr.opendmp.core.error.ConflictException;
import fr.opendmp.core.client.DmpClient;
import fr.opendmp.core.client.DmpDocuments;
import fr.opendmp.core.document.Deposit;
import fr.opendmp.core.document.DepositReceipt;
import fr.opendmp.core.document.DocumentEntry;
import fr.opendmp.core.document.DocumentStatus;
import fr.opendmp.core.document.RetrievedDocument;
import fr.opendmp.core.ins.IdentityNotQualifiedException;
import fr.opendmp.core.search.DocumentQuery;
import fr.opendmp.testkit.dmp.AccessEvent;
import fr.opendmp.testkit.dmp.FakeDmp;
import fr.opendmp.testkit.dmp.FakePatient;
import fr.opendmp.testkit.dmp.Fault;
import fr.opendmp.testkit.junit.FakeDmpExtension;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The real client against the fake DMP (strict validation), end to end. */
@ExtendWith(FakeDmpExtension.class)
class DmpClientAgainstFakeTest {

    FakeDmp fake;

    @BeforeEach
    void reset(FakeDmp started) {
        fake = started;
        fake.seedProfessional(AUTHOR).seedProfessional(OTHER).seedPatient(FakePatient.open(INS.value()));
    }

    static DocumentEntry only(DmpDocuments docs) {
        List<DocumentEntry> entries = docs.search(INS, DocumentQuery.builder().build()).entries();
        assertThat(entries).hasSize(1);
        return entries.get(0);
    }

    @Test
    void accessDepositSearchRetrieveReplaceMaskDeleteLifecycle() {
        try (DmpClient dmp = client(fake, AUTHOR)) {
            AccessStatus status = dmp.access(INS, AccessMode.NORMAL);
            assertThat(status.state()).isEqualTo(DmpState.OPEN);
            assertThat(status.canDeposit()).isTrue();

            String uid = newUniqueId();
            DepositReceipt receipt = dmp.documents().deposit(deposit(uid));
            assertThat(receipt.documents()).singleElement().satisfies(d -> assertThat(d.uniqueId()).isEqualTo(uid));

            DocumentEntry entry = only(dmp.documents());
            assertThat(entry.uniqueId()).isEqualTo(uid);
            assertThat(entry.status()).isEqualTo(DocumentStatus.CURRENT);
            assertThat(entry.type().code()).isEqualTo("11488-4");

            RetrievedDocument content = dmp.documents().retrieve(entry);
            assertThat(content.bytes()).isEqualTo(ClientFixtures.cda(uid));

            String uid2 = newUniqueId();
            DepositReceipt replaced = dmp.documents().replace(entry.id(), deposit(uid2));
            assertThat(replaced.documents()).singleElement().satisfies(d -> assertThat(d.uniqueId()).isEqualTo(uid2));
            DocumentEntry current = only(dmp.documents());
            assertThat(current.uniqueId()).isEqualTo(uid2);
            assertThat(dmp.documents().search(INS, DocumentQuery.builder().status(DocumentStatus.SUPERSEDED).build())
                    .entries()).extracting(DocumentEntry::uniqueId).containsExactly(uid);

            DocumentEntry masked = dmp.documents().mask(current);
            assertThat(masked.masked()).isTrue();
            DocumentEntry unmasked = dmp.documents().unmask(masked);
            assertThat(unmasked.masked()).isFalse();

            // each change is made on the latest entry: the fake answers 412 to a stale If-Match (issue 16)
            DocumentEntry archived = dmp.documents().archive(unmasked);
            assertThat(archived.archived()).isTrue();
            DocumentEntry unarchived = dmp.documents().unarchive(archived);
            assertThat(unarchived.archived()).isFalse();

            dmp.documents().delete(unarchived);
            assertThat(dmp.documents().search(INS, DocumentQuery.builder().build()).entries()).isEmpty();
        }
    }

    @Test
    void severalDocumentsAreDepositedInOneIti65Bundle() {
        try (DmpClient dmp = client(fake, AUTHOR)) {
            DepositReceipt r = dmp.documents().deposit(deposit(newUniqueId(), newUniqueId()));
            assertThat(r.documents()).hasSize(2);
            assertThat(dmp.documents().stream(INS, DocumentQuery.builder().build())).hasSize(2);
        }
    }

    @Test
    void aResendOfTheSameDocumentReturnsTheStoredReceiptAndLeavesOneDocument() {
        String uid = newUniqueId();
        try (DmpClient dmp = client(fake, AUTHOR)) {
            DepositReceipt first = dmp.documents().deposit(deposit(uid));
            DepositReceipt again = dmp.documents().deposit(deposit(uid));
            assertThat(again.recovered()).isTrue();
            assertThat(again.documents()).isEqualTo(first.documents());
        }
        assertThat(fake.documentCount()).isEqualTo(1);
    }

    @Test
    void anotherContentUnderAStoredUniqueIdIsAConflictAndLeavesOneDocument() {
        String uid = newUniqueId();
        try (DmpClient dmp = client(fake, AUTHOR)) {
            dmp.documents().deposit(deposit(uid));
            Deposit other = Deposit.builder().patient(qualified()).document(metadata(uid, "Autre contenu"),
                    "<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><title>autre</title></ClinicalDocument>"
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8)).build();
            assertThatThrownBy(() -> dmp.documents().deposit(other)).isInstanceOfSatisfying(
                    ConflictException.class, e -> assertThat(e.issues()).anySatisfy(
                            i -> assertThat(i.ruleId()).contains("DUPLICATE_UNIQUEID")));
        }
        assertThat(fake.documentCount()).isEqualTo(1);
    }

    @Test
    void aDepositWhoseAnswerIsLostIsNotStoredTwice() {
        fake.injectFault("/DocumentReference", Fault.latency(Duration.ofMillis(1500)), 1);
        try (DmpClient dmp = client(fake, AUTHOR, b -> b.requestTimeout(Duration.ofMillis(500)))) {
            DepositReceipt r = dmp.documents().deposit(deposit(newUniqueId()));
            assertThat(r.documents()).hasSize(1);
        }
        assertThat(fake.documentCount()).isEqualTo(1);
    }

    @Test
    void aDepositWhoseAnswerIsDroppedAfterStorageIsCountedAsStoredAndNeverSentTwice() {
        fake.injectFault("/DocumentReference", Fault.dropAnswerAfterHandling(), 1);
        String uid = newUniqueId();
        try (DmpClient dmp = client(fake, AUTHOR, b -> b.requestTimeout(Duration.ofMillis(800)))) {
            DepositReceipt r = dmp.documents().deposit(deposit(uid));
            assertThat(r.recovered()).as("found by its uniqueId after the lost answer").isTrue();
            assertThat(r.documents()).singleElement().satisfies(d -> assertThat(d.uniqueId()).isEqualTo(uid));
        }
        assertThat(fake.documentCount()).isEqualTo(1);
    }

    @Test
    void aDepositWhoseAnswerIsCutAfterStorageIsCountedAsStoredAndNeverSentTwice() {
        fake.injectFault("/DocumentReference", Fault.cutAnswerAfterHandling(), 1);
        try (DmpClient dmp = client(fake, AUTHOR, b -> b.requestTimeout(Duration.ofSeconds(2)))) {
            assertThat(dmp.documents().deposit(deposit(newUniqueId())).recovered()).isTrue();
        }
        assertThat(fake.documentCount()).isEqualTo(1);
    }

    @Test
    void aBlockedProfessionalIsRefusedInNormalModeWithAHintAndOnlyBrisDeGlaceReachesTheRecord() {
        fake.block(INS.value(), OTHER.idNatPs());
        try (DmpClient dmp = client(fake, OTHER)) {
            assertThat(dmp.access(INS, AccessMode.NORMAL).authorization()).isEqualTo(Authorization.BLOCKED);
            assertThat(dmp.access(INS, AccessMode.NORMAL).canConsult()).isFalse();
            assertThatThrownBy(() -> dmp.documents().search(INS, DocumentQuery.builder().build()))
                    .isInstanceOfSatisfying(AccessRefusedException.class, e -> {
                        assertThat(e.reason()).isEqualTo(AccessRefusal.BLOCKED);
                        assertThat(e.hint()).contains("only bris de glace");
                    });
            assertThat(dmp.documents(AccessContext.brisDeGlace("urgence")).search(INS,
                    DocumentQuery.builder().build()).entries()).isEmpty();
        }
        assertThat(fake.history()).anySatisfy((AccessEvent e) -> {
            assertThat(e.mode()).isEqualTo(AccessMode.BRIS_DE_GLACE);
            assertThat(e.idNatPs()).isEqualTo(OTHER.idNatPs());
            assertThat(e.succeeded()).isTrue();
        });
    }

    @Test
    void brisDeGlaceWithAReasonReachesTheRecordWithoutAuthorizationAndIsTraced() {
        try (DmpClient author = client(fake, AUTHOR)) {
            author.documents().deposit(deposit(newUniqueId()));
        }
        fake.revokeAuthorization(INS.value(), OTHER.idNatPs());
        try (DmpClient dmp = client(fake, OTHER)) {
            DmpDocuments urgent = dmp.documents(AccessContext.brisDeGlace("patient inconscient aux urgences"));
            assertThat(urgent.search(INS, DocumentQuery.builder().build()).entries()).hasSize(1);
        }
        assertThat(fake.history()).anySatisfy((AccessEvent e) -> {
            assertThat(e.mode()).isEqualTo(AccessMode.BRIS_DE_GLACE);
            assertThat(e.reason()).contains("patient inconscient aux urgences");
            assertThat(e.succeeded()).isTrue();
        });
    }

    @Test
    void withoutAuthorizationSearchIsRefusedButDepositIsAllowed() {
        fake.revokeAuthorization(INS.value(), OTHER.idNatPs());
        try (DmpClient dmp = client(fake, OTHER)) {
            assertThat(dmp.access(INS, AccessMode.NORMAL).authorization()).isEqualTo(Authorization.NONE);
            dmp.documents().deposit(deposit(newUniqueId()));
            assertThatThrownBy(() -> dmp.documents().search(INS, DocumentQuery.builder().build()))
                    .isInstanceOfSatisfying(AccessRefusedException.class,
                            e -> assertThat(e.reason()).isEqualTo(AccessRefusal.NO_AUTHORIZATION));
        }
    }

    @Test
    void aClosedDmpIsReportedByTd02AndRefusesDeposits() {
        fake.seedPatient(FakePatient.closed(INS.value(), LocalDate.of(2025, 3, 1), "patient-demande"));
        try (DmpClient dmp = client(fake, AUTHOR)) {
            AccessStatus s = dmp.access(INS, AccessMode.NORMAL);
            assertThat(s.state()).isEqualTo(DmpState.CLOSED);
            assertThat(s.closure()).hasValueSatisfying(c -> assertThat(c.date()).contains(LocalDate.of(2025, 3, 1)));
            assertThatThrownBy(() -> dmp.documents().deposit(deposit(newUniqueId())))
                    .isInstanceOfSatisfying(AccessRefusedException.class,
                            e -> assertThat(e.reason()).isEqualTo(AccessRefusal.DMP_CLOSED));
        }
        assertThat(fake.documentCount()).isZero();
    }

    @Test
    void onlyTheAuthorMayDelete() {
        try (DmpClient author = client(fake, AUTHOR); DmpClient other = client(fake, OTHER)) {
            author.documents().deposit(deposit(newUniqueId()));
            DocumentEntry entry = only(other.documents());
            assertThatThrownBy(() -> other.documents().delete(entry)).isInstanceOfSatisfying(
                    AccessRefusedException.class, e -> assertThat(e.reason()).isEqualTo(AccessRefusal.NOT_AUTHOR));
        }
    }

    @Test
    void aNotQualifiedIdentityNeverReachesTheFake() {
        fr.opendmp.core.document.Deposit d = fr.opendmp.core.document.Deposit.builder()
                .patient(fr.opendmp.core.ins.PatientIdentity.provisional(ClientFixtures.qualified().traits()))
                .document(ClientFixtures.metadata(newUniqueId(), "x"), new byte[] {1}).build();
        try (DmpClient dmp = client(fake, AUTHOR)) {
            assertThatThrownBy(() -> dmp.documents().deposit(d)).isInstanceOf(IdentityNotQualifiedException.class);
        }
        assertThat(fake.history()).isEmpty();
    }

    @Test
    void aSearchAnswered503IsRetriedAfterRetryAfter() {
        fake.injectFault("/DocumentReference", Fault.status(503, Duration.ofSeconds(1)), 1);
        try (DmpClient dmp = client(fake, AUTHOR)) {
            assertThat(dmp.documents().search(INS, DocumentQuery.builder().build()).entries()).isEmpty();
        }
    }
}
