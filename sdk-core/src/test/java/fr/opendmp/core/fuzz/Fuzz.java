package fr.opendmp.core.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.quicktheories.QuickTheory;
import org.quicktheories.api.AsString;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Reporter;

/**
 * The budget of every hostile-input property, read in this one place: {@code -Dopendmp.fuzz.tries=N}
 * inputs per property (100 in CI), a seed chosen per property and printed when it fails, and
 * {@code -Dopendmp.fuzz.seed=S} to replay that failure with the same inputs.
 */
public final class Fuzz {

    /** Inputs per property. */
    public static final int TRIES = Integer.getInteger("opendmp.fuzz.tries", 100);

    /** Shrinking re-runs the property, each run bounded by {@link Verdict#PER_INPUT}: keep it short. */
    private static final int SHRINK_CYCLES = 50;

    /** Enough of a failing input to recognise it; the seed, not the message, reproduces it. */
    private static final int SHOWN_CHARS = 300;

    private Fuzz() {
    }

    /** @return a theory with the CI budget and a replayable seed, ready for {@code forAll(...)} */
    public static QuickTheory theory() {
        Long fixed = Long.getLong("opendmp.fuzz.seed");
        return theory(fixed != null ? fixed : ThreadLocalRandom.current().nextLong());
    }

    /** @return a theory with the CI budget drawing its inputs from {@code seed} */
    static QuickTheory theory(long seed) {
        return QuickTheory.qt().withExamples(TRIES).withFixedSeed(seed).withShrinkCycles(SHRINK_CYCLES)
                .withReporter(new ReplayHint());
    }

    /** @return what a failure message shows of a generated input: its size and its beginning */
    static String shown(Object value) {
        if (value instanceof byte[] b) {
            return b.length + " bytes: " + cut(new String(b, StandardCharsets.UTF_8));
        }
        if (value instanceof Pair<?, ?> p) {
            return "(" + shown(p._1) + ", " + shown(p._2) + ")";
        }
        if (value instanceof String s) {
            return s.length() + " chars: " + cut(s);
        }
        return cut(String.valueOf(value));
    }

    private static String cut(String s) {
        return s.length() <= SHOWN_CHARS ? s : s.substring(0, SHOWN_CHARS) + "…";
    }

    /** Fails the test with the seed and the flags that replay it. */
    private static final class ReplayHint implements Reporter {

        @Override
        public void falisification(long seed, int examplesUsed, Object smallest, Throwable cause,
                List<Object> others, AsString<Object> toString) {
            throw new AssertionError(message(seed, examplesUsed, smallest) + System.lineSeparator() + "Because: "
                    + cause, cause);
        }

        @Override
        public void falisification(long seed, int examplesUsed, Object smallest, List<Object> others,
                AsString<Object> toString) {
            throw new AssertionError(message(seed, examplesUsed, smallest));
        }

        @Override
        public void valuesExhausted(int completed) {
            throw new AssertionError("only " + completed + " inputs could be generated");
        }

        private static String message(long seed, int examplesUsed, Object smallest) {
            return "Property falsified after " + examplesUsed + " input(s); replay with -Dopendmp.fuzz.seed=" + seed
                    + " -Dopendmp.fuzz.tries=" + TRIES + System.lineSeparator() + "Smallest failing input: "
                    + shown(smallest);
        }
    }
}
