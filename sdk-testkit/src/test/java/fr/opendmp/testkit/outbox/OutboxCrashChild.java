package fr.opendmp.testkit.outbox;

import fr.opendmp.core.client.DmpClient;
import fr.opendmp.core.outbox.DepositOutbox;
import fr.opendmp.core.outbox.JdbcOutboxStore;
import fr.opendmp.core.outbox.OutboxStore;
import fr.opendmp.core.transport.RetryPolicy;
import fr.opendmp.testkit.dmp.TestCredentials;
import fr.opendmp.xds.XdsTransport;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The child JVM of {@link OutboxCrashTest}: queues the run's documents (half for a patient not yet
 * qualified, qualified right after), sends them through the outbox, and exits 0 once nothing is
 * pending. The test kills it with SIGKILL at random points and starts it again; every start queues
 * the same uniqueIds again (one item each).
 *
 * <p>Arguments: fake DMP base URI (FHIR, or DMPi when {@code -Dopendmp.outbox.dmpiCredentials} names
 * the directory of {@link DmpiChildCredentials}), store ({@code h2:<dir>} or {@code pg:<jdbc url>}), run name,
 * document count, deposits per second, lease in ms.
 */
public final class OutboxCrashChild {
    private OutboxCrashChild() {
    }

    public static void main(String[] args) throws Exception {
        URI fake = URI.create(args[0]);
        String storeSpec = args[1];
        String run = args[2];
        int n = Integer.parseInt(args[3]);
        double rate = Double.parseDouble(args[4]);
        Duration lease = Duration.ofMillis(Long.parseLong(args[5]));
        if (args.length > 6 && args[6].equals("enqueue-only")) {
            // queue, say so, and wait to be killed: what enqueue() returned must survive SIGKILL
            OutboxStore only = JdbcOutboxStore.h2(Path.of(storeSpec.substring(3)));
            DepositOutbox outbox = DepositOutbox.builder().store(only).sender((d, i) -> {
                throw new IllegalStateException("never sends");
            }).build();
            for (int i = 0; i < n; i++) {
                outbox.enqueue(OutboxDocs.request("IPP-1", OutboxDocs.provisional(), OutboxDocs.uid(run, i)));
            }
            System.out.println("QUEUED");
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
        OutboxStore store = storeSpec.startsWith("h2:") ? JdbcOutboxStore.h2(Path.of(storeSpec.substring(3)))
                : JdbcOutboxStore.open(storeSpec.substring(3), "postgres", "", 4);
        // over DMPi (the test passes its credentials directory) the child signs its VIHF and XAdES
        String dmpi = System.getProperty("opendmp.outbox.dmpiCredentials", "");
        DmpClient.Builder builder = dmpi.isEmpty()
                ? DmpClient.builder().endpoint(fake).credentials(TestCredentials.of(OutboxDocs.AUTHOR))
                : DmpClient.builder().transport(XdsTransport.builder().endpoint(fake).build())
                        .credentials(DmpiChildCredentials.read(Path.of(dmpi)));
        try (DmpClient dmp = builder
                .software("OpenDMP-outbox", "0.1", "TEST-OPENDMP").sourceId("1.2.250.1.999.42")
                .requestTimeout(Duration.ofSeconds(1)).connectTimeout(Duration.ofSeconds(1))
                .retryPolicy(new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(1)))
                .accessCacheTtl(Duration.ZERO).build();
                DepositOutbox outbox = DepositOutbox.builder().store(store).dmp(dmp).ratePerSecond(rate).lease(lease)
                        .backoff(Duration.ofMillis(50), Duration.ofMillis(500)).pollInterval(Duration.ofMillis(50))
                        .build()) {
            outbox.start();
            for (int i = 0; i < n; i++) {
                boolean later = i % 2 == 1;
                outbox.enqueue(OutboxDocs.request("IPP-" + (i % 7), later ? OutboxDocs.provisional()
                        : OutboxDocs.qualified(), OutboxDocs.uid(run, i)));
            }
            for (int p = 0; p < 7; p++) {
                outbox.identityQualified("IPP-" + p, OutboxDocs.qualified());
            }
            long end = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (outbox.metrics().pending() > 0) {
                if (System.nanoTime() > end) {
                    System.out.println("TIMEOUT pending=" + outbox.metrics().pending());
                    System.exit(3);
                }
                Thread.sleep(50);
            }
            System.out.println("DONE");
        }
        System.exit(0);
    }
}
