package fr.opendmp.auth.psc.internal;

import fr.opendmp.core.transport.internal.http.BoundedPool;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Where the async twins of the OAuth clients run by default: one bounded pool (4 daemon threads,
 * started on demand, stopped after 30 s idle) for the whole JVM, so a burst of calls queues instead
 * of starting a thread each. Not API.
 */
public final class AsyncCalls {

    private static final Executor DEFAULT = BoundedPool.create("opendmp-oauth", 4);

    private AsyncCalls() {
    }

    /** @return the default executor */
    public static Executor defaultExecutor() {
        return DEFAULT;
    }

    /** @return the call run on the executor */
    public static <T> CompletableFuture<T> run(Supplier<T> call, Executor executor) {
        return CompletableFuture.supplyAsync(call, executor);
    }
}
