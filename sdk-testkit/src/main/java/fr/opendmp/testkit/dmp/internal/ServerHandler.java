package fr.opendmp.testkit.dmp.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import fr.opendmp.testkit.dmp.Fault;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single HTTP handler: faults, routing to {@code /fhir} or {@code /admin}, errors, one log line per
 * request. Whatever a request does, the handler answers an OperationOutcome (or, for an injected
 * fault, drops the connection on purpose): no exception or error escapes to the JDK server.
 */
public final class ServerHandler implements HttpHandler {
    /** Longest request URI (path and query) the fake serves; longer → 414. */
    public static final int MAX_URI_CHARS = 16 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger("fr.opendmp.testkit.dmp.FakeDmp");

    private final Engine engine;
    private final FhirRouter fhir;
    private final AdminApi admin;
    private final Supplier<String> base;

    private final Optional<fr.opendmp.testkit.dmp.internal.dmpi.DmpiRouter> dmpi;

    /** Creates the handler; {@code base} gives the FHIR base URL. */
    public ServerHandler(Engine engine, AdminApi admin, Supplier<String> base) {
        this(engine, admin, base, Optional.empty());
    }

    /** Creates the handler serving FHIR, the admin API and, if given, DMPi. */
    public ServerHandler(Engine engine, AdminApi admin, Supplier<String> base,
            Optional<fr.opendmp.testkit.dmp.internal.dmpi.DmpiRouter> dmpi) {
        this.engine = engine;
        this.fhir = new FhirRouter(engine);
        this.admin = admin;
        this.base = base;
        this.dmpi = dmpi;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        long start = System.nanoTime();
        boolean tooLong = ex.getRequestURI().toString().length() > MAX_URI_CHARS;
        String rawPath = ex.getRequestURI().getRawPath();
        String path = tooLong ? "(too long)" : rawPath == null ? "" : rawPath;
        String query = tooLong ? null : ex.getRequestURI().getRawQuery();
        int status = 500;
        try {
            FhirRouter.Reply reply;
            Duration slow = Duration.ZERO;
            Optional<Fault> fault = Optional.empty();
            try {
                if (tooLong) {
                    throw FhirException.of(414, "too-costly", "URI_TOO_LONG",
                            "the request URI exceeds " + MAX_URI_CHARS + " characters", "");
                }
                String dmpiBase = fr.opendmp.testkit.dmp.internal.dmpi.DmpiRouter.BASE;
                if (dmpi.isPresent() && (path.equals(dmpiBase) || path.startsWith(dmpiBase + "/"))) {
                    var handled = dmpi.get().handle(ex, path.substring(dmpiBase.length()));
                    reply = handled.reply();
                    fault = handled.fault();
                    slow = handled.slow();
                } else if (path.startsWith("/admin/") || path.equals("/admin")) {
                    reply = admin.handle(ex, path.substring("/admin".length()));
                } else {
                    fault = engine.faults().take(path);
                    slow = FhirRouter.applyFault(fault);
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
            } catch (RuntimeException | Error e) {
                // an Error too (StackOverflowError, OutOfMemoryError): answer, and keep the server's threads alive
                LOG.warn("fake DMP internal error on {} {}: {}", ex.getRequestMethod(), LogMasking.mask(path),
                        e.getClass().getSimpleName());
                reply = FhirRouter.Reply.json(500, Outcomes.of(List.of(Issue.error("exception", "INTERNAL_ERROR",
                        "internal error of the fake: " + e.getClass().getSimpleName(), ""))), Map.of());
            }
            status = reply.status();
            if (fault.isPresent() && afterHandling(ex, fault.get(), reply)) {
                status = 0;
                throw new FhirRouter.DropConnection();
            }
            HttpIo.send(ex, reply.status(), reply.contentType(), reply.body(), reply.headers(), slow);
        } finally {
            long ms = (System.nanoTime() - start) / 1_000_000;
            LOG.info("{} {} {} {}ms", ex.getRequestMethod(),
                    LogMasking.mask(path + (query == null ? "" : "?" + query)), status, ms);
        }
    }

    /**
     * Applies a fault that acts once the request is handled (a deposit is stored, the history written):
     * {@link Fault.Kind#DROP_AFTER_HANDLING} sends nothing, {@link Fault.Kind#CUT_AFTER_HANDLING} sends
     * the status, the headers and half the body.
     *
     * @return whether the connection must now be dropped
     */
    private static boolean afterHandling(HttpExchange ex, Fault fault, FhirRouter.Reply reply) throws IOException {
        switch (fault.kind()) {
            case DROP_AFTER_HANDLING -> {
                return true;
            }
            case CUT_AFTER_HANDLING -> {
                byte[] body = reply.body() == null ? new byte[0] : reply.body();
                reply.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
                if (reply.contentType() != null) {
                    ex.getResponseHeaders().set("Content-Type", reply.contentType());
                }
                ex.sendResponseHeaders(reply.status(), Math.max(body.length, 2));
                OutputStream out = ex.getResponseBody();
                out.write(body, 0, body.length / 2);
                out.flush();
                return true;
            }
            default -> {
                return false;
            }
        }
    }
}
