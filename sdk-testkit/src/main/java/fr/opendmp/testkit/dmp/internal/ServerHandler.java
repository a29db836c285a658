package fr.opendmp.testkit.dmp.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The single HTTP handler: faults, routing to {@code /fhir} or {@code /admin}, errors, one log line per request. */
public final class ServerHandler implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger("fr.opendmp.testkit.dmp.FakeDmp");

    private final Engine engine;
    private final FhirRouter fhir;
    private final AdminApi admin;
    private final Supplier<String> base;

    /** Creates the handler; {@code base} gives the FHIR base URL. */
    public ServerHandler(Engine engine, AdminApi admin, Supplier<String> base) {
        this.engine = engine;
        this.fhir = new FhirRouter(engine);
        this.admin = admin;
        this.base = base;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        long start = System.nanoTime();
        String path = ex.getRequestURI().getRawPath();
        String query = ex.getRequestURI().getRawQuery();
        int status = 500;
        try {
            FhirRouter.Reply reply;
            Duration slow = Duration.ZERO;
            try {
                if (path.startsWith("/admin/") || path.equals("/admin")) {
                    reply = admin.handle(ex, path.substring("/admin".length()));
                } else {
                    slow = FhirRouter.applyFault(engine.faults().take(path));
                    if (path.equals("/fhir") || path.startsWith("/fhir/")) {
                        reply = fhir.handle(ex, path.substring("/fhir".length()), base.get());
                    } else {
                        throw FhirException.of(404, "not-found", "NOT_FOUND", "the FHIR base is /fhir", "");
                    }
                }
            } catch (FhirException e) {
                reply = FhirRouter.Reply.json(e.status(), Outcomes.of(e.issues()), e.headers());
            } catch (FhirRouter.DropConnection e) {
                status = 0;
                throw e;
            } catch (RuntimeException e) {
                LOG.warn("fake DMP internal error on {} {}: {}", ex.getRequestMethod(), LogMasking.mask(path),
                        e.getClass().getSimpleName());
                reply = FhirRouter.Reply.json(500, Outcomes.of(List.of(Issue.error("exception", "INTERNAL_ERROR",
                        "internal error of the fake: " + e.getClass().getSimpleName(), ""))), Map.of());
            }
            status = reply.status();
            HttpIo.send(ex, reply.status(), reply.contentType(), reply.body(), reply.headers(), slow);
        } finally {
            long ms = (System.nanoTime() - start) / 1_000_000;
            LOG.info("{} {} {} {}ms", ex.getRequestMethod(),
                    LogMasking.mask(path + (query == null ? "" : "?" + query)), status, ms);
        }
    }
}
