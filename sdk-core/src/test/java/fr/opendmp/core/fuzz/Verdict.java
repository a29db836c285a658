package fr.opendmp.core.fuzz;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one verdict of every hostile-input property: the call returns, or throws one of the typed
 * exceptions its API documents, within {@link #PER_INPUT}; anything else (an NPE, a
 * ClassCastException, a StackOverflowError, an OutOfMemoryError, an IllegalStateException from deep
 * inside, a hang) fails the property. A typed error whose message, cause chain or {@code toString()}
 * quotes a {@link Sentinels sentinel} fails it too.
 */
public final class Verdict {

    /** The bound on one input (generous: two cores are shared with other builds). */
    public static final Duration PER_INPUT = Duration.ofSeconds(
            Long.getLong("opendmp.fuzz.perInputSeconds", 5));

    private static final ExecutorService RUNNER = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fuzz-input");
        t.setDaemon(true);
        return t;
    });

    private Verdict() {
    }

    /**
     * @param what the parser and input, for the failure message
     * @param call the parse
     * @param typed the exceptions the API documents
     * @return the typed exception thrown, empty on success
     */
    @SafeVarargs
    public static Optional<Throwable> typedOrSuccess(String what, Callable<?> call,
            Class<? extends Throwable>... typed) {
        Future<?> f = RUNNER.submit(call);
        try {
            f.get(PER_INPUT.toMillis(), TimeUnit.MILLISECONDS);
            return Optional.empty();
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new AssertionError(what + ": no answer within " + PER_INPUT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(what + ": interrupted", e);
        } catch (ExecutionException e) {
            Throwable t = e.getCause();
            if (Arrays.stream(typed).noneMatch(c -> c.isInstance(t))) {
                throw new AssertionError(what + ": untyped " + t.getClass().getName(), t);
            }
            List<String> leaked = leaked(t);
            if (!leaked.isEmpty()) {
                throw new AssertionError(what + ": " + t.getClass().getName() + " quotes health data " + leaked, t);
            }
            return Optional.of(t);
        }
    }

    /**
     * @param t a typed error
     * @return the sentinels its messages, its causes' messages or its {@code toString()} quote
     */
    public static List<String> leaked(Throwable t) {
        List<String> found = new ArrayList<>();
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            found.addAll(Sentinels.foundIn(String.valueOf(c.getMessage())));
            found.addAll(Sentinels.foundIn(c.toString()));
            for (Throwable s : c.getSuppressed()) {
                found.addAll(Sentinels.foundIn(String.valueOf(s.getMessage())));
            }
        }
        return found.stream().distinct().toList();
    }
}
