package fr.opendmp.bench;

import fr.opendmp.bench.run.SuiteRunner;
import java.util.Arrays;

/**
 * Entry point of {@code opendmp-bench.jar}. Without arguments: the whole suite (every JMH
 * benchmark, the cold-start and first-document runs, the probes) and its Markdown table; with
 * {@code -Dquick}: the same, shorter. {@code jmh <JMH options>} hands over to JMH's own command
 * line (e.g. {@code jmh -prof gc SearchsetParseBench}).
 */
public final class BenchMain {

    private BenchMain() {
    }

    /**
     * @param args empty for the suite, or {@code jmh} followed by JMH options
     * @throws Exception when a run fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("jmh")) {
            org.openjdk.jmh.Main.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0) {
            System.err.println("usage: java [-Dquick] -jar opendmp-bench.jar   |   java -jar opendmp-bench.jar jmh <JMH options>");
            System.exit(2);
        }
        SuiteRunner.run(System.getProperty("quick") != null);
    }
}
