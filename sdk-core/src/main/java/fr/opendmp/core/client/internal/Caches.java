package fr.opendmp.core.client.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.opendmp.core.access.AccessStatus;
import fr.opendmp.core.caller.Caller;
import fr.opendmp.core.credentials.CredentialsProvider;
import fr.opendmp.core.transport.TransportPage;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The client's Caffeine caches, shared with the clients derived from it: access statuses (short
 * TTL) and, only when asked, search pages. A key names the credentials provider, the patient, the
 * caller (professional and access mode) and the request: an answer is never served to another
 * caller. Document bodies are never cached. Not API.
 *
 * @param access access statuses, if enabled
 * @param search search pages, if enabled
 */
public record Caches(Optional<Cache<Key, AccessStatus>> access, Optional<Cache<Key, TransportPage>> search) {

    /**
     * A cache key; holds the INS token in memory only ({@link #toString()} masks it).
     *
     * @param credentials the provider (identity: another provider is another professional)
     * @param insToken the INS {@code system|value}
     * @param caller the professional and the access mode
     * @param what the request (query, page token) or "access"
     */
    public record Key(CredentialsProvider credentials, String insToken, Caller caller, String what) {
        @Override
        public String toString() {
            return "Key[***, " + caller.access().mode() + "]";
        }
    }

    /**
     * @param accessTtl TTL of access statuses (zero: none)
     * @param searchTtl TTL of search pages (zero: none)
     * @param size maximum entries of each cache
     * @param clock the clock
     * @return the caches
     */
    public static Caches of(Duration accessTtl, Duration searchTtl, long size, Clock clock) {
        return new Caches(build(accessTtl, size, clock), build(searchTtl, size, clock));
    }

    /** Forgets every entry. */
    public void invalidateAll() {
        access.ifPresent(Cache::invalidateAll);
        search.ifPresent(Cache::invalidateAll);
    }

    private static <V> Optional<Cache<Key, V>> build(Duration ttl, long size, Clock clock) {
        if (ttl.isZero()) {
            return Optional.empty();
        }
        return Optional.of(Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(size)
                .ticker(() -> clock.millis() * 1_000_000L).build());
    }
}
