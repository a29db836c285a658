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
import java.util.function.Predicate;

/**
 * The one verdict of every hostile-input property: the call returns, or throws one of the typed
 * exceptions its API documents, within {@link #PER_INPUT}; anything else (an NPE, a
 * ClassCastException, a StackOverflowError, an OutOfMemoryError, an IllegalStateException from deep
 * inside, a hang) fails the property, and so does a typed error wrapping one of those. A typed error
 * whose message, cause chain or {@code toString()} quotes a {@link Sentinels sentinel} fails it too,
 * and so does a result whose {@code toString()} does.
 */
public final class Verdict {

    /** The bound on one input (generous: two cores are shared with other builds). */
    public static final Duration PER_INPUT = Duration.ofSeconds(
            Long.getLong("opendmp.fuzz.perInputSeconds", 5));

    private static final List<Class<? extends Throwable>> BUGS = List.of(NullPointerException.class,
            ClassCastException.class, IndexOutOfBoundsException.class, IllegalStateException.class,
            ArithmeticException.class, UnsupportedOperationException.class, Error.class);

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
        return typedOrSuccess(PER_INPUT, what, call, typed);
    }

    /**
     * @param bound the time the call may take
     * @param what the parser and input, for the failure message
     * @param call the parse
     * @param typed the exceptions the API documents
     * @return the typed exception thrown, empty on success
     */
    @SafeVarargs
    public static Optional<Throwable> typedOrSuccess(Duration bound, String what, Callable<?> call,
            Class<? extends Throwable>... typed) {
        return typedOrSuccess(bound, what, call, cause -> false, typed);
    }

    /**
     * The same verdict, for a parser built on a library that signals bad input with one of the
     * programming errors (Bouncy Castle raises {@code IllegalStateException}s on a malformed encoding
     * and wraps them in its own {@code IOException}s): such a cause inside a typed error is the
     * library refusing the input, not a bug of the SDK; the caller says which causes are.
     *
     * @param what the parser and input, for the failure message
     * @param call the parse
     * @param libraryFailure the causes a typed error may wrap
     * @param typed the exceptions the API documents
     * @return the typed exception thrown, empty on success
     */
    @SafeVarargs
    public static Optional<Throwable> typedOrSuccess(String what, Callable<?> call,
            Predicate<Throwable> libraryFailure, Class<? extends Throwable>... typed) {
        return typedOrSuccess(PER_INPUT, what, call, libraryFailure, typed);
    }

    @SafeVarargs
    private static Optional<Throwable> typedOrSuccess(Duration bound, String what, Callable<?> call,
            Predicate<Throwable> libraryFailure, Class<? extends Throwable>... typed) {
        Future<?> f = RUNNER.submit(call);
        try {
            Object result = f.get(bound.toMillis(), TimeUnit.MILLISECONDS);
            List<String> printed = isText(result) ? List.of() : Sentinels.foundIn(String.valueOf(result));
            if (!printed.isEmpty()) {
                throw new AssertionError(what + ": the result's toString() prints health data " + printed);
            }
            return Optional.empty();
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new AssertionError(what + ": no answer within " + bound.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(what + ": interrupted", e);
        } catch (ExecutionException e) {
            Throwable t = e.getCause();
            if (Arrays.stream(typed).noneMatch(c -> c.isInstance(t))) {
                throw new AssertionError(what + ": untyped " + t.getClass().getName(), t);
            }
            bugInside(t, libraryFailure).ifPresent(bug -> {
                throw new AssertionError(what + ": a typed error hides " + bug.getClass().getName(), t);
            });
            List<String> leaked = leaked(t);
            if (!leaked.isEmpty()) {
                throw new AssertionError(what + ": " + t.getClass().getName() + " quotes health data " + leaked, t);
            }
            return Optional.of(t);
        }
    }

    /** A normalised name or a list of first names is the health data itself: only records are printed. */
    private static boolean isText(Object result) {
        return result instanceof CharSequence
                || result instanceof java.util.Collection<?> c && c.stream().allMatch(e -> e instanceof CharSequence);
    }

    /**
     * @param t a typed error
     * @return the programming error it wraps (a parser bug turned into a typed error is still a bug)
     */
    public static Optional<Throwable> bugInside(Throwable t) {
        return bugInside(t, cause -> false);
    }

    private static Optional<Throwable> bugInside(Throwable t, Predicate<Throwable> libraryFailure) {
        for (Throwable c = t.getCause(); c != null; c = c.getCause() == c ? null : c.getCause()) {
            Throwable cause = c;
            if (BUGS.stream().anyMatch(b -> b.isInstance(cause))
                    && !libraryFailure.test(cause)) {
                return Optional.of(cause);
            }
        }
        return Optional.empty();
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
