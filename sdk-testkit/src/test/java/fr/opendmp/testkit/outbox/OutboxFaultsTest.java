package fr.opendmp.testkit.outbox;

import static fr.opendmp.testkit.outbox.OutboxDocs.AUTHOR;
import static fr.opendmp.testkit.outbox.OutboxDocs.INS;
import static fr.opendmp.testkit.outbox.OutboxDocs.qualified;
import static fr.opendmp.testkit.outbox.OutboxDocs.provisional;
import static fr.opendmp.testkit.outbox.OutboxDocs.request;
import static fr.opendmp.testkit.outbox.OutboxDocs.uid;
import static org.assertj.core.api.Assertions.assertThat;

import fr.opendmp.core.client.DmpClient;
import fr.opendmp.core.outbox.DepositOutbox;
import fr.opendmp.core.outbox.JdbcOutboxStore;
import fr.opendmp.core.outbox.OutboxItem;
import fr.opendmp.core.outbox.OutboxOutcome;
import fr.opendmp.core.outbox.OutboxSender;
import fr.opendmp.core.outbox.OutboxState;
import fr.opendmp.testkit.dmp.FakeDmp;
import fr.opendmp.testkit.dmp.FakePatient;
import fr.opendmp.testkit.dmp.Fault;
import fr.opendmp.testkit.faults.Wire;
import fr.opendmp.testkit.junit.FakeDmpExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 19: the outbox with the real client against the fake DMP (verified credentials), under the
 * fake's transport faults, and with threads queueing while the worker sends. Every document ends in
 * the fake exactly once.
 */
@ExtendWith(FakeDmpExtension.class)
class OutboxFaultsTest {
    FakeDmp fake;
    @TempDir
    Path dir;

    @BeforeEach
    void reset(FakeDmp started) {
        fake = started;
        fake.seedProfessional(AUTHOR).seedPatient(FakePatient.open(INS.value()));
    }

    static void awaitNothingPending(DepositOutbox outbox, Duration max) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        while (outbox.metrics().pending() > 0) {
            assertThat(System.nanoTime()).as("all sent within " + max).isLessThan(end);
            Thread.sleep(50);
        }
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void transportFaultsEndInATypedOutcomeOrASuccessfulRetryNeverADuplicateNeverAHang(Wire wire) throws Exception {
        int n = 40;
        List<OutboxOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        AtomicLong slowestSendMs = new AtomicLong();
        Duration timeout = Duration.ofSeconds(1);
        try (DmpClient dmp = OutboxDocs.client(fake, wire, timeout)) {
            OutboxSender direct = OutboxSender.of(dmp);
            OutboxSender timed = (deposit, item) -> {
                long t0 = System.nanoTime();
                try {
                    return direct.send(deposit, item);
                } finally {
                    slowestSendMs.accumulateAndGet((System.nanoTime() - t0) / 1_000_000, Math::max);
                }
            };
            try (DepositOutbox outbox = DepositOutbox.builder().store(JdbcOutboxStore.h2(dir)).sender(timed)
                    .ratePerSecond(200).backoff(Duration.ofMillis(20), Duration.ofMillis(200))
                    .pollInterval(Duration.ofMillis(20)).listener(outcomes::add).build()) {
                for (int i = 0; i < n; i++) {
                    outbox.enqueue(request("IPP-1", qualified(), uid("faults", i)));
                }
                wire.inject(fake, Fault.status(503, Duration.ofSeconds(1)), 4);
                wire.inject(fake, Fault.status(500, Duration.ZERO), 4);
                wire.inject(fake, Fault.latency(Duration.ofMillis(1500)), 3);
                wire.inject(fake, Fault.dropAnswerAfterHandling(), 5);
                wire.inject(fake, Fault.cutAnswerAfterHandling(), 3);
                wire.inject(fake, Fault.dropConnection(), 3);
                wire.inject(fake, Fault.status(429, Duration.ofSeconds(1)), 2);
                outbox.start();
                awaitNothingPending(outbox, Duration.ofSeconds(90));
                List<OutboxItem> items = outbox.list(EnumSet.allOf(OutboxState.class));
                assertThat(items).hasSize(n).allSatisfy(i -> assertThat(i.state()).isEqualTo(OutboxState.SENT));
            }
            fake.clearFaults();
            List<String> stored = OutboxDocs.storedUniqueIds(dmp);
            assertThat(stored).hasSize(n).doesNotHaveDuplicates();
            // over DMPi each submission also holds its XAdES signature document
            assertThat(fake.documentCount()).isEqualTo(wire == Wire.DMPI ? 2 * n : n);
        }
        assertThat(outcomes).filteredOn(o -> o.state() == OutboxState.SENT).hasSize(n);
        // each send is bounded: 3 attempts of at most the 1 s timeout, short backoffs, Retry-After ≤ 2 s
        assertThat(slowestSendMs.get()).as("never a hang past the configured timeouts").isLessThan(10_000);
        System.out.printf("OutboxFaultsTest %s: %d documents, 24 faults injected, %d retries scheduled, %d recovered,"
                + " slowest send %d ms, lost 0, duplicated 0%n", wire, n,
                outcomes.stream().filter(o -> o.state() == OutboxState.RETRY_SCHEDULED).count(),
                outcomes.stream().filter(OutboxOutcome::recovered).count(), slowestSendMs.get());
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void anAnswerLostAfterTheDmpStoredTheDocumentIsRecoveredNotSentTwice(Wire wire) throws Exception {
        List<OutboxOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        try (DmpClient dmp = OutboxDocs.client(fake, wire, Duration.ofSeconds(2));
                DepositOutbox outbox = DepositOutbox.builder().store(JdbcOutboxStore.h2(dir)).dmp(dmp)
                        .listener(outcomes::add).build()) {
            outbox.enqueue(request("IPP-1", qualified(), uid("lost", 1)));
            // every attempt of the client loses its answer after the DMP stored the document
            wire.inject(fake, Fault.dropAnswerAfterHandling(), 3);
            outbox.drainOnce();
            fake.clearFaults();
            OutboxItem item = outbox.find(uid("lost", 1)).orElseThrow();
            if (item.state() != OutboxState.SENT) {
                assertThat(item.state()).isEqualTo(OutboxState.RETRY_SCHEDULED);
                assertThat(outbox.retryNow(item.uniqueId())).isPresent();
                outbox.drainOnce();
            }
            assertThat(outbox.find(uid("lost", 1)).orElseThrow().state()).isEqualTo(OutboxState.SENT);
            assertThat(OutboxDocs.storedUniqueIds(dmp)).containsExactly(uid("lost", 1));
            assertThat(fake.documentCount()).isEqualTo(wire == Wire.DMPI ? 2 : 1);
            assertThat(outcomes).filteredOn(o -> o.state() == OutboxState.SENT).singleElement()
                    .satisfies(o -> assertThat(o.recovered()).isTrue());
        }
    }

    @Test
    void threadsQueueingWhileTheWorkerSendsLoseNothingAndSendNothingTwice() throws Exception {
        int threads = 4;
        int each = 30;
        try (DmpClient dmp = OutboxDocs.client(fake, Duration.ofSeconds(5));
                DepositOutbox outbox = DepositOutbox.builder().store(JdbcOutboxStore.h2(dir)).dmp(dmp)
                        .ratePerSecond(500).pollInterval(Duration.ofMillis(10)).build()) {
            outbox.start();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> fs = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    fs.add(pool.submit(() -> {
                        for (int i = 0; i < each; i++) {
                            // half qualified now, half qualified later by another call
                            boolean now = i % 2 == 0;
                            outbox.enqueue(request("IPP-" + thread, now ? qualified() : provisional(),
                                    uid("conc" + thread, i)));
                            // the same document queued twice is one item
                            outbox.enqueue(request("IPP-" + thread, now ? qualified() : provisional(),
                                    uid("conc" + thread, i)));
                        }
                        outbox.identityQualified("IPP-" + thread, qualified());
                        return null;
                    }));
                }
                for (Future<?> f : fs) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            awaitNothingPending(outbox, Duration.ofSeconds(60));
            assertThat(OutboxDocs.storedUniqueIds(dmp)).hasSize(threads * each).doesNotHaveDuplicates();
            assertThat(fake.documentCount()).isEqualTo(threads * each);
        }
    }
}
