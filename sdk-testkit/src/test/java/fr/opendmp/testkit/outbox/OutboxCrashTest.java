package fr.opendmp.testkit.outbox;

import static fr.opendmp.testkit.outbox.OutboxDocs.AUTHOR;
import static fr.opendmp.testkit.outbox.OutboxDocs.INS;
import static org.assertj.core.api.Assertions.assertThat;

import fr.opendmp.core.client.DmpClient;
import fr.opendmp.testkit.dmp.AuthMode;
import fr.opendmp.testkit.dmp.FakeDmp;
import fr.opendmp.testkit.dmp.FakePatient;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19, crash safety: child JVMs sending documents through the outbox to the fake DMP (in this
 * JVM, plain HTTP) are killed with SIGKILL ({@code destroyForcibly()}) at random points and started
 * again; at the end every document is in the fake exactly once.
 *
 * <p>CI runs 5 kills × 100 documents on H2 and on PostgreSQL with two worker JVMs. The long run:
 * {@code -Dopendmp.outbox.kills=25 -Dopendmp.outbox.documents=1000} (and
 * {@code -Dopendmp.outbox.rate=20} for the deposits per second of each child).
 */
class OutboxCrashTest {
    static final int KILLS = Integer.getInteger("opendmp.outbox.kills", 5);
    static final int DOCUMENTS = Integer.getInteger("opendmp.outbox.documents", 100);
    static final String RATE = System.getProperty("opendmp.outbox.rate", "40");
    static final long SEED = Long.getLong("opendmp.outbox.seed", System.nanoTime());
    static final String LEASE_MS = "3000";

    @TempDir
    Path dir;
    FakeDmp fake;
    final List<Process> children = new ArrayList<>();
    final Random random = new Random(SEED);
    int kills = KILLS;
    int documents = DOCUMENTS;
    /** Set for a run over DMPi: the children then use the XDS transport with these credentials. */
    Optional<Path> dmpiCredentials = Optional.empty();

    @BeforeEach
    void start() {
        fake = FakeDmp.builder().auth(AuthMode.OFF).start();
        fake.seedProfessional(AUTHOR).seedPatient(FakePatient.open(INS.value()));
    }

    @AfterEach
    void stop() throws InterruptedException {
        for (Process p : children) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        fake.close();
    }

    Process child(String store, String run, int index) throws IOException {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = dir.resolve("child-" + index + "-" + children.size() + ".log");
        Process p = new ProcessBuilder(javaBin, "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-Dopendmp.outbox.dmpiCredentials=" + dmpiCredentials.map(Path::toString).orElse(""), "-cp",
                System.getProperty("java.class.path"), OutboxCrashChild.class.getName(),
                (dmpiCredentials.isPresent() ? fake.dmpiBaseUri() : fake.baseUri()).toString(),
                store, run, Integer.toString(documents), RATE, LEASE_MS)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        children.add(p);
        return p;
    }

    /** Runs the workers, kills one at random KILLS times, then lets them finish; returns the kills that hit a live JVM. */
    int runWithKills(String store, String run, int workers) throws Exception {
        Process[] running = new Process[workers];
        for (int w = 0; w < workers; w++) {
            running[w] = child(store, run, w);
        }
        int hits = 0;
        for (int k = 0; k < kills; k++) {
            Thread.sleep(400 + random.nextInt(2200));
            int w = random.nextInt(workers);
            if (running[w].isAlive()) {
                running[w].destroyForcibly();
                hits++;
            }
            running[w].waitFor(10, TimeUnit.SECONDS);
            running[w] = child(store, run, w);
        }
        for (int w = 0; w < workers; w++) {
            boolean ended = running[w].waitFor(240, TimeUnit.SECONDS);
            if (!ended || running[w].exitValue() != 0) {
                throw new AssertionError("worker " + w + " did not finish (seed " + SEED + "): " + tail());
            }
        }
        return hits;
    }

    String tail() throws IOException {
        StringBuilder b = new StringBuilder();
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".log")).sorted().toList()) {
                List<String> lines = Files.readAllLines(f);
                b.append('\n').append(f.getFileName()).append(": ")
                        .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size())));
            }
        }
        return b.toString();
    }

    void assertExactlyOnce(String run, int hits, String what) {
        Set<String> expected = new HashSet<>();
        IntStream.range(0, documents).forEach(i -> expected.add(OutboxDocs.uid(run, i)));
        List<String> stored;
        try (DmpClient dmp = dmpiCredentials.isPresent()
                ? OutboxDocs.client(fake, fr.opendmp.testkit.faults.Wire.DMPI, Duration.ofSeconds(10))
                : DmpClient.builder().endpoint(fake.baseUri())
                        .credentials(fr.opendmp.testkit.dmp.TestCredentials.of(AUTHOR))
                        .software("OpenDMP-outbox", "0.1", "TEST-OPENDMP").sourceId("1.2.250.1.999.42")
                        .accessCacheTtl(Duration.ZERO).build()) {
            stored = OutboxDocs.storedUniqueIds(dmp);
        }
        assertThat(stored).as("seed " + SEED).doesNotHaveDuplicates();
        assertThat(new HashSet<>(stored)).as("seed " + SEED).isEqualTo(expected);
        // over DMPi each submission also holds its XAdES signature document
        assertThat(fake.documentCount()).isEqualTo(dmpiCredentials.isPresent() ? 2 * documents : documents);
        long refusedResends = fake.history().stream().filter(e -> e.action().startsWith("TD2"))
                .filter(e -> e.status() == 409 || e.ruleIds().contains("DUPLICATE_UNIQUEID")).count();
        System.out.printf("OutboxCrashTest %s: %d kills (%d hit a live JVM), %d documents checked, %d resends"
                + " answered as duplicates and recovered, lost 0, duplicated 0, seed %d%n", what, kills, hits,
                documents, refusedResends, SEED);
    }

    @Test
    void whatEnqueueReturnedSurvivesASigkillRightAfter() throws Exception {
        String run = "durable-" + SEED;
        Path store = dir.resolve("durable");
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(javaBin, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), OutboxCrashChild.class.getName(), fake.baseUri().toString(),
                "h2:" + store.toAbsolutePath(), run, "50", RATE, LEASE_MS, "enqueue-only")
                .redirectErrorStream(true).start();
        children.add(p);
        try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(),
                java.nio.charset.StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("QUEUED")) {
                // the child's log lines
            }
            assertThat(line).as("the child queued its documents").isEqualTo("QUEUED");
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        try (var reopened = fr.opendmp.core.outbox.JdbcOutboxStore.h2(store)) {
            assertThat(reopened.list(java.util.EnumSet.allOf(fr.opendmp.core.outbox.OutboxState.class)))
                    .extracting(fr.opendmp.core.outbox.OutboxItem::uniqueId)
                    .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 50).mapToObj(i -> OutboxDocs.uid(run, i))
                            .toList());
        }
    }

    @Test
    void aWorkerKilledAtRandomPointsOnH2LosesNothingAndSendsNothingTwice() throws Exception {
        String run = "crash-h2-" + SEED;
        int hits = runWithKills("h2:" + dir.resolve("store").toAbsolutePath(), run, 1);
        assertExactlyOnce(run, hits, "H2, 1 worker JVM");
    }

    @Test
    void aWorkerOverDmpiKilledAtRandomPointsOnH2LosesNothingAndSendsNothingTwice() throws Exception {
        // the XDS transport needs the verifying fake: signed VIHF in WS-Security, XAdES, mTLS
        fake.close();
        fake = FakeDmp.builder().start();
        fake.seedProfessional(AUTHOR).seedPatient(FakePatient.open(INS.value()));
        dmpiCredentials = Optional.of(dir.resolve("dmpi-credentials"));
        DmpiChildCredentials.write(fake, dmpiCredentials.get());
        kills = Integer.getInteger("opendmp.outbox.dmpiKills", 3);
        documents = Integer.getInteger("opendmp.outbox.dmpiDocuments", 40);
        String run = "crash-dmpi-" + SEED;
        int hits = runWithKills("h2:" + dir.resolve("store").toAbsolutePath(), run, 1);
        assertExactlyOnce(run, hits, "DMPi, H2, 1 worker JVM");
    }

    @Test
    void twoWorkerJvmsOnPostgresKilledAtRandomPointsLoseNothingAndSendNothingTwice() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg"))
                .setCleanDataDirectory(true).start()) {
            String run = "crash-pg-" + SEED;
            try {
                int hits = runWithKills("pg:" + pg.getJdbcUrl("postgres", "postgres"), run, 2);
                assertExactlyOnce(run, hits, "PostgreSQL, 2 worker JVMs");
            } finally {
                for (Process p : children) {
                    p.destroyForcibly();
                    p.waitFor(10, TimeUnit.SECONDS);
                }
            }
        }
    }

}
