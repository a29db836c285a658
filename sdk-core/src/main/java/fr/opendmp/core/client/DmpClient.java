package fr.opendmp.core.client;

import fr.opendmp.core.access.AccessContext;
import fr.opendmp.core.access.AccessMode;
import fr.opendmp.core.access.AccessStatus;
import fr.opendmp.core.access.AuthorizationChange;
import fr.opendmp.core.access.AuthorizationFilter;
import fr.opendmp.core.access.AuthorizedPatient;
import fr.opendmp.core.access.AuthorizedPatientsBy;
import fr.opendmp.core.access.DmpAdministrativeData;
import fr.opendmp.core.access.PatientAuthorization;
import fr.opendmp.core.caller.Caller;
import fr.opendmp.core.client.internal.Caches;
import fr.opendmp.core.client.internal.ClientCore;
import fr.opendmp.core.client.internal.Shared;
import fr.opendmp.core.credentials.CredentialsProvider;
import fr.opendmp.core.ins.Ins;
import fr.opendmp.core.ins.InsOidPolicy;
import fr.opendmp.core.transport.DmpOperations;
import fr.opendmp.core.transport.DmpTransport;
import fr.opendmp.core.transport.FhirTransport;
import fr.opendmp.core.transport.RetryPolicy;
import fr.opendmp.core.transport.Sleeper;
import fr.opendmp.core.transport.TransportContext;
import fr.opendmp.core.transport.internal.http.Retrier;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The DMP client: access status (TD0.2) and document operations, over the transport it is built
 * with (the DMP's FHIR interface here, DMPi with sdk-xds). One instance per application (per
 * structure certificate): immutable, thread-safe, {@link AutoCloseable}.
 *
 * <pre>{@code
 * try (DmpClient dmp = DmpClient.builder()
 *         .transport(FhirTransport.at(URI.create("https://dmp.example/fhir")))   // or XdsTransport (sdk-xds)
 *         .credentials(credentials)                        // sdk-auth: the structure's certificate, VIHF or PSC
 *         .software("MyLPS", "4.2", "HOMOLOG-123")
 *         .sourceId("1.2.250.1.999.42")                   // OID of this software instance
 *         .build()) {
 *     DmpView asDoctor = dmp.as(Caller.of(doctor));      // the professional of this call
 *     if (asDoctor.access(ins).canDeposit()) {
 *         asDoctor.documents().deposit(Deposit.builder().patient(identity).document(metadata, cda).build());
 *     }
 *     // emergency: the reason travels in the credential and is traced
 *     dmp.as(Caller.of(doctor, AccessContext.brisDeGlace("patient inconscient"))).documents().search(ins, query);
 * }
 * }</pre>
 *
 * <p>The caller (the professional, the access mode, the bris de glace reason) is given per call or
 * per view ({@link #as(Caller)}); {@link #documents()} and {@link #access(Ins, AccessMode)} act for
 * the credentials provider's own professional. {@link #newBuilder()} derives a client that shares
 * this one's connection pool, executor and caches.
 *
 * <p>Defaults: connect timeout 10 s, a 30 s deadline per attempt covering the whole answer,
 * {@link RetryPolicy#defaults()}, metadata answers up to 16 MiB, documents up to 64 MiB, access
 * statuses cached 60 s, search pages not cached, at most 1,000 pages per stream, retrieved content
 * refused unless its size and hash are declared and match ({@link IntegrityPolicy#REQUIRE_SIZE_AND_HASH}),
 * async calls on a bounded pool (2 threads per core, at least 4) unless {@link Builder#executor(Executor)}.
 */
public final class DmpClient implements AutoCloseable {

    private final Builder settings;
    private final Shared shared;
    private final DmpOperations operations;
    private final ClientCore core;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final DmpView provider;

    private DmpClient(Builder b, Shared shared) {
        this.settings = b.copy();
        this.shared = shared;
        String userAgent = "OpenDMP/0.2 " + b.softwareName + "/" + b.softwareVersion + " (homologation "
                + b.homologationId + ")";
        HttpClient http = shared.http(b.credentials.sslContext(), b.connectTimeout);
        TransportContext context = new TransportContext(http, b.credentials, b.retryPolicy, b.requestTimeout,
                b.maxResponseBytes, b.maxDocumentBytes, userAgent, Optional.ofNullable(b.sourceOid), b.clock,
                b.sleeper);
        this.operations = b.transport.open(context);
        Caches caches = shared.caches(b.accessCacheTtl, b.searchCacheTtl, b.cacheMaximumSize, b.clock);
        Executor executor = b.executor != null ? b.executor : shared.executor();
        this.core = new ClientCore(operations, b.transport.name(), b.credentials, caches, executor, b.insOidPolicy,
                b.integrityPolicy, b.maxPages, new Retrier(b.retryPolicy, b.sleeper));
        this.provider = new DmpView(this, core, Caller.provider());
    }

    /** @return a new builder (transport or endpoint, credentials and software are required) */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @return a builder with this client's settings, each of which may be set once more; the client
     *     it builds shares this one's connection pool, executor and caches (as OkHttp's does)
     */
    public Builder newBuilder() {
        Builder b = settings.copy();
        b.shared = shared;
        return b;
    }

    /** @return the name of this client's transport ({@code FHIR}, {@code DMPi}) */
    public String transport() {
        return core.transport();
    }

    /**
     * @param caller the professional, the access mode and the bris de glace reason
     * @return this client seen by that caller: every call through it carries the caller
     */
    public DmpView as(Caller caller) {
        ensureOpen();
        return new DmpView(this, core, Objects.requireNonNull(caller, "caller"));
    }

    /**
     * The DMP's state and the caller's rights for this patient (TD0.2), cached briefly.
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

    /**
     * @param ins the patient's INS
     * @param context the access mode (bris de glace with its reason, centre de régulation)
     * @return the access status in this access context, for the provider's professional (TD0.2)
     */
    public AccessStatus access(Ins ins, AccessContext context) {
        return as(Caller.provider(Objects.requireNonNull(context, "context"))).access(ins);
    }

    /**
     * @param ins the patient's INS
     * @param mode {@link AccessMode#NORMAL} or {@link AccessMode#CENTRE_REGULATION}; for bris de glace use
     *     {@link #access(Ins, AccessContext)} with the reason
     * @return {@link #access(Ins, AccessMode)} asynchronously
     */
    public CompletableFuture<AccessStatus> accessAsync(Ins ins, AccessMode mode) {
        return CompletableFuture.supplyAsync(() -> access(ins, mode), core.executor());
    }

    /**
     * @param ins the patient's INS
     * @param context the access mode (bris de glace with its reason, centre de régulation)
     * @return {@link #access(Ins, AccessContext)} asynchronously
     */
    public CompletableFuture<AccessStatus> accessAsync(Ins ins, AccessContext context) {
        return CompletableFuture.supplyAsync(() -> access(ins, context), core.executor());
    }

    /** @return document operations in normal access mode, for the provider's professional */
    public DmpDocuments documents() {
        ensureOpen();
        return provider.documents();
    }

    /**
     * @param context the access mode (bris de glace with its reason, centre de régulation)
     * @return document operations in that mode, for the provider's professional
     */
    public DmpDocuments documents(AccessContext context) {
        return as(Caller.provider(Objects.requireNonNull(context, "context"))).documents();
    }

    /**
     * The provider's professional adds or removes its authorization, or its médecin traitant role
     * (TD0.3; DMPi only; see {@link DmpView#setAuthorization(Ins, AuthorizationChange)}).
     *
     * @param ins the patient
     * @param change the change
     */
    public void setAuthorization(Ins ins, AuthorizationChange change) {
        as(Caller.provider()).setAuthorization(ins, change);
    }

    /**
     * @param ins the ins
     * @param change the change
     * @return {@link #setAuthorization(Ins, AuthorizationChange)} asynchronously
     */
    public CompletableFuture<Void> setAuthorizationAsync(Ins ins, AuthorizationChange change) {
        return CompletableFuture.runAsync(() -> setAuthorization(ins, change), core.executor());
    }

    /**
     * @param since the earliest date compared
     * @param by which date is compared
     * @return the patients the provider's professional is authorized on (TD0.4; DMPi only)
     */
    public List<AuthorizedPatient> authorizedPatients(Instant since, AuthorizedPatientsBy by) {
        return as(Caller.provider()).authorizedPatients(since, by);
    }

    /**
     * @param since the since
     * @param by the by
     * @return {@link #authorizedPatients(Instant, AuthorizedPatientsBy)} asynchronously
     */
    public CompletableFuture<List<AuthorizedPatient>> authorizedPatientsAsync(Instant since, AuthorizedPatientsBy by) {
        return CompletableFuture.supplyAsync(() -> authorizedPatients(since, by), core.executor());
    }

    /**
     * @param ins the patient
     * @param filter which professionals
     * @return the professionals the patient authorized or blocked (TD1.6; DMPi only)
     */
    public List<PatientAuthorization> authorizations(Ins ins, AuthorizationFilter filter) {
        return as(Caller.provider()).authorizations(ins, filter);
    }

    /**
     * @param ins the ins
     * @param filter the filter
     * @return {@link #authorizations(Ins, AuthorizationFilter)} asynchronously
     */
    public CompletableFuture<List<PatientAuthorization>> authorizationsAsync(Ins ins, AuthorizationFilter filter) {
        return CompletableFuture.supplyAsync(() -> authorizations(ins, filter), core.executor());
    }

    /**
     * @param ins the patient
     * @return the DMP's administrative data and the patient's oppositions (TD1.3a; DMPi only)
     */
    public DmpAdministrativeData administrativeData(Ins ins) {
        return as(Caller.provider()).administrativeData(ins);
    }

    /**
     * @param ins the ins
     * @return {@link #administrativeData(Ins)} asynchronously
     */
    public CompletableFuture<DmpAdministrativeData> administrativeDataAsync(Ins ins) {
        return CompletableFuture.supplyAsync(() -> administrativeData(ins), core.executor());
    }

    /** Forgets the cached access statuses and search pages (e.g. after the patient changed a right). */
    public void invalidateCaches() {
        core.caches().invalidateAll();
    }

    /** Releases this client; the shared pool and executor stop with the last client using them. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            operations.close();
            shared.release();
        }
    }

    @Override
    public String toString() {
        return "DmpClient[" + core.transport() + ", " + settings.softwareName + " " + settings.softwareVersion + "]";
    }

    void ensureOpen() {
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
        private Shared shared;
        private DmpTransport transport;
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
        private int maxPages = 1_000;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.real();
        private Executor executor;
        private InsOidPolicy insOidPolicy = InsOidPolicy.PRODUCTION;
        private IntegrityPolicy integrityPolicy = IntegrityPolicy.REQUIRE_SIZE_AND_HASH;

        private Builder() {
        }

        private void once(String name) {
            if (!given.add(name)) {
                throw new IllegalStateException(name + " was already set");
            }
        }

        /**
         * @param value the transport
         * @return this; the transport (required, or {@link #endpoint(URI)} for the FHIR one)
         */
        public Builder transport(DmpTransport value) {
            once("transport");
            transport = Objects.requireNonNull(value, "transport");
            return this;
        }

        /**
         * @param value the endpoint
         * @return this; the DMP's FHIR base URL: short for {@code transport(FhirTransport.at(value))}
         */
        public Builder endpoint(URI value) {
            Objects.requireNonNull(value, "endpoint");
            return transport(FhirTransport.at(value));
        }

        /**
         * @param value the credentials
         * @return this; the credentials provider (required)
         */
        public Builder credentials(CredentialsProvider value) {
            once("credentials");
            credentials = Objects.requireNonNull(value, "credentials");
            return this;
        }

        /**
         * @param name the name
         * @param version the version
         * @param homologation the homologation
         * @return this; the calling software's name, version and homologation id (required)
         */
        public Builder software(String name, String version, String homologation) {
            once("software");
            softwareName = requireText(name, "software name");
            softwareVersion = requireText(version, "software version");
            homologationId = requireText(homologation, "homologation id");
            return this;
        }

        /**
         * @param oid the OID
         * @return this; the OID of this software instance (submission set source; needed to deposit several documents)
         */
        public Builder sourceId(String oid) {
            once("sourceId");
            String bare = requireText(oid, "sourceId").replaceFirst("^urn:oid:", "");
            if (!bare.matches("[0-2](\\.(0|[1-9][0-9]*))+")) {
                throw new IllegalArgumentException("sourceId must be an OID, got " + oid);
            }
            sourceOid = bare;
            return this;
        }

        /**
         * @param value the connect timeout
         * @return this; TCP/TLS connect timeout (default 10 s)
         */
        public Builder connectTimeout(Duration value) {
            once("connectTimeout");
            connectTimeout = positive(value, "connectTimeout");
            return this;
        }

        /**
         * @param value the request timeout
         * @return this; the deadline of one attempt, from sending to the answer's last byte (default 30 s)
         */
        public Builder requestTimeout(Duration value) {
            once("requestTimeout");
            requestTimeout = positive(value, "requestTimeout");
            return this;
        }

        /**
         * @param value the retry policy
         * @return this; the retry policy (default {@link RetryPolicy#defaults()})
         */
        public Builder retryPolicy(RetryPolicy value) {
            once("retryPolicy");
            retryPolicy = Objects.requireNonNull(value, "retryPolicy");
            return this;
        }

        /**
         * @param value the max response bytes
         * @return this; the largest metadata answer accepted (default 16 MiB)
         */
        public Builder maxResponseBytes(long value) {
            once("maxResponseBytes");
            maxResponseBytes = positive(value, "maxResponseBytes");
            return this;
        }

        /**
         * @param value the max document bytes
         * @return this; the largest document accepted, retrieved or deposited (default 64 MiB)
         */
        public Builder maxDocumentBytes(long value) {
            once("maxDocumentBytes");
            maxDocumentBytes = positive(value, "maxDocumentBytes");
            return this;
        }

        /**
         * @param value the access cache ttl
         * @return this; how long access statuses are cached (default 60 s; zero disables)
         */
        public Builder accessCacheTtl(Duration value) {
            once("accessCacheTtl");
            accessCacheTtl = notNegative(value, "accessCacheTtl");
            return this;
        }

        /**
         * @param value the search cache ttl
         * @return this; cache first search pages this long (default: not cached)
         */
        public Builder searchCacheTtl(Duration value) {
            once("searchCacheTtl");
            searchCacheTtl = notNegative(value, "searchCacheTtl");
            return this;
        }

        /**
         * @param value the cache maximum size
         * @return this; the maximum number of entries of each cache (default 10,000)
         */
        public Builder cacheMaximumSize(long value) {
            once("cacheMaximumSize");
            cacheMaximumSize = positive(value, "cacheMaximumSize");
            return this;
        }

        /**
         * @param value the max pages
         * @return this; the most pages a stream follows before it fails (default 1,000)
         */
        public Builder maxPages(int value) {
            once("maxPages");
            maxPages = (int) positive(value, "maxPages");
            return this;
        }

        /**
         * @param value the clock
         * @return this; the clock (Retry-After dates, caches, timestamps; default UTC system clock)
         */
        public Builder clock(Clock value) {
            once("clock");
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * @param value the sleeper
         * @return this; how the client waits between attempts (a test seam; default {@link Sleeper#real()})
         */
        public Builder sleeper(Sleeper value) {
            once("sleeper");
            sleeper = Objects.requireNonNull(value, "sleeper");
            return this;
        }

        /**
         * @param value the executor
         * @return this; where async calls run (default: a bounded pool shared with the derived
         *     clients); the client never shuts a given executor down
         */
        public Builder executor(Executor value) {
            once("executor");
            executor = Objects.requireNonNull(value, "executor");
            return this;
        }

        /**
         * @param value the ins oid policy
         * @return this; which INS OIDs may reach the DMP (default {@link InsOidPolicy#PRODUCTION}:
         *     test and demonstration patients are refused before any call). Use
         *     {@link InsOidPolicy#TEST} against a test platform or the fake DMP with test patients.
         */
        public Builder insOidPolicy(InsOidPolicy value) {
            once("insOidPolicy");
            insOidPolicy = Objects.requireNonNull(value, "insOidPolicy");
            return this;
        }

        /**
         * @param value the integrity policy
         * @return this; what a retrieval requires of size and hash (default {@link IntegrityPolicy#REQUIRE_SIZE_AND_HASH})
         */
        public Builder integrityPolicy(IntegrityPolicy value) {
            once("integrityPolicy");
            integrityPolicy = Objects.requireNonNull(value, "integrityPolicy");
            return this;
        }

        /**
         * @return the client
         * @throws IllegalStateException if the transport, the credentials or the software is missing
         */
        public DmpClient build() {
            if (transport == null || credentials == null || softwareName == null) {
                throw new IllegalStateException("transport (or endpoint), credentials and software(name, version,"
                        + " homologationId) are required");
            }
            return new DmpClient(this, shared != null ? shared.retain() : Shared.create());
        }

        private Builder copy() {
            Builder b = new Builder();
            b.transport = transport;
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
            b.maxPages = maxPages;
            b.clock = clock;
            b.sleeper = sleeper;
            b.executor = executor;
            b.insOidPolicy = insOidPolicy;
            b.integrityPolicy = integrityPolicy;
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
