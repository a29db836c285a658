package fr.opendmp.core.outbox;

import static fr.opendmp.core.outbox.OutboxFixtures.metadata;
import static fr.opendmp.core.outbox.OutboxFixtures.qualified;
import static fr.opendmp.core.outbox.OutboxFixtures.uid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The JDBC store on a real H2 file and a real PostgreSQL the build starts (never a mock). */
class OutboxStoreTest {
    static EmbeddedPostgres pg;
    @TempDir
    Path dir;
    private final List<OutboxStore> opened = new ArrayList<>();

    @BeforeAll
    static void startPostgres() throws Exception {
        pg = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (pg != null) {
            pg.close();
        }
    }

    @AfterEach
    void closeStores() throws Exception {
        opened.forEach(OutboxStore::close);
        try (Connection c = pg.getPostgresDatabase().getConnection()) {
            c.createStatement().execute("DROP TABLE IF EXISTS opendmp_outbox_item");
            c.createStatement().execute("DROP TABLE IF EXISTS opendmp_outbox_schema_history");
        }
    }

    static Stream<String> databases() {
        return Stream.of("h2", "postgresql");
    }

    OutboxStore store(String db) {
        OutboxStore s = db.equals("h2") ? JdbcOutboxStore.h2(dir.resolve("outbox"))
                : JdbcOutboxStore.open(pg.getJdbcUrl("postgres", "postgres"), "postgres", "", 8);
        opened.add(s);
        return s;
    }

    static OutboxItem item(int n, OutboxState state) {
        Instant t = Instant.parse("2026-06-12T08:00:00Z");
        return new OutboxItem(uid(n), "S1", "IPP-" + (n % 3), state, Optional.empty(), Optional.empty(), qualified(),
                metadata(uid(n)), ("doc " + n).getBytes(StandardCharsets.UTF_8), Optional.empty(), true, 0, t, t, t,
                Optional.empty(), Optional.empty(), Optional.empty(), 0L);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anItemReadsBackFieldForFieldAndSurvivesAReopen(String db) {
        OutboxItem written = item(1, OutboxState.READY);
        store(db).insert(written);
        opened.remove(0).close();
        OutboxItem read = store(db).find(uid(1)).orElseThrow();
        assertThat(read.metadata()).isEqualTo(written.metadata());
        assertThat(read.patient()).isEqualTo(written.patient());
        assertThat(read.content()).isEqualTo(written.content());
        assertThat(read.state()).isEqualTo(OutboxState.READY);
        assertThat(read.createdAt()).isEqualTo(written.createdAt());
        assertThat(read.toString()).doesNotContain("TESTDMP", "ALICE", "1979", "279119913400976", "doc 1");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theSameUniqueIdQueuedTwiceIsOneItemAndOtherContentIsRefused(String db) {
        OutboxStore s = store(db);
        s.insert(item(1, OutboxState.READY));
        assertThat(s.insert(item(1, OutboxState.READY)).version()).isZero();
        OutboxItem other = new OutboxItem(uid(1), "S1", "IPP-1", OutboxState.READY, Optional.empty(), Optional.empty(),
                qualified(), metadata(uid(1)), "other".getBytes(StandardCharsets.UTF_8), Optional.empty(), true, 0,
                Instant.EPOCH, Instant.EPOCH, Instant.EPOCH, Optional.empty(), Optional.empty(), Optional.empty(), 0L);
        assertThatThrownBy(() -> s.insert(other)).isInstanceOf(OutboxException.class)
                .hasMessageContaining("other content");
        assertThat(s.list(EnumSet.allOf(OutboxState.class))).hasSize(1);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void concurrentClaimersNeverGetTheSameItem(String db) throws Exception {
        OutboxStore s = store(db);
        int n = 200;
        for (int i = 0; i < n; i++) {
            s.insert(item(i, OutboxState.READY));
        }
        Instant now = Instant.parse("2026-06-12T09:00:00Z");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<String> claimed = Collections.synchronizedList(new ArrayList<>());
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                String owner = "worker-" + w;
                fs.add(pool.submit(() -> {
                    while (true) {
                        List<OutboxItem> got = s.claim(now, 3, owner, now.plusSeconds(60));
                        if (got.isEmpty()) {
                            return null;
                        }
                        got.forEach(i -> claimed.add(i.uniqueId()));
                    }
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(claimed).hasSize(n).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aLeaseKeepsOthersOutUntilItEndsAndGuardsWrites(String db) {
        OutboxStore s = store(db);
        s.insert(item(1, OutboxState.READY));
        Instant t0 = Instant.parse("2026-06-12T09:00:00Z");
        OutboxItem held = s.claim(t0, 1, "a", t0.plusSeconds(10)).get(0);
        assertThat(held.attempts()).isEqualTo(1);
        assertThat(s.claim(t0.plusSeconds(5), 1, "b", t0.plusSeconds(15))).isEmpty();
        assertThat(s.update(held.with(OutboxState.CANCELLED, Optional.of("OPERATOR"), Optional.empty(), t0),
                t0.plusSeconds(5))).as("an operation never writes an item being sent").isFalse();
        OutboxItem taken = s.claim(t0.plusSeconds(11), 1, "b", t0.plusSeconds(30)).get(0);
        assertThat(taken.attempts()).isEqualTo(2);
        assertThat(s.writeLeased(held.with(OutboxState.SENT, Optional.empty(), Optional.empty(), t0), "a", true))
                .as("the holder whose lease ended writes nothing").isFalse();
        assertThat(s.writeLeased(taken.with(OutboxState.SENT, Optional.empty(), Optional.empty(), t0), "b", true))
                .isTrue();
        OutboxItem sent = s.find(uid(1)).orElseThrow();
        assertThat(sent.state()).isEqualTo(OutboxState.SENT);
        assertThat(sent.leaseOwner()).isEmpty();
        assertThat(s.claim(t0.plusSeconds(60), 1, "c", t0.plusSeconds(90))).isEmpty();
        assertThat(s.purgeSent(t0.plus(Duration.ofDays(1)))).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void itemsWaitingForQualificationOrNotDueAreNeverClaimed(String db) {
        OutboxStore s = store(db);
        s.insert(item(1, OutboxState.WAITING_QUALIFICATION));
        OutboxItem later = item(2, OutboxState.RETRY_SCHEDULED).withNextAttempt(Instant.parse("2026-06-12T10:00:00Z"));
        s.insert(later);
        assertThat(s.claim(Instant.parse("2026-06-12T09:59:59Z"), 10, "a", Instant.parse("2026-06-12T11:00:00Z")))
                .isEmpty();
        assertThat(s.claim(Instant.parse("2026-06-12T10:00:00Z"), 10, "a", Instant.parse("2026-06-12T11:00:00Z")))
                .extracting(OutboxItem::uniqueId).containsExactly(uid(2));
        assertThat(s.byPatient("IPP-1")).extracting(OutboxItem::uniqueId).containsExactly(uid(1));
    }
}
