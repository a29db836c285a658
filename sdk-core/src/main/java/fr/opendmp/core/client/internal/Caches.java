package fr.opendmp.core.client.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.opendmp.core.access.AccessContext;
import fr.opendmp.core.access.AccessStatus;
import fr.opendmp.core.transport.fhir.SearchsetReader;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The client's Caffeine caches: access statuses (short TTL, per patient and access mode, the
 * credential being the client's) and, only when asked, search pages. Document bodies are never
 * cached. Not API.
 *
 * @param access access statuses, if enabled
 * @param search search pages, if enabled
 */
public record Caches(Optional<Cache<Key, AccessStatus>> access, Optional<Cache<Key, SearchsetReader.Page>> search) {

    /**
     * A cache key; holds the INS token in memory only (never logged: {@link #toString()} masks it).
     *
     * @param insToken the INS {@code system|value}
     * @param access the access mode and reason
     * @param what the request (URL) or "access"
     */
    public record Key(String insToken, AccessContext access, String what) {
        @Override
        public String toString() {
            return "Key[***, " + access.mode() + "]";
        }
    }

    /** @return the caches for these settings */
    public static Caches of(ClientConfig cfg) {
        return new Caches(build(cfg.accessCacheTtl(), cfg.cacheSize(), cfg.http().clock()),
                build(cfg.searchCacheTtl(), cfg.cacheSize(), cfg.http().clock()));
    }

    private static <V> Optional<Cache<Key, V>> build(Duration ttl, long size, Clock clock) {
        if (ttl.isZero()) {
            return Optional.empty();
        }
        return Optional.of(Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(size)
                .ticker(() -> clock.millis() * 1_000_000L).build());
    }
}
