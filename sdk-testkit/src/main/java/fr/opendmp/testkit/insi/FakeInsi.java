package fr.opendmp.testkit.insi;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import fr.opendmp.testkit.dmp.internal.HttpServerDefaults;
import fr.opendmp.core.credentials.CredentialRequest;
import fr.opendmp.core.credentials.CredentialsProvider;
import fr.opendmp.core.ins.Ins;
import fr.opendmp.testkit.auth.SignedTestCredentials;
import fr.opendmp.testkit.dmp.AuthMode;
import fr.opendmp.testkit.internal.MutualTlsServers;
import fr.opendmp.testkit.internal.SharedTestPki;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

/**
 * An in-process fake of the INSi teleservice: SOAP 1.2 over HTTPS (mutual TLS) on an ephemeral loopback port,
 * answering {@code rechercherInsAvecTraitsIdentite} and {@code rechercherInsAvecCarteVitale} from a
 * seeded population with CR 00 / 01 / 02, and faults on demand.
 *
 * <pre>{@code
 * try (FakeInsi insi = FakeInsi.builder().start()) {      // default population, verified (mTLS)
 *     InsiClient client = InsiClient.builder().endpoint(insi.baseUri())
 *             .credentials(insi.credentials())...build();
 *     insi.failNext(FakeInsi.Fault.UNAVAILABLE);
 * }
 * }</pre>
 *
 * <p>It checks the calling context as the real service would: SOAP 1.2 content type, the
 * WS-Addressing action matching the body, {@code ContexteBAM} and {@code ContexteLPS} with an
 * {@code IDAM}; a broken request gets a {@code soap:Sender} fault. Thread-safe.
 *
 * <p>Authentication ({@link AuthMode#VERIFY}, the default): the fake serves HTTPS and requires a
 * TLS client certificate chaining to the test CA (the JVM-wide shared test PKI, or
 * {@link Builder#tls}); a connection without one, or with a certificate of another CA or an
 * expired one, is refused at the TLS handshake. The INSi is called with the structure's IGC Santé
 * software certificate (CNAM INSi teleservice); the signed PS assertion of the CPS mode is not the DMP VIHF
 * and its content is not public (unsure), so the fake asks for no VIHF or token and
 * {@link #credentials()} provides mTLS only. {@code auth(AuthMode.OFF)} serves plain HTTP without
 * any check.
 */
public final class FakeInsi implements AutoCloseable {

    /** The faults the fake can inject, each for one request. */
    public enum Fault {
        /** A {@code soap:Sender} fault (the request is refused; not retryable). */
        SENDER_FAULT,
        /** A {@code soap:Receiver} fault (the service failed; retryable). */
        RECEIVER_FAULT,
        /** HTTP 503 with no body. */
        UNAVAILABLE,
        /** The answer is delayed by {@link Builder#slowDelay(Duration)} (to trigger client timeouts). */
        SLOW,
        /** A body that is not XML. */
        MALFORMED,
        /** A body with a DTD and an external entity (the client must refuse it). */
        XXE,
        /** A body of 2 MiB. */
        OVERSIZED
    }

    /**
     * What the fake received, for assertions (no trait is kept).
     *
     * @param operation the WS-Addressing action's operation
     * @param messageId the WS-Addressing MessageID
     * @param authorizationNumber the {@code IDAM} of {@code ContexteLPS}
     * @param softwareName the {@code Nom} of {@code ContexteLPS}
     * @param resultCode the CR answered, or the fault code
     * @param headers the HTTP headers (names lower case)
     */
    public record ReceivedCall(String operation, String messageId, String authorizationNumber, String softwareName,
            String resultCode, Map<String, List<String>> headers) {
    }

    private static final int MAX_REQUEST = 64 * 1024;
    private static final int MAX_DEPTH = 64;

    static {
        // per-connection request deadline of the JDK server, unless set with -D
        HttpServerDefaults.apply();
    }
    private static final String SOAP = "http://www.w3.org/2003/05/soap-envelope";
    private static final String RESULTAT = "http://www.cnamts.fr/INSiResultat";
    private static final String SIRAM = "urn:siram";
    private static final String ACTION_PREFIX = "urn:ServiceIdentiteCertifiee:1.0.0:";

    private final HttpServer server;
    private final Optional<SignedTestCredentials> tls;
    private final ExecutorService executor;
    private final List<InsiPerson> people = new CopyOnWriteArrayList<>();
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final List<ReceivedCall> calls = new CopyOnWriteArrayList<>();
    private final Duration slowDelay;
    private final AtomicInteger requests = new AtomicInteger();

    private FakeInsi(Builder b) throws IOException {
        if (b.defaultPopulation) {
            people.addAll(FakeInsiPopulation.all());
        }
        people.addAll(b.people);
        this.slowDelay = b.slowDelay;
        this.executor = Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "fake-insi");
            t.setDaemon(true);
            return t;
        });
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        SignedTestCredentials effective = b.tls != null ? b.tls
                : b.auth == AuthMode.VERIFY ? SharedTestPki.credentials() : null;
        this.tls = Optional.ofNullable(effective);
        if (effective != null) {
            SSLContext serverContext = b.tls != null ? b.tls.serverSslContext() : SharedTestPki.serverSslContext();
            this.server = MutualTlsServers.create(address, 0, serverContext);
        } else {
            this.server = HttpServer.create(address, 0);
        }
        server.createContext("/insi", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** @return a builder (default population on, no fault) */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @return the address to give the INSi client: {@code https://localhost:<port>/insi} (VERIFY) or
     *     {@code http://127.0.0.1:<port>/insi} (OFF)
     */
    public URI baseUri() {
        return URI.create((tls.isPresent() ? "https://localhost:" : "http://127.0.0.1:") + server.getAddress().getPort()
                + "/insi");
    }

    /**
     * @return the credentials whose CA the fake trusts and whose server certificate it serves
     *     (VERIFY: the JVM-wide shared test credentials unless {@link Builder#tls} was given); empty in OFF
     */
    public Optional<SignedTestCredentials> tls() {
        return tls;
    }

    /** @return the auth mode */
    public AuthMode auth() {
        return tls.isPresent() ? AuthMode.VERIFY : AuthMode.OFF;
    }

    /**
     * @return credentials for {@code InsiClient}: in VERIFY, mTLS with the test structure's ORG
     *     AUTH_CLI certificate trusting the test CA, and no header (see the class comment); in OFF,
     *     {@link CredentialsProvider#none()}
     */
    public CredentialsProvider credentials() {
        if (tls.isEmpty()) {
            return CredentialsProvider.none();
        }
        SSLContext client = sslContext().orElseThrow();
        return new CredentialsProvider() {
            @Override
            public Optional<SSLContext> sslContext() {
                return Optional.of(client);
            }

            @Override
            public Map<String, List<String>> headers(CredentialRequest request) {
                return Map.of();
            }

            @Override
            public String toString() {
                return "FakeInsi.credentials[mTLS " + SignedTestCredentials.STRUCTURE_ID + "]";
            }
        };
    }

    /** @return the client TLS context the fake accepts (VERIFY), for raw HTTP callers; empty in OFF */
    public Optional<SSLContext> sslContext() {
        if (tls.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(tls.get() == SharedTestPki.credentials() ? SharedTestPki.clientSslContext()
                : tls.get().clientSslContext());
    }

    /**
     * Adds a person to the population.
     *
     * @param person the person
     * @return this fake
     */
    public FakeInsi seed(InsiPerson person) {
        people.add(Objects.requireNonNull(person, "person"));
        return this;
    }

    /**
     * Replaces a person's active INS (NIA → NIR, correction): the current one goes to the history.
     *
     * @param current the person's current active INS
     * @param newIns the new active INS
     * @return this fake
     * @throws IllegalArgumentException if no person has that active INS
     */
    public FakeInsi changeActiveIns(Ins current, Ins newIns) {
        for (int i = 0; i < people.size(); i++) {
            InsiPerson p = people.get(i);
            if (p.ins().value().equals(current.value()) && p.ins().oid() == current.oid()) {
                people.set(i, p.withNewActiveIns(newIns, "2026-01-01"));
                return this;
            }
        }
        throw new IllegalArgumentException("no person has that active INS");
    }

    /**
     * Makes the next request fail.
     *
     * @param fault how
     * @return this fake
     */
    public FakeInsi failNext(Fault fault) {
        return failNext(fault, 1);
    }

    /**
     * Makes the next {@code times} requests fail.
     *
     * @param fault how
     * @param times how many requests
     * @return this fake
     */
    public FakeInsi failNext(Fault fault, int times) {
        Objects.requireNonNull(fault, "fault");
        synchronized (faults) {
            for (int i = 0; i < times; i++) {
                faults.add(fault);
            }
        }
        return this;
    }

    /** @return the calls received so far, in order */
    public List<ReceivedCall> calls() {
        return List.copyOf(calls);
    }

    /** @return how many HTTP requests reached the fake (faulted ones included) */
    public int requestCount() {
        return requests.get();
    }

    /** Stops the server. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        requests.incrementAndGet();
        try (ex) {
            Fault fault;
            synchronized (faults) {
                fault = faults.poll();
            }
            if (fault != null && injectTransport(ex, fault)) {
                return;
            }
            if (!"POST".equals(ex.getRequestMethod())) {
                send(ex, 405, "text/plain", "POST only".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String contentType = Optional.ofNullable(ex.getRequestHeaders().getFirst("Content-Type")).orElse("");
            byte[] body = readLimited(ex.getRequestBody());
            if (body == null) {
                senderFault(ex, "insi_100", "request too large", null);
                return;
            }
            Request req;
            try {
                req = Request.parse(body);
            } catch (IllegalArgumentException e) {
                senderFault(ex, "insi_101", e.getMessage(), null);
                return;
            }
            if (!contentType.toLowerCase(Locale.ROOT).startsWith("application/soap+xml")) {
                senderFault(ex, "insi_102", "SOAP 1.2 expects application/soap+xml", req);
                return;
            }
            String problem = req.contextProblem();
            if (problem != null) {
                senderFault(ex, "insi_103", problem, req);
                return;
            }
            if (fault == Fault.SENDER_FAULT) {
                senderFault(ex, "insi_110", "injected sender fault", req);
                return;
            }
            if (fault == Fault.RECEIVER_FAULT) {
                fault(ex, 500, "soap:Receiver", "insi_500", "injected receiver fault", req);
                return;
            }
            List<InsiPerson> matches = req.operation.equals("rechercherInsAvecCarteVitale")
                    ? people.stream().filter(req::matchesVitale).toList()
                    : people.stream().filter(req::matchesTraits).toList();
            String cr = matches.isEmpty() ? "01" : matches.size() == 1 ? "00" : "02";
            record(req, cr, ex);
            send(ex, 200, "application/soap+xml; charset=utf-8", result(cr, matches.size() == 1 ? matches.get(0) : null));
        } catch (RuntimeException e) {
            send(ex, 500, "text/plain", "fake INSi failure".getBytes(StandardCharsets.UTF_8));
        }
    }

    private boolean injectTransport(HttpExchange ex, Fault fault) throws IOException {
        switch (fault) {
            case UNAVAILABLE -> {
                ex.sendResponseHeaders(503, -1);
                return true;
            }
            case SLOW -> {
                try {
                    Thread.sleep(slowDelay.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return true;
                }
                return false;
            }
            case MALFORMED -> {
                send(ex, 200, "application/soap+xml", "<not-xml".getBytes(StandardCharsets.UTF_8));
                return true;
            }
            case XXE -> {
                String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                        + "<soap:Envelope xmlns:soap=\"" + SOAP + "\"><soap:Body><RESULTAT xmlns=\"" + RESULTAT
                        + "\"><CR><CodeCR>&x;</CodeCR></CR></RESULTAT></soap:Body></soap:Envelope>";
                send(ex, 200, "application/soap+xml", xxe.getBytes(StandardCharsets.UTF_8));
                return true;
            }
            case OVERSIZED -> {
                byte[] big = new byte[2 * 1024 * 1024];
                java.util.Arrays.fill(big, (byte) ' ');
                send(ex, 200, "application/soap+xml", big);
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private void record(Request req, String code, HttpExchange ex) {
        Map<String, List<String>> headers = new HashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        calls.add(new ReceivedCall(req.operation, req.messageId, req.idam, req.softwareName, code, Map.copyOf(headers)));
    }

    private void senderFault(HttpExchange ex, String code, String reason, Request req) throws IOException {
        fault(ex, 400, "soap:Sender", code, reason, req);
    }

    private void fault(HttpExchange ex, int status, String faultCode, String code, String reason, Request req)
            throws IOException {
        if (req != null) {
            record(req, code, ex);
        }
        byte[] body = envelope(w -> {
            w.writeStartElement("soap", "Fault", SOAP);
            w.writeNamespace("siram", SIRAM);
            w.writeStartElement("soap", "Code", SOAP);
            text(w, "soap", SOAP, "Value", faultCode);
            w.writeStartElement("soap", "Subcode", SOAP);
            text(w, "soap", SOAP, "Value", "siram:" + code);
            w.writeEndElement();
            w.writeEndElement();
            w.writeStartElement("soap", "Reason", SOAP);
            w.writeStartElement("soap", "Text", SOAP);
            w.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", "fr");
            w.writeCharacters(reason);
            w.writeEndElement();
            w.writeEndElement();
            w.writeStartElement("soap", "Detail", SOAP);
            w.writeStartElement("siram", "Erreur", SIRAM);
            w.writeAttribute("severite", "fatal");
            w.writeAttribute("code", code);
            w.writeAttribute("messageID", req == null ? "" : req.messageId);
            w.writeCharacters(reason);
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
        });
        send(ex, status, "application/soap+xml; charset=utf-8", body);
    }

    private static byte[] result(String cr, InsiPerson p) {
        return envelope(w -> {
            w.writeStartElement("insi", "RESULTAT", RESULTAT);
            w.writeNamespace("insi", RESULTAT);
            w.writeStartElement("insi", "CR", RESULTAT);
            text(w, "insi", RESULTAT, "CodeCR", cr);
            text(w, "insi", RESULTAT, "LibelleCR", switch (cr) {
                case "00" -> "OK";
                case "01" -> "Aucune identite trouvee";
                default -> "Plusieurs identites trouvees";
            });
            w.writeEndElement();
            if (p != null) {
                w.writeStartElement("insi", "INDIVIDU", RESULTAT);
                w.writeStartElement("insi", "INSACTIF", RESULTAT);
                writeIns(w, p.ins());
                w.writeEndElement();
                for (InsiPerson.Former f : p.history()) {
                    w.writeStartElement("insi", "INSHISTO", RESULTAT);
                    writeIns(w, f.ins());
                    if (f.startDate().isPresent()) {
                        text(w, "insi", RESULTAT, "DateDeb", f.startDate().get());
                    }
                    if (f.endDate().isPresent()) {
                        text(w, "insi", RESULTAT, "DateFin", f.endDate().get());
                    }
                    w.writeEndElement();
                }
                w.writeStartElement("insi", "TIQ", RESULTAT);
                text(w, "insi", RESULTAT, "NomNaissance", p.birthName());
                text(w, "insi", RESULTAT, "ListePrenom", p.firstNames());
                text(w, "insi", RESULTAT, "Sexe", p.sex());
                text(w, "insi", RESULTAT, "DateNaissance", p.birthDate());
                text(w, "insi", RESULTAT, "LieuNaissance", p.birthPlace());
                w.writeEndElement();
                w.writeEndElement();
            }
            w.writeEndElement();
        });
    }

    /** Writes the part of an answer inside {@code soap:Body}. */
    @FunctionalInterface
    private interface BodyWriter {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    /** @return a SOAP 1.2 envelope around what {@code body} writes, as UTF-8 bytes */
    private static byte[] envelope(BodyWriter body) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("soap", "Envelope", SOAP);
            w.writeNamespace("soap", SOAP);
            w.writeStartElement("soap", "Body", SOAP);
            body.write(w);
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void writeIns(XMLStreamWriter w, Ins ins) throws XMLStreamException {
        w.writeStartElement("insi", "IdIndividu", RESULTAT);
        text(w, "insi", RESULTAT, "NumIdentifiant", ins.matricule().number());
        text(w, "insi", RESULTAT, "Cle", ins.matricule().key());
        if (ins.oid().kind() == fr.opendmp.core.ins.MatriculeKind.NIA) {
            text(w, "insi", RESULTAT, "TypeMatricule", "NIA");
        }
        w.writeEndElement();
        text(w, "insi", RESULTAT, "OID", ins.oid().oid());
    }

    private static void text(XMLStreamWriter w, String prefix, String ns, String name, String value)
            throws XMLStreamException {
        w.writeStartElement(prefix, name, ns);
        w.writeCharacters(value);
        w.writeEndElement();
    }

    private static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream os = ex.getResponseBody()) {
                os.write(body);
            }
        }
    }

    private static byte[] readLimited(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) >= 0) {
            if (out.size() + n > MAX_REQUEST) {
                return null;
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    /** A parsed request: the few values the fake needs, read with a secure StAX parser. */
    private static final class Request {
        String action = "";
        String operation = "";
        String messageId = "";
        String bodyElement = "";
        String idam;
        String idamR;
        String softwareName;
        boolean bam;
        boolean lps;
        final Map<String, String> fields = new HashMap<>();

        static Request parse(byte[] body) {
            XMLInputFactory f = XMLInputFactory.newFactory();
            f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
            Request req = new Request();
            try {
                XMLStreamReader r = f.createXMLStreamReader(new ByteArrayInputStream(body));
                List<String> path = new ArrayList<>();
                StringBuilder text = new StringBuilder();
                boolean envelope = false;
                while (r.hasNext()) {
                    int ev = r.next();
                    if (ev == XMLStreamConstants.DTD) {
                        // refused like the client side refuses it: a SOAP message never carries a DTD
                        throw new IllegalArgumentException("a DOCTYPE is not accepted");
                    }
                    if (ev == XMLStreamConstants.START_ELEMENT) {
                        if (path.size() >= MAX_DEPTH) {
                            throw new IllegalArgumentException("the request nests too deep");
                        }
                        String name = r.getLocalName();
                        if (path.isEmpty()) {
                            envelope = "Envelope".equals(name) && SOAP.equals(r.getNamespaceURI());
                        }
                        if (path.size() == 2 && path.get(1).equals("Body")) {
                            req.bodyElement = name;
                        }
                        if ("ContexteBAM".equals(name)) {
                            req.bam = true;
                        }
                        if ("ContexteLPS".equals(name)) {
                            req.lps = true;
                        }
                        if ("IDAM".equals(name)) {
                            req.idamR = r.getAttributeValue(null, "R");
                        }
                        path.add(name);
                        text.setLength(0);
                    } else if (ev == XMLStreamConstants.CHARACTERS) {
                        text.append(r.getText());
                    } else if (ev == XMLStreamConstants.END_ELEMENT) {
                        String name = path.remove(path.size() - 1);
                        String value = text.toString().strip();
                        text.setLength(0);
                        if ("Action".equals(name)) {
                            req.action = value;
                        } else if ("MessageID".equals(name)) {
                            req.messageId = value.startsWith("uuid:") ? value.substring(5) : value;
                        } else if ("IDAM".equals(name)) {
                            req.idam = value;
                        } else if ("Nom".equals(name) && path.contains("LPS")) {
                            req.softwareName = value;
                        } else if (path.size() == 3 && path.get(1).equals("Body")) {
                            req.fields.put(name, value);
                        }
                    }
                }
                if (!envelope) {
                    throw new IllegalArgumentException("not a SOAP 1.2 envelope");
                }
            } catch (XMLStreamException e) {
                throw new IllegalArgumentException("not well-formed XML");
            }
            if (req.action.startsWith(ACTION_PREFIX)) {
                req.operation = req.action.substring(ACTION_PREFIX.length());
            }
            return req;
        }

        String contextProblem() {
            if (!bam) {
                return "ContexteBAM missing";
            }
            if (!lps || idam == null || idam.isBlank() || !"4".equals(idamR)) {
                return "ContexteLPS with LPS/IDAM R=4 missing";
            }
            if (messageId.isBlank()) {
                return "wsa:MessageID missing";
            }
            if (operation.equals("rechercherInsAvecTraitsIdentite") && bodyElement.equals("RECSANSVITALE")) {
                for (String required : List.of("NomNaissance", "Prenom", "Sexe", "DateNaissance")) {
                    if (!fields.containsKey(required)) {
                        return required + " missing";
                    }
                }
                return null;
            }
            if (operation.equals("rechercherInsAvecCarteVitale") && bodyElement.equals("RECVIT")) {
                return null;
            }
            return "wsa:Action does not match the body element";
        }

        boolean matchesTraits(InsiPerson p) {
            return p.birthName().equals(fields.get("NomNaissance"))
                    && List.of(p.firstNames().split(" ")).contains(fields.get("Prenom"))
                    && p.sex().equals(fields.get("Sexe"))
                    && p.birthDate().equals(fields.get("DateNaissance"))
                    && (!fields.containsKey("LieuNaissance") || p.birthPlace().equals(fields.get("LieuNaissance")));
        }

        boolean matchesVitale(InsiPerson p) {
            return p.birthName().equals(fields.get("NomNaissance"))
                    && List.of(p.firstNames().split(" ")).contains(fields.get("Prenom"))
                    && p.birthDate().equals(fields.get("DateNaissance"))
                    && (!fields.containsKey("RangGemellaire")
                            || p.twinRank().map(String::valueOf).equals(Optional.of(fields.get("RangGemellaire"))));
        }
    }

    /** Builds a {@link FakeInsi}; each setting may be given once, people add up. */
    public static final class Builder {

        private final Set<String> given = new HashSet<>();

        private void once(String setting) {
            if (!given.add(setting)) {
                throw new IllegalStateException(setting + " was already set");
            }
        }

        private final List<InsiPerson> people = new ArrayList<>();
        private boolean defaultPopulation = true;
        private Duration slowDelay = Duration.ofSeconds(3);
        private AuthMode auth = AuthMode.VERIFY;
        private SignedTestCredentials tls;

        private Builder() {
        }

        /**
         * @param value VERIFY (default: HTTPS, client certificate required) or OFF (plain HTTP)
         * @return this builder
         */
        public Builder auth(AuthMode value) {
            once("auth");
            auth = Objects.requireNonNull(value, "auth");
            return this;
        }

        /**
         * @param credentials the test CA and server certificate to use in VERIFY instead of the
         *     JVM-wide shared test PKI
         * @return this builder
         */
        public Builder tls(SignedTestCredentials credentials) {
            once("tls");
            tls = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        /** @return this builder, without the default population (whether before or after {@link #person}) */
        public Builder emptyPopulation() {
            once("emptyPopulation");
            defaultPopulation = false;
            return this;
        }

        /**
         * @param person the person
         * @return this builder
         */
        public Builder person(InsiPerson person) {
            people.add(Objects.requireNonNull(person, "person"));
            return this;
        }

        /**
         * @param delay how long {@link Fault#SLOW} delays the answer @return this builder
         * @return this builder
         */
        public Builder slowDelay(Duration delay) {
            once("slowDelay");
            slowDelay = Objects.requireNonNull(delay, "delay");
            return this;
        }

        /**
         * @return the started fake
         * @throws IllegalStateException if the server cannot start
         */
        public FakeInsi start() {
            if (auth == AuthMode.OFF && tls != null) {
                throw new IllegalStateException("tls(...) is for AuthMode.VERIFY; OFF serves plain HTTP");
            }
            try {
                return new FakeInsi(this);
            } catch (IOException e) {
                throw new IllegalStateException("the fake INSi could not start", e);
            }
        }
    }
}
