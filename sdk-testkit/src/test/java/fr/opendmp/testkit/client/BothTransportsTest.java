package fr.opendmp.testkit.client;

import static fr.opendmp.testkit.client.ClientFixtures.AUTHOR;
import static fr.opendmp.testkit.client.ClientFixtures.INS;
import static fr.opendmp.testkit.client.ClientFixtures.OTHER;
import static fr.opendmp.testkit.client.ClientFixtures.deposit;
import static fr.opendmp.testkit.client.ClientFixtures.newUniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opendmp.core.access.AccessContext;
import fr.opendmp.core.access.AccessMode;
import fr.opendmp.core.access.AccessStatus;
import fr.opendmp.core.access.DmpState;
import fr.opendmp.core.caller.Caller;
import fr.opendmp.core.client.DmpClient;
import fr.opendmp.core.client.RecordOptions;
import fr.opendmp.core.document.DepositReceipt;
import fr.opendmp.core.document.DocumentEntry;
import fr.opendmp.core.document.DocumentStatus;
import fr.opendmp.core.document.RetrievedDocument;
import fr.opendmp.core.error.AccessRefusal;
import fr.opendmp.core.error.AccessRefusedException;
import fr.opendmp.core.search.DocumentQuery;
import fr.opendmp.core.search.SignatureEntries;
import fr.opendmp.core.transport.DmpTransport;
import fr.opendmp.core.transport.FhirTransport;
import fr.opendmp.core.transport.RetryPolicy;
import fr.opendmp.testkit.dmp.AccessEvent;
import fr.opendmp.testkit.dmp.FakeDmp;
import fr.opendmp.testkit.dmp.FakePatient;
import fr.opendmp.testkit.dmp.FakeProfessional;
import fr.opendmp.testkit.junit.FakeDmpTest;
import fr.opendmp.xds.XdsTransport;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The same DmpClient scenarios over both wire protocols against one fake DMP (verified mode: mTLS,
 * signed VIHF in a header for FHIR and in WS-Security for DMPi, XAdES-signed submissions), and
 * documents crossing from one protocol to the other. The client (sdk-xds) and the fake's DMPi side
 * were written separately from the specification: each checks the other here.
 */
@FakeDmpTest
class BothTransportsTest {

    /** The two wire protocols of the DMP. */
    enum Wire {
        FHIR(fake -> FhirTransport.at(fake.baseUri())),
        DMPI(fake -> XdsTransport.builder().endpoint(fake.dmpiBaseUri()).build());

        final Function<FakeDmp, DmpTransport> transport;

        Wire(Function<FakeDmp, DmpTransport> transport) {
            this.transport = transport;
        }
    }

    FakeDmp fake;

    @BeforeEach
    void seed(FakeDmp started) {
        fake = started;
        fake.seedProfessional(AUTHOR).seedProfessional(OTHER).seedPatient(FakePatient.open(INS.value()));
    }

    DmpClient client(Wire wire, FakeProfessional who) {
        return DmpClient.builder().transport(wire.transport.apply(fake)).credentials(fake.credentials(who))
                .software("OpenDMP-e2e", "0.2", "TEST-OPENDMP").sourceId("1.2.250.1.999.42")
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(2)))
                .accessCacheTtl(Duration.ZERO).build();
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void accessDepositSearchRetrieveAndMaskBehaveTheSame(Wire wire) {
        String uid = newUniqueId();
        try (DmpClient dmp = client(wire, AUTHOR)) {
            AccessStatus access = dmp.access(INS, AccessMode.NORMAL);
            assertThat(access.state()).isEqualTo(DmpState.OPEN);
            assertThat(access.canDeposit()).isTrue();

            DepositReceipt receipt = dmp.documents().deposit(deposit(uid));
            assertThat(receipt.documents()).singleElement().satisfies(d -> assertThat(d.uniqueId()).isEqualTo(uid));

            List<DocumentEntry> found = dmp.documents().searchAll(INS, DocumentQuery.builder().build());
            assertThat(found).singleElement().satisfies(e -> {
                assertThat(e.uniqueId()).isEqualTo(uid);
                assertThat(e.status()).isEqualTo(DocumentStatus.CURRENT);
                assertThat(e.size()).isPresent();
                assertThat(e.hash()).isPresent();
            });
            RetrievedDocument content = dmp.documents().retrieve(found.get(0));
            assertThat(content.bytes()).isEqualTo(ClientFixtures.cda(uid));

            DocumentEntry masked = dmp.documents().mask(found.get(0));
            assertThat(masked.masked()).isTrue();
            assertThat(dmp.documents().findByUniqueId(INS, uid)).hasValueSatisfying(
                    e -> assertThat(e.masked()).isTrue());
            assertThat(dmp.documents().searchAll(INS, DocumentQuery.builder().build())).singleElement()
                    .satisfies(e -> assertThat(e.uniqueId()).isEqualTo(uid));
        }
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void aResendOfTheSameDepositIsRecoveredNotStoredTwice(Wire wire) {
        String uid = newUniqueId();
        try (DmpClient dmp = client(wire, AUTHOR)) {
            dmp.documents().deposit(deposit(uid));
            assertThat(dmp.documents().deposit(deposit(uid)).recovered()).isTrue();
            assertThat(dmp.documents().searchAll(INS, DocumentQuery.builder().build())).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void aBlockedProfessionalIsRefusedAndOnlyBrisDeGlaceReachesTheRecordTraced(Wire wire) {
        try (DmpClient author = client(wire, AUTHOR)) {
            author.documents().deposit(deposit(newUniqueId()));
        }
        fake.block(INS.value(), OTHER.idNatPs());
        try (DmpClient dmp = client(wire, OTHER)) {
            assertThatThrownBy(() -> dmp.documents().search(INS, DocumentQuery.builder().build()))
                    .isInstanceOfSatisfying(AccessRefusedException.class,
                            e -> assertThat(e.reason()).isEqualTo(AccessRefusal.BLOCKED));
            assertThat(dmp.documents(AccessContext.brisDeGlace("arrêt cardiaque")).searchAll(INS,
                    DocumentQuery.builder().build())).hasSize(1);
        }
        assertThat(fake.history()).anySatisfy((AccessEvent e) -> {
            assertThat(e.idNatPs()).isEqualTo(OTHER.idNatPs());
            assertThat(e.mode()).isEqualTo(AccessMode.BRIS_DE_GLACE);
            assertThat(e.succeeded()).isTrue();
        });
    }

    @Test
    void aDocumentDepositedOverDmpiIsFoundAndReadOverFhirAndTheReverse() {
        String overXds = newUniqueId();
        String overFhir = newUniqueId();
        try (DmpClient dmpi = client(Wire.DMPI, AUTHOR); DmpClient fhir = client(Wire.FHIR, AUTHOR)) {
            dmpi.documents().deposit(deposit(overXds));
            fhir.documents().deposit(deposit(overFhir));
            DocumentEntry xdsDocOverFhir = fhir.documents().findByUniqueId(INS, overXds).orElseThrow();
            DocumentEntry fhirDocOverXds = dmpi.documents().findByUniqueId(INS, overFhir).orElseThrow();
            assertThat(fhir.documents().retrieve(xdsDocOverFhir).bytes()).isEqualTo(ClientFixtures.cda(overXds));
            assertThat(dmpi.documents().retrieve(fhirDocOverXds).bytes()).isEqualTo(ClientFixtures.cda(overFhir));
            assertThat(xdsDocOverFhir.metadata().title()).isEqualTo(
                    dmpi.documents().findByUniqueId(INS, overXds).orElseThrow().metadata().title());
            // the XAdES signature document of the DMPi submission is hidden over both
            assertThat(fhir.documents().searchAll(INS, DocumentQuery.builder().build()))
                    .extracting(DocumentEntry::uniqueId).containsExactlyInAnyOrder(overXds, overFhir);
            assertThat(dmpi.documents().searchAll(INS, DocumentQuery.builder().build()))
                    .extracting(DocumentEntry::uniqueId).containsExactlyInAnyOrder(overXds, overFhir);
        }
    }

    @Test
    void aDmpiDepositsSignatureEntryIsHiddenOverBothTransportsAndListedByBothWhenTheQueryShowsIt() {
        String uid = newUniqueId();
        try (DmpClient dmpi = client(Wire.DMPI, AUTHOR); DmpClient fhir = client(Wire.FHIR, AUTHOR)) {
            dmpi.documents().deposit(deposit(uid));
            DocumentQuery hide = DocumentQuery.builder().build();
            DocumentQuery show = DocumentQuery.builder().signatureEntries(SignatureEntries.SHOW).build();
            for (DmpClient dmp : List.of(dmpi, fhir)) {
                assertThat(dmp.documents().searchAll(INS, hide)).as(dmp.transport())
                        .extracting(DocumentEntry::uniqueId).containsExactly(uid);
                assertThat(dmp.documents().search(INS, hide).entries()).as(dmp.transport())
                        .extracting(DocumentEntry::uniqueId).containsExactly(uid);
                assertThat(dmp.as(Caller.provider()).openRecord(INS, RecordOptions.builder().prefetch(0).build())
                        .documents()).as(dmp.transport()).extracting(DocumentEntry::uniqueId).containsExactly(uid);
            }
            List<DocumentEntry> shownOverDmpi = dmpi.documents().searchAll(INS, show);
            List<DocumentEntry> shownOverFhir = fhir.documents().searchAll(INS, show);
            assertThat(shownOverDmpi).hasSize(2).filteredOn(DocumentEntry::isSignature).singleElement()
                    .satisfies(e -> assertThat(e.uniqueId()).isNotEqualTo(uid));
            assertThat(shownOverFhir).extracting(DocumentEntry::uniqueId, DocumentEntry::isSignature)
                    .containsExactlyInAnyOrderElementsOf(shownOverDmpi.stream()
                            .map(e -> org.assertj.core.groups.Tuple.tuple(e.uniqueId(), e.isSignature())).toList());
        }
    }

    @Test
    void aSignatureDocumentAskedForByItsUniqueIdIsFoundAndRetrievedOverBothTransports() {
        try (DmpClient dmpi = client(Wire.DMPI, AUTHOR); DmpClient fhir = client(Wire.FHIR, AUTHOR)) {
            dmpi.documents().deposit(deposit(newUniqueId()));
            String signature = dmpi.documents().searchAll(INS, DocumentQuery.builder()
                    .signatureEntries(SignatureEntries.SHOW).build()).stream().filter(DocumentEntry::isSignature)
                    .findFirst().orElseThrow().uniqueId();
            byte[] overDmpi = dmpi.documents().retrieve(
                    dmpi.documents().findByUniqueId(INS, signature).orElseThrow()).bytes();
            DocumentEntry foundOverFhir = fhir.documents().findByUniqueId(INS, signature).orElseThrow();
            assertThat(foundOverFhir.isSignature()).isTrue();
            assertThat(fhir.documents().retrieve(foundOverFhir).bytes()).isEqualTo(overDmpi);
            assertThat(new String(overDmpi, StandardCharsets.UTF_8)).contains("SignedInfo", "IHEManifest");
        }
    }
}
