package fr.opendmp.core.transport.internal.http;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where the async twins of the SDK's clients run when the caller gives no executor: a fixed number
 * of daemon threads, started on demand and stopped after 30 s idle; calls beyond them wait in a
 * queue instead of each starting a thread. Not API.
 */
public final class BoundedPool {

    private BoundedPool() {
    }

    /**
     * @param name the threads' name prefix
     * @param threads how many threads at most
     * @return the pool
     */
    public static ExecutorService create(String name, int threads) {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, name + "-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
