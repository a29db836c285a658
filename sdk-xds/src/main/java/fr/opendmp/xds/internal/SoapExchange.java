package fr.opendmp.xds.internal;

import fr.opendmp.core.caller.Caller;
import fr.opendmp.core.credentials.CredentialRequest;
import fr.opendmp.core.error.CredentialsException;
import fr.opendmp.core.error.CredentialsUnavailableException;
import fr.opendmp.core.error.DmpException;
import fr.opendmp.core.ins.Ins;
import fr.opendmp.core.transport.TransportContext;
import fr.opendmp.core.transport.internal.http.HttpCall;
import fr.opendmp.core.transport.internal.http.HttpExchange;
import fr.opendmp.core.transport.internal.http.HttpResult;
import fr.opendmp.core.transport.internal.http.RequestBody;
import fr.opendmp.xds.XdsTransport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * One SOAP 1.2 exchange over the one HTTP exchange: the envelope (WS-Addressing, the VIHF in
 * {@code wsse:Security}), plain or MTOM, then the answer read whatever its status (plain or
 * multipart), its fault mapped, its Action, body root and RelatesTo checked. Not API. Thread-safe.
 */
public final class SoapExchange {

    private static final Logger LOG = LoggerFactory.getLogger(SoapExchange.class);
    private static final String SERVICE = "the DMP";

    private final XdsTransport transport;
    private final TransportContext context;
    private final HttpExchange exchange;
    private final XdsErrors errors;

    /**
     * @param transport the DMPi settings
     * @param context the client's resources
     * @param exchange the one HTTP exchange
     * @param errors the error mapping
     */
    public SoapExchange(XdsTransport transport, TransportContext context, HttpExchange exchange, XdsErrors errors) {
        this.transport = transport;
        this.context = context;
        this.exchange = exchange;
        this.errors = errors;
    }

    /**
     * A read answer.
     *
     * @param document the envelope's DOM
     * @param body the body's root element
     * @param parts the MTOM parts, if the answer was multipart
     * @param result the HTTP answer
     */
    public record Answer(Document document, Element body, Optional<Mtom.Answer> parts, HttpResult result) {
    }

    /**
     * The content of one request.
     *
     * @param body the body's root element, serialised
     * @param parts MTOM attachments (empty: plain SOAP)
     * @param rootId the MTOM root Content-ID
     */
    public record Content(byte[] body, List<Mtom.Part> parts, String rootId) {
        /** @return a plain SOAP body */
        public static Content plain(String body) {
            return new Content(body.getBytes(StandardCharsets.UTF_8), List.of(), "");
        }
    }

    /**
     * Sends the request, again while its error is retryable when {@code retry} (reads), each attempt
     * a new message with a fresh VIHF.
     *
     * @param action the operation
     * @param operation what is attempted, for messages
     * @param patient the patient the VIHF names, if any
     * @param caller the caller
     * @param content the body
     * @param idempotent whether sending twice is harmless (or made so by the caller)
     * @param retry whether to retry here
     * @param maxBytes the largest answer
     * @return the answer
     */
    public Answer call(Action action, String operation, Optional<Ins> patient, Caller caller, Content content,
            boolean idempotent, boolean retry, long maxBytes) {
        String requestId = UUID.randomUUID().toString();
        if (retry) {
            return exchange.retrier().run(() -> once(action, operation, patient, caller, content, idempotent,
                    maxBytes, requestId));
        }
        return once(action, operation, patient, caller, content, idempotent, maxBytes, requestId);
    }

    private Answer once(Action action, String operation, Optional<Ins> patient, Caller caller, Content content,
            boolean idempotent, long maxBytes, String requestId) {
        byte[] assertion;
        try {
            assertion = context.credentials().soapSecurity(new CredentialRequest(CredentialRequest.Service.DMP,
                    patient, caller)).orElseThrow(() -> new CredentialsException("the credentials provider makes no"
                            + " DMPi VIHF (CredentialsProvider.soapSecurity): give sdk-auth's"
                            + " AuthCredentialsProvider a soapVihf(issuer)"));
        } catch (CredentialsException e) {
            throw new CredentialsUnavailableException(e);
        }
        URI uri = transport.uri(action.service());
        String messageId = "urn:uuid:" + UUID.randomUUID();
        byte[] envelope = envelope(action.request(), messageId, uri, assertion, content.body());
        Map<String, List<String>> headers = new HashMap<>();
        headers.put("Accept", List.of("application/soap+xml, multipart/related"));
        byte[] body;
        if (content.parts().isEmpty()) {
            headers.put("Content-Type", List.of("application/soap+xml; charset=UTF-8; action=\"" + action.request()
                    + "\""));
            body = envelope;
        } else {
            Mtom.Request m = Mtom.write(action.request(), content.rootId(), envelope, content.parts());
            headers.put("Content-Type", List.of(m.contentType()));
            body = m.body();
        }
        if (transport.soapActionHeader() == XdsTransport.SoapActionHeader.ALSO_SEND) {
            headers.put("SOAPAction", List.of("\"" + action.request() + "\""));
        }
        HttpCall call = new HttpCall(SERVICE, "POST", uri, headers, Optional.of(RequestBody.of(body)), idempotent,
                maxBytes);
        HttpResult r = exchange.attempt(call, requestId);
        return read(action, operation, r, messageId, idempotent, maxBytes);
    }

    private Answer read(Action action, String operation, HttpResult r, String messageId, boolean idempotent,
            long maxBytes) {
        String ct = r.contentType().orElse("").toLowerCase(Locale.ROOT);
        boolean multipart = ct.startsWith("multipart/");
        boolean xml = ct.contains("xml");
        if (!multipart && !xml || r.body().length == 0) {
            throw errors.http(operation, r, idempotent);
        }
        Optional<Mtom.Answer> parts = Optional.empty();
        byte[] root = r.body();
        if (multipart) {
            try {
                Mtom.Answer a = Mtom.read(r.contentType().get(), r.body(), maxBytes);
                parts = Optional.of(a);
                root = a.root();
            } catch (IOException e) {
                throw XdsErrors.malformed(operation + ": the DMP's multipart answer could not be read", r, e);
            }
        }
        Document doc;
        try {
            doc = Xml.parse(root);
        } catch (SAXException e) {
            if (!r.ok()) {
                throw errors.http(operation, r, idempotent);
            }
            throw XdsErrors.malformed(operation + ": the DMP's answer is not well-formed XML (or has a DOCTYPE,"
                    + " or nests too deep)", r, e);
        }
        Element env = doc.getDocumentElement();
        String ns = env.getNamespaceURI();
        if (!"Envelope".equals(env.getLocalName()) || !(Ns.SOAP.equals(ns) || Ns.SOAP11.equals(ns))) {
            throw XdsErrors.malformed(operation + ": the DMP's answer is not a SOAP envelope", r, null);
        }
        Optional<Element> header = Xml.child(env, ns, "Header");
        Element bodyEl = Xml.child(env, ns, "Body").orElseThrow(() -> XdsErrors.malformed(operation
                + ": the DMP's SOAP answer has no Body", r, null));
        List<Element> content = Xml.elements(bodyEl);
        if (content.isEmpty()) {
            throw XdsErrors.malformed(operation + ": the DMP's SOAP Body is empty", r, null);
        }
        Element first = content.get(0);
        if ("Fault".equals(first.getLocalName()) && ns.equals(first.getNamespaceURI())) {
            throw errors.fault(operation, first, r, idempotent);
        }
        boolean expected = action.responseRoot().equals(first.getLocalName())
                && action.responseNs().equals(first.getNamespaceURI());
        if (!r.ok() && !expected) {
            throw errors.http(operation, r, idempotent);
        }
        if (!expected) {
            throw XdsErrors.malformed(operation + ": the DMP answered with " + first.getLocalName() + " instead of "
                    + action.responseRoot(), r, null);
        }
        Optional<String> act = header.flatMap(h -> Xml.child(h, Ns.WSA, "Action")).flatMap(Xml::text);
        if (act.isPresent() && !action.responses().contains(act.get()) && !act.get().contains(":Fault")) {
            throw XdsErrors.malformed(operation + ": the DMP's answer has the Action " + act.get(), r, null);
        }
        Optional<String> relates = header.flatMap(h -> Xml.child(h, Ns.WSA, "RelatesTo")).flatMap(Xml::text);
        if (transport.relatesTo() != XdsTransport.RelatesToCheck.OFF
                && (relates.isEmpty() || !relates.get().equals(messageId))) {
            if (transport.relatesTo() == XdsTransport.RelatesToCheck.STRICT) {
                throw XdsErrors.malformed(operation + ": the answer's RelatesTo is not the request's MessageID", r,
                        null);
            }
            LOG.warn("{}: the answer's wsa:RelatesTo is not the request's MessageID (request id {})", operation,
                    r.requestId());
        }
        return new Answer(doc, first, parts, r);
    }

    private byte[] envelope(String action, String messageId, URI to, byte[] assertion, byte[] body) {
        boolean qualified = transport.mustUnderstand() == XdsTransport.MustUnderstandStyle.QUALIFIED;
        String mu = qualified ? " soap:mustUnderstand=\"true\"" : " mustUnderstand=\"true\"";
        String toValue = transport.wsaTo() == XdsTransport.WsaTo.ENDPOINT_URL ? Xml.esc(to.toString()) : "";
        String head = "<soap:Envelope xmlns:soap=\"" + Ns.SOAP + "\" xmlns:wsa=\"" + Ns.WSA + "\"><soap:Header>"
                + "<wsa:Action" + mu + ">" + Xml.esc(action) + "</wsa:Action>"
                + "<wsa:MessageID>" + messageId + "</wsa:MessageID>"
                + "<wsa:To>" + toValue + "</wsa:To>"
                + "<wsa:ReplyTo" + mu + "><wsa:Address>" + Ns.ANONYMOUS + "</wsa:Address></wsa:ReplyTo>"
                + "<wsse:Security xmlns:wsse=\"" + Ns.WSSE + "\">";
        String middle = "</wsse:Security></soap:Header><soap:Body>";
        String tail = "</soap:Body></soap:Envelope>";
        ByteArrayOutputStream out = new ByteArrayOutputStream(head.length() + assertion.length + body.length + 128);
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(stripDeclaration(assertion));
        out.writeBytes(middle.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(body);
        out.writeBytes(tail.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static byte[] stripDeclaration(byte[] xml) {
        int i = 0;
        if (xml.length >= 3 && (xml[0] & 0xff) == 0xEF && (xml[1] & 0xff) == 0xBB && (xml[2] & 0xff) == 0xBF) {
            i = 3;
        }
        if (xml.length > i + 5 && xml[i] == '<' && xml[i + 1] == '?' && xml[i + 2] == 'x') {
            for (int j = i; j < xml.length - 1; j++) {
                if (xml[j] == '?' && xml[j + 1] == '>') {
                    i = j + 2;
                    break;
                }
            }
        }
        return i == 0 ? xml : java.util.Arrays.copyOfRange(xml, i, xml.length);
    }

    /** @return the context */
    public TransportContext context() {
        return context;
    }

}
