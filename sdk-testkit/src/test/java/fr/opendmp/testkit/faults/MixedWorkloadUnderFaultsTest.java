package fr.opendmp.testkit.faults;

import static fr.opendmp.testkit.faults.FaultDocs.AUTHOR;
import static fr.opendmp.testkit.faults.FaultDocs.INS;
import static fr.opendmp.testkit.faults.FaultDocs.OTHER_INS;
import static fr.opendmp.testkit.faults.FaultDocs.deposit;
import static fr.opendmp.testkit.faults.FaultDocs.newUid;
import static org.assertj.core.api.Assertions.assertThat;

import fr.opendmp.core.client.DmpClient;
import fr.opendmp.core.document.DepositReceipt;
import fr.opendmp.core.document.DocumentEntry;
import fr.opendmp.core.document.DocumentStatus;
import fr.opendmp.core.error.DmpException;
import fr.opendmp.core.ins.Ins;
import fr.opendmp.core.search.DocumentQuery;
import fr.opendmp.testkit.dmp.FakeDmp;
import fr.opendmp.testkit.dmp.FakePatient;
import fr.opendmp.testkit.dmp.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The workload of {@link MixedWorkloadTest} (32 threads depositing, replacing, searching and masking
 * on one client) while a share of its calls is cut: every {@value #FAULT_EVERY_MS} ms the fault proxy
 * in front of the fake cuts the next exchange (reset, truncated answer, a 500 or 503 instead of the
 * fake's answer, every open connection closed) or the fake injects one of its faults (answer dropped
 * or cut after the document was stored, connection dropped, 503 with Retry-After).
 *
 * <p>Afterwards, read without faults: every deposit that returned a receipt is in the fake once;
 * every deposit that threw is absent or there once; every replacement chain has one current
 * document (the replacement that returned: the new one; the one that threw: the old or the new,
 * never both, never none); nothing is stored twice nor appears that no thread sent; every error a
 * call threw is a typed {@link DmpException}; every thread ended.
 *
 * <p>CI runs {@value #DEFAULT_SECONDS} s of load per protocol; {@code -Dopendmp.workload.faultSeconds=N}
 * runs longer, {@code -Dopendmp.workload.seed=N} replays the workers' and the faults' choices (not the
 * threads' timing), {@code -Dopendmp.workload.showErrors=true} prints each error a call threw.
 */
class MixedWorkloadUnderFaultsTest {
    static final int THREADS = 32;
    static final int DEFAULT_SECONDS = 5;
    static final long FAULT_EVERY_MS = 150;
    /** Long enough for a call on 2 loaded cores; no cut here waits for a timeout (no black hole). */
    static final Duration TIMEOUT = Duration.ofSeconds(3);

    enum Op { DEPOSIT, REPLACE, SEARCH, MASK }

    /** What one thread knows of its documents: certain outcomes, and the calls that threw. */
    static final class Worker {
        final Ins ins;
        final Random random;
        final List<String> current = new ArrayList<>();
        final Set<String> replaced = new HashSet<>();
        final Set<String> uncertainDeposits = new HashSet<>();
        /** A replacement that threw: its new uniqueId and the one it replaced. */
        final Map<String, String> uncertainReplacements = new HashMap<>();
        long recovered;

        Worker(Ins ins, long seed) {
            this.ins = ins;
            this.random = new Random(seed);
        }
    }

    /** The faults a chaos thread draws from, one every {@value #FAULT_EVERY_MS} ms. */
    static List<Consumer<Context>> faults() {
        return List.of(
                c -> c.proxy.next(FaultProxy.Cut.Kind.RESET_REQUEST, 200, ""),
                c -> c.proxy.next(FaultProxy.Cut.Kind.RESET_ANSWER, 100, ""),
                c -> c.proxy.next(FaultProxy.Cut.Kind.TRUNCATE_ANSWER, 150, ""),
                c -> c.proxy.next(FaultProxy.Cut.Kind.STATUS_INSTEAD, 500, ""),
                c -> c.proxy.next(FaultProxy.Cut.Kind.STATUS_INSTEAD, 503, ""),
                c -> c.wire.inject(c.fake, Fault.dropAnswerAfterHandling(), 1),
                c -> c.wire.inject(c.fake, Fault.cutAnswerAfterHandling(), 1),
                c -> c.wire.inject(c.fake, Fault.dropConnection(), 1),
                c -> c.wire.inject(c.fake, Fault.status(503, Duration.ofSeconds(1)), 1),
                c -> {
                    // rarer: every open connection closed at once, the next one refused
                    if (c.random.nextInt(4) == 0) {
                        c.proxy.next(FaultProxy.Cut.Kind.REFUSE, 1, "");
                    }
                });
    }

    /** What the chaos thread acts on. */
    record Context(Wire wire, FakeDmp fake, FaultProxy proxy, Random random) {
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void thirtyTwoThreadsWhileCallsAreCutLoseNothingDuplicateNothingAndNeverHang(Wire wire) throws Exception {
        Duration run = Duration.ofSeconds(Long.getLong("opendmp.workload.faultSeconds", DEFAULT_SECONDS));
        long seed = Long.getLong("opendmp.workload.seed", System.nanoTime());
        Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
        List<Worker> workers = new ArrayList<>();
        long started = System.nanoTime();
        try (FakeDmp fake = FakeDmp.builder().start();
                FaultProxy proxy = FaultProxy.tls(fake.port(), fake.tls().orElseThrow().serverSslContext(),
                        fake.credentials(AUTHOR).sslContext().orElseThrow());
                DmpClient dmp = wire.client(fake, AUTHOR, proxy::in, TIMEOUT, Wire.NO_FEED_LIMIT)) {
            fake.seedProfessional(AUTHOR).seedPatient(FakePatient.open(INS.value()))
                    .seedPatient(FakePatient.open(OTHER_INS.value()));
            long end = System.nanoTime() + run.toNanos();
            CountDownLatch finished = new CountDownLatch(THREADS);
            for (int t = 0; t < THREADS; t++) {
                Worker w = new Worker(t % 2 == 0 ? INS : OTHER_INS, seed + t);
                workers.add(w);
                Thread thread = new Thread(() -> {
                    try {
                        while (System.nanoTime() < end) {
                            step(dmp, w, violations, counts);
                        }
                    } catch (RuntimeException | AssertionError e) {
                        violations.add("an untyped error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
                    } finally {
                        finished.countDown();
                    }
                }, "workload-faults-" + t);
                thread.setDaemon(true);
                thread.start();
            }
            Context chaos = new Context(wire, fake, proxy, new Random(seed - 1));
            List<Consumer<Context>> faults = faults();
            int injected = 0;
            while (System.nanoTime() < end) {
                faults.get(chaos.random().nextInt(faults.size())).accept(chaos);
                injected++;
                Thread.sleep(FAULT_EVERY_MS);
            }
            boolean allEnded = finished.await(run.toSeconds() + 60, TimeUnit.SECONDS);
            long loadMs = (System.nanoTime() - started) / 1_000_000;
            assertThat(allEnded).as("no thread stuck (deadlock or hang)").isTrue();
            assertThat(violations).as("untyped errors and inconsistent searches").isEmpty();
            int proxyCuts = proxy.fired();
            proxy.clear();
            fake.clearFaults();

            long[] outcome = new long[4];
            try (DmpClient direct = wire.client(fake, AUTHOR, u -> u, Duration.ofSeconds(20), Wire.NO_FEED_LIMIT)) {
                for (Ins ins : List.of(INS, OTHER_INS)) {
                    check(direct, workers.stream().filter(w -> w.ins.equals(ins)).toList(), ins, outcome);
                }
            }
            System.out.printf("MixedWorkloadUnderFaultsTest %s: %d threads for %d s (seed %d), %d faults queued"
                    + " (%d proxy cuts fired), calls %s; %d documents checked, %d recovered receipts,"
                    + " %d deposits that threw found stored and %d absent, %d replacements that threw ended new"
                    + " and %d old; lost 0, duplicated 0, 0 stuck, %d ms%n", wire, THREADS, run.toSeconds(), seed,
                    injected, proxyCuts, new java.util.TreeMap<>(counts), outcome[0],
                    workers.stream().mapToLong(w -> w.recovered).sum(), outcome[1], outcome[2], outcome[3],
                    workers.stream().mapToLong(w -> w.uncertainReplacements.size()).sum() - outcome[3], loadMs);
        }
    }

    /** The fake's state for one patient against what its threads know; adds to {@code outcome}. */
    static void check(DmpClient dmp, List<Worker> workers, Ins ins, long[] outcome) {
        List<String> current = dmp.documents().searchAll(ins, DocumentQuery.builder().build()).stream()
                .map(DocumentEntry::uniqueId).toList();
        // every version of every document (a mask makes a new version under the same uniqueId)
        Set<String> all = new HashSet<>();
        FaultDocs.stored(dmp, ins).forEach(e -> all.add(e.uniqueId()));
        assertThat(current).as("nothing current twice: duplicated 0").doesNotHaveDuplicates();
        Set<String> superseded = new HashSet<>();
        dmp.documents().searchAll(ins, DocumentQuery.builder().status(DocumentStatus.SUPERSEDED).build())
                .forEach(e -> superseded.add(e.uniqueId()));
        Set<String> known = new HashSet<>();
        for (Worker w : workers) {
            assertThat(current).as("every deposit or replacement that returned is current once")
                    .containsAll(w.current);
            assertThat(superseded).as("every replaced document is superseded").containsAll(w.replaced);
            assertThat(current).as("a replaced document is no longer current").noneMatch(w.replaced::contains);
            for (String uid : w.uncertainDeposits) {
                if (all.contains(uid)) {
                    assertThat(current).as("a deposit that threw and was stored is current").contains(uid);
                    outcome[1]++;
                } else {
                    outcome[2]++;
                }
            }
            for (Map.Entry<String, String> r : w.uncertainReplacements.entrySet()) {
                boolean newOne = current.contains(r.getKey());
                boolean oldOne = current.contains(r.getValue());
                assertThat(newOne ^ oldOne).as("one current document per chain, after a replacement that threw")
                        .isTrue();
                if (newOne) {
                    assertThat(superseded).as("the replaced one is superseded").contains(r.getValue());
                    outcome[3]++;
                }
            }
            known.addAll(w.current);
            known.addAll(w.replaced);
            known.addAll(w.uncertainDeposits);
            known.addAll(w.uncertainReplacements.keySet());
            known.addAll(w.uncertainReplacements.values());
            outcome[0] += w.current.size() + w.replaced.size() + w.uncertainDeposits.size()
                    + w.uncertainReplacements.size();
        }
        assertThat(all).as("no document that no thread sent").allMatch(known::contains);
    }

    /** One random operation of a worker; a call that throws leaves its documents out of later steps. */
    static void step(DmpClient dmp, Worker w, ConcurrentLinkedQueue<String> violations,
            Map<String, AtomicLong> counts) {
        int dice = w.random.nextInt(100);
        Op op = w.current.isEmpty() || dice < 35 ? Op.DEPOSIT : dice < 50 ? Op.REPLACE : dice < 85 ? Op.SEARCH
                : Op.MASK;
        String uid = newUid();
        String target = w.current.isEmpty() ? "" : w.current.get(w.random.nextInt(w.current.size()));
        try {
            switch (op) {
                case DEPOSIT -> {
                    w.uncertainDeposits.add(uid);
                    DepositReceipt r = dmp.documents().deposit(deposit(w.ins, uid));
                    w.uncertainDeposits.remove(uid);
                    w.current.add(uid);
                    w.recovered += r.recovered() ? 1 : 0;
                }
                case REPLACE -> {
                    Optional<DocumentEntry> entry = dmp.documents().findByUniqueId(w.ins, target);
                    if (entry.isEmpty()) {
                        violations.add("a current document of this thread is not found");
                        return;
                    }
                    w.current.remove(target);
                    w.uncertainReplacements.put(uid, target);
                    dmp.documents().replace(entry.get().id(), deposit(w.ins, uid));
                    w.uncertainReplacements.remove(uid);
                    w.replaced.add(target);
                    w.current.add(uid);
                }
                case SEARCH -> search(dmp, w, violations);
                case MASK -> {
                    Optional<DocumentEntry> entry = dmp.documents().findByUniqueId(w.ins, target);
                    if (entry.isEmpty()) {
                        violations.add("a current document of this thread is not found");
                        return;
                    }
                    if (!entry.get().masked()) {
                        dmp.documents().mask(entry.get());
                    }
                }
                default -> throw new IllegalStateException();
            }
            counts.computeIfAbsent(op + " ok", k -> new AtomicLong()).incrementAndGet();
        } catch (DmpException e) {
            counts.computeIfAbsent(op + " threw " + e.getClass().getSimpleName() + (e.retryable() ? " (retryable)"
                    : " (final)"), k -> new AtomicLong()).incrementAndGet();
            if (System.getProperty("opendmp.workload.showErrors") != null) {
                System.out.println(op + ": " + e);
            }
        }
    }

    /**
     * One page: the fake's FHIR next links name its own address, not the proxy's, and the client
     * rightly refuses to follow a link to another origin (paging under load is {@link MixedWorkloadTest}'s).
     */
    private static void search(DmpClient dmp, Worker w, ConcurrentLinkedQueue<String> violations) {
        List<DocumentEntry> found = dmp.documents().searchAll(w.ins, DocumentQuery.builder().pageSize(500).build());
        SearchChecks.check(found, w.ins, w.current, w.replaced, violations);
    }
}
