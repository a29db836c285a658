package fr.opendmp.testkit.dmp;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import fr.opendmp.core.access.AccessMode;
import fr.opendmp.core.credentials.CredentialRequest;
import fr.opendmp.core.credentials.CredentialsProvider;
import fr.opendmp.testkit.auth.SignedTestCredentials;
import fr.opendmp.testkit.auth.VihfVerifier;
import fr.opendmp.testkit.dmp.internal.AdminApi;
import fr.opendmp.testkit.dmp.internal.Caller;
import fr.opendmp.testkit.dmp.internal.CredentialVerifier;
import fr.opendmp.testkit.dmp.internal.Deposits;
import fr.opendmp.testkit.dmp.internal.Engine;
import fr.opendmp.testkit.dmp.internal.FhirException;
import fr.opendmp.testkit.dmp.internal.HttpServerDefaults;
import fr.opendmp.testkit.dmp.internal.Json;
import fr.opendmp.testkit.dmp.internal.MinimalCdaHeaderReader;
import fr.opendmp.testkit.dmp.internal.Seeds;
import fr.opendmp.testkit.dmp.internal.ServerHandler;
import fr.opendmp.testkit.dmp.internal.VerifiedCredentials;
import fr.opendmp.testkit.dmp.internal.VihfCallers;
import fr.opendmp.testkit.internal.MutualTlsServers;
import fr.opendmp.testkit.internal.SharedTestPki;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * An in-memory fake of the DMP FHIR interface on a loopback port (the PDSM4DMP implementation guide, https://interop.esante.gouv.fr/ig/fhir/pdsm4dmp): TD02, TD2,
 * TD2.1, TD3.1 (a/b), ITI-66, TD3.2, TD3.3a–d, with the guide's access rules, request validation
 * (strict or lenient), an access history, fault injection and an admin API ({@code /admin}).
 *
 * <pre>{@code
 * try (FakeDmp dmp = FakeDmp.builder().start()) {          // AuthMode.VERIFY by default
 *     FakeProfessional doctor = FakeProfessional.doctor("899700218896");
 *     DmpClient client = DmpClient.builder().endpoint(dmp.baseUri())   // https://localhost:PORT/fhir
 *             .credentials(dmp.credentials(doctor))...build();
 * }
 * }</pre>
 *
 * <p>By default ({@link AuthMode#VERIFY}) it serves HTTPS with mutual TLS and accepts only VIHFs
 * that {@link fr.opendmp.testkit.auth.VihfVerifier} accepts. Without {@link Builder#tls} it uses the
 * test PKI shared by every fake of the JVM (one CA, created once). {@link #credentials(FakeProfessional)}
 * gives a {@link CredentialsProvider} that works in the fake's mode (in VERIFY: the structure's ORG
 * AUTH_CLI certificate for mTLS and a VIHF signed by its ORG SIGN certificate, built from the
 * professional's attributes; in OFF: {@link TestCredentials}), so a test never depends on the mode.
 * {@code auth(AuthMode.OFF)} keeps the plain-HTTP test mode (unsigned JWT, default professional).
 *
 * <p>Thread-safe; many may run in one JVM. Every seeding method is also available as JSON through
 * {@link #seed(String)} and {@code POST /admin/seed}. In VERIFY the admin API needs the fake's own
 * token ({@link #adminToken()}, header {@code X-OpenDMP-Admin-Token}); its history masks INS.
 */
public final class FakeDmp implements AutoCloseable {
    private static final AtomicInteger THREADS = new AtomicInteger();

    static {
        // no Nagle delay, per-connection request deadline and header size of the JDK server, unless set with -D
        HttpServerDefaults.apply();
    }

    private final HttpServer server;
    private final Optional<SignedTestCredentials> tls;
    private final Optional<VerifiedCredentials> verifiedCredentials;
    private final ExecutorService executor;
    private final Engine engine;
    private final URI baseUri;
    private final Builder settings;
    private final Optional<String> adminToken;
    private final fr.opendmp.testkit.dmp.internal.Faults dmpiFaults = new fr.opendmp.testkit.dmp.internal.Faults();

    private FakeDmp(Builder b) throws IOException {
        this.settings = b;
        SignedTestCredentials effective = b.tls != null ? b.tls
                : b.auth == AuthMode.VERIFY ? SharedTestPki.credentials() : null;
        this.tls = Optional.ofNullable(effective);
        Optional<VihfCallers> vihfCallers = Optional.empty();
        if (b.auth == AuthMode.VERIFY) {
            VihfVerifier verifier = b.tls != null ? b.tls.verifier()
                    : VihfVerifier.builder().trust(effective.ca()).clock(b.clock).build();
            vihfCallers = Optional.of(new VihfCallers(verifier));
            this.verifiedCredentials = Optional.of(new VerifiedCredentials(effective.ca(), b.clock));
        } else {
            this.verifiedCredentials = Optional.empty();
        }
        this.engine = Engine.create(b.validation, b.defaultAuthorization, b.defaultProfessional, CredentialVerifier.NONE,
                vihfCallers, b.cdaHeaderReader, b.feedingProfile, b.brisDeGlaceOverridesBlock, b.maxBodyBytes, b.clock,
                b.metadataVersionIdentity);
        InetSocketAddress address = new InetSocketAddress(b.bind, b.port);
        if (effective != null) {
            SSLContext serverContext = b.tls != null ? b.tls.serverSslContext() : SharedTestPki.serverSslContext();
            this.server = MutualTlsServers.create(address, 64, serverContext);
        } else {
            this.server = HttpServer.create(address, 64);
        }
        this.executor = Executors.newFixedThreadPool(b.threads, r -> {
            Thread t = new Thread(r, "fake-dmp-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        String host = b.bind.equals(InetAddress.getLoopbackAddress()) || b.bind.isAnyLocalAddress()
                ? (effective != null ? "localhost" : "127.0.0.1")
                : (b.bind instanceof java.net.Inet6Address ? "[" + b.bind.getHostAddress() + "]" : b.bind.getHostAddress());
        URI root = URI.create((effective != null ? "https://" : "http://") + host + ":" + server.getAddress().getPort());
        this.baseUri = root.resolve("/fhir");
        boolean open = b.auth == AuthMode.OFF && b.bind.isLoopbackAddress() && b.adminToken == null;
        this.adminToken = open ? Optional.empty()
                : Optional.of(b.adminToken != null ? b.adminToken : randomToken());
        AdminApi admin = new AdminApi(engine, this::reset, adminToken, b.adminHistoryUnmasked);
        java.util.Map<String, String> aliases = new java.util.HashMap<>(
                fr.opendmp.testkit.dmp.internal.dmpi.DmpiSettings.KIT_ALIASES);
        aliases.putAll(b.dmpiAliases);
        fr.opendmp.testkit.dmp.internal.dmpi.DmpiSettings dmpiSettings = new fr.opendmp.testkit.dmp.internal.dmpi.DmpiSettings(
                b.validation, b.repositoryUniqueId, b.deletedDocuments, b.requireSignatureEntry,
                Optional.ofNullable(effective).map(c -> c.ca().root()), b.strictServicePath, b.senderFaultStatus, aliases,
                b.xadesSignerMustMatchVihf, effective == null ? List.of() : List.of(effective.ca().intermediate()));
        if (verifiedCredentials.isPresent()) {
            admin.minter(this::mint);
        }
        admin.dmpiFaults(dmpiFaults);
        server.createContext("/", new ServerHandler(engine, admin, baseUri::toString, Optional.of(
                new fr.opendmp.testkit.dmp.internal.dmpi.DmpiRouter(engine, dmpiSettings, dmpiFaults))));
        server.start();
    }

    /** @return a builder with the defaults: strict validation, auth VERIFY, authorized by default, ephemeral port */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the FHIR base, e.g. {@code http://127.0.0.1:PORT/fhir} */
    public URI baseUri() {
        return baseUri;
    }

    /**
     * @return the DMPi (SOAP 1.2 / XDS.b) base, e.g. {@code https://localhost:PORT/si-dmp-server/v2/services};
     *     the services are {@code <base>/patients}, {@code /habilitations}, {@code /patientsSpecific},
     *     {@code /registry}, {@code /repository} (and the kit's aliases, and the bare base: routing is on
     *     the WS-Addressing Action)
     */
    public URI dmpiBaseUri() {
        return baseUri.resolve(fr.opendmp.testkit.dmp.internal.dmpi.DmpiRouter.BASE);
    }

    /**
     * A VIHF (serialized {@code saml2:Assertion}) this fake accepts in {@link AuthMode#VERIFY}, for
     * {@code professional} and {@code patient}, signed by the professional's structure ORG SIGN
     * certificate (use the mTLS context of {@code credentials(professional).sslContext()}), to place in
     * a DMPi {@code wsse:Security} header or to send as {@code Authorization: IHE-SAML <base64>}.
     *
     * @param professional who calls
     * @param patient the patient of the request, or null for a patient-less call (TD0.4)
     * @param access the access mode and reason
     * @return the assertion bytes
     * @throws IllegalStateException in {@link AuthMode#OFF}
     */
    public byte[] vihf(FakeProfessional professional, fr.opendmp.core.ins.Ins patient,
            fr.opendmp.core.access.AccessContext access) {
        if (verifiedCredentials.isEmpty()) {
            throw new IllegalStateException("VIHFs are minted in AuthMode.VERIFY only");
        }
        fr.opendmp.core.ins.Ins ins = patient != null ? patient : fr.opendmp.core.ins.Ins.nir("279119913400976");
        CredentialRequest request = CredentialRequest.dmp(ins, access);
        Map<String, List<String>> headers = verifiedCredentials.get().provider(professional).headers(request);
        String value = headers.getOrDefault("Authorization", List.of("")).get(0);
        return VihfVerifier.assertionFromHeader(value)
                .orElseThrow(() -> new IllegalStateException("the credentials gave no VIHF"));
    }

    /** {@code POST /admin/vihf}: mints a VIHF from a JSON body (see the README). */
    private byte[] mint(JsonNode body) {
        String id = body.path("idNatPs").asText("");
        if (id.isBlank()) {
            throw new IllegalArgumentException("idNatPs is required");
        }
        FakeProfessional.Builder pb = FakeProfessional.builder(id)
                .name(body.path("givenName").asText("Test"), body.path("familyName").asText("PRATICIEN"))
                .profession(body.path("profession").asText("10"))
                .specialty(body.path("specialty").asText("SM26"))
                .authenticationMode(body.path("authenticationMode").asText("INDIRECTE_RENFORCEE"));
        // by default the structure of the TLS client certificate the launcher writes (the VIHF must name it)
        pb.structureId(body.path("structureId").asText(SignedTestCredentials.STRUCTURE_ID));
        String mode = body.path("mode").asText("normal");
        fr.opendmp.core.access.AccessContext access = switch (mode) {
            case "bris_de_glace" -> fr.opendmp.core.access.AccessContext.brisDeGlace(body.path("reason").asText("urgence"));
            case "centre_15" -> fr.opendmp.core.access.AccessContext.centreRegulation();
            default -> fr.opendmp.core.access.AccessContext.normal();
        };
        String ins = body.path("patientIns").asText("");
        return vihf(pb.build(), ins.isBlank() ? null : fr.opendmp.core.ins.Ins.nir(ins), access);
    }

    /**
     * Injects a fault on the next {@code times} DMPi calls whose {@code "<TD> <wsa:Action>"} matches
     * {@code operationRegex} (found anywhere), e.g. {@code "TD2.1"}, {@code "RegistryStoredQuery"}. Faults of
     * kind {@link Fault.Kind#STATUS} answer a {@code soap:Receiver} fault (subcode {@code INJECTED_FAULT}) with
     * that HTTP status; the other kinds act as on FHIR, including after handling.
     *
     * @param operationRegex the operation regex
     * @param fault the fault
     * @param times the times
     * @return this fake
     */
    public FakeDmp injectDmpiFault(String operationRegex, Fault fault, int times) {
        dmpiFaults.add(operationRegex, Objects.requireNonNull(fault, "fault"), times);
        return this;
    }

    /**
     * Records the patient's opposition to bris de glace ({@code brisDeGlace} true) or to emergency
     * (centre 15) access: the matching access mode is then refused ({@code MODE_FORBIDDEN}) on both
     * protocols, and TD1.3a reports it.
     *
     * @param ins the ins
     * @param brisDeGlace the bris de glace
     * @param on the on
     * @return this fake
     */
    public FakeDmp oppose(String ins, boolean brisDeGlace, boolean on) {
        engine.store().setOpposition(new FakePatientKey(ins).value(), brisDeGlace
                ? fr.opendmp.testkit.dmp.internal.AccessRules.OPPOSITION_BRIS_DE_GLACE
                : fr.opendmp.testkit.dmp.internal.AccessRules.OPPOSITION_ACCES_URGENCE, on);
        return this;
    }

    /** @return the auth mode */
    public AuthMode auth() {
        return settings.auth;
    }

    /**
     * @return the credentials whose CA the fake trusts and whose server certificate it serves, if
     *     HTTPS (in VERIFY without {@link Builder#tls}: the JVM-wide shared test credentials)
     */
    public Optional<SignedTestCredentials> tls() {
        return tls;
    }

    /**
     * Credentials acting as {@code professional}, whatever the fake's mode: in {@link AuthMode#VERIFY},
     * mTLS with the ORG AUTH_CLI certificate of the professional's structure (its card certificate in
     * {@code DIRECTE} mode) trusting the test CA, and per request a VIHF signed with the structure's
     * ORG SIGN certificate carrying the professional's id, name, profession, specialty, sector,
     * structure and authentication mode, and the request's patient, access mode and reason
     * ({@code Authorization: IHE-SAML}); in {@link AuthMode#OFF}, {@link TestCredentials#of} (with the
     * fake's client TLS context when it serves HTTPS). Certificates are issued once per structure or
     * card and cached for the JVM; the provider is cached per professional. A professional without
     * structure id acts for the test structure {@value SignedTestCredentials#STRUCTURE_ID} in VERIFY
     * (a VIHF in indirect mode must name one).
     *
     * @param professional who calls
     * @return a thread-safe provider for {@code DmpClient.builder().credentials(...)}
     * @throws IllegalArgumentException in VERIFY, if the professional cannot be put in a VIHF (a
     *     patient or legal representative caller, a physician or pharmacist without specialty, an
     *     unknown authentication mode)
     */
    public CredentialsProvider credentials(FakeProfessional professional) {
        Objects.requireNonNull(professional, "professional");
        if (verifiedCredentials.isPresent()) {
            return verifiedCredentials.get().provider(professional);
        }
        TestCredentials jwt = TestCredentials.of(professional);
        if (tls.isEmpty()) {
            return jwt;
        }
        SSLContext client = tls.get().clientSslContext();
        return new CredentialsProvider() {
            @Override
            public Optional<SSLContext> sslContext() {
                return Optional.of(client);
            }

            @Override
            public Map<String, List<String>> headers(CredentialRequest request) {
                return jwt.headers(request);
            }
        };
    }

    /** @return {@link #credentials(FakeProfessional)} for the {@link #defaultProfessional()} */
    public CredentialsProvider credentials() {
        return credentials(settings.defaultProfessional);
    }

    /**
     * @return the client TLS context for raw HTTP callers when the fake serves HTTPS: the ORG
     *     AUTH_CLI certificate of the default professional's structure, trusting the test CA (use
     *     {@code credentials(professional).sslContext()} for another structure); empty over plain HTTP
     */
    public Optional<SSLContext> sslContext() {
        if (tls.isEmpty()) {
            return Optional.empty();
        }
        return credentials().sslContext();
    }

    /** @return the admin base, e.g. {@code http://127.0.0.1:PORT/admin} */
    public URI adminUri() {
        return baseUri.resolve("/admin");
    }

    /**
     * @return the token the admin API ({@link #adminUri()}) requires in the
     *     {@value AdminApi#TOKEN_HEADER} header: present in {@link AuthMode#VERIFY} (random unless
     *     {@link Builder#adminToken} gives it) and whenever the fake listens beyond the loopback; empty
     *     (admin API open) only in {@link AuthMode#OFF} on the loopback without a given token
     */
    public Optional<String> adminToken() {
        return adminToken;
    }

    /** @return the name of the header carrying the admin token */
    public static String adminTokenHeader() {
        return AdminApi.TOKEN_HEADER;
    }

    private static String randomToken() {
        byte[] random = new byte[24];
        new java.security.SecureRandom().nextBytes(random);
        return java.util.HexFormat.of().formatHex(random);
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

    /**
     * Seeds (or replaces) a patient.
     * @param patient the patient
     * @return this fake dmp
     */
    public FakeDmp seedPatient(FakePatient patient) {
        engine.store().putPatient(Objects.requireNonNull(patient, "patient"));
        return this;
    }

    /**
     * Seeds a professional (used by seed documents and the launcher).
     * @param professional who calls
     * @return this fake dmp
     */
    public FakeDmp seedProfessional(FakeProfessional professional) {
        engine.store().putProfessional(Objects.requireNonNull(professional, "professional"));
        return this;
    }

    /**
     * The patient blocks this professional (no consultation, with or without authorization).
     * @param ins the patient's INS
     * @param idNatPs the professional's national identifier (IdNat_PS)
     * @return this fake dmp
     */
    public FakeDmp block(String ins, String idNatPs) {
        engine.store().setBlocked(new FakePatientKey(ins).value(), idNatPs, true);
        return this;
    }

    /**
     * Lifts a block.
     * @param ins the patient's INS
     * @param idNatPs the professional's national identifier (IdNat_PS)
     * @return this fake dmp
     */
    public FakeDmp unblock(String ins, String idNatPs) {
        engine.store().setBlocked(new FakePatientKey(ins).value(), idNatPs, false);
        return this;
    }

    /**
     * Records the patient's authorization (consent to consultation) for this professional.
     * @param ins the patient's INS
     * @param idNatPs the professional's national identifier (IdNat_PS)
     * @return this fake dmp
     */
    public FakeDmp authorize(String ins, String idNatPs) {
        engine.store().setAuthorized(new FakePatientKey(ins).value(), idNatPs, true);
        return this;
    }

    /**
     * Records that this professional is NOT authorized for this patient (overrides the default).
     * @param ins the patient's INS
     * @param idNatPs the professional's national identifier (IdNat_PS)
     * @return this fake dmp
     */
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

    /**
     * Applies a seed in the JSON format documented in {@code FakeDmpLauncher}.
     * @param seedJson the seed json
     * @return this fake dmp
     */
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
     * @param pathRegex the path regex
     * @param fault the fault
     * @param times the times
     * @return this fake dmp
     */
    public FakeDmp injectFault(String pathRegex, Fault fault, int times) {
        engine.faults().add(pathRegex, Objects.requireNonNull(fault, "fault"), times);
        return this;
    }

    /**
     * Removes every injected fault.
     * @return this fake dmp
     */
    public FakeDmp clearFaults() {
        engine.faults().clear();
        dmpiFaults.clear();
        return this;
    }

    /** Empties patients, professionals, blocks, authorizations, documents, history and faults. */
    public void reset() {
        engine.store().clear();
        engine.faults().clear();
        dmpiFaults.clear();
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
        private AuthMode auth = AuthMode.VERIFY;
        private DefaultAuthorization defaultAuthorization = DefaultAuthorization.AUTHORIZED;
        private FakeProfessional defaultProfessional = FakeProfessional.builder("899700218896")
                .name("Test", "DEFAUT").build();
        private CdaHeaderReader cdaHeaderReader = new MinimalCdaHeaderReader();
        private boolean feedingProfile = true;
        private boolean brisDeGlaceOverridesBlock = true;
        private long maxBodyBytes = 20L * 1024 * 1024;
        private int port;
        private int threads = 32;
        private InetAddress bind = InetAddress.getLoopbackAddress();
        private String adminToken;
        private boolean adminHistoryUnmasked;
        private Clock clock = Clock.systemUTC();
        private SignedTestCredentials tls;
        private MetadataVersionIdentity metadataVersionIdentity = MetadataVersionIdentity.NEW_ENTRY_UUID;
        private DeletedDocuments deletedDocuments = DeletedDocuments.HIDDEN_UNLESS_REQUESTED;
        private String repositoryUniqueId = "1.2.250.1.213.4.1.1.1.2";
        private boolean requireSignatureEntry = true;
        private boolean xadesSignerMustMatchVihf = true;
        private boolean strictServicePath;
        private int senderFaultStatus = 500;
        private final Map<String, String> dmpiAliases = new java.util.HashMap<>();
        private final java.util.Set<String> given = new java.util.HashSet<>();

        private Builder() {
        }

        private void once(String name) {
            if (!given.add(name)) {
                throw new IllegalStateException(name + " was already set");
            }
        }

        /**
         * @param value the validation
         * @return this builder with the validation mode (default STRICT)
         */
        public Builder validation(Validation value) {
            once("validation");
            this.validation = Objects.requireNonNull(value, "validation");
            return this;
        }

        /**
         * @param value the auth
         * @return this builder with the auth mode (default VERIFY, with the JVM-wide test PKI unless
         *     {@link #tls} is given; OFF = plain-HTTP test mode)
         */
        public Builder auth(AuthMode value) {
            once("auth");
            this.auth = Objects.requireNonNull(value, "auth");
            return this;
        }

        /**
         * @param value the default authorization
         * @return this builder with the authorization of unseeded patient/professional pairs (default AUTHORIZED)
         */
        public Builder defaultAuthorization(DefaultAuthorization value) {
            once("defaultAuthorization");
            this.defaultAuthorization = Objects.requireNonNull(value, "defaultAuthorization");
            return this;
        }

        /**
         * @param value the default professional
         * @return this builder with the professional a request without credential acts as (OFF mode),
         *     and that {@link FakeDmp#credentials()} acts as
         */
        public Builder defaultProfessional(FakeProfessional value) {
            once("defaultProfessional");
            this.defaultProfessional = Objects.requireNonNull(value, "defaultProfessional");
            return this;
        }

        /**
         * @param value the cda header reader
         * @return this builder with the CDA header reader used to complete ITI-105 deposits
         */
        public Builder cdaHeaderReader(CdaHeaderReader value) {
            once("cdaHeaderReader");
            this.cdaHeaderReader = Objects.requireNonNull(value, "cdaHeaderReader");
            return this;
        }

        /**
         * Whether the calling LPS is deemed to have the DMP "Alimentation" (feeding) profile
         * (default true): then TD3.1b and TD3.3 need no authorization (business rules of the guide) (unsure).
         * @param value whether feeding profile
         * @return this builder
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
         * @param value whether bris de glace overrides block
         * @return this builder
         */
        public Builder brisDeGlaceOverridesBlock(boolean value) {
            once("brisDeGlaceOverridesBlock");
            this.brisDeGlaceOverridesBlock = value;
            return this;
        }

        /**
         * @param value the max body bytes
         * @return this builder with the request body limit (default 20 MiB; larger → 413)
         */
        public Builder maxBodyBytes(long value) {
            once("maxBodyBytes");
            if (value < 1024) {
                throw new IllegalArgumentException("maxBodyBytes must be at least 1024");
            }
            this.maxBodyBytes = value;
            return this;
        }

        /**
         * @param value the port
         * @return this builder listening on this port (default 0 = ephemeral)
         */
        public Builder port(int value) {
            once("port");
            if (value < 0 || value > 65535) {
                throw new IllegalArgumentException("port out of range: " + value);
            }
            this.port = value;
            return this;
        }

        /**
         * @param value the bind address
         * @return this builder listening on this address (default the loopback). Beyond the loopback the
         *     admin API always needs its token; in VERIFY the server certificate names only
         *     {@code localhost} and {@code 127.0.0.1}
         */
        public Builder bindAddress(InetAddress value) {
            once("bindAddress");
            this.bind = Objects.requireNonNull(value, "bindAddress");
            return this;
        }

        /**
         * @param value the admin token
         * @return this builder whose admin API requires this token (header
         *     {@value AdminApi#TOKEN_HEADER}), in every mode; default: a random token in VERIFY, none
         *     in OFF on the loopback
         */
        public Builder adminToken(String value) {
            once("adminToken");
            Objects.requireNonNull(value, "adminToken");
            if (value.length() < 16) {
                throw new IllegalArgumentException("an admin token has at least 16 characters");
            }
            this.adminToken = value;
            return this;
        }

        /**
         * @param value whether admin history unmasked
         * @return this builder whose {@code GET /admin/history?unmasked=true} shows INS and bris de glace
         *     reasons in clear (default false: 403; the history is always masked otherwise)
         */
        public Builder adminHistoryUnmasked(boolean value) {
            once("adminHistoryUnmasked");
            this.adminHistoryUnmasked = value;
            return this;
        }

        /**
         * @param value the threads
         * @return this builder with this many handler threads (default 32: a few stalled clients cannot
         *     hold them all; a stalled connection is closed after {@code sun.net.httpserver.maxReqTime})
         */
        public Builder threads(int value) {
            once("threads");
            if (value < 1) {
                throw new IllegalArgumentException("threads must be at least 1");
            }
            this.threads = value;
            return this;
        }

        /**
         * @param value the clock
         * @return this builder with a clock (meta.lastUpdated, history)
         */
        public Builder clock(Clock value) {
            once("clock");
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Serves HTTPS with the server certificate of {@code credentials} (localhost, 127.0.0.1),
         * requiring a TLS client certificate chaining to its test CA; with {@code AuthMode.VERIFY}
         * the VIHFs are verified against the same CA ({@link SignedTestCredentials#verifier()}) and
         * {@link FakeDmp#credentials(FakeProfessional)} issues from that CA. Optional: without it,
         * VERIFY uses the test PKI shared by the JVM and OFF serves plain HTTP.
         *
         * @param credentials the credentials
         * @return this builder
         */
        public Builder tls(SignedTestCredentials credentials) {
            once("tls");
            this.tls = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        /**
         * @param value the value
         * @return this builder with what a metadata change does to a document's identity on both
         *     protocols (default {@link MetadataVersionIdentity#NEW_ENTRY_UUID})
         */
        public Builder metadataVersionIdentity(MetadataVersionIdentity value) {
            once("metadataVersionIdentity");
            this.metadataVersionIdentity = Objects.requireNonNull(value, "metadataVersionIdentity");
            return this;
        }

        /**
         * @param value the value
         * @return this builder with the DMPi visibility of deleted documents (default HIDDEN_UNLESS_REQUESTED)
         */
        public Builder deletedDocuments(DeletedDocuments value) {
            once("deletedDocuments");
            this.deletedDocuments = Objects.requireNonNull(value, "deletedDocuments");
            return this;
        }

        /**
         * @param value the value
         * @return this builder with the DMPi repositoryUniqueId (default {@code 1.2.250.1.213.4.1.1.1.2})
         */
        public Builder repositoryUniqueId(String value) {
            once("repositoryUniqueId");
            this.repositoryUniqueId = Objects.requireNonNull(value, "repositoryUniqueId");
            return this;
        }

        /**
         * @param value the value
         * @return this builder where a STRICT ITI-41 needs (true, default) or not its XAdES signature
         *     entry and {@code signs} association
         */
        public Builder requireSignatureEntry(boolean value) {
            once("requireSignatureEntry");
            this.requireSignatureEntry = value;
            return this;
        }

        /**
         * @param value the value
         * @return this builder where (in VERIFY) the XAdES signer of an ITI-41 must be the VIHF's
         *     professional (certificate CN) or structure (certificate OU) (default true; unsure the DMP checks it)
         */
        public Builder xadesSignerMustMatchVihf(boolean value) {
            once("xadesSignerMustMatchVihf");
            this.xadesSignerMustMatchVihf = value;
            return this;
        }

        /**
         * @param value the value
         * @return this builder where a DMPi Action sent to another service's path gets
         *     {@code wsa:ActionNotSupported} (default false: routing on the Action only)
         */
        public Builder strictServicePath(boolean value) {
            once("strictServicePath");
            this.strictServicePath = value;
            return this;
        }

        /**
         * @param value the value
         * @return this builder whose {@code soap:Sender} faults have this HTTP status (500 default, or 400)
         */
        public Builder senderFaultStatus(int value) {
            once("senderFaultStatus");
            if (value != 500 && value != 400) {
                throw new IllegalArgumentException("senderFaultStatus is 500 or 400");
            }
            this.senderFaultStatus = value;
            return this;
        }

        /**
         * @param alias an extra path under the DMPi base (the kit's aliases are always served; each
         *     alias may be given once)
         * @param service patients, habilitations, patientsSpecific, registry or repository
         * @return this builder
         */
        public Builder dmpiServiceAlias(String alias, String service) {
            if (!java.util.List.of("patients", "habilitations", "patientsSpecific", "registry", "repository").contains(service)) {
                throw new IllegalArgumentException("unknown DMPi service " + service);
            }
            once("dmpiServiceAlias " + Objects.requireNonNull(alias, "alias"));
            dmpiAliases.put(alias, service);
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
