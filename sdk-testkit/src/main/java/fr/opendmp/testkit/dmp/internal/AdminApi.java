package fr.opendmp.testkit.dmp.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import fr.opendmp.testkit.dmp.AccessEvent;
import fr.opendmp.testkit.dmp.Fault;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.time.Duration;
import java.util.Map;

/**
 * HTTP admin API under {@code /admin}: {@code POST /admin/reset}, {@code POST /admin/seed} (seed
 * JSON), {@code GET /admin/history[?unmasked=true]}, {@code POST /admin/faults} ({@code {"path":"regex",
 * "kind":"STATUS|LATENCY|DROP_CONNECTION|SLOW_BODY|DROP_AFTER_HANDLING|CUT_AFTER_HANDLING","status":503,
 * "delayMillis":1000,"times":1}}), {@code DELETE /admin/faults}.
 *
 * <p>With a token, every admin request must carry it in {@value #TOKEN_HEADER} (401 otherwise). The
 * history masks INS (as the logs do) and leaves out the bris de glace reason, unless {@code unmasked=true}
 * is asked of a fake that allows it (403 otherwise).
 */
public final class AdminApi {
    /** The header carrying the admin token. */
    public static final String TOKEN_HEADER = "X-OpenDMP-Admin-Token";

    private final Engine engine;
    private final Runnable reset;
    private final Optional<String> token;
    private final boolean unmaskAllowed;
    private java.util.function.Function<JsonNode, byte[]> minter = body -> {
        throw FhirException.of(409, "not-supported", "MINTING_UNAVAILABLE",
                "VIHFs are minted only in AuthMode.VERIFY (in OFF, send any unsigned assertion)", "");
    };

    private Faults dmpiFaults;

    /** Sets the DMPi faults that {@code POST /admin/faults} with {@code "operation"} adds to. */
    public void dmpiFaults(Faults value) {
        this.dmpiFaults = value;
    }

    /**
     * Sets how {@code POST /admin/vihf} mints a signed VIHF from its JSON body (AuthMode.VERIFY).
     *
     * @param value body → the serialized assertion
     */
    public void minter(java.util.function.Function<JsonNode, byte[]> value) {
        this.minter = value;
    }

    /**
     * Creates the API.
     *
     * @param engine the fake
     * @param reset empties the fake
     * @param token the admin token every request must carry, if any
     * @param unmaskAllowed whether {@code GET /admin/history?unmasked=true} may show INS and reasons
     */
    public AdminApi(Engine engine, Runnable reset, Optional<String> token, boolean unmaskAllowed) {
        this.engine = engine;
        this.reset = reset;
        this.token = token;
        this.unmaskAllowed = unmaskAllowed;
    }

    private void checkToken(HttpExchange ex) {
        if (token.isEmpty()) {
            return;
        }
        String given = Optional.ofNullable(ex.getRequestHeaders().getFirst(TOKEN_HEADER)).orElse("");
        if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token.get().getBytes(StandardCharsets.UTF_8))) {
            throw FhirException.of(401, "login", "ADMIN_TOKEN_REQUIRED",
                    "the admin API needs the fake's admin token in " + TOKEN_HEADER, "");
        }
    }

    /** Handles one admin request. */
    public FhirRouter.Reply handle(HttpExchange ex, String rel) throws IOException {
        String method = ex.getRequestMethod();
        checkToken(ex);
        try {
            switch (method + " " + rel) {
                case "POST /reset" -> {
                    reset.run();
                    return ok(Json.object().put("reset", true));
                }
                case "POST /seed" -> {
                    Seeds.apply(engine, Json.parse(HttpIo.readBody(ex, engine.maxBodyBytes())));
                    return ok(Json.object().put("seeded", true));
                }
                case "GET /history" -> {
                    boolean unmasked = SearchParams.parse(ex.getRequestURI().getRawQuery()).first("unmasked")
                            .map("true"::equals).orElse(false);
                    if (unmasked && !unmaskAllowed) {
                        throw FhirException.of(403, "forbidden", "ADMIN_UNMASK_DISABLED",
                                "this fake does not show INS in clear (FakeDmp.Builder.adminHistoryUnmasked)", "");
                    }
                    ObjectNode body = Json.object();
                    body.put("masked", !unmasked);
                    ArrayNode arr = body.putArray("events");
                    for (AccessEvent e : engine.store().history()) {
                        ObjectNode n = arr.addObject();
                        n.put("at", e.at().toString());
                        n.put("idNatPs", unmasked ? e.idNatPs() : LogMasking.mask(e.idNatPs()));
                        e.patientIns().ifPresent(p -> n.put("patient", unmasked ? p : LogMasking.mask(p)));
                        n.put("action", e.action());
                        n.put("mode", e.mode().code());
                        if (unmasked) {
                            e.reason().ifPresent(r -> n.put("reason", r));
                        } else if (e.reason().isPresent()) {
                            n.put("reasonGiven", true);
                        }
                        n.put("status", e.status());
                        ArrayNode rules = n.putArray("rules");
                        e.ruleIds().forEach(rules::add);
                    }
                    return ok(body);
                }
                case "POST /faults" -> {
                    JsonNode f = Json.parse(HttpIo.readBody(ex, engine.maxBodyBytes()));
                    Fault.Kind kind = Fault.Kind.valueOf(f.path("kind").asText("STATUS"));
                    Fault fault = new Fault(kind, f.path("status").asInt(kind == Fault.Kind.STATUS ? 503 : 0),
                            Duration.ofMillis(f.path("delayMillis").asLong(0)));
                    if (f.hasNonNull("operation") && dmpiFaults != null) {
                        // DMPi: matched against "<TD> <wsa:Action>", e.g. "TD2.1" or "RegistryStoredQuery"
                        dmpiFaults.add(f.path("operation").asText(), fault, f.path("times").asInt(1));
                    } else {
                        engine.faults().add(f.path("path").asText(".*"), fault, f.path("times").asInt(1));
                    }
                    return ok(Json.object().put("added", true));
                }
                case "POST /vihf" -> {
                    byte[] assertion = minter.apply(Json.parse(HttpIo.readBody(ex, engine.maxBodyBytes())));
                    return new FhirRouter.Reply(200, "application/samlassertion+xml", assertion, Map.of());
                }
                case "DELETE /faults" -> {
                    engine.faults().clear();
                    if (dmpiFaults != null) {
                        dmpiFaults.clear();
                    }
                    return ok(Json.object().put("cleared", true));
                }
                default -> throw FhirException.of(404, "not-found", "UNKNOWN_ADMIN_PATH", "unknown admin path", "");
            }
        } catch (IllegalArgumentException e) {
            throw FhirException.of(400, "invalid", "INVALID_ADMIN_REQUEST", e.getMessage(), "");
        }
    }

    private static FhirRouter.Reply ok(JsonNode body) {
        return new FhirRouter.Reply(200, "application/json", Json.bytes(body), Map.of());
    }
}
