package fr.opendmp.testkit.dmp.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsExchange;
import fr.opendmp.testkit.dmp.AccessEvent;
import fr.opendmp.testkit.dmp.FakeProfessional;
import fr.opendmp.testkit.dmp.Fault;
import java.io.IOException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLPeerUnverifiedException;

/** Routes {@code /fhir/...} requests to the services and records the access history. */
public final class FhirRouter {
    private static final String FHIR_JSON = "application/fhir+json";

    /** The caller recorded in the history for a refused credential. */
    private static final Caller UNAUTHENTICATED = new Caller(FakeProfessional.of("UNAUTHENTICATED", "", "", "",
            "10", "", "", "INDIRECTE_RENFORCEE"), fr.opendmp.core.access.AccessMode.NORMAL, Optional.empty(),
            Optional.empty());

    private final Engine engine;

    /** Creates the router. */
    public FhirRouter(Engine engine) {
        this.engine = engine;
    }

    /** What one request did, for the history. */
    private static final class Trace {
        Caller caller;
        Optional<String> patient = Optional.empty();
        String action = "UNKNOWN";
        List<String> rules = new ArrayList<>();
    }

    /** A response to send. */
    public record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {
        static Reply json(int status, JsonNode body, Map<String, String> headers) {
            return new Reply(status, FHIR_JSON, Json.bytes(body), headers);
        }
    }

    /** Handles a request under {@code /fhir}; {@code rel} is the path after it, {@code base} the FHIR base URL. */
    public Reply handle(HttpExchange ex, String rel, String base) throws IOException {
        Trace trace = new Trace();
        Reply reply;
        try {
            reply = dispatch(ex, rel, base, trace);
        } catch (FhirException e) {
            e.issues().forEach(i -> trace.rules.add(i.ruleId()));
            reply = Reply.json(e.status(), Outcomes.of(e.issues()), e.headers());
        }
        if (trace.caller != null) {
            engine.store().record(new AccessEvent(engine.clock().instant(), trace.caller.id(), trace.patient,
                    trace.action, trace.caller.mode(), trace.caller.reason(), reply.status(), trace.rules));
        }
        return reply;
    }

    private Reply dispatch(HttpExchange ex, String rel, String base, Trace trace) throws IOException {
        String method = ex.getRequestMethod();
        String query = ex.getRequestURI().getRawQuery();
        try {
            trace.caller = engine.callers().read(Optional.ofNullable(ex.getRequestHeaders().getFirst("Authorization")),
                    clientCertificate(ex));
        } catch (FhirException e) {
            if (engine.callers().verifying()) {
                trace.caller = UNAUTHENTICATED;
            }
            throw e;
        }
        Caller caller = trace.caller;
        String[] parts = rel.isEmpty() || rel.equals("/") ? new String[0] : rel.substring(1).split("/");
        String type = parts.length > 0 ? parts[0] : "";
        String id = parts.length > 1 ? parts[1] : null;
        switch (type) {
            case "" -> {
                requireMethod(method, "POST");
                trace.action = "TD2";
                JsonNode body = jsonBody(ex, FHIR_JSON);
                Deposits.Result r = engine.deposits().bundle(body, caller);
                trace.patient = Optional.of(r.patientIns());
                r.warnings().forEach(w -> trace.rules.add(w.ruleId()));
                if (r.body().path("entry").toString().contains("DocumentReference/") && body.toString().contains("\"replaces\"")) {
                    trace.action = "TD2.1";
                }
                return Reply.json(200, r.body(), Map.of());
            }
            case "Patient" -> {
                requireMethod(method, "GET");
                trace.action = "TD02";
                SearchParams params = SearchParams.parse(query);
                trace.patient = quietPatient(params.first("identifier"));
                return Reply.json(200, engine.patients().search(params, base, caller), Map.of());
            }
            case "DocumentReference" -> {
                return documentReference(ex, method, query, id, base, trace);
            }
            case "List" -> {
                SearchParams params = searchParams(ex, method, query, id);
                trace.action = "ITI-66";
                trace.patient = quietPatient(params.first("patient.identifier"));
                return Reply.json(200, engine.searches().lists(params, base, caller), Map.of());
            }
            case "Binary", "Bundle" -> {
                requireMethod(method, "GET");
                trace.action = "TD3.2";
                if (id == null) {
                    throw FhirException.of(404, "not-found", "NOT_FOUND", "a Binary id is required", "");
                }
                String accept = Optional.ofNullable(ex.getRequestHeaders().getFirst("Accept")).orElse("");
                Retrievals.Content c = engine.retrievals().retrieve(type.equals("Bundle") ? "Bundle/" + id : id,
                        accept, caller);
                trace.patient = Optional.of(c.patientIns());
                return new Reply(200, c.contentType(), c.body(), Map.of());
            }
            default -> throw FhirException.of(404, "not-supported", "UNKNOWN_RESOURCE",
                    "unsupported resource type " + type, "");
        }
    }

    private Reply documentReference(HttpExchange ex, String method, String query, String id, String base, Trace trace)
            throws IOException {
        Caller caller = trace.caller;
        if ("PATCH".equals(method)) {
            trace.action = "TD3.3";
            JsonNode ops = jsonBody(ex, "application/json-patch+json");
            String identifier = null;
            if (id == null) {
                identifier = SearchParams.parse(query).first("identifier").orElseThrow(() -> FhirException.of(400,
                        "required", "MISSING_IDENTIFIER", "a conditional PATCH needs ?identifier=", "identifier"));
            }
            Patches.Result r = engine.patches().patch(id, identifier, ops, caller,
                    Optional.ofNullable(ex.getRequestHeaders().getFirst("If-Match")));
            trace.patient = Optional.of(r.patientIns());
            StoredDocument d = r.document();
            return Reply.json(200, d.resource(), Map.of("ETag", "W/\"" + d.version() + "\"",
                    "Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(engine.clock().instant()
                            .atOffset(ZoneOffset.UTC)),
                    "Location", base + "/DocumentReference/" + d.id() + "/_history/" + d.version()));
        }
        if ("POST".equals(method) && id == null) {
            trace.action = "TD2";
            Deposits.Result r = engine.deposits().simplified(jsonBody(ex, FHIR_JSON), caller);
            trace.patient = Optional.of(r.patientIns());
            r.warnings().forEach(w -> trace.rules.add(w.ruleId()));
            String prefer = Optional.ofNullable(ex.getRequestHeaders().getFirst("Prefer")).orElse("");
            ObjectNode body = prefer.contains("return=OperationOutcome") ? Outcomes.of(r.warnings()) : r.body();
            return Reply.json(201, body, Map.of("Location", base + "/" + r.location(),
                    "ETag", "W/\"1\""));
        }
        if (id != null && !"_search".equals(id)) {
            requireMethod(method, "GET");
            trace.action = "TD3.1";
            StoredDocument d = engine.store().read(() -> {
                caller.patientIns().ifPresent(ins -> engine.rules().checkRecord(caller, ins, false));
                StoredDocument doc = engine.store().document(id).orElseThrow(AccessRules::documentNotFound);
                trace.patient = Optional.of(doc.patientIns());
                engine.rules().checkRecord(caller, doc.patientIns(), false);
                if (!engine.rules().visible(caller, doc)) {
                    throw AccessRules.documentNotFound();
                }
                return doc;
            });
            return Reply.json(200, d.resource(), Map.of("ETag", "W/\"" + d.version() + "\""));
        }
        SearchParams params = searchParams(ex, method, query, id);
        trace.action = Searches.byIdentifier(params) ? "TD3.1b" : "TD3.1";
        trace.patient = quietPatient(params.first("patient.identifier"));
        return Reply.json(200, engine.searches().documents(params, base, caller), Map.of());
    }

    private static Optional<X509Certificate> clientCertificate(HttpExchange ex) {
        if (!(ex instanceof HttpsExchange https) || https.getSSLSession() == null) {
            return Optional.empty();
        }
        try {
            Certificate[] chain = https.getSSLSession().getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof X509Certificate x ? Optional.of(x) : Optional.empty();
        } catch (SSLPeerUnverifiedException e) {
            return Optional.empty();
        }
    }

    private SearchParams searchParams(HttpExchange ex, String method, String query, String id) throws IOException {
        if ("_search".equals(id)) {
            requireMethod(method, "POST");
            String ct = Optional.ofNullable(ex.getRequestHeaders().getFirst("Content-Type")).orElse("");
            if (!ct.startsWith("application/x-www-form-urlencoded")) {
                throw FhirException.of(415, "not-supported", "UNSUPPORTED_MEDIA_TYPE",
                        "POST _search needs application/x-www-form-urlencoded", "");
            }
            String form = new String(HttpIo.readBody(ex, engine.maxBodyBytes()), java.nio.charset.StandardCharsets.UTF_8);
            String all = query == null || query.isEmpty() ? form : query + "&" + form;
            return SearchParams.parse(all);
        }
        if (id != null) {
            throw FhirException.of(404, "not-found", "NOT_FOUND", "unknown path", "");
        }
        requireMethod(method, "GET");
        return SearchParams.parse(query);
    }

    private JsonNode jsonBody(HttpExchange ex, String expected) throws IOException {
        String ct = Optional.ofNullable(ex.getRequestHeaders().getFirst("Content-Type")).orElse("");
        boolean ok = ct.startsWith(expected) || (expected.equals(FHIR_JSON) && ct.startsWith("application/json"));
        if (!ok) {
            throw FhirException.of(415, "not-supported", "UNSUPPORTED_MEDIA_TYPE",
                    "Content-Type must be " + expected, "");
        }
        return Json.parse(HttpIo.readBody(ex, engine.maxBodyBytes()));
    }

    private static Optional<String> quietPatient(Optional<String> token) {
        try {
            return token.map(t -> PatientRefs.fromToken(t, 400, ""));
        } catch (FhirException e) {
            return Optional.empty();
        }
    }

    private static void requireMethod(String actual, String expected) {
        if (!expected.equals(actual)) {
            throw new FhirException(405, List.of(Issue.error("not-supported", "METHOD_NOT_ALLOWED",
                    actual + " is not allowed here", "")), Map.of("Allow", expected));
        }
    }

    /** Applies a fault before handling; returns the slow-body pause (zero if none). */
    public static Duration applyFault(Optional<Fault> fault) {
        if (fault.isEmpty()) {
            return Duration.ZERO;
        }
        Fault f = fault.get();
        switch (f.kind()) {
            case LATENCY -> HttpIo.sleep(f.delay());
            case STATUS -> {
                Map<String, String> headers = f.delay().isZero() ? Map.of()
                        : Map.of("Retry-After", Long.toString(Math.max(1, f.delay().toSeconds())));
                throw new FhirException(f.status(), List.of(Issue.error("transient", "INJECTED_FAULT",
                        "fault injected by the test", "")), headers);
            }
            case DROP_CONNECTION -> throw new DropConnection();
            case SLOW_BODY -> {
                return f.delay();
            }
            default -> { }
        }
        return Duration.ZERO;
    }

    /** Thrown to make the HTTP server drop the connection without a response. */
    public static final class DropConnection extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** Creates the signal (no stack trace). */
        public DropConnection() {
            super("connection dropped by an injected fault", null, false, false);
        }
    }
}
