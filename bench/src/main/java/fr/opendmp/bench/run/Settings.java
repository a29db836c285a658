package fr.opendmp.bench.run;

/**
 * How long the suite measures.
 *
 * @param quick whether this is the quick mode
 * @param forks JMH forks per benchmark
 * @param fakeForks JMH forks of the benchmarks on the 100,000-document fake (figures 2 and 4; 0:
 *     in the suite's JVM, the fake seeded once for all of them)
 * @param warmups warm-up iterations
 * @param warmupSeconds seconds per warm-up iteration
 * @param iterations measurement iterations
 * @param iterationSeconds seconds per measurement iteration
 * @param coldRuns fresh JVMs per side for the cold start
 * @param allocationRounds deposits per side for the allocation count
 */
public record Settings(boolean quick, int forks, int fakeForks, int warmups, int warmupSeconds, int iterations,
        int iterationSeconds, int coldRuns, int allocationRounds) {

    /**
     * @return the quick mode: short iterations; figures 2 and 4 in the suite's JVM on one seeded
     *     fake (whole suite under 5 minutes on 2 cores)
     */
    public static Settings quickMode() {
        return new Settings(true, 1, 0, 2, 1, 2, 1, 3, 5);
    }

    /** @return the full mode: one fork per benchmark, longer iterations */
    public static Settings fullMode() {
        return new Settings(false, 1, 1, 3, 2, 5, 2, 7, 20);
    }
}
