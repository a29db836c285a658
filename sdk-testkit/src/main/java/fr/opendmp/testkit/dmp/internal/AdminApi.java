package fr.opendmp.testkit.dmp.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import fr.opendmp.testkit.dmp.AccessEvent;
import fr.opendmp.testkit.dmp.Fault;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;

/**
 * HTTP admin API under {@code /admin}: {@code POST /admin/reset}, {@code POST /admin/seed} (seed
 * JSON), {@code GET /admin/history}, {@code POST /admin/faults} ({@code {"path":"regex","kind":
 * "STATUS|LATENCY|DROP_CONNECTION|SLOW_BODY","status":503,"delayMillis":1000,"times":1}}),
 * {@code DELETE /admin/faults}.
 */
public final class AdminApi {
    private final Engine engine;
    private final Runnable reset;

    /** Creates the API; {@code reset} empties the fake. */
    public AdminApi(Engine engine, Runnable reset) {
        this.engine = engine;
        this.reset = reset;
    }

    /** Handles one admin request. */
    public FhirRouter.Reply handle(HttpExchange ex, String rel) throws IOException {
        String method = ex.getRequestMethod();
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
                    ObjectNode body = Json.object();
                    ArrayNode arr = body.putArray("events");
                    for (AccessEvent e : engine.store().history()) {
                        ObjectNode n = arr.addObject();
                        n.put("at", e.at().toString());
                        n.put("idNatPs", e.idNatPs());
                        e.patientIns().ifPresent(p -> n.put("patient", p));
                        n.put("action", e.action());
                        n.put("mode", e.mode().code());
                        e.reason().ifPresent(r -> n.put("reason", r));
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
                    engine.faults().add(f.path("path").asText(".*"), fault, f.path("times").asInt(1));
                    return ok(Json.object().put("added", true));
                }
                case "DELETE /faults" -> {
                    engine.faults().clear();
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
