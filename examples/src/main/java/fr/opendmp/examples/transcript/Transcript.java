package fr.opendmp.examples.transcript;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The printed record of a journey: one line per step (did it do what it should, its duration, what
 * happened, with every patient datum masked by the caller) and the counters of the summary line.
 * Not thread-safe: one journey writes it at a time.
 */
public final class Transcript {

    /**
     * One step.
     *
     * @param name the step
     * @param ok whether it did what it should
     * @param outcome what happened (no patient data)
     * @param duration how long it took
     */
    public record StepResult(String name, boolean ok, String outcome, Duration duration) {
    }

    /**
     * What a step body reports.
     *
     * @param ok whether the step did what it should
     * @param outcome what happened (no patient data)
     */
    public record Check(boolean ok, String outcome) {

        /** @return a check that passed when {@code ok}, with this outcome */
        public static Check expect(boolean ok, String outcome) {
            return new Check(ok, outcome);
        }
    }

    /** A step body; it may throw, which fails the step. */
    @FunctionalInterface
    public interface StepBody {
        /**
         * @return what happened
         * @throws Exception anything: the step fails with the exception's type
         */
        Check run() throws Exception;
    }

    private final PrintStream out;
    private final Clock clock;
    private final List<StepResult> steps = new ArrayList<>();
    private int deposited;
    private int found;
    private int retrieved;
    private int expectedRefusals;

    /**
     * @param out where the lines go
     * @param clock the clock for durations (a test seam)
     */
    public Transcript(PrintStream out, Clock clock) {
        this.out = Objects.requireNonNull(out, "out");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @param out where the lines go; durations from the system clock */
    public Transcript(PrintStream out) {
        this(out, Clock.systemUTC());
    }

    /** Prints a section title. */
    public void section(String title) {
        out.println("== " + title + " ==");
    }

    /**
     * Runs a step, prints its line and keeps its result. An exception fails the step; its message
     * is not printed (it may hold patient data), only its type.
     *
     * @return the step's result
     */
    public StepResult step(String name, StepBody body) {
        long start = clock.millis();
        Check check;
        try {
            check = body.run();
        } catch (Exception e) {
            check = new Check(false, "unexpected " + e.getClass().getSimpleName());
        }
        Duration d = Duration.ofMillis(Math.max(0, clock.millis() - start));
        StepResult result = new StepResult(name, check.ok(), check.outcome(), d);
        steps.add(result);
        out.printf("[%s] %-62s %5d ms  %s%n", check.ok() ? " ok " : "FAIL", name, d.toMillis(), check.outcome());
        return result;
    }

    /** Counts documents the DMP accepted. */
    public void deposited(int count) {
        deposited += count;
    }

    /** Counts document entries a search returned. */
    public void found(int count) {
        found += count;
    }

    /** Counts document bodies fetched and checked. */
    public void retrieved(int count) {
        retrieved += count;
    }

    /** Counts a refusal the journey expected (and got). */
    public void expectedRefusal() {
        expectedRefusals++;
    }

    /** @return every step so far, in order */
    public List<StepResult> steps() {
        return List.copyOf(steps);
    }

    /** @return whether every step so far did what it should */
    public boolean allOk() {
        return steps.stream().allMatch(StepResult::ok);
    }

    /** @return documents deposited so far */
    public int depositedCount() {
        return deposited;
    }

    /** @return entries found so far */
    public int foundCount() {
        return found;
    }

    /** @return documents retrieved so far */
    public int retrievedCount() {
        return retrieved;
    }

    /** @return expected refusals seen so far */
    public int expectedRefusalCount() {
        return expectedRefusals;
    }

    /** @return the summary line, e.g. {@code 25/25 steps ok · 6 deposited · 9 found · 4 retrieved · 3 refusals as expected} */
    public String summary() {
        long ok = steps.stream().filter(StepResult::ok).count();
        return ok + "/" + steps.size() + " steps ok · " + deposited + " deposited · " + found + " found · "
                + retrieved + " retrieved · " + expectedRefusals + " refusals as expected";
    }

    /** Prints the summary line. */
    public void printSummary() {
        out.println("== " + summary() + " ==");
    }
}
