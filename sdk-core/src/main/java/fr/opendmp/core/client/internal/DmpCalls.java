package fr.opendmp.core.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import fr.opendmp.core.access.AccessContext;
import fr.opendmp.core.client.CredentialsUnavailableException;
import fr.opendmp.core.client.DmpException;
import fr.opendmp.core.credentials.CredentialRequest;
import fr.opendmp.core.credentials.CredentialsException;
import fr.opendmp.core.ins.Ins;
import fr.opendmp.core.transport.fhir.FhirJson;
import fr.opendmp.core.transport.http.HttpCall;
import fr.opendmp.core.transport.http.HttpExchange;
import fr.opendmp.core.transport.http.HttpResult;
import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a DMP operation into an HTTP call: URL against the endpoint, credential headers for the
 * patient and access mode, Accept/Content-Type, error mapping. Not API. Thread-safe.
 */
public final class DmpCalls {
    private static final Logger LOG = LoggerFactory.getLogger(DmpCalls.class);

    private final ClientConfig config;
    private final HttpExchange exchange;
    private final String base;
    private final AtomicBoolean warnedProductionOid = new AtomicBoolean();

    /**
     * @param config the client's settings
     * @param exchange the transport
     */
    public DmpCalls(ClientConfig config, HttpExchange exchange) {
        this.config = config;
        this.exchange = exchange;
        String b = config.endpoint().toString();
        this.base = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    }

    /** @return the settings */
    public ClientConfig config() {
        return config;
    }

    /** @return the transport */
    public HttpExchange exchange() {
        return exchange;
    }

    /**
     * Resolves a server URL (relative to the base, or absolute on the same origin). Credentials are
     * never sent to another origin.
     */
    public URI resolve(String url) {
        URI uri;
        try {
            uri = url.isEmpty() ? URI.create(base) : url.startsWith("http://") || url.startsWith("https://")
                    ? URI.create(url) : URI.create(base + "/" + (url.startsWith("/") ? url.substring(1) : url));
        } catch (IllegalArgumentException e) {
            throw Errors.invalid("the DMP gave a link that is not a valid URL",
                    "report it to the DMP support with the request id of the answer that carried it");
        }
        URI endpoint = config.endpoint();
        if (uri.getScheme() == null || uri.getHost() == null
                || !uri.getScheme().equalsIgnoreCase(endpoint.getScheme())
                || !uri.getHost().equalsIgnoreCase(endpoint.getHost()) || uri.getPort() != endpoint.getPort()) {
            throw Errors.invalid("refusing to follow a DMP link to another origin (" + uri.getScheme() + "://"
                    + uri.getHost() + ")", "the DMP's links must stay on the configured endpoint; credentials are"
                    + " never sent elsewhere");
        }
        return uri;
    }

    /**
     * Builds and sends a call; a non-2xx answer becomes the typed exception.
     *
     * @param operation the operation's name for messages
     * @param method HTTP method
     * @param uri the URI
     * @param ins the patient (for the credential)
     * @param access the access mode (for the credential)
     * @param body the body, if any
     * @param contentType the body's type
     * @param accept the Accept header
     * @param idempotent whether the transport may retry it
     * @param maxBytes the answer's size limit
     * @return the 2xx answer
     */
    public HttpResult call(String operation, String method, URI uri, Ins ins, AccessContext access,
            Optional<byte[]> body, String contentType, String accept, boolean idempotent, long maxBytes) {
        HttpCall call = httpCall(method, uri, ins, access, body, contentType, accept, idempotent, maxBytes);
        HttpResult result = exchange.send(call);
        if (!result.ok()) {
            throw Errors.from(operation, result);
        }
        return result;
    }

    /** @return the HTTP call for these parameters (credential headers included) */
    public HttpCall httpCall(String method, URI uri, Ins ins, AccessContext access, Optional<byte[]> body,
            String contentType, String accept, boolean idempotent, long maxBytes) {
        checkOid(ins);
        Map<String, List<String>> headers;
        try {
            headers = new HashMap<>(config.credentials().headers(CredentialRequest.dmp(ins, access)));
        } catch (CredentialsException e) {
            throw new CredentialsUnavailableException(e);
        }
        headers.put("Accept", List.of(accept));
        body.ifPresent(b -> headers.put("Content-Type", List.of(contentType)));
        return new HttpCall(method, uri, headers, body, idempotent, maxBytes);
    }

    /**
     * Refuses, before any call, an INS whose OID the client's policy does not let through.
     *
     * @param ins the patient's INS
     */
    public void checkOid(Ins ins) {
        if (!config.insOidPolicy().allows(ins)) {
            throw Errors.invalid("the patient's INS has the " + ins.oid() + " OID (a fictitious patient) and this"
                    + " client is configured for production",
                    "fictitious test or demonstration patients never reach a real DMP; against a test platform or"
                            + " the fake DMP, build the client with insOidPolicy(InsOidPolicy.TEST)");
        }
        if (config.insOidPolicy().isUnexpected(ins) && warnedProductionOid.compareAndSet(false, true)) {
            LOG.warn("a production INS OID ({}) was sent by a client configured for a test platform", ins.oid());
        }
    }

    /** GET a FHIR JSON resource (idempotent, retried). */
    public JsonNode getJson(String operation, URI uri, Ins ins, AccessContext access) {
        HttpResult r = call(operation, "GET", uri, ins, access, Optional.empty(), "", FhirJson.FHIR_JSON, true,
                config.maxResponseBytes());
        return json(r);
    }

    /** @return the JSON body of an answer */
    public static JsonNode json(HttpResult result) {
        try {
            JsonNode node = FhirJson.MAPPER.readTree(result.body());
            if (node == null || !node.isObject()) {
                throw Errors.malformed("the DMP answered with an empty or non-object JSON body", result, null);
            }
            return node;
        } catch (IOException e) {
            throw Errors.malformed("the DMP's answer is not valid JSON (malformed or truncated)", result, e);
        }
    }

    /** Re-throws a parsing failure of an answer with its request id. */
    public static DmpException withRequestId(DmpException e, HttpResult result) {
        if (e.requestId().isPresent()) {
            return e;
        }
        return Errors.malformed(e.getMessage(), result, e);
    }
}
