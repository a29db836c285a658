package fr.opendmp.core.client;

import com.fasterxml.jackson.databind.JsonNode;
import fr.opendmp.core.access.AccessContext;
import fr.opendmp.core.access.AccessMode;
import fr.opendmp.core.access.AccessStatus;
import fr.opendmp.core.client.internal.Caches;
import fr.opendmp.core.client.internal.ClientConfig;
import fr.opendmp.core.client.internal.DepositService;
import fr.opendmp.core.client.internal.DmpCalls;
import fr.opendmp.core.client.internal.Lookup;
import fr.opendmp.core.client.internal.QueryEncoder;
import fr.opendmp.core.credentials.CredentialsProvider;
import fr.opendmp.core.ins.Ins;
import fr.opendmp.core.ins.InsOidPolicy;
import fr.opendmp.core.transport.fhir.AccessStatusReader;
import fr.opendmp.core.transport.http.HttpExchange;
import fr.opendmp.core.transport.http.HttpSettings;
import fr.opendmp.core.transport.http.RetryPolicy;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The DMP client: access status (TD02) and document operations over the DMP's FHIR interface.
 * One instance per application; immutable, thread-safe, {@link AutoCloseable}.
 *
 * <pre>{@code
 * try (DmpClient dmp = DmpClient.builder()
 *         .endpoint(URI.create("https://dmp.example/fhir"))
 *         .credentials(credentials)                        // sdk-auth, or CredentialsProvider.none() for the fake
 *         .software("MyLPS", "4.2", "HOMOLOG-123")
 *         .sourceId("1.2.250.1.999.42")                   // OID of this software instance
 *         .build()) {
 *     AccessStatus status = dmp.access(ins, AccessMode.NORMAL);
 *     if (status.canDeposit()) {
 *         dmp.documents().deposit(Deposit.builder().patient(identity).document(metadata, cda).build());
 *     }
 *     DocumentPage page = dmp.documents().search(ins, DocumentQuery.builder().build());
 *     // emergency: the reason travels in the credential and is traced
 *     dmp.documents(AccessContext.brisDeGlace("patient inconscient")).search(ins, query);
 * }
 * }</pre>
 *
 * <p>Defaults: connect timeout 10 s, request timeout 30 s, {@link RetryPolicy#defaults()} (idempotent
 * calls and deposits only), JSON answers up to 16 MiB, documents up to 64 MiB, access statuses cached
 * 60 s, search pages not cached.
 */
public final class DmpClient implements AutoCloseable {

    private final Builder settings;
    private final DmpCalls calls;
    private final Lookup lookup;
    private final DepositService deposits;
    private final Caches caches;
    private final ExecutorService ownedExecutor;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final DmpDocuments normal;

    private DmpClient(Builder b) {
        this.settings = b.copy();
        String userAgent = "OpenDMP/0.1 " + b.softwareName + "/" + b.softwareVersion + " (homologation "
                + b.homologationId + ")";
        HttpSettings http = new HttpSettings(b.connectTimeout, b.requestTimeout, b.retryPolicy, userAgent, b.clock,
                b.sleeper);
        ClientConfig config = new ClientConfig(b.endpoint, b.credentials, http, b.maxResponseBytes,
                b.maxDocumentBytes, Optional.ofNullable(b.sourceOid), b.accessCacheTtl, b.searchCacheTtl,
                b.cacheMaximumSize, b.deleteStrategy, b.uniqueIdAlsoAsIdentifier, b.insOidPolicy);
        this.calls = new DmpCalls(config, new HttpExchange(http, b.credentials.sslContext()));
        this.lookup = new Lookup(calls);
        this.deposits = new DepositService(calls, lookup);
        this.caches = Caches.of(config);
        AtomicInteger n = new AtomicInteger();
        this.ownedExecutor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "opendmp-client-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.normal = documents(AccessContext.normal());
    }

    /** @return a new builder (endpoint, credentials and software are required) */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder with this client's settings, each of which may be set once more */
    public Builder newBuilder() {
        return settings.copy();
    }

    /**
     * The DMP's state and the caller's rights for this patient (TD02), cached briefly.
     *
     * @param ins the patient's INS
     * @param mode {@link AccessMode#NORMAL} or {@link AccessMode#CENTRE_REGULATION}; for bris de
     *     glace use {@link #access(Ins, AccessContext)} with the reason
     * @return the access status
     */
    public AccessStatus access(Ins ins, AccessMode mode) {
        return switch (Objects.requireNonNull(mode, "mode")) {
            case NORMAL -> access(ins, AccessContext.normal());
            case CENTRE_REGULATION -> access(ins, AccessContext.centreRegulation());
            case BRIS_DE_GLACE -> throw new IllegalArgumentException(
                    "bris de glace needs a reason: call access(ins, AccessContext.brisDeGlace(reason))");
        };
    }

    /** @return the access status in this access context (TD02) */
    public AccessStatus access(Ins ins, AccessContext context) {
        ensureOpen();
        Objects.requireNonNull(ins, "ins");
        Objects.requireNonNull(context, "context");
        return caches.access()
                .map(c -> c.get(new Caches.Key(ins.fhirIdentifier(), context, "access"), k -> fetchAccess(ins, context)))
                .orElseGet(() -> fetchAccess(ins, context));
    }

    /** @return {@link #access(Ins, AccessMode)} asynchronously */
    public CompletableFuture<AccessStatus> accessAsync(Ins ins, AccessMode mode) {
        return CompletableFuture.supplyAsync(() -> access(ins, mode), ownedExecutor);
    }

    /** @return {@link #access(Ins, AccessContext)} asynchronously */
    public CompletableFuture<AccessStatus> accessAsync(Ins ins, AccessContext context) {
        return CompletableFuture.supplyAsync(() -> access(ins, context), ownedExecutor);
    }

    /** @return document operations in normal access mode */
    public DmpDocuments documents() {
        ensureOpen();
        return normal;
    }

    /**
     * @param context the access mode (bris de glace with its reason, centre de régulation)
     * @return document operations in that mode; the mode and reason travel in the credential
     */
    public DmpDocuments documents(AccessContext context) {
        ensureOpen();
        return new DmpDocuments(calls, lookup, deposits, caches, Objects.requireNonNull(context, "context"),
                ownedExecutor);
    }

    /** Forgets the cached access statuses and search pages (e.g. after the patient changed a right). */
    public void invalidateCaches() {
        caches.access().ifPresent(c -> c.invalidateAll());
        caches.search().ifPresent(c -> c.invalidateAll());
    }

    /** Stops the async executor and drops the caches. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            ownedExecutor.shutdown();
            invalidateCaches();
            calls.exchange().close();
        }
    }

    private AccessStatus fetchAccess(Ins ins, AccessContext context) {
        JsonNode bundle = calls.getJson("read the DMP's access status", calls.resolve(QueryEncoder.patient(ins)), ins,
                context);
        return AccessStatusReader.read(bundle, context.mode());
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("this DmpClient is closed");
        }
    }

    /**
     * Builds a {@link DmpClient}. Like Caffeine's builder, each setting may be given only once (a
     * second call is a bug and throws {@link IllegalStateException}). Not thread-safe.
     */
    public static final class Builder {
        private final Set<String> given = new HashSet<>();
        private URI endpoint;
        private CredentialsProvider credentials;
        private String softwareName;
        private String softwareVersion;
        private String homologationId;
        private String sourceOid;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(30);
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private long maxResponseBytes = 16L << 20;
        private long maxDocumentBytes = 64L << 20;
        private Duration accessCacheTtl = Duration.ofSeconds(60);
        private Duration searchCacheTtl = Duration.ZERO;
        private long cacheMaximumSize = 10_000;
        private Clock clock = Clock.systemUTC();
        private HttpSettings.Sleeper sleeper = HttpSettings.Sleeper.real();
        private DeleteStrategy deleteStrategy = DeleteStrategy.ENTERED_IN_ERROR;
        private boolean uniqueIdAlsoAsIdentifier;
        private InsOidPolicy insOidPolicy = InsOidPolicy.PRODUCTION;

        private Builder() {
        }

        private void once(String name) {
            if (!given.add(name)) {
                throw new IllegalStateException(name + " was already set");
            }
        }

        /** @return this; the DMP FHIR base URL (required; http or https) */
        public Builder endpoint(URI value) {
            once("endpoint");
            Objects.requireNonNull(value, "endpoint");
            if (value.getScheme() == null || !value.getScheme().matches("https?") || value.getHost() == null) {
                throw new IllegalArgumentException("the endpoint must be an absolute http(s) URL");
            }
            endpoint = value;
            return this;
        }

        /** @return this; the credentials provider (required; {@link CredentialsProvider#none()} for the fake) */
        public Builder credentials(CredentialsProvider value) {
            once("credentials");
            credentials = Objects.requireNonNull(value, "credentials");
            return this;
        }

        /** @return this; the calling software's name, version and homologation id (required) */
        public Builder software(String name, String version, String homologation) {
            once("software");
            softwareName = requireText(name, "software name");
            softwareVersion = requireText(version, "software version");
            homologationId = requireText(homologation, "homologation id");
            return this;
        }

        /** @return this; the OID of this software instance (SubmissionSet sourceId; needed for ITI-65) */
        public Builder sourceId(String oid) {
            once("sourceId");
            String bare = requireText(oid, "sourceId").replaceFirst("^urn:oid:", "");
            if (!bare.matches("[0-2](\\.(0|[1-9][0-9]*))+")) {
                throw new IllegalArgumentException("sourceId must be an OID, got " + oid);
            }
            sourceOid = bare;
            return this;
        }

        /** @return this; TCP/TLS connect timeout (default 10 s) */
        public Builder connectTimeout(Duration value) {
            once("connectTimeout");
            connectTimeout = positive(value, "connectTimeout");
            return this;
        }

        /** @return this; request timeout (default 30 s) */
        public Builder requestTimeout(Duration value) {
            once("requestTimeout");
            requestTimeout = positive(value, "requestTimeout");
            return this;
        }

        /** @return this; the retry policy (default {@link RetryPolicy#defaults()}) */
        public Builder retryPolicy(RetryPolicy value) {
            once("retryPolicy");
            retryPolicy = Objects.requireNonNull(value, "retryPolicy");
            return this;
        }

        /** @return this; the largest JSON answer accepted (default 16 MiB) */
        public Builder maxResponseBytes(long value) {
            once("maxResponseBytes");
            maxResponseBytes = positive(value, "maxResponseBytes");
            return this;
        }

        /** @return this; the largest document accepted, retrieved or deposited (default 64 MiB) */
        public Builder maxDocumentBytes(long value) {
            once("maxDocumentBytes");
            maxDocumentBytes = positive(value, "maxDocumentBytes");
            return this;
        }

        /** @return this; how long access statuses are cached (default 60 s; zero disables) */
        public Builder accessCacheTtl(Duration value) {
            once("accessCacheTtl");
            accessCacheTtl = notNegative(value, "accessCacheTtl");
            return this;
        }

        /** @return this; cache search pages this long (default: not cached) */
        public Builder searchCacheTtl(Duration value) {
            once("searchCacheTtl");
            searchCacheTtl = notNegative(value, "searchCacheTtl");
            return this;
        }

        /** @return this; the maximum number of entries of each cache (default 10,000) */
        public Builder cacheMaximumSize(long value) {
            once("cacheMaximumSize");
            cacheMaximumSize = positive(value, "cacheMaximumSize");
            return this;
        }

        /** @return this; the clock (test seam; default UTC system clock) */
        public Builder clock(Clock value) {
            once("clock");
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** @return this; how TD3.3c is written (open point; default entered-in-error) */
        public Builder deleteStrategy(DeleteStrategy value) {
            once("deleteStrategy");
            deleteStrategy = Objects.requireNonNull(value, "deleteStrategy");
            return this;
        }

        /** @return this; also send the uniqueId in {@code identifier} (open point; default false) */
        public Builder uniqueIdAlsoAsIdentifier(boolean value) {
            once("uniqueIdAlsoAsIdentifier");
            uniqueIdAlsoAsIdentifier = value;
            return this;
        }

        /**
         * @return this; which INS OIDs may reach the DMP (default {@link InsOidPolicy#PRODUCTION}:
         *     test and demonstration patients are refused before any call). Use
         *     {@link InsOidPolicy#TEST} against a test platform or the fake DMP with test patients.
         */
        public Builder insOidPolicy(InsOidPolicy value) {
            once("insOidPolicy");
            insOidPolicy = Objects.requireNonNull(value, "insOidPolicy");
            return this;
        }

        Builder sleeper(HttpSettings.Sleeper value) {
            once("sleeper");
            sleeper = Objects.requireNonNull(value, "sleeper");
            return this;
        }

        /**
         * @return the client
         * @throws IllegalStateException if endpoint, credentials or software is missing
         */
        public DmpClient build() {
            if (endpoint == null || credentials == null || softwareName == null) {
                throw new IllegalStateException("endpoint, credentials and software(name, version, homologationId)"
                        + " are required");
            }
            return new DmpClient(this);
        }

        private Builder copy() {
            Builder b = new Builder();
            b.endpoint = endpoint;
            b.credentials = credentials;
            b.softwareName = softwareName;
            b.softwareVersion = softwareVersion;
            b.homologationId = homologationId;
            b.sourceOid = sourceOid;
            b.connectTimeout = connectTimeout;
            b.requestTimeout = requestTimeout;
            b.retryPolicy = retryPolicy;
            b.maxResponseBytes = maxResponseBytes;
            b.maxDocumentBytes = maxDocumentBytes;
            b.accessCacheTtl = accessCacheTtl;
            b.searchCacheTtl = searchCacheTtl;
            b.cacheMaximumSize = cacheMaximumSize;
            b.clock = clock;
            b.sleeper = sleeper;
            b.deleteStrategy = deleteStrategy;
            b.uniqueIdAlsoAsIdentifier = uniqueIdAlsoAsIdentifier;
            b.insOidPolicy = insOidPolicy;
            return b;
        }

        private static String requireText(String value, String name) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(name + " is required");
            }
            return value;
        }

        private static Duration positive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return value;
        }

        private static Duration notNegative(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative");
            }
            return value;
        }

        private static long positive(long value, String name) {
            if (value <= 0) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return value;
        }
    }
}
