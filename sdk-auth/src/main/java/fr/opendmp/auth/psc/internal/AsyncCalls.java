package fr.opendmp.auth.psc.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Where the async twins of the OAuth clients run by default: one bounded pool (4 daemon threads,
 * started on demand, stopped after 30 s idle) for the whole JVM, so a burst of calls queues instead
 * of starting a thread each. Not API.
 */
public final class AsyncCalls {

    private static final Executor DEFAULT = pool();

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

    private static Executor pool() {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(4, 4, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "opendmp-oauth-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
