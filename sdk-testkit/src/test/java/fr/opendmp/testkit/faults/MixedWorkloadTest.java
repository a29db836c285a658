package fr.opendmp.testkit.faults;

import static fr.opendmp.testkit.faults.FaultDocs.AUTHOR;
import static fr.opendmp.testkit.faults.FaultDocs.INS;
import static fr.opendmp.testkit.faults.FaultDocs.OTHER_INS;
import static fr.opendmp.testkit.faults.FaultDocs.deposit;
import static fr.opendmp.testkit.faults.FaultDocs.newUid;
import static org.assertj.core.api.Assertions.assertThat;

import fr.opendmp.core.client.DmpClient;
import fr.opendmp.core.document.DocumentEntry;
import fr.opendmp.core.document.DocumentStatus;
import fr.opendmp.core.ins.Ins;
import fr.opendmp.core.search.DocumentQuery;
import fr.opendmp.testkit.dmp.FakeDmp;
import fr.opendmp.testkit.dmp.FakePatient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 19: 32 threads depositing, replacing, searching and masking on one client and one fake for
 * a fixed time, over each wire protocol. Afterwards every document is in the fake once, each
 * replacement left exactly one current document in its chain, no search ever returned a document
 * twice or a document of another patient, and no thread is stuck.
 *
 * <p>CI runs {@value #DEFAULT_SECONDS} s per protocol; {@code -Dopendmp.workload.seconds=N} runs
 * longer, {@code -Dopendmp.workload.seed=N} replays a run's choices (each run prints its seed).
 */
class MixedWorkloadTest {
    static final int THREADS = 32;
    static final int DEFAULT_SECONDS = 6;

    enum Op { DEPOSIT, REPLACE, SEARCH, MASK }

    /** What one thread did: its documents by patient, current ones and replaced ones. */
    static final class Worker {
        final Ins ins;
        final List<String> current = new ArrayList<>();
        final Set<String> replaced = new HashSet<>();
        final Random random;

        Worker(Ins ins, long seed) {
            this.ins = ins;
            this.random = new Random(seed);
        }
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void thirtyTwoThreadsMixingDepositsReplacementsSearchesAndMasksLoseNothingAndDuplicateNothing(Wire wire)
            throws Exception {
        Duration run = Duration.ofSeconds(Long.getLong("opendmp.workload.seconds", DEFAULT_SECONDS));
        long seed = Long.getLong("opendmp.workload.seed", System.nanoTime());
        Map<Op, AtomicLong> done = new ConcurrentHashMap<>();
        for (Op op : Op.values()) {
            done.put(op, new AtomicLong());
        }
        ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
        AtomicLong entriesSeen = new AtomicLong();
        List<Worker> workers = new ArrayList<>();
        try (FakeDmp fake = FakeDmp.builder().start();
                DmpClient dmp = wire.client(fake, AUTHOR, u -> u, Duration.ofSeconds(20), feedRate())) {
            fake.seedProfessional(AUTHOR).seedPatient(FakePatient.open(INS.value()))
                    .seedPatient(FakePatient.open(OTHER_INS.value()));
            long end = System.nanoTime() + run.toNanos();
            CountDownLatch finished = new CountDownLatch(THREADS);
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                Worker w = new Worker(t % 2 == 0 ? INS : OTHER_INS, seed + t);
                workers.add(w);
                Thread thread = new Thread(() -> {
                    try {
                        while (System.nanoTime() < end) {
                            Op op = step(dmp, w, violations, entriesSeen);
                            done.get(op).incrementAndGet();
                        }
                    } catch (RuntimeException | AssertionError e) {
                        violations.add(e.getClass().getSimpleName() + ": " + e.getMessage());
                    } finally {
                        finished.countDown();
                    }
                }, "workload-" + t);
                thread.setDaemon(true);
                threads.add(thread);
                thread.start();
            }
            boolean allEnded = finished.await(run.toSeconds() + 60, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(allEnded).as("no thread stuck (deadlock or hang)").isTrue();
            assertThat(violations).as("errors and inconsistent searches").isEmpty();

            int checked = 0;
            for (Ins ins : List.of(INS, OTHER_INS)) {
                List<String> expectedCurrent = workers.stream().filter(w -> w.ins.equals(ins))
                        .flatMap(w -> w.current.stream()).toList();
                Set<String> expectedReplaced = new HashSet<>();
                workers.stream().filter(w -> w.ins.equals(ins)).forEach(w -> expectedReplaced.addAll(w.replaced));
                List<String> current = dmp.documents().searchAll(ins, DocumentQuery.builder().build()).stream()
                        .map(DocumentEntry::uniqueId).toList();
                assertThat(current).as("every document current once: lost 0, duplicated 0")
                        .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expectedCurrent);
                Set<String> superseded = new HashSet<>();
                dmp.documents().searchAll(ins, DocumentQuery.builder().status(DocumentStatus.SUPERSEDED).build())
                        .forEach(e -> superseded.add(e.uniqueId()));
                assertThat(superseded).as("every replaced document is superseded").containsAll(expectedReplaced);
                assertThat(current).as("a replaced document is no longer current").noneMatch(expectedReplaced::contains);
                checked += expectedCurrent.size() + expectedReplaced.size();
            }
            System.out.printf("MixedWorkloadTest %s: %d threads for %d s (seed %d), %d deposits, %d replacements,"
                    + " %d searches (%d entries checked), %d masks, %d documents checked, lost 0, duplicated 0,"
                    + " 0 stuck, %d documents in the fake%n", wire, THREADS, run.toSeconds(), seed,
                    done.get(Op.DEPOSIT).get(), done.get(Op.REPLACE).get(), done.get(Op.SEARCH).get(),
                    entriesSeen.get(), done.get(Op.MASK).get(), checked, fake.documentCount());
        }
    }

    /**
     * @return the DMPi client's feeding rate limit in this test: none by default (the fake has no
     *     quota; at the client's default of 4 a second the threads would wait on the limit, not load
     *     the SDK), {@code -Dopendmp.workload.feedRate=4} for the default's pace
     */
    static double feedRate() {
        return Double.parseDouble(System.getProperty("opendmp.workload.feedRate", String.valueOf(Wire.NO_FEED_LIMIT)));
    }

    /** One random operation of a worker on its own documents; searches see the whole record. */
    static Op step(DmpClient dmp, Worker w, ConcurrentLinkedQueue<String> violations, AtomicLong entriesSeen) {
        int dice = w.random.nextInt(100);
        Op op = w.current.isEmpty() || dice < 35 ? Op.DEPOSIT : dice < 50 ? Op.REPLACE : dice < 85 ? Op.SEARCH
                : Op.MASK;
        switch (op) {
            case DEPOSIT -> {
                String uid = newUid();
                dmp.documents().deposit(deposit(w.ins, uid));
                w.current.add(uid);
            }
            case REPLACE -> {
                String old = w.current.get(w.random.nextInt(w.current.size()));
                DocumentEntry entry = dmp.documents().findByUniqueId(w.ins, old).orElseThrow(
                        () -> new AssertionError("a current document of this thread is not found"));
                String uid = newUid();
                dmp.documents().replace(entry.id(), deposit(w.ins, uid));
                w.current.remove(old);
                w.replaced.add(old);
                w.current.add(uid);
            }
            case SEARCH -> {
                List<DocumentEntry> found = dmp.documents().searchAll(w.ins, DocumentQuery.builder().build());
                entriesSeen.addAndGet(found.size());
                SearchChecks.check(found, w.ins, w.current, w.replaced, violations);
            }
            case MASK -> {
                String uid = w.current.get(w.random.nextInt(w.current.size()));
                DocumentEntry entry = dmp.documents().findByUniqueId(w.ins, uid).orElseThrow(
                        () -> new AssertionError("a current document of this thread is not found"));
                if (!entry.masked()) {
                    dmp.documents().mask(entry);
                }
            }
            default -> throw new IllegalStateException();
        }
        return op;
    }
}
