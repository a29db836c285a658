package fr.opendmp.bench.deposit;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.opendmp.bench.fixture.CapturedRequest;
import fr.opendmp.bench.fixture.CdaFixtures;
import fr.opendmp.core.client.DmpClient;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.util.HashMap;
import java.util.Map;

/**
 * Figure 5 (memory): bytes allocated per deposit, counted by HotSpot's per-thread allocation
 * counters ({@code com.sun.management.ThreadMXBean}), summed over every live thread of the JVM
 * (the caller, the JDK client's selector, the fake's handlers), for the SDK and for the raw POST of
 * the same bytes. The difference is what the SDK allocates on top of sending the bytes: an upper
 * bound of its peak extra heap (everything it allocates, whether or not alive at the same time).
 */
public final class DepositAllocation {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DepositAllocation() {
    }

    /**
     * Per deposit, in bytes.
     *
     * @param sdkAllThreads SDK deposit, every thread
     * @param rawAllThreads raw POST, every thread
     * @param sdkCaller SDK deposit, the calling thread only
     * @param rawCaller raw POST, the calling thread only
     * @param cdaBytes the N1 CDA's size
     * @param pdfBytes the PDF's size
     */
    public record Result(double sdkAllThreads, double rawAllThreads, double sdkCaller, double rawCaller,
            int cdaBytes, int pdfBytes) {
        /** @return SDK minus raw, every thread */
        public double extra() {
            return sdkAllThreads - rawAllThreads;
        }
    }

    /**
     * @param rounds deposits of each kind measured (after as many for warm-up)
     * @return the averages
     */
    public static Result measure(int rounds) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (DepositFixture fixture = new DepositFixture(CdaFixtures.ONE_MB);
                DmpClient client = fixture.seeded().client()) {
            HttpClient raw = CapturedRequest.rawClient();
            Runnable sdk = () -> client.documents().deposit(fixture.deposit());
            Runnable post = () -> {
                try {
                    MAPPER.readTree(fixture.rawPost().send(raw));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            };
            for (int i = 0; i < rounds; i++) {
                fixture.resetFake();
                sdk.run();
                fixture.resetFake();
                post.run();
            }
            long[] sdkTotals = new long[2];
            long[] rawTotals = new long[2];
            for (int i = 0; i < rounds; i++) {
                add(sdkTotals, fixture, threads, sdk);
                add(rawTotals, fixture, threads, post);
            }
            return new Result(sdkTotals[0] / (double) rounds, rawTotals[0] / (double) rounds,
                    sdkTotals[1] / (double) rounds, rawTotals[1] / (double) rounds, fixture.cdaSize(),
                    CdaFixtures.ONE_MB);
        }
    }

    private static void add(long[] totals, DepositFixture fixture, com.sun.management.ThreadMXBean threads,
            Runnable op) {
        fixture.resetFake();
        Map<Long, Long> before = snapshot(threads);
        long callerBefore = threads.getCurrentThreadAllocatedBytes();
        op.run();
        long callerAfter = threads.getCurrentThreadAllocatedBytes();
        Map<Long, Long> after = snapshot(threads);
        long delta = 0;
        for (Map.Entry<Long, Long> e : after.entrySet()) {
            // a thread born during the operation counts from zero; one that died is lost (rare: pools)
            delta += e.getValue() - before.getOrDefault(e.getKey(), 0L);
        }
        totals[0] += delta;
        totals[1] += callerAfter - callerBefore;
    }

    private static Map<Long, Long> snapshot(com.sun.management.ThreadMXBean threads) {
        long[] ids = threads.getAllThreadIds();
        long[] bytes = threads.getThreadAllocatedBytes(ids);
        Map<Long, Long> m = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (bytes[i] >= 0) {
                m.put(ids[i], bytes[i]);
            }
        }
        return m;
    }
}
