package fr.opendmp.testkit.faults;

import static fr.opendmp.testkit.faults.FaultDocs.AUTHOR;
import static fr.opendmp.testkit.faults.FaultDocs.INS;
import static fr.opendmp.testkit.faults.FaultDocs.deposit;
import static fr.opendmp.testkit.faults.FaultDocs.newUid;
import static fr.opendmp.testkit.faults.FaultProxy.Cut.Kind.BLACK_HOLE_ANSWER;
import static fr.opendmp.testkit.faults.FaultProxy.Cut.Kind.BLACK_HOLE_REQUEST;
import static fr.opendmp.testkit.faults.FaultProxy.Cut.Kind.REFUSE;
import static fr.opendmp.testkit.faults.FaultProxy.Cut.Kind.RESET_ANSWER;
import static fr.opendmp.testkit.faults.FaultProxy.Cut.Kind.RESET_REQUEST;
import static fr.opendmp.testkit.faults.FaultProxy.Cut.Kind.STATUS_INSTEAD;
import static fr.opendmp.testkit.faults.FaultProxy.Cut.Kind.TRUNCATE_ANSWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opendmp.core.client.DmpClient;
import fr.opendmp.core.document.DepositReceipt;
import fr.opendmp.core.document.DocumentEntry;
import fr.opendmp.core.error.DmpException;
import fr.opendmp.core.error.TransportException;
import fr.opendmp.core.search.DocumentQuery;
import fr.opendmp.testkit.dmp.FakeDmp;
import fr.opendmp.testkit.dmp.FakePatient;
import fr.opendmp.testkit.dmp.Fault;
import fr.opendmp.testkit.junit.FakeDmpExtension;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 19: transport faults, from a TCP proxy that cuts connections and from the fake's own fault
 * injection, over both wire protocols (verified credentials: TLS with client certificates, signed
 * VIHF). Each call ends in a typed {@link DmpException} or a successful retry, within the bound its
 * timeouts give; no document is ever stored twice, as the fake's own state shows.
 */
@ExtendWith(FakeDmpExtension.class)
class ProxyFaultsTest {
    static final Duration TIMEOUT = Duration.ofSeconds(1);
    /** Three attempts, each bounded by the connect and the request timeouts, and Retry-After ≤ 2 s. */
    static final Duration BOUND = TIMEOUT.multipliedBy(2 * Wire.RETRIES.maxAttempts()).plusSeconds(2);

    FakeDmp fake;
    FaultProxy proxy;
    final List<String> report = new ArrayList<>();
    final Map<String, Integer> expectedStored = new HashMap<>();
    long slowestMs;

    @BeforeEach
    void setUp(FakeDmp started) throws Exception {
        fake = started;
        fake.seedProfessional(AUTHOR).seedPatient(FakePatient.open(INS.value()));
        proxy = FaultProxy.tls(fake.port(), fake.tls().orElseThrow().serverSslContext(),
                fake.credentials(AUTHOR).sslContext().orElseThrow());
    }

    @AfterEach
    void tearDown() {
        proxy.close();
    }

    /** Runs one call, records its outcome and duration, and checks the duration against the bound. */
    <T> T timed(String name, Supplier<T> call) {
        long t0 = System.nanoTime();
        try {
            T result = call.get();
            note(name, t0, result instanceof DepositReceipt r && r.recovered() ? "recovered" : "ok");
            return result;
        } catch (DmpException e) {
            note(name, t0, e.getClass().getSimpleName() + (e.retryable() ? " (retryable)" : " (final)"));
            throw e;
        }
    }

    private void note(String name, long t0, String outcome) {
        long ms = (System.nanoTime() - t0) / 1_000_000;
        slowestMs = Math.max(slowestMs, ms);
        report.add(name + " -> " + outcome + " in " + ms + " ms");
        assertThat(Duration.ofMillis(ms)).as("%s: never a hang past the configured timeouts", name)
                .isLessThan(BOUND);
    }

    /** A deposit under a cut the proxy applies to the deposit's exchange; the cut must have fired. */
    DepositReceipt depositUnder(Wire wire, DmpClient dmp, FaultProxy.Cut.Kind kind, int bytes) {
        String uid = newUid();
        proxy.next(kind, bytes, wire.depositMarker);
        DepositReceipt r = timed("deposit, " + kind + " " + bytes, () -> dmp.documents().deposit(deposit(INS, uid)));
        assertThat(proxy.pending()).as("the cut %s was applied", kind).isZero();
        expectedStored.put(uid, 1);
        return r;
    }

    DepositReceipt depositUnderFakeFault(Wire wire, DmpClient dmp, Fault fault) {
        String uid = newUid();
        wire.inject(fake, fault, 1);
        DepositReceipt r = timed("deposit, fake " + fault.kind() + " " + fault.status(),
                () -> dmp.documents().deposit(deposit(INS, uid)));
        expectedStored.put(uid, 1);
        return r;
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void everyCutOfADepositEndsInOneStoredDocumentOrATypedErrorWithinItsTimeouts(Wire wire) throws Exception {
        int perSubmission;
        try (DmpClient dmp = wire.client(fake, AUTHOR, proxy::in, TIMEOUT)) {
            String first = newUid();
            timed("deposit, no fault", () -> dmp.documents().deposit(deposit(INS, first)));
            expectedStored.put(first, 1);
            perSubmission = fake.documentCount();

            // nothing reached the fake: the retry sends it, once
            assertThat(depositUnder(wire, dmp, RESET_REQUEST, 200).recovered()).isFalse();
            assertThat(depositUnder(wire, dmp, BLACK_HOLE_REQUEST, 0).recovered()).isFalse();
            assertThat(depositUnder(wire, dmp, REFUSE, 1).recovered()).isFalse();
            // the fake stored it, the answer is lost: the lookup finds it, it is not sent again
            assertThat(depositUnder(wire, dmp, RESET_ANSWER, 0).recovered()).isTrue();
            assertThat(depositUnder(wire, dmp, RESET_ANSWER, 100).recovered()).isTrue();
            assertThat(depositUnder(wire, dmp, TRUNCATE_ANSWER, 150).recovered()).isTrue();
            assertThat(depositUnder(wire, dmp, BLACK_HOLE_ANSWER, 0).recovered()).isTrue();
            assertThat(depositUnder(wire, dmp, STATUS_INSTEAD, 500).recovered()).isTrue();
            // the fake's own faults: refusals before handling, and an answer dropped after it
            for (int status : new int[] {503, 429}) {
                long t0 = System.nanoTime();
                depositUnderFakeFault(wire, dmp, Fault.status(status, Duration.ofSeconds(1)));
                assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("Retry-After of the %d honoured", status)
                        .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
            }
            depositUnderFakeFault(wire, dmp, Fault.status(500, Duration.ZERO));
            assertThat(depositUnderFakeFault(wire, dmp, Fault.dropAnswerAfterHandling()).recovered()).isTrue();
            assertThat(depositUnderFakeFault(wire, dmp, Fault.cutAnswerAfterHandling()).recovered()).isTrue();

            // every attempt swallowed: a typed, retryable error after the last attempt; nothing stored
            String lost = newUid();
            for (int i = 0; i < Wire.RETRIES.maxAttempts(); i++) {
                proxy.next(BLACK_HOLE_REQUEST, 0, wire.depositMarker);
            }
            assertThatThrownBy(() -> timed("deposit, every attempt black-holed",
                    () -> dmp.documents().deposit(deposit(INS, lost))))
                    .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.retryable()).isTrue());
            assertThat(proxy.pending()).isZero();
            proxy.clear();
            // sent again later, by the caller: stored once
            assertThat(timed("deposit again after the typed error",
                    () -> dmp.documents().deposit(deposit(INS, lost))).recovered()).isFalse();
            expectedStored.put(lost, 1);
        }
        try (DmpClient direct = wire.client(fake, AUTHOR, u -> u, Duration.ofSeconds(5))) {
            List<String> stored = FaultDocs.stored(direct, INS).stream().map(DocumentEntry::uniqueId).toList();
            assertThat(stored).as("lost 0, duplicated 0").doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(expectedStored.keySet());
        }
        assertThat(fake.documentCount()).as("the fake's own count").isEqualTo(perSubmission * expectedStored.size());
        print(wire, "deposits");
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void cutSearchesAndMasksEndInTheRightAnswerOrATypedErrorWithinTheirTimeouts(Wire wire) throws Exception {
        try (DmpClient dmp = wire.client(fake, AUTHOR, proxy::in, TIMEOUT)) {
            String a = newUid();
            String b = newUid();
            dmp.documents().deposit(deposit(INS, a));
            dmp.documents().deposit(deposit(INS, b));
            List<FaultProxy.Cut.Kind> readCuts = List.of(RESET_REQUEST, RESET_ANSWER, TRUNCATE_ANSWER,
                    BLACK_HOLE_REQUEST, BLACK_HOLE_ANSWER, STATUS_INSTEAD, REFUSE);
            for (FaultProxy.Cut.Kind kind : readCuts) {
                proxy.next(kind, kind == STATUS_INSTEAD ? 500 : kind == REFUSE ? 1 : 60, wire.searchMarker);
                List<DocumentEntry> found = timed("search, " + kind,
                        () -> dmp.documents().searchAll(INS, DocumentQuery.builder().build()));
                assertThat(found).extracting(DocumentEntry::uniqueId).containsExactlyInAnyOrder(a, b);
                assertThat(proxy.pending()).isZero();
            }
            for (int i = 0; i < Wire.RETRIES.maxAttempts(); i++) {
                proxy.next(BLACK_HOLE_ANSWER, 0, wire.searchMarker);
            }
            assertThatThrownBy(() -> timed("search, every attempt black-holed",
                    () -> dmp.documents().searchAll(INS, DocumentQuery.builder().build())))
                    .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.retryable()).isTrue());
            proxy.clear();

            // a mask is not idempotent (a new version of the entry): its answer lost after the fake
            // applied it is a final TransportException, never resent; reading again shows it done once
            DocumentEntry entry = dmp.documents().findByUniqueId(INS, a).orElseThrow();
            proxy.next(RESET_ANSWER, 0, wire.maskMarker);
            assertThatThrownBy(() -> timed("mask, answer reset", () -> dmp.documents().mask(entry)))
                    .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.retryable()).isFalse());
            assertThat(proxy.pending()).isZero();
            assertThat(dmp.documents().findByUniqueId(INS, a)).hasValueSatisfying(e -> assertThat(e.masked()).isTrue());
            // a mask makes a new version of the entry (the old one superseded): one current per uniqueId
            assertThat(dmp.documents().searchAll(INS, DocumentQuery.builder().build()))
                    .extracting(DocumentEntry::uniqueId).containsExactlyInAnyOrder(a, b);
        }
        print(wire, "searches and masks");
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void aRefusedOrStalledConnectIsARetryableTransportErrorWithinTheConnectTimeouts(Wire wire) throws Exception {
        int refusing = DeadPorts.refusing();
        try (DmpClient dmp = wire.client(fake, AUTHOR, u -> withPort(u, refusing), TIMEOUT)) {
            String uid = newUid();
            assertThatThrownBy(() -> timed("deposit, nothing listening",
                    () -> dmp.documents().deposit(deposit(INS, uid))))
                    .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.retryable()).isTrue());
        }
        try (DeadPorts.Stalled stalled = new DeadPorts.Stalled();
                DmpClient dmp = wire.client(fake, AUTHOR, u -> withPort(u, stalled.port()), TIMEOUT)) {
            String uid = newUid();
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> timed("deposit, connect stalled",
                    () -> dmp.documents().deposit(deposit(INS, uid))))
                    .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.retryable()).isTrue());
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("each attempt waited for its connect timeout")
                    .isGreaterThanOrEqualTo(TIMEOUT);
        }
        assertThat(fake.documentCount()).isZero();
        print(wire, "connects");
    }

    static URI withPort(URI u, int port) {
        return URI.create(u.getScheme() + "://" + u.getHost() + ":" + port + u.getRawPath());
    }

    void print(Wire wire, String what) {
        System.out.printf("ProxyFaultsTest %s %s: %d calls, %d cuts by the proxy, slowest %d ms (bound %d ms),"
                + " %d documents checked, lost 0, duplicated 0%n  %s%n", wire, what, report.size(), proxy.fired(),
                slowestMs, BOUND.toMillis(), expectedStored.size(), String.join("\n  ", report));
    }
}
