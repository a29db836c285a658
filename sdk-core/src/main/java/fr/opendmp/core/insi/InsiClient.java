package fr.opendmp.core.insi;

import fr.opendmp.core.client.DmpException.Side;
import fr.opendmp.core.credentials.CredentialRequest;
import fr.opendmp.core.credentials.CredentialsException;
import fr.opendmp.core.credentials.CredentialsProvider;
import fr.opendmp.core.ins.IdentityTraits;
import fr.opendmp.core.ins.InsIdentity;
import fr.opendmp.core.ins.PatientIdentity;
import fr.opendmp.core.ins.TraitDifference;
import fr.opendmp.core.insi.InsiException.Kind;
import fr.opendmp.core.insi.internal.InsiProtocol;
import fr.opendmp.core.insi.internal.SoapAnswer;
import fr.opendmp.core.insi.internal.SoapRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
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
 * INS. Searches are idempotent: by default one retry on HTTP 503, timeout or connection failure
 * ({@link Builder#maxRetries(int)}). Technical failures throw {@link InsiException}.
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

    private final URI endpoint;
    private final CredentialsProvider credentials;
    private final SoapRequest.LpsContext context;
    private final Duration requestTimeout;
    private final int maxResponseBytes;
    private final int maxRetries;
    private final FirstNameStrategy firstNames;
    private final Clock clock;
    private final HttpClient http;

    private InsiClient(Builder b) {
        this.endpoint = b.endpoint;
        this.credentials = b.credentials;
        this.context = new SoapRequest.LpsContext(b.emitter, b.authorizationNumber, b.softwareName,
                b.softwareVersion, b.instanceId);
        this.requestTimeout = b.requestTimeout;
        this.maxResponseBytes = b.maxResponseBytes;
        this.maxRetries = b.maxRetries;
        this.firstNames = b.firstNames;
        this.clock = b.clock;
        HttpClient.Builder hb = HttpClient.newBuilder().connectTimeout(b.connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1);
        credentials.sslContext().ifPresent(hb::sslContext);
        this.http = hb.build();
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
     * @throws InsiException with {@link Kind#IDENTITY_REFUSED} for a doubtful or fictitious
     *     identity, or on a technical failure
     */
    public InsiResult search(PatientIdentity identity) {
        Objects.requireNonNull(identity, "identity");
        if (identity.isFictitious() || identity.isDoubtful()) {
            throw InsiException.of(Kind.IDENTITY_REFUSED,
                    "INSi is not called for a " + (identity.isFictitious() ? "fictitious" : "doubtful") + " identity",
                    false, Side.CLIENT, "such an identity stays PROVISOIRE; resolve the doubt first (not for"
                            + " fictitious identities)", Optional.empty(), null, Optional.empty(), null);
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

    /** Releases the HTTP resources (a no-op before Java 21). */
    @Override
    public void close() {
        if (http instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.debug("closing the INSi HTTP client failed", e);
            }
        }
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
        long start = clock.millis();
        for (int attempt = 0; ; attempt++) {
            try {
                InsiResult result = exchange(request, body, requestId);
                LOG.debug("INSi {} request {} -> CR {} in {} ms", operation, requestId, result.resultCode(),
                        clock.millis() - start);
                return result;
            } catch (InsiException e) {
                LOG.debug("INSi {} request {} -> {} (attempt {}, retryable {})", operation, requestId, e.kind(),
                        attempt + 1, e.retryable());
                boolean transientKind = e.kind() == Kind.UNAVAILABLE || e.kind() == Kind.TIMEOUT
                        || e.kind() == Kind.CONNECTION;
                if (!transientKind || attempt >= maxRetries) {
                    throw e;
                }
            }
        }
    }

    private InsiResult exchange(SoapRequest request, byte[] body, String requestId) {
        HttpRequest.Builder rb = HttpRequest.newBuilder(endpoint).timeout(requestTimeout)
                .header("Content-Type", "application/soap+xml; charset=utf-8; action=\"" + request.action() + "\"")
                .header("Accept", "application/soap+xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            credentials.headers(CredentialRequest.insi()).forEach((name, values) -> values.forEach(v -> rb.header(name, v)));
        } catch (CredentialsException e) {
            throw InsiException.of(Kind.CREDENTIALS, "the INSi credentials could not be produced", e.retryable(), Side.CLIENT,
                    "check the structure's certificate and the credentials provider", Optional.empty(), requestId,
                    Optional.empty(), e);
        }
        HttpResponse<InputStream> response;
        try {
            response = http.send(rb.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw InsiException.of(Kind.CONNECTION, "cannot connect to INSi", true, Side.CLIENT,
                    "check the network and the INSi address, then retry", Optional.empty(), requestId,
                    Optional.empty(), e);
        } catch (HttpTimeoutException e) {
            throw InsiException.of(Kind.TIMEOUT, "INSi did not answer within " + requestTimeout, true, Side.CLIENT,
                    "retry later; the identity status is unchanged", Optional.empty(), requestId, Optional.empty(), e);
        } catch (IOException e) {
            throw InsiException.of(Kind.CONNECTION, "the INSi exchange failed: " + e.getClass().getSimpleName(), true,
                    Side.CLIENT, "check the network and the TLS configuration, then retry", Optional.empty(),
                    requestId, Optional.empty(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw InsiException.of(Kind.CONNECTION, "interrupted while calling INSi", false, Side.CLIENT, "",
                    Optional.empty(), requestId, Optional.empty(), e);
        }
        int status = response.statusCode();
        Optional<Integer> httpStatus = Optional.of(status);
        byte[] answer = readLimited(response, requestId, httpStatus);
        if (status == 503 || status == 429) {
            throw InsiException.of(Kind.UNAVAILABLE, "INSi is unavailable (HTTP " + status + ")", true, Side.SERVICE,
                    "retry later; the identity status is unchanged", httpStatus, requestId, Optional.empty(), null);
        }
        SoapAnswer parsed;
        try {
            parsed = SoapAnswer.read(answer);
        } catch (IllegalArgumentException e) {
            if (status != 200) {
                throw InsiException.of(Kind.HTTP_ERROR, "INSi answered HTTP " + status + " without a SOAP fault",
                        status >= 500, Side.SERVICE, "retry later or contact INSi support with the request id",
                        httpStatus, requestId, Optional.empty(), null);
            }
            throw malformed(e, requestId, httpStatus);
        }
        if (parsed instanceof SoapAnswer.Fault fault) {
            String code = fault.errorCode().or(fault::subcode).orElse(fault.code());
            throw InsiException.of(Kind.SOAP_FAULT, "INSi returned a SOAP fault, code " + code, fault.receiverFault(),
                    fault.receiverFault() ? Side.SERVICE : Side.CLIENT,
                    fault.receiverFault() ? "INSi failed: retry later with the same request"
                            : "INSi refused the request: check the calling context (certificate, LPS"
                                    + " authorisation number) and the traits format",
                    httpStatus, requestId, Optional.of(code), null);
        }
        SoapAnswer.Result result = (SoapAnswer.Result) parsed;
        return switch (result.code()) {
            case "00" -> new InsiResult.Found(result.identity().orElseThrow(), requestId);
            case "01" -> new InsiResult.NotFound(requestId);
            case "02" -> new InsiResult.Multiple(requestId);
            default -> throw InsiException.of(Kind.MALFORMED_RESPONSE, "unknown INSi result code " + result.code(),
                    false, Side.SERVICE, "contact INSi support with the request id", httpStatus, requestId,
                    Optional.of(result.code()), null);
        };
    }

    private static InsiException malformed(RuntimeException e, String requestId, Optional<Integer> httpStatus) {
        return InsiException.of(Kind.MALFORMED_RESPONSE, "the INSi answer is unusable: " + e.getMessage(), false,
                Side.SERVICE, "contact INSi support with the request id", httpStatus, requestId, Optional.empty(), e);
    }

    private byte[] readLimited(HttpResponse<InputStream> response, String requestId, Optional<Integer> httpStatus) {
        try (InputStream in = response.body()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) >= 0) {
                if (out.size() + n > maxResponseBytes) {
                    throw InsiException.of(Kind.MALFORMED_RESPONSE,
                            "the INSi answer is larger than " + maxResponseBytes + " bytes", false, Side.SERVICE,
                            "raise maxResponseBytes only if INSi answers are legitimately this large", httpStatus,
                            requestId, Optional.empty(), null);
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (HttpTimeoutException e) {
            throw InsiException.of(Kind.TIMEOUT, "INSi did not finish its answer in time", true, Side.CLIENT,
                    "retry later", httpStatus, requestId, Optional.empty(), e);
        } catch (IOException e) {
            throw InsiException.of(Kind.CONNECTION, "reading the INSi answer failed", true, Side.CLIENT,
                    "retry later", httpStatus, requestId, Optional.empty(), e);
        }
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
            return new InsiClient(this);
        }

        private static boolean isLoopback(String host) {
            return "localhost".equals(host) || "127.0.0.1".equals(host) || "[::1]".equals(host);
        }

        private static void once(Object current, String name) {
            if (current != null) {
                throw new IllegalStateException(name + " was already set on this builder");
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
