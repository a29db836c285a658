package fr.opendmp.core.outbox;

import static fr.opendmp.core.outbox.OutboxFixtures.provisional;
import static fr.opendmp.core.outbox.OutboxFixtures.qualified;
import static fr.opendmp.core.outbox.OutboxFixtures.request;
import static fr.opendmp.core.outbox.OutboxFixtures.uid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opendmp.core.document.DepositReceipt;
import fr.opendmp.core.document.DocumentContent;
import fr.opendmp.core.document.DocumentId;
import fr.opendmp.core.error.AccessRefusal;
import fr.opendmp.core.error.AccessRefusedException;
import fr.opendmp.core.error.DmpException;
import fr.opendmp.core.error.InvalidInputException;
import fr.opendmp.core.error.UnavailableException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox's decisions, on a real H2 file, with a scripted sender standing for the DMP. */
class DepositOutboxTest {
    @TempDir
    Path dir;
    final MutableClock clock = new MutableClock(Instant.parse("2026-06-12T08:00:00Z"));
    final List<OutboxOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());
    final List<String> sent = Collections.synchronizedList(new ArrayList<>());
    final AtomicReference<RuntimeException> nextFailure = new AtomicReference<>();
    DepositOutbox outbox;

    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant start) {
            now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    DepositOutbox.Builder builder() {
        return DepositOutbox.builder().store(JdbcOutboxStore.h2(dir)).clock(clock).ratePerSecond(1000)
                .listener(outcomes::add).sender((deposit, item) -> {
                    RuntimeException f = nextFailure.getAndSet(null);
                    if (f != null) {
                        throw f;
                    }
                    assertThat(deposit.patient().status().isQualified()).isTrue();
                    sent.add(deposit.documents().get(0).metadata().uniqueId());
                    return new DepositReceipt(List.of(new DocumentId("e-" + sent.size(), item.uniqueId())),
                            Optional.empty(), false, Optional.empty());
                });
    }

    @AfterEach
    void close() {
        if (outbox != null) {
            outbox.close();
        }
    }

    @Test
    void aDocumentForAnUnqualifiedPatientWaitsThenGoesOnceQualified() {
        outbox = builder().build();
        OutboxItem queued = outbox.enqueue(request("IPP-1", provisional(), 1));
        assertThat(queued.state()).isEqualTo(OutboxState.WAITING_QUALIFICATION);
        assertThat(outbox.drainOnce()).isZero();
        assertThat(outbox.pending()).extracting(OutboxItem::reason).containsExactly(Optional.of("IDENTITY_NOT_QUALIFIED"));
        assertThat(outbox.identityQualified("IPP-1", qualified())).hasSize(1);
        assertThat(outbox.drainOnce()).isEqualTo(1);
        assertThat(sent).containsExactly(uid(1));
        assertThat(outbox.find(uid(1)).orElseThrow().state()).isEqualTo(OutboxState.SENT);
        assertThat(outcomes).extracting(OutboxOutcome::state)
                .containsExactly(OutboxState.WAITING_QUALIFICATION, OutboxState.SENT);
        assertThat(outbox.enqueue(request("IPP-1", provisional(), 1)).state())
                .as("queued again: the item already sent").isEqualTo(OutboxState.SENT);
        assertThat(outbox.drainOnce()).isZero();
        assertThat(sent).hasSize(1);
        assertThatThrownBy(() -> outbox.identityQualified("IPP-1", provisional()))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aRetryableFailureIsScheduledWithBackoffAndRetryAfterThenSent() {
        outbox = builder().backoff(Duration.ofSeconds(2), Duration.ofMinutes(10)).build();
        outbox.enqueue(request("IPP-1", qualified(), 1));
        nextFailure.set(new UnavailableException("DMP unavailable", Duration.ofSeconds(120),
                DmpException.Details.retryable("later"), null));
        assertThat(outbox.drainOnce()).isEqualTo(1);
        OutboxItem waiting = outbox.find(uid(1)).orElseThrow();
        assertThat(waiting.state()).isEqualTo(OutboxState.RETRY_SCHEDULED);
        assertThat(waiting.reason()).contains("UNAVAILABLE");
        assertThat(waiting.nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(120));
        clock.advance(Duration.ofSeconds(119));
        assertThat(outbox.drainOnce()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(outbox.drainOnce()).isEqualTo(1);
        assertThat(sent).containsExactly(uid(1));
        assertThat(outbox.find(uid(1)).orElseThrow().attempts()).isEqualTo(2);
        assertThat(outcomes).extracting(OutboxOutcome::state)
                .containsExactly(OutboxState.RETRY_SCHEDULED, OutboxState.SENT);
    }

    @Test
    void refusalsAreTypedNoAuthorizationWaitsAndOtherRefusalsAreFinal() {
        outbox = builder().authorizationRetry(Duration.ofHours(1)).build();
        outbox.enqueue(request("IPP-1", qualified(), 1));
        outbox.enqueue(request("IPP-2", qualified(), 2));
        nextFailure.set(new AccessRefusedException("no authorization", AccessRefusal.NO_AUTHORIZATION,
                DmpException.Details.of("ask the patient"), null));
        outbox.drainOnce();
        assertThat(outbox.find(uid(1)).orElseThrow().state()).isEqualTo(OutboxState.WAITING_AUTHORIZATION);
        assertThat(outbox.find(uid(2)).orElseThrow().state()).isEqualTo(OutboxState.SENT);
        nextFailure.set(new AccessRefusedException("blocked", AccessRefusal.BLOCKED, DmpException.Details.of(""), null));
        assertThat(outbox.authorizationGranted("IPP-1")).hasSize(1);
        outbox.drainOnce();
        OutboxItem refused = outbox.find(uid(1)).orElseThrow();
        assertThat(refused.state()).isEqualTo(OutboxState.REFUSED);
        assertThat(refused.reason()).contains("BLOCKED");
        assertThat(outcomes).filteredOn(o -> o.uniqueId().equals(uid(1))).extracting(OutboxOutcome::refusal)
                .containsExactly(Optional.of(AccessRefusal.NO_AUTHORIZATION), Optional.of(AccessRefusal.BLOCKED));
        assertThat(outbox.metrics().failuresByReason()).containsEntry("BLOCKED", 1L);
        assertThat(outbox.retryNow(uid(1))).isPresent();
        outbox.drainOnce();
        assertThat(outbox.find(uid(1)).orElseThrow().state()).isEqualTo(OutboxState.SENT);
    }

    @Test
    void aMergeOrAWrongIdentityCancelsWhatWasQueuedWithTheReasonKept() {
        outbox = builder().build();
        outbox.enqueue(request("IPP-1", provisional(), 1));
        outbox.enqueue(request("IPP-1", provisional(), 2));
        outbox.enqueue(request("IPP-2", provisional(), 3));
        assertThat(outbox.cancelPatient("IPP-1", CancelReason.PATIENT_MERGED, "merged into IPP-9")).hasSize(2);
        assertThat(outbox.cancel(uid(3), "operator: duplicate")).isPresent();
        assertThat(outbox.pending()).isEmpty();
        assertThat(outbox.find(uid(1)).orElseThrow().reason()).contains("PATIENT_MERGED");
        assertThat(outbox.find(uid(1)).orElseThrow().note()).contains("merged into IPP-9");
        assertThat(outbox.identityQualified("IPP-1", qualified())).as("cancelled stays cancelled").isEmpty();
        outbox.drainOnce();
        assertThat(sent).isEmpty();
        assertThat(outbox.metrics().failuresByReason()).containsEntry("PATIENT_MERGED", 2L).containsEntry("OPERATOR", 1L);
    }

    @Test
    void metricsTellPendingCountAndOldestAge() {
        outbox = builder().build();
        outbox.enqueue(request("IPP-1", provisional(), 1));
        clock.advance(Duration.ofHours(2));
        outbox.enqueue(request("IPP-2", qualified(), 2));
        OutboxMetrics m = outbox.metrics();
        assertThat(m.pending()).isEqualTo(2);
        assertThat(m.oldestPendingAge()).isEqualTo(Duration.ofHours(2));
        assertThat(m.byState()).containsEntry(OutboxState.WAITING_QUALIFICATION, 1L).containsEntry(OutboxState.READY, 1L);
    }

    @Test
    void aRendererMakesTheDocumentOnceWithTheQualifiedIdentityAndItsBytesAreStoredBeforeTheSend() {
        List<String> renderedFor = new ArrayList<>();
        outbox = builder().renderer("test", (item, identity) -> {
            renderedFor.add(identity.status().code());
            byte[] out = ("rendered with " + identity.ins().orElseThrow().value()).getBytes(StandardCharsets.UTF_8);
            return new DocumentContent(item.metadata(), out);
        }).build();
        outbox.enqueue(OutboxRequest.builder().localPatientId("IPP-1").patient(provisional())
                .document(OutboxFixtures.metadata(uid(1)), "source".getBytes(StandardCharsets.UTF_8)).renderer("test")
                .build());
        outbox.identityQualified("IPP-1", qualified());
        nextFailure.set(new UnavailableException("down", Duration.ofSeconds(1), DmpException.Details.retryable(""), null));
        outbox.drainOnce();
        OutboxItem afterFailure = outbox.find(uid(1)).orElseThrow();
        assertThat(afterFailure.rendered()).isTrue();
        assertThat(new String(afterFailure.content(), StandardCharsets.UTF_8)).startsWith("rendered with");
        clock.advance(Duration.ofMinutes(1));
        outbox.drainOnce();
        assertThat(renderedFor).as("rendered once, resent with the same bytes").containsExactly("QUAL");
        assertThat(sent).containsExactly(uid(1));
        assertThatThrownBy(() -> outbox.enqueue(OutboxRequest.builder().localPatientId("IPP-1").patient(provisional())
                .document(OutboxFixtures.metadata(uid(2)), new byte[] {1}).renderer("unknown").build()))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theRateLimitSpacesDepositsOfAStructure() {
        outbox = DepositOutbox.builder().store(JdbcOutboxStore.h2(dir)).ratePerSecond(20)
                .sender((d, i) -> new DepositReceipt(List.of(new DocumentId("e", i.uniqueId())), Optional.empty(),
                        false, Optional.empty())).build();
        for (int i = 0; i < 11; i++) {
            outbox.enqueue(request("IPP-1", qualified(), i));
        }
        long t0 = System.nanoTime();
        assertThat(outbox.drainOnce()).isEqualTo(11);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(ms).as("11 deposits at 20/s take at least 10 intervals of 50 ms").isGreaterThanOrEqualTo(480);
    }

    @Test
    void stopLetsTheWorkerFinishTheItemInHandAndReturnsWithoutDrainingTheQueue() throws Exception {
        outbox = DepositOutbox.builder().store(JdbcOutboxStore.h2(dir)).ratePerSecond(5)
                .pollInterval(Duration.ofMillis(10)).sender((d, i) -> {
                    sent.add(i.uniqueId());
                    return new DepositReceipt(List.of(new DocumentId("e", i.uniqueId())), Optional.empty(), false,
                            Optional.empty());
                }).build();
        for (int i = 0; i < 50; i++) {
            outbox.enqueue(request("IPP-1", qualified(), i));
        }
        outbox.start();
        Thread.sleep(500);
        long t0 = System.nanoTime();
        outbox.stop();
        assertThat((System.nanoTime() - t0) / 1_000_000).as("stop returns between two items").isLessThan(2_000);
        int atStop = sent.size();
        assertThat(atStop).isBetween(1, 49);
        assertThat(outbox.pending()).hasSize(50 - atStop);
        Thread.sleep(300);
        assertThat(sent).hasSize(atStop);
    }

    @Test
    void queueingTheSameUniqueIdWithOtherContentIsRefusedAlsoForARenderedDocumentNotYetMade() {
        outbox = builder().renderer("test", (item, identity) -> new DocumentContent(item.metadata(), new byte[] {9}))
                .build();
        outbox.enqueue(OutboxRequest.builder().localPatientId("IPP-1").patient(provisional())
                .document(OutboxFixtures.metadata(uid(1)), new byte[] {1}).renderer("test").build());
        assertThatThrownBy(() -> outbox.enqueue(OutboxRequest.builder().localPatientId("IPP-1").patient(provisional())
                .document(OutboxFixtures.metadata(uid(1)), new byte[] {2}).renderer("test").build()))
                .isInstanceOf(OutboxException.class).hasMessageContaining("new uniqueId");
    }

    @Test
    void whatTheOutboxPrintsNeverHoldsTheIdentityOrTheDocument() {
        outbox = builder().build();
        OutboxRequest request = request("IPP-1", qualified(), 1);
        OutboxItem item = outbox.enqueue(request);
        outbox.drainOnce();
        String printed = request + " " + item + " " + outcomes + " " + outbox.metrics() + " " + outbox;
        assertThat(printed).doesNotContain("TESTDMP", "ALICE", "1979", "279119913400976", "ClinicalDocument",
                "lettre de sortie", "CR urn");
    }

    @Test
    void builderRefusesASettingGivenTwice() {
        assertThatThrownBy(() -> DepositOutbox.builder().ratePerSecond(4).ratePerSecond(3))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already set");
        assertThatThrownBy(() -> DepositOutbox.builder().build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OutboxRequest.builder().localPatientId("a").localPatientId("b"))
                .isInstanceOf(IllegalStateException.class);
    }
}
