package fr.opendmp.core.insi;

import fr.opendmp.core.credentials.CredentialRequest;
import fr.opendmp.core.credentials.CredentialsProvider;
import fr.opendmp.core.error.CredentialsException;
import fr.opendmp.core.error.CredentialsUnavailableException;
import fr.opendmp.core.error.DmpException;
import fr.opendmp.core.error.InvalidInputException;
import fr.opendmp.core.error.InvalidRequestException;
import fr.opendmp.core.error.MalformedResponseException;
import fr.opendmp.core.error.ServerErrorException;
import fr.opendmp.core.error.UnavailableException;
import fr.opendmp.core.ins.IdentityTraits;
import fr.opendmp.core.ins.InsIdentity;
import fr.opendmp.core.ins.PatientIdentity;
import fr.opendmp.core.ins.TraitDifference;
import fr.opendmp.core.insi.internal.InsiProtocol;
import fr.opendmp.core.insi.internal.SoapAnswer;
import fr.opendmp.core.insi.internal.SoapRequest;
import fr.opendmp.core.transport.RetryPolicy;
import fr.opendmp.core.transport.Sleeper;
import fr.opendmp.core.transport.internal.http.BoundedPool;
import fr.opendmp.core.transport.internal.http.ExchangeSettings;
import fr.opendmp.core.transport.internal.http.HttpCall;
import fr.opendmp.core.transport.internal.http.HttpExchange;
import fr.opendmp.core.transport.internal.http.HttpResult;
import fr.opendmp.core.transport.internal.http.RequestBody;
import fr.opendmp.core.transport.internal.http.RetryRule;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The INSi teleservice client: search an INS by traits or with Carte Vitale data, and verify a
 * stored INS. Immutable and thread-safe; one per application; {@link #close()} releases it.
 *
 * <pre>{@code
 * try (InsiClient insi = InsiClient.builder()
 *         .endpoint(URI.create("https://.../services-ps.ameli.fr/..."))
 *         .credentials(provider)                       // mTLS context + headers
 *         .software("MySoftware", "2.1", "AUTH-NUMBER") // ContexteLPS
 *         .emitter("structure-id")
 *         .build()) {
 *     InsiResult r = insi.searchByTraits(traits);
 *     if (r instanceof InsiResult.Found f) { ... f.identity() ... }
 *     else if (r instanceof InsiResult.Multiple) { ... }   // homonyms: ask for more traits
 *     else { ... }                                          // CR 01: not an error
 * }
 * }</pre>
 *
 * <p>Each call is logged at debug level with its request id and result code only: no trait, no
 * INS. Searches are idempotent: by default one retry, after a jittered backoff, on HTTP 503/429, a
 * receiver fault, a timeout or a connection failure ({@link Builder#maxRetries(int)}): the one
 * retry rule of every OpenDMP client, so {@code retryable()} says exactly what was retried.
 * Failures are {@link fr.opendmp.core.error.DmpException}s: {@link InsiException} for a SOAP fault,
 * the common errors otherwise. Every call has an {@code …Async} twin.
 */
public final class InsiClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InsiClient.class);

    /** How the first names of the list are sent (one {@code Prenom} per call in practice). */
    public enum FirstNameStrategy {
        /** Send the first birth first name, then the next ones in turn while INSi answers CR 01. */
        EACH_IN_TURN,
        /** Send the first birth first name only. */
        FIRST_ONLY
    }

    private static final String SERVICE = "INSi";

    private final URI endpoint;
    private final CredentialsProvider credentials;
    private final SoapRequest.LpsContext context;
    private final int maxResponseBytes;
    private final int maxRetries;
    private final FirstNameStrategy firstNames;
    private final Clock clock;
    private final HttpExchange exchange;
    private final Executor executor;
    private final Optional<ExecutorService> ownedExecutor;

    private InsiClient(Builder b) {
        this.endpoint = b.endpoint;
        this.credentials = b.credentials;
        this.context = new SoapRequest.LpsContext(b.emitter, b.authorizationNumber, b.softwareName,
                b.softwareVersion, b.instanceId);
        this.maxResponseBytes = b.maxResponseBytes;
        this.maxRetries = b.maxRetries;
        this.firstNames = b.firstNames;
        this.clock = b.clock;
        this.ownedExecutor = b.executor == null ? Optional.of(BoundedPool.create("opendmp-insi", 4)) : Optional.empty();
        this.executor = b.executor != null ? b.executor : ownedExecutor.get();
        HttpClient.Builder hb = HttpClient.newBuilder().connectTimeout(b.connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1);
        credentials.sslContext().ifPresent(hb::sslContext);
        RetryPolicy retry = new RetryPolicy(maxRetries + 1, Duration.ofMillis(200), Duration.ofSeconds(2),
                Duration.ofSeconds(10));
        this.exchange = new HttpExchange(new ExchangeSettings(hb.build(), retry, b.requestTimeout,
                "OpenDMP/0.2 " + b.softwareName + "/" + b.softwareVersion, b.clock, b.sleeper));
    }

    /** @return a builder; endpoint, credentials, software and emitter are required */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Searches an INS with the strict traits ({@code rechercherInsAvecTraitsIdentite}): birth
     * name, one first name per call, sex, birth date and the birth place when known.
     *
     * @param traits the traits (used names are never sent)
     * @return found (one), not found, or several
     * @throws InsiException on a technical failure
     */
    public InsiResult searchByTraits(IdentityTraits traits) {
        Objects.requireNonNull(traits, "traits");
        List<String> candidates = firstNames == FirstNameStrategy.FIRST_ONLY
                ? List.of(traits.birthFirstNames().get(0)) : traits.birthFirstNames();
        InsiResult last = null;
        for (String firstName : candidates) {
            last = callTraits(traits, firstName);
            if (!(last instanceof InsiResult.NotFound)) {
                return last;
            }
        }
        return last;
    }

    /**
     * Searches the INS of a local identity, refusing doubtful and fictitious identities (they
     * must stay PROVISOIRE: INSi is not called).
     *
     * @param identity the local identity
     * @return found (one), not found, or several
     * @throws fr.opendmp.core.error.InvalidInputException for a doubtful or fictitious
     *     identity, or on a technical failure
     */
    public InsiResult search(PatientIdentity identity) {
        Objects.requireNonNull(identity, "identity");
        if (identity.isFictitious() || identity.isDoubtful()) {
            throw new InvalidInputException(
                    "INSi is not called for a " + (identity.isFictitious() ? "fictitious" : "doubtful") + " identity",
                    "such an identity stays PROVISOIRE; resolve the doubt first (not for fictitious identities)");
        }
        return searchByTraits(identity.traits());
    }

    /**
     * Searches an INS with the data of the beneficiary chosen on a Carte Vitale
     * ({@code rechercherInsAvecCarteVitale}). Always compare the returned traits with the
     * person's (twins share a card).
     *
     * @param beneficiary the beneficiary the operator chose
     * @return found (one), not found, or several
     * @throws InsiException on a technical failure
     */
    public InsiResult searchByVitale(CarteVitaleBeneficiary beneficiary) {
        Objects.requireNonNull(beneficiary, "beneficiary");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("NomNaissance", beneficiary.birthName());
        fields.put("Prenom", beneficiary.firstName());
        fields.put("DateNaissance", beneficiary.birthDate());
        beneficiary.birthRank().ifPresent(r -> fields.put("RangGemellaire", Integer.toString(r)));
        return call(InsiProtocol.OP_VITALE, fields);
    }

    /**
     * Verifies a stored INS: searches with its INS traits and compares the answer.
     *
     * @param stored the INSi answer stored when the identity was retrieved
     * @return confirmed, matricule changed ({@code MATRICULE_CHANGED}), traits changed, or not
     *     confirmed
     * @throws InsiException on a technical failure
     */
    public VerificationResult verify(InsIdentity stored) {
        Objects.requireNonNull(stored, "stored");
        InsiResult answer = searchByTraits(stored.traits());
        if (!(answer instanceof InsiResult.Found found)) {
            return new VerificationResult.NotConfirmed(answer);
        }
        InsIdentity current = found.identity();
        boolean sameIns = current.ins().value().equals(stored.ins().value()) && current.ins().oid() == stored.ins().oid();
        if (!sameIns) {
            return current.knows(stored.ins())
                    ? new VerificationResult.MatriculeChanged(current, stored.ins())
                    : new VerificationResult.NotConfirmed(answer);
        }
        List<TraitDifference> diffs = TraitDifference.between(stored.traits(), current.traits());
        return diffs.isEmpty() ? new VerificationResult.Confirmed(current)
                : new VerificationResult.TraitsChanged(current, diffs);
    }

    /**
     * @param traits the traits (used names are never sent)
     * @return {@link #searchByTraits(IdentityTraits)} asynchronously, on the client's executor
     */
    public CompletableFuture<InsiResult> searchByTraitsAsync(IdentityTraits traits) {
        return async(() -> searchByTraits(traits));
    }

    /**
     * @param identity the local identity
     * @return {@link #search(PatientIdentity)} asynchronously, on the client's executor
     */
    public CompletableFuture<InsiResult> searchAsync(PatientIdentity identity) {
        return async(() -> search(identity));
    }

    /**
     * @param beneficiary the beneficiary the operator chose
     * @return {@link #searchByVitale(CarteVitaleBeneficiary)} asynchronously, on the client's executor
     */
    public CompletableFuture<InsiResult> searchByVitaleAsync(CarteVitaleBeneficiary beneficiary) {
        return async(() -> searchByVitale(beneficiary));
    }

    /**
     * @param stored the INSi answer stored when the identity was retrieved
     * @return {@link #verify(InsIdentity)} asynchronously, on the client's executor
     */
    public CompletableFuture<VerificationResult> verifyAsync(InsIdentity stored) {
        return async(() -> verify(stored));
    }

    /** Stops the client's own async pool (its HTTP connections end with it). Idempotent. */
    @Override
    public void close() {
        ownedExecutor.ifPresent(ExecutorService::shutdown);
    }

    private <T> CompletableFuture<T> async(Supplier<T> call) {
        return CompletableFuture.supplyAsync(call, executor);
    }

    private InsiResult callTraits(IdentityTraits traits, String firstName) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("NomNaissance", traits.birthName());
        fields.put("Prenom", firstName);
        fields.put("Sexe", traits.sex().code());
        fields.put("DateNaissance", traits.birthDate());
        traits.birthPlaceCode().ifPresent(p -> fields.put("LieuNaissance", p));
        return call(InsiProtocol.OP_TRAITS, fields);
    }

    private InsiResult call(String operation, Map<String, String> fields) {
        String requestId = UUID.randomUUID().toString();
        SoapRequest request = new SoapRequest(operation, requestId, endpoint.toString(), clock.instant(), context,
                fields);
        byte[] body = request.toXml().getBytes(StandardCharsets.UTF_8);
        Map<String, List<String>> headers = new HashMap<>();
        try {
            headers.putAll(credentials.headers(CredentialRequest.insi()));
        } catch (CredentialsException e) {
            throw new CredentialsUnavailableException(e);
        }
        headers.put("Content-Type", List.of("application/soap+xml; charset=utf-8; action=\"" + request.action()
                + "\""));
        headers.put("Accept", List.of("application/soap+xml"));
        HttpCall call = new HttpCall(SERVICE, "POST", endpoint, headers, Optional.of(RequestBody.of(body)), true,
                maxResponseBytes);
        long start = clock.millis();
        try {
            InsiResult result = exchange.retrier().run(() -> read(exchange.attempt(call, requestId)));
            LOG.debug("INSi {} request {} -> CR {} in {} ms", operation, requestId, result.resultCode(),
                    clock.millis() - start);
            return result;
        } catch (DmpException e) {
            LOG.debug("INSi {} request {} -> {} (retryable {})", operation, requestId, e.getClass().getSimpleName(),
                    e.retryable());
            throw e;
        }
    }

    private InsiResult read(HttpResult r) {
        int status = r.status();
        Optional<Integer> httpStatus = Optional.of(status);
        if (status == 503 || status == 429) {
            throw new UnavailableException("INSi is unavailable (HTTP " + status + ")", r.retryAfter().orElse(null),
                    details(true, "retry later; the identity status is unchanged", r), null);
        }
        SoapAnswer parsed;
        try {
            parsed = SoapAnswer.read(r.body());
        } catch (IllegalArgumentException e) {
            if (status >= 500) {
                throw new ServerErrorException("INSi answered HTTP " + status + " without a SOAP fault",
                        details(RetryRule.forStatus(status, true), "retry later or contact INSi support with the"
                                + " request id", r), null);
            }
            if (status != 200) {
                throw new InvalidRequestException("INSi answered HTTP " + status + " without a SOAP fault",
                        details(false, "check the INSi address and the calling context", r), null);
            }
            throw new MalformedResponseException("the INSi answer is unusable: " + e.getMessage(),
                    details(false, "contact INSi support with the request id", r), e);
        }
        if (parsed instanceof SoapAnswer.Fault fault) {
            String code = fault.errorCode().or(fault::subcode).orElse(fault.code());
            throw new InsiException("INSi returned a SOAP fault, code " + code, Optional.of(code),
                    details(fault.receiverFault(), fault.receiverFault()
                            ? "INSi failed: retry later with the same request"
                            : "INSi refused the request: check the calling context (certificate, LPS authorisation"
                                    + " number) and the traits format", r), null);
        }
        SoapAnswer.Result result = (SoapAnswer.Result) parsed;
        return switch (result.code()) {
            case "00" -> new InsiResult.Found(result.identity().orElseThrow(), r.requestId());
            case "01" -> new InsiResult.NotFound(r.requestId());
            case "02" -> new InsiResult.Multiple(r.requestId());
            default -> throw new InsiException("unknown INSi result code " + result.code(),
                    Optional.of(result.code()), details(false, "contact INSi support with the request id", r), null);
        };
    }

    private static DmpException.Details details(boolean retryable, String hint, HttpResult r) {
        return new DmpException.Details(retryable, hint, Optional.of(r.status()), Optional.of(r.requestId()),
                List.of());
    }

    /** @return the endpoint, the software and the settings (no credential) */
    @Override
    public String toString() {
        return "InsiClient[" + endpoint + ", " + context.softwareName() + " " + context.softwareVersion()
                + ", retries=" + maxRetries + "]";
    }

    /**
     * Builds an {@link InsiClient}. Required: {@link #endpoint}, {@link #credentials},
     * {@link #software}, {@link #emitter}. Defaults: connect timeout 5 s, request timeout 20 s,
     * responses up to 256 KiB, 1 retry, {@link FirstNameStrategy#EACH_IN_TURN}, system UTC clock,
     * a random instance id. A setting given twice is refused.
     */
    public static final class Builder {
        private URI endpoint;
        private CredentialsProvider credentials;
        private String softwareName;
        private String softwareVersion;
        private String authorizationNumber;
        private String emitter;
        private String instanceId;
        private Duration connectTimeout;
        private Duration requestTimeout;
        private Integer maxResponseBytesSet;
        private int maxResponseBytes = 256 * 1024;
        private Integer maxRetriesSet;
        private int maxRetries = 1;
        private FirstNameStrategy firstNames;
        private Clock clock;
        private Sleeper sleeper;
        private Executor executor;

        private Builder() {
        }

        /**
         * @param uri the INSi service address (https in production)
         * @return this builder
         */
        public Builder endpoint(URI uri) {
            once(endpoint, "endpoint");
            endpoint = Objects.requireNonNull(uri, "uri");
            return this;
        }

        /**
         * @param provider the TLS context (structure's certificate) and request headers
         * @return this builder
         */
        public Builder credentials(CredentialsProvider provider) {
            once(credentials, "credentials");
            credentials = Objects.requireNonNull(provider, "provider");
            return this;
        }

        /**
         * @param name the software name ({@code ContexteLPS/LPS/Nom})
         * @param version the software version
         * @param authorization the CNDA/CNAM authorisation number ({@code IDAM}, R=4)
         * @return this builder
         */
        public Builder software(String name, String version, String authorization) {
            once(softwareName, "software");
            softwareName = requireText(name, "name");
            softwareVersion = requireText(version, "version");
            authorizationNumber = requireText(authorization, "authorization");
            return this;
        }

        /**
         * @param id the emitter of the calling context (structure or professional identifier)
         * @return this builder
         */
        public Builder emitter(String id) {
            once(emitter, "emitter");
            emitter = requireText(id, "id");
            return this;
        }

        /**
         * @param id the installation's instance id ({@code ContexteLPS/LPS/Instance}); random by default
         * @return this builder
         */
        public Builder instanceId(String id) {
            once(instanceId, "instanceId");
            instanceId = requireText(id, "id");
            return this;
        }

        /**
         * @param timeout the TCP/TLS connect timeout (positive)
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            once(connectTimeout, "connectTimeout");
            connectTimeout = positive(timeout, "timeout");
            return this;
        }

        /**
         * @param timeout the whole-request timeout (positive)
         * @return this builder
         */
        public Builder requestTimeout(Duration timeout) {
            once(requestTimeout, "requestTimeout");
            requestTimeout = positive(timeout, "timeout");
            return this;
        }

        /**
         * @param bytes the largest answer read (positive)
         * @return this builder
         */
        public Builder maxResponseBytes(int bytes) {
            once(maxResponseBytesSet, "maxResponseBytes");
            if (bytes <= 0) {
                throw new IllegalArgumentException("maxResponseBytes must be positive");
            }
            maxResponseBytesSet = bytes;
            maxResponseBytes = bytes;
            return this;
        }

        /**
         * @param retries how many times a search is retried after HTTP 503/429, a timeout or a
         *     connection failure (0 to 3; searches are idempotent)
         * @return this builder
         */
        public Builder maxRetries(int retries) {
            once(maxRetriesSet, "maxRetries");
            if (retries < 0 || retries > 3) {
                throw new IllegalArgumentException("maxRetries is 0 to 3");
            }
            maxRetriesSet = retries;
            maxRetries = retries;
            return this;
        }

        /**
         * @param strategy how first names are sent (unsure whether the CNAM guide mandates the order)
         * @return this builder
         */
        public Builder firstNameStrategy(FirstNameStrategy strategy) {
            once(firstNames, "firstNameStrategy");
            firstNames = Objects.requireNonNull(strategy, "strategy");
            return this;
        }

        /**
         * @param value the clock for the context timestamps (a test seam)
         * @return this builder
         */
        public Builder clock(Clock value) {
            once(clock, "clock");
            clock = Objects.requireNonNull(value, "value");
            return this;
        }

        /**
         * @param value how the client waits between attempts (a test seam; default {@link Sleeper#real()})
         * @return this builder
         */
        public Builder sleeper(Sleeper value) {
            once(sleeper, "sleeper");
            sleeper = Objects.requireNonNull(value, "value");
            return this;
        }

        /**
         * @param value where async calls run (default: the client's own pool of 4 threads, started on
         *     demand); a given executor is never shut down by the client
         * @return this builder
         */
        public Builder executor(Executor value) {
            once(executor, "executor");
            executor = Objects.requireNonNull(value, "value");
            return this;
        }

        /**
         * @return the client
         * @throws IllegalStateException if a required setting is missing
         */
        public InsiClient build() {
            require(endpoint, "endpoint");
            require(credentials, "credentials");
            require(softwareName, "software");
            require(emitter, "emitter");
            String scheme = endpoint.getScheme();
            if (!"https".equals(scheme) && !("http".equals(scheme) && isLoopback(endpoint.getHost()))) {
                throw new IllegalStateException("the INSi endpoint must be https (plain http only on loopback, for"
                        + " the fake INSi)");
            }
            if (instanceId == null) {
                instanceId = UUID.randomUUID().toString();
            }
            if (connectTimeout == null) {
                connectTimeout = Duration.ofSeconds(5);
            }
            if (requestTimeout == null) {
                requestTimeout = Duration.ofSeconds(20);
            }
            if (firstNames == null) {
                firstNames = FirstNameStrategy.EACH_IN_TURN;
            }
            if (clock == null) {
                clock = Clock.systemUTC();
            }
            if (sleeper == null) {
                sleeper = Sleeper.real();
            }

            return new InsiClient(this);
        }

        private static boolean isLoopback(String host) {
            return "localhost".equals(host) || "127.0.0.1".equals(host) || "[::1]".equals(host);
        }

        private static void once(Object current, String name) {
            if (current != null) {
                throw new IllegalStateException(name + " was already set");
            }
        }

        private static void require(Object value, String name) {
            if (value == null) {
                throw new IllegalStateException(name + " is required");
            }
        }

        private static String requireText(String v, String name) {
            Objects.requireNonNull(v, name);
            if (v.isBlank()) {
                throw new IllegalArgumentException(name + " may not be blank");
            }
            return v;
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return d;
        }
    }
}
