package fr.opendmp.testkit.dmp;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import fr.opendmp.core.access.AccessMode;
import fr.opendmp.testkit.auth.SignedTestCredentials;
import fr.opendmp.testkit.dmp.internal.AdminApi;
import fr.opendmp.testkit.dmp.internal.Caller;
import fr.opendmp.testkit.dmp.internal.CredentialVerifier;
import fr.opendmp.testkit.dmp.internal.Deposits;
import fr.opendmp.testkit.dmp.internal.Engine;
import fr.opendmp.testkit.dmp.internal.FhirException;
import fr.opendmp.testkit.dmp.internal.Json;
import fr.opendmp.testkit.dmp.internal.MinimalCdaHeaderReader;
import fr.opendmp.testkit.dmp.internal.Seeds;
import fr.opendmp.testkit.dmp.internal.ServerHandler;
import fr.opendmp.testkit.dmp.internal.VihfCallers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLParameters;

/**
 * An in-memory fake of the DMP FHIR interface on a loopback port (spec dmp-fhir.md): TD02, TD2,
 * TD2.1, TD3.1 (a/b), ITI-66, TD3.2, TD3.3a–d, with the access rules of §13, request validation
 * (strict or lenient), an access history, fault injection and an admin API ({@code /admin}).
 *
 * <pre>{@code
 * try (FakeDmp dmp = FakeDmp.builder().validation(Validation.LENIENT).start()) {
 *     URI base = dmp.baseUri();   // http://127.0.0.1:PORT/fhir
 * }
 * }</pre>
 *
 * <p>With {@code auth(AuthMode.VERIFY).tls(signedTestCredentials)} it serves HTTPS with mutual TLS
 * and accepts only VIHFs that {@link fr.opendmp.testkit.auth.VihfVerifier} accepts ({@link AuthMode#VERIFY}).
 *
 * <p>Thread-safe; many may run in one JVM. Every seeding method is also available as JSON through
 * {@link #seed(String)} and {@code POST /admin/seed}.
 */
public final class FakeDmp implements AutoCloseable {
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final HttpServer server;
    private final Optional<SignedTestCredentials> tls;
    private final ExecutorService executor;
    private final Engine engine;
    private final URI baseUri;
    private final Builder settings;

    private FakeDmp(Builder b) throws IOException {
        this.settings = b;
        this.tls = Optional.ofNullable(b.tls);
        if (b.auth == AuthMode.VERIFY && b.tls == null) {
            throw new IllegalStateException("AuthMode.VERIFY needs tls(SignedTestCredentials) to know the test CA");
        }
        Optional<VihfCallers> vihfCallers = b.auth == AuthMode.VERIFY
                ? Optional.of(new VihfCallers(b.tls.verifier())) : Optional.empty();
        this.engine = Engine.create(b.validation, b.defaultAuthorization, b.defaultProfessional, CredentialVerifier.NONE,
                vihfCallers, b.cdaHeaderReader, b.feedingProfile, b.brisDeGlaceOverridesBlock, b.maxBodyBytes, b.clock);
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), b.port);
        if (b.tls != null) {
            HttpsServer https = HttpsServer.create(address, 64);
            https.setHttpsConfigurator(new HttpsConfigurator(b.tls.serverSslContext()) {
                @Override
                public void configure(HttpsParameters params) {
                    SSLParameters ssl = getSSLContext().getDefaultSSLParameters();
                    ssl.setNeedClientAuth(true);
                    params.setSSLParameters(ssl);
                }
            });
            this.server = https;
        } else {
            this.server = HttpServer.create(address, 64);
        }
        this.executor = Executors.newFixedThreadPool(b.threads, r -> {
            Thread t = new Thread(r, "fake-dmp-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        URI root = URI.create((b.tls != null ? "https://localhost:" : "http://127.0.0.1:")
                + server.getAddress().getPort());
        this.baseUri = root.resolve("/fhir");
        AdminApi admin = new AdminApi(engine, this::reset);
        server.createContext("/", new ServerHandler(engine, admin, baseUri::toString));
        server.start();
    }

    /** @return a builder with the defaults: strict validation, auth off, authorized by default, ephemeral port */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the FHIR base, e.g. {@code http://127.0.0.1:PORT/fhir} */
    public URI baseUri() {
        return baseUri;
    }

    /** @return the auth mode */
    public AuthMode auth() {
        return settings.auth;
    }

    /** @return the credentials whose CA the fake trusts and whose server certificate it serves, if HTTPS */
    public Optional<SignedTestCredentials> tls() {
        return tls;
    }

    /** @return the admin base, e.g. {@code http://127.0.0.1:PORT/admin} */
    public URI adminUri() {
        return baseUri.resolve("/admin");
    }

    /** @return the port listened on */
    public int port() {
        return server.getAddress().getPort();
    }

    /** @return the validation mode */
    public Validation validation() {
        return settings.validation;
    }

    /** @return the professional a request without credential acts as */
    public FakeProfessional defaultProfessional() {
        return settings.defaultProfessional;
    }

    /** Seeds (or replaces) a patient. */
    public FakeDmp seedPatient(FakePatient patient) {
        engine.store().putPatient(Objects.requireNonNull(patient, "patient"));
        return this;
    }

    /** Seeds a professional (used by seed documents and the launcher). */
    public FakeDmp seedProfessional(FakeProfessional professional) {
        engine.store().putProfessional(Objects.requireNonNull(professional, "professional"));
        return this;
    }

    /** The patient blocks this professional (no consultation, with or without authorization). */
    public FakeDmp block(String ins, String idNatPs) {
        engine.store().setBlocked(new FakePatientKey(ins).value(), idNatPs, true);
        return this;
    }

    /** Lifts a block. */
    public FakeDmp unblock(String ins, String idNatPs) {
        engine.store().setBlocked(new FakePatientKey(ins).value(), idNatPs, false);
        return this;
    }

    /** Records the patient's authorization (consent to consultation) for this professional. */
    public FakeDmp authorize(String ins, String idNatPs) {
        engine.store().setAuthorized(new FakePatientKey(ins).value(), idNatPs, true);
        return this;
    }

    /** Records that this professional is NOT authorized for this patient (overrides the default). */
    public FakeDmp revokeAuthorization(String ins, String idNatPs) {
        engine.store().setAuthorized(new FakePatientKey(ins).value(), idNatPs, false);
        return this;
    }

    /**
     * Deposits a document as {@code author} through the ITI-105 path (same validation as HTTP).
     *
     * @param author who deposits it
     * @param documentReferenceJson an ITI-105 DocumentReference with {@code content.attachment.data}
     * @return the entryUUID of the stored document
     * @throws IllegalArgumentException when the deposit is refused (message = the rule id and text)
     */
    public String seedDocument(FakeProfessional author, String documentReferenceJson) {
        JsonNode body = Json.parse(documentReferenceJson.getBytes(StandardCharsets.UTF_8));
        try {
            Deposits.Result r = engine.deposits().simplified(body,
                    new Caller(author, AccessMode.NORMAL, Optional.empty(), Optional.empty()));
            return r.body().path("id").asText();
        } catch (FhirException e) {
            throw new IllegalArgumentException("document refused: " + e.getMessage(), e);
        }
    }

    /** Applies a seed in the JSON format documented in {@code FakeDmpLauncher}. */
    public FakeDmp seed(String seedJson) {
        Seeds.apply(engine, Json.parse(seedJson.getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    /** @return the access history, oldest first */
    public List<AccessEvent> history() {
        return engine.store().history();
    }

    /** @return the number of stored documents, all patients and statuses */
    public int documentCount() {
        return engine.store().documentCount();
    }

    /**
     * Injects a fault on the next {@code times} requests whose path matches {@code pathRegex}
     * (found anywhere in the raw path, e.g. {@code "/DocumentReference"}).
     */
    public FakeDmp injectFault(String pathRegex, Fault fault, int times) {
        engine.faults().add(pathRegex, Objects.requireNonNull(fault, "fault"), times);
        return this;
    }

    /** Removes every injected fault. */
    public FakeDmp clearFaults() {
        engine.faults().clear();
        return this;
    }

    /** Empties patients, professionals, blocks, authorizations, documents, history and faults. */
    public void reset() {
        engine.store().clear();
        engine.faults().clear();
    }

    /** Stops the server at once. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    @Override
    public String toString() {
        return "FakeDmp[" + baseUri + ", " + settings.validation + ", auth " + settings.auth + "]";
    }

    /** Checks an INS argument. */
    private record FakePatientKey(String value) {
        FakePatientKey {
            value = FakePatient.open(value).ins();
        }
    }

    /** Builder of {@link FakeDmp}; refuses a setting given twice. */
    public static final class Builder {
        private Validation validation = Validation.STRICT;
        private AuthMode auth = AuthMode.OFF;
        private DefaultAuthorization defaultAuthorization = DefaultAuthorization.AUTHORIZED;
        private FakeProfessional defaultProfessional = FakeProfessional.builder("899700218896")
                .name("Test", "DEFAUT").build();
        private CdaHeaderReader cdaHeaderReader = new MinimalCdaHeaderReader();
        private boolean feedingProfile = true;
        private boolean brisDeGlaceOverridesBlock = true;
        private long maxBodyBytes = 20L * 1024 * 1024;
        private int port;
        private int threads = 4;
        private Clock clock = Clock.systemUTC();
        private SignedTestCredentials tls;
        private final java.util.Set<String> given = new java.util.HashSet<>();

        private Builder() {
        }

        private void once(String name) {
            if (!given.add(name)) {
                throw new IllegalStateException(name + " was already set");
            }
        }

        /** @return this builder with the validation mode (default STRICT) */
        public Builder validation(Validation value) {
            once("validation");
            this.validation = Objects.requireNonNull(value, "validation");
            return this;
        }

        /** @return this builder with the auth mode (default OFF; VERIFY needs {@link #tls}) */
        public Builder auth(AuthMode value) {
            once("auth");
            this.auth = Objects.requireNonNull(value, "auth");
            return this;
        }

        /** @return this builder with the authorization of unseeded patient/professional pairs (default AUTHORIZED) */
        public Builder defaultAuthorization(DefaultAuthorization value) {
            once("defaultAuthorization");
            this.defaultAuthorization = Objects.requireNonNull(value, "defaultAuthorization");
            return this;
        }

        /** @return this builder with the professional a request without credential acts as */
        public Builder defaultProfessional(FakeProfessional value) {
            once("defaultProfessional");
            this.defaultProfessional = Objects.requireNonNull(value, "defaultProfessional");
            return this;
        }

        /** @return this builder with the CDA header reader used to complete ITI-105 deposits */
        public Builder cdaHeaderReader(CdaHeaderReader value) {
            once("cdaHeaderReader");
            this.cdaHeaderReader = Objects.requireNonNull(value, "cdaHeaderReader");
            return this;
        }

        /**
         * Whether the calling LPS is deemed to have the DMP "Alimentation" (feeding) profile
         * (default true): then TD3.1b and TD3.3 need no authorization (spec §13) (unsure).
         */
        public Builder feedingProfile(boolean value) {
            once("feedingProfile");
            this.feedingProfile = value;
            return this;
        }

        /**
         * Whether bris de glace reaches the record of a patient who blocked the professional
         * (default true: the emergency access is traced and notified like any bris de glace).
         * The DMP texts say a blocked professional "cannot access"; set false to refuse a block in
         * every mode (unsure which the real DMP does).
         */
        public Builder brisDeGlaceOverridesBlock(boolean value) {
            once("brisDeGlaceOverridesBlock");
            this.brisDeGlaceOverridesBlock = value;
            return this;
        }

        /** @return this builder with the request body limit (default 20 MiB; larger → 413) */
        public Builder maxBodyBytes(long value) {
            once("maxBodyBytes");
            if (value < 1024) {
                throw new IllegalArgumentException("maxBodyBytes must be at least 1024");
            }
            this.maxBodyBytes = value;
            return this;
        }

        /** @return this builder listening on this port (default 0 = ephemeral) */
        public Builder port(int value) {
            once("port");
            if (value < 0 || value > 65535) {
                throw new IllegalArgumentException("port out of range: " + value);
            }
            this.port = value;
            return this;
        }

        /** @return this builder with this many handler threads (default 4) */
        public Builder threads(int value) {
            once("threads");
            if (value < 1) {
                throw new IllegalArgumentException("threads must be at least 1");
            }
            this.threads = value;
            return this;
        }

        /** @return this builder with a clock (meta.lastUpdated, history) */
        public Builder clock(Clock value) {
            once("clock");
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Serves HTTPS with the server certificate of {@code credentials} (localhost, 127.0.0.1),
         * requiring a TLS client certificate chaining to its test CA; with {@code AuthMode.VERIFY}
         * the VIHFs are verified against the same CA ({@link SignedTestCredentials#verifier()}).
         *
         * @return this builder
         */
        public Builder tls(SignedTestCredentials credentials) {
            once("tls");
            this.tls = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        /** @return the started fake */
        public FakeDmp start() {
            try {
                return new FakeDmp(this);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the fake DMP", e);
            }
        }
    }
}
