package fr.opendmp.core.client.internal;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import fr.opendmp.core.transport.internal.http.BoundedPool;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * What a client shares with the clients derived from it by {@code newBuilder()}, as OkHttp does:
 * the JDK HTTP clients (connection pools, one per TLS context and connect timeout), the caches and
 * the default executor. Released when the last client using it is closed. Not API. Thread-safe.
 */
public final class Shared {

    private record HttpKey(Optional<SSLContext> tls, Duration connectTimeout) {
    }

    private record CacheKey(Duration accessTtl, Duration searchTtl, long size, Clock clock) {
    }

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final ConcurrentHashMap<HttpKey, HttpClient> http = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<CacheKey, Caches> caches = new ConcurrentHashMap<>();
    private final ExecutorService executor;
    private final AtomicInteger users = new AtomicInteger();

    private Shared() {
        this.executor = BoundedPool.create("opendmp-" + POOLS.incrementAndGet(),
                Math.max(4, 2 * Runtime.getRuntime().availableProcessors()));
    }

    /** @return new shared resources, used by one client */
    public static Shared create() {
        return new Shared().retain();
    }

    /** @return this, with one more client using it */
    public Shared retain() {
        users.incrementAndGet();
        return this;
    }

    /** One client stopped using it; the last one shuts the default executor down. */
    public void release() {
        if (users.decrementAndGet() == 0) {
            executor.shutdown();
            caches.values().forEach(Caches::invalidateAll);
        }
    }

    /**
     * @return the default executor of async calls: a bounded pool (2 threads per core, at least 4),
     *     its threads started on demand and stopped after 30 s idle; calls beyond it wait in a queue
     */
    public ExecutorService executor() {
        return executor;
    }

    /** @return the JDK HTTP client for this TLS context and connect timeout, made once */
    public HttpClient http(Optional<SSLContext> tls, Duration connectTimeout) {
        return http.computeIfAbsent(new HttpKey(tls, connectTimeout), k -> {
            HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(connectTimeout)
                    .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1);
            tls.ifPresent(b::sslContext);
            return b.build();
        });
    }

    /** @return the caches for these settings, made once */
    public Caches caches(Duration accessTtl, Duration searchTtl, long size, Clock clock) {
        return caches.computeIfAbsent(new CacheKey(accessTtl, searchTtl, size, clock),
                k -> Caches.of(accessTtl, searchTtl, size, clock));
    }

}
