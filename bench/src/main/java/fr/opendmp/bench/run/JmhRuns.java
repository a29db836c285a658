package fr.opendmp.bench.run;

import fr.opendmp.bench.fixture.CdaFixtures;
import fr.opendmp.bench.fixture.Loopback;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Runs the JMH benchmarks of one class and reads their results. */
public final class JmhRuns {

    private final Collection<RunResult> results;

    private JmhRuns(Collection<RunResult> results) {
        this.results = results;
    }

    /**
     * @param benchmark the benchmark class
     * @param settings the suite's settings
     * @param forks JMH forks (0: in this JVM)
     * @param gc whether to add JMH's GC profiler (bytes allocated per operation)
     * @param methods the methods to run (all when empty)
     * @return the results
     * @throws RunnerException when JMH fails
     */
    public static JmhRuns run(Class<?> benchmark, Settings settings, int forks, boolean gc, String... methods)
            throws RunnerException {
        ChainedOptionsBuilder b = new OptionsBuilder()
                .forks(forks)
                .warmupIterations(settings.warmups()).warmupTime(TimeValue.seconds(settings.warmupSeconds()))
                .measurementIterations(settings.iterations())
                .measurementTime(TimeValue.seconds(settings.iterationSeconds()))
                .shouldFailOnError(true)
                .jvmArgsAppend("-Xmx4g", "-D" + Loopback.NODELAY + "=" + System.getProperty(Loopback.NODELAY, "true"),
                        "-Dopendmp.shared=" + CdaFixtures.ansPackage()
                        .map(p -> p.getParent().toString()).orElse(System.getProperty("opendmp.shared", "../shared")));
        if (methods.length == 0) {
            b.include("^" + Pattern.quote(benchmark.getName()) + "\\.");
        }
        for (String m : methods) {
            b.include("^" + Pattern.quote(benchmark.getName() + "." + m) + "$");
        }
        if (gc) {
            b.addProfiler(GCProfiler.class);
        }
        return new JmhRuns(new Runner(b.build()).run());
    }

    /** @return the result of one method */
    public RunResult of(String method) {
        return results.stream().filter(r -> r.getParams().getBenchmark().endsWith("." + method)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no result for " + method));
    }

    /** @return the primary score of a method (in its output unit) */
    public double score(String method) {
        return of(method).getPrimaryResult().getScore();
    }

    /** @return a percentile (0–100) of a SampleTime method, in its output unit */
    public double percentile(String method, double p) {
        return of(method).getPrimaryResult().getStatistics().getPercentile(p);
    }

    /** @return the bytes allocated per operation, as JMH's GC profiler measured them */
    public Optional<Double> allocatedPerOp(String method) {
        List<String> keys = new ArrayList<>(of(method).getSecondaryResults().keySet());
        return keys.stream().filter(k -> k.endsWith("gc.alloc.rate.norm")).findFirst()
                .map(k -> {
                    Result<?> r = of(method).getSecondaryResults().get(k);
                    return r.getScore();
                });
    }
}
