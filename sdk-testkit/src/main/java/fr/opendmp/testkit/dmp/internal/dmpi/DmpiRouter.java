package fr.opendmp.testkit.dmp.internal.dmpi;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsExchange;
import fr.opendmp.testkit.dmp.AccessEvent;
import fr.opendmp.testkit.dmp.FakeProfessional;
import fr.opendmp.testkit.dmp.Fault;
import fr.opendmp.testkit.dmp.Validation;
import fr.opendmp.testkit.dmp.internal.Caller;
import fr.opendmp.testkit.dmp.internal.Engine;
import fr.opendmp.testkit.dmp.internal.Faults;
import fr.opendmp.testkit.dmp.internal.FhirException;
import fr.opendmp.testkit.dmp.internal.FhirRouter;
import fr.opendmp.testkit.dmp.internal.FhirRouter.Reply;
import fr.opendmp.testkit.dmp.internal.HttpIo;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Routes {@code /si-dmp-server/v2/services[/<service>]} SOAP 1.2 requests on their WS-Addressing Action,
 * checks the envelope, the WS-A headers and the VIHF of {@code wsse:Security}, runs the operation on the
 * one store and records every call in the access history (action = TD name).
 */
public final class DmpiRouter {
    /** The DMPi base path. */
    public static final String BASE = "/si-dmp-server/v2/services";

    /** One DMPi operation. */
    private record Op(String td, String service, String ns, String root, String responseAction, boolean patient) {
    }

    private static final Map<String, Op> OPS = Map.ofEntries(
            Map.entry("urn:hl7-org:v3:PRPA_IN201307UV02",
                    new Op("TD0.2", "patients", Ns.HL7, "PRPA_IN201307UV02", "urn:hl7-org:v3:PRPA_IN201308UV02", true)),
            Map.entry("urn:si-dmp-habilitations:HabilitationsEndPoint:setAuthorization",
                    new Op("TD0.3", "habilitations", Ns.HAB, "setAuthorization",
                            "urn:si-dmp-habilitations:HabilitationsEndPoint:setAuthorizationResponse", true)),
            Map.entry("urn:hl7-org:v3:setAuthorization",
                    new Op("TD0.3", "habilitations", Ns.HAB, "setAuthorization",
                            "urn:si-dmp-habilitations:HabilitationsEndPoint:setAuthorizationResponse", true)),
            Map.entry("urn:si-dmp-habilitations:HabilitationsEndPoint:listAuthorizationByPatient",
                    new Op("TD1.6", "habilitations", Ns.HAB, "listAuthorizationByPatient",
                            "urn:si-dmp-habilitations:HabilitationsEndPoint:listAuthorizationByPatientResponse", true)),
            Map.entry("urn:hl7-org:v3:listAuthorizationByPatient",
                    new Op("TD1.6", "habilitations", Ns.HAB, "listAuthorizationByPatient",
                            "urn:si-dmp-habilitations:HabilitationsEndPoint:listAuthorizationByPatientResponse", true)),
            Map.entry("urn:si-dmp-patients:PatientSpecificEndPoint:patientList",
                    new Op("TD0.4", "patientsSpecific", Ns.PAT, "patientList",
                            "urn:si-dmp-patients:PatientSpecificEndPoint:patientListResponse", false)),
            Map.entry("urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-b",
                    new Op("TD2.1", "repository", Ns.XDS, "ProvideAndRegisterDocumentSetRequest",
                            "urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-bResponse", true)),
            Map.entry("urn:ihe:iti:2007:RegistryStoredQuery",
                    new Op("TD3.1", "registry", Ns.QUERY, "AdhocQueryRequest",
                            "urn:ihe:iti:2007:RegistryStoredQueryResponse", true)),
            Map.entry("urn:ihe:iti:2007:RetrieveDocumentSet",
                    new Op("TD3.2", "repository", Ns.XDS, "RetrieveDocumentSetRequest",
                            "urn:ihe:iti:2007:RetrieveDocumentSetResponse", true)),
            Map.entry("urn:ihe:iti:2010:UpdateDocumentSet",
                    new Op("TD3.3", "registry", Ns.LCM, "SubmitObjectsRequest",
                            "urn:ihe:iti:2010:UpdateDocumentSet-Response", true)));

    private static final List<String> SERVICES = List.of("patients", "habilitations", "patientsSpecific", "registry",
            "repository");

    private static final Caller UNAUTHENTICATED = new Caller(FakeProfessional.of("UNAUTHENTICATED", "", "", "",
            "10", "", "", "INDIRECTE_RENFORCEE"), fr.opendmp.core.access.AccessMode.NORMAL, Optional.empty(),
            Optional.empty());

    private final Engine engine;
    private final DmpiSettings settings;
    private final Faults faults;
    private final PatientOps patients;
    private final Iti41 iti41;
    private final XdsRegistry registry;

    /** Creates the router; {@code faults} are matched against {@code "<TD> <Action>"}. */
    public DmpiRouter(Engine engine, DmpiSettings settings, Faults faults) {
        this.engine = engine;
        this.settings = settings;
        this.faults = faults;
        this.patients = new PatientOps(engine);
        this.iti41 = new Iti41(engine, settings);
        this.registry = new XdsRegistry(engine, settings);
    }

    /** What one call did, for the history. */
    private static final class Trace {
        Caller caller;
        Optional<String> patient = Optional.empty();
        String action = "DMPI";
        List<String> rules = new ArrayList<>();
        int status;
        Optional<Fault> fault = Optional.empty();
        Duration slow = Duration.ZERO;
    }

    /** A handled call: the answer, the fault to apply after handling (if any), the slow-body pause. */
    public record Handled(Reply reply, Optional<Fault> fault, Duration slow) {
    }

    /**
     * @param ex the exchange
     * @param rel the path after {@link #BASE} ("" or {@code /<service>})
     * @return the answer
     */
    public Handled handle(HttpExchange ex, String rel) throws IOException {
        Trace t = new Trace();
        Reply reply;
        String relatesTo = null;
        boolean mtomFault = false;
        try {
            String service = service(rel);
            if (!"POST".equals(ex.getRequestMethod())) {
                throw SoapFault.sender("METHOD_NOT_ALLOWED", "DMPi services accept POST only");
            }
            byte[] body = HttpIo.readBody(ex, engine.maxBodyBytes());
            SoapMessage msg = SoapMessage.read(body, ex.getRequestHeaders().getFirst("Content-Type"));
            if (msg.soap11() && settings.validation() == Validation.STRICT) {
                throw new SoapFault("VersionMismatch", null, null, "SOAP_VERSION", "SOAP 1.2 only (STRICT)");
            }
            Element header = msg.header().orElse(null);
            String action = header == null ? "" : Xml.text(Xml.child(header, Ns.WSA, "Action"));
            relatesTo = header == null ? null : Xml.text(Xml.child(header, Ns.WSA, "MessageID"));
            if (action.isEmpty() || relatesTo == null || relatesTo.isEmpty()) {
                throw SoapFault.addressing("MessageAddressingHeaderRequired",
                        "A required header representing a Message Addressing Property is not present");
            }
            checkHeaders(header, msg.soapNs());
            Op op = OPS.get(action);
            if (op == null) {
                throw SoapFault.addressing("ActionNotSupported", "unknown wsa:Action " + action);
            }
            t.action = op.td();
            mtomFault = "TD3.2".equals(op.td());
            if (settings.strictServicePath() && service != null && !service.equals(op.service())) {
                throw SoapFault.addressing("ActionNotSupported", "this Action belongs to the " + op.service() + " service");
            }
            Element root = msg.bodyRoot();
            if (!Xml.is(root, op.ns(), op.root())) {
                throw SoapFault.sender("ACTION_MISMATCH", "the Body root does not match the wsa:Action");
            }
            t.fault = faults.take(op.td() + " " + action);
            t.slow = applyFault(t.fault);
            Optional<byte[]> assertion = assertion(header);
            try {
                t.caller = engine.callers().readSoap(assertion, clientCertificate(ex), op.patient());
            } catch (FhirException e) {
                t.caller = UNAUTHENTICATED;
                throw e;
            }
            reply = dispatch(op, root, msg, t, relatesTo);
        } catch (SoapFault f) {
            t.rules.add(f.ruleId());
            reply = withRetryAfter(fault(f, relatesTo, mtomFault), t.fault);
        } catch (FhirException e) {
            String rule = e.issues().isEmpty() ? "REFUSED" : e.issues().get(0).ruleId();
            String text = e.issues().isEmpty() ? "refused" : e.issues().get(0).diagnostics();
            t.rules.add(rule);
            SoapFault f = "VIHF_CERT_USAGE".equals(rule)
                    // the DMP's own answer to a VIHF signed with an authentication (TLS) certificate
                    ? new SoapFault("Sender", Ns.SOAP12, "DMPInvalidCertificate", "DMPInvalidCertificate",
                            "Le certificat ayant signé le VIHF est invalide : Not a valid signature certificate")
                    : SoapFault.sender(rule, text);
            reply = fault(f, relatesTo, mtomFault);
            t.status = e.status();
        }
        if (t.caller != null) {
            int recorded = t.status != 0 ? t.status : reply.status();
            engine.store().record(new AccessEvent(engine.clock().instant(), t.caller.id(), t.patient, t.action,
                    t.caller.mode(), t.caller.reason(), recorded, t.rules));
        }
        return new Handled(reply, t.fault, t.slow);
    }

    /** An injected status fault carries its Retry-After, as on FHIR. */
    private static Reply withRetryAfter(Reply reply, Optional<Fault> fault) {
        if (fault.isEmpty() || fault.get().kind() != Fault.Kind.STATUS || fault.get().delay().isZero()) {
            return reply;
        }
        Map<String, String> headers = new java.util.HashMap<>(reply.headers());
        headers.put("Retry-After", Long.toString(Math.max(1, fault.get().delay().toSeconds())));
        return new Reply(reply.status(), reply.contentType(), reply.body(), headers);
    }

    private Reply fault(SoapFault f, String relatesTo, boolean mtom) {
        int status = f.httpStatus() != 0 ? f.httpStatus() : "Receiver".equals(f.code()) ? 500 : settings.senderFaultStatus();
        if (mtom) {
            return SoapWriter.mtom(status, SoapWriter.FAULT_ACTION, relatesTo, SoapWriter.faultXml(f), List.of());
        }
        return SoapWriter.fault(status, f, relatesTo);
    }

    private Reply dispatch(Op op, Element root, SoapMessage msg, Trace t, String relatesTo) {
        Caller caller = t.caller;
        switch (op.td()) {
            case "TD0.2" -> {
                PatientOps.Hl7Query q = null;
                try {
                    q = PatientOps.hl7Query(root);
                    t.action = "CNSLT_DATA".equals(q.reason()) ? "TD1.3a" : "TD0.2";
                    t.patient = Optional.of(q.ins());
                    return SoapWriter.plain(200, op.responseAction(), relatesTo, patients.td02(q, caller));
                } catch (PatientOps.Hl7Error e) {
                    t.rules.add(e.ruleId);
                    t.status = 400;
                    return SoapWriter.plain(200, op.responseAction(), relatesTo, PatientOps.hl7Error(q, e.ruleId, e.getMessage()));
                } catch (FhirException e) {
                    String rule = e.issues().get(0).ruleId();
                    t.rules.add(rule);
                    t.status = e.status();
                    return SoapWriter.plain(200, op.responseAction(), relatesTo,
                            PatientOps.hl7Error(q, rule, e.issues().get(0).diagnostics()));
                }
            }
            case "TD0.3", "TD1.6", "TD0.4" -> {
                String prefix = "TD0.4".equals(op.td()) ? "pat" : "hab";
                String ns = "TD0.4".equals(op.td()) ? Ns.PAT : Ns.HAB;
                String out;
                try {
                    Optional<String> ins = caller.patientIns();
                    t.patient = "TD0.4".equals(op.td()) ? Optional.empty() : ins;
                    if (!"TD0.4".equals(op.td()) && ins.isEmpty()) {
                        throw new PatientOps.WsError("VIHF_NO_PATIENT", "the VIHF names no patient (resource-id)");
                    }
                    out = switch (op.td()) {
                        case "TD0.3" -> patients.td03(root, caller, ins.get());
                        case "TD1.6" -> patients.td16(root, caller, ins.get());
                        default -> patients.td04(root, caller);
                    };
                } catch (PatientOps.WsError e) {
                    t.rules.add(e.ruleId);
                    t.status = 403;
                    out = ko(prefix, e.ruleId, e.getMessage());
                } catch (FhirException e) {
                    t.rules.add(e.issues().get(0).ruleId());
                    t.status = e.status();
                    out = ko(prefix, e.issues().get(0).ruleId(), e.issues().get(0).diagnostics());
                }
                String body = "<" + prefix + ":" + op.root() + "Response xmlns:" + prefix + "=\"" + ns + "\"><" + prefix
                        + ":output>" + out + "</" + prefix + ":output></" + prefix + ":" + op.root() + "Response>";
                return SoapWriter.plain(200, op.responseAction(), relatesTo, body);
            }
            case "TD2.1" -> {
                t.patient = Iti41.patientOf(root);
                try {
                    Iti41.Result r = iti41.handle(root, msg, caller);
                    t.patient = Optional.of(r.ins());
                    t.action = r.replacement() ? "TD2.1b" : "TD2.1";
                    r.warnings().forEach(w -> t.rules.add(w.ruleId()));
                    return SoapWriter.plain(200, op.responseAction(), relatesTo, RegistryErrors.registryResponse(r.warnings()));
                } catch (RegistryErrors.Failure f) {
                    return registryFailure(op, relatesTo, f, t);
                }
            }
            case "TD3.1" -> {
                boolean[] td31b = new boolean[1];
                try {
                    XdsRegistry.QueryResult r = registry.query(root, caller, td31b);
                    t.patient = r.ins();
                    t.action = td31b[0] ? "TD3.1b" : "TD3.1a";
                    return SoapWriter.plain(200, op.responseAction(), relatesTo, r.body());
                } catch (RegistryErrors.Failure f) {
                    f.errors.forEach(e -> t.rules.add(e.ruleId()));
                    t.status = 400;
                    String body = "<query:AdhocQueryResponse xmlns:query=\"" + Ns.QUERY + "\" xmlns:rs=\"" + Ns.RS
                            + "\" status=\"" + Ns.FAILURE + "\">" + RegistryErrors.xml(f.errors) + "</query:AdhocQueryResponse>";
                    return SoapWriter.plain(200, op.responseAction(), relatesTo, body);
                }
            }
            case "TD3.2" -> {
                RegistryErrors errs = new RegistryErrors();
                List<XdsRegistry.Retrieved> docs = registry.retrieve(root, caller, errs);
                docs.stream().findFirst().ifPresent(d -> t.patient = Optional.of(d.ins()));
                if (t.patient.isEmpty()) {
                    t.patient = caller.patientIns();
                }
                errs.list.forEach(e -> t.rules.add(e.ruleId()));
                if (docs.isEmpty()) {
                    t.status = 404;
                }
                String status = errs.list.isEmpty() ? Ns.SUCCESS : docs.isEmpty() ? Ns.FAILURE : Ns.PARTIAL;
                StringBuilder b = new StringBuilder("<xds:RetrieveDocumentSetResponse xmlns:xds=\"").append(Ns.XDS)
                        .append("\" xmlns:xop=\"").append(Ns.XOP).append("\"><rs:RegistryResponse xmlns:rs=\"").append(Ns.RS)
                        .append("\" status=\"").append(status).append("\">").append(RegistryErrors.xml(errs.list))
                        .append("</rs:RegistryResponse>");
                List<SoapWriter.Attachment> parts = new ArrayList<>();
                int n = 0;
                String base = java.util.UUID.randomUUID().toString();
                for (XdsRegistry.Retrieved d : docs) {
                    String cid = base + "-" + (++n) + "@urn:ihe:iti:xds-b:2007";
                    b.append("<xds:DocumentResponse><xds:RepositoryUniqueId>").append(Xml.esc(settings.repositoryUniqueId()))
                            .append("</xds:RepositoryUniqueId><xds:DocumentUniqueId>").append(Xml.esc(d.uniqueId()))
                            .append("</xds:DocumentUniqueId><xds:mimeType>").append(Xml.esc(d.mimeType()))
                            .append("</xds:mimeType><xds:Document><xop:Include href=\"cid:")
                            .append(java.net.URLEncoder.encode(cid, StandardCharsets.UTF_8).replace("%40", "@"))
                            .append("\"/></xds:Document></xds:DocumentResponse>");
                    parts.add(new SoapWriter.Attachment(cid, d.mimeType(), d.bytes()));
                }
                b.append("</xds:RetrieveDocumentSetResponse>");
                return SoapWriter.mtom(200, op.responseAction(), relatesTo, b.toString(), parts);
            }
            case "TD3.3" -> {
                try {
                    XdsRegistry.Update u = registry.update(root, caller);
                    t.patient = Optional.of(u.ins());
                    t.action = u.action();
                    return SoapWriter.plain(200, op.responseAction(), relatesTo, RegistryErrors.registryResponse(List.of()));
                } catch (RegistryErrors.Failure f) {
                    if (t.patient.isEmpty()) {
                        t.patient = caller.patientIns();
                    }
                    return registryFailure(op, relatesTo, f, t);
                }
            }
            default -> throw SoapFault.addressing("ActionNotSupported", "unsupported operation");
        }
    }

    private static Reply registryFailure(Op op, String relatesTo, RegistryErrors.Failure f, Trace t) {
        f.errors.forEach(e -> t.rules.add(e.ruleId()));
        t.status = 422;
        return SoapWriter.plain(200, op.responseAction(), relatesTo, RegistryErrors.registryResponse(f.errors));
    }

    private static String ko(String prefix, String rule, String text) {
        return "<" + prefix + ":status>DMPKo</" + prefix + ":status><" + prefix + ":context>" + Xml.esc(rule + ": " + text)
                + "</" + prefix + ":context>";
    }

    /** @return the service key of the path, null for the bare base */
    private String service(String rel) {
        if (rel.isEmpty() || "/".equals(rel)) {
            return null;
        }
        String name = rel.substring(1);
        if (SERVICES.contains(name)) {
            return name;
        }
        String aliased = settings.aliases().get(name);
        if (aliased != null) {
            return aliased;
        }
        throw new SoapFault("Sender", Ns.FAKE_ERROR, "NOT_FOUND", "NOT_FOUND", "unknown DMPi service path " + name);
    }

    private static void checkHeaders(Element header, String soapNs) {
        for (Element h : Xml.children(header)) {
            String mu = h.getAttributeNS(soapNs, "mustUnderstand");
            boolean must = "1".equals(mu) || "true".equals(mu);
            boolean known = Ns.WSA.equals(h.getNamespaceURI()) || Xml.is(h, Ns.WSSE, "Security");
            if (must && !known) {
                throw new SoapFault("MustUnderstand", null, null, "MUST_UNDERSTAND",
                        "header " + h.getLocalName() + " is not understood");
            }
            if (Xml.is(h, Ns.WSA, "ReplyTo")) {
                String address = Xml.text(Xml.child(h, Ns.WSA, "Address"));
                if (!address.isEmpty() && !Ns.ANONYMOUS.equals(address)) {
                    throw SoapFault.addressing("OnlyAnonymousAddressSupported", "wsa:ReplyTo must be anonymous");
                }
            }
        }
    }

    private static Duration applyFault(Optional<Fault> fault) {
        if (fault.isPresent() && fault.get().kind() == Fault.Kind.STATUS) {
            throw new SoapFault("Receiver", Ns.FAKE_ERROR, "INJECTED_FAULT", "INJECTED_FAULT", "fault injected by the test",
                    fault.get().status());
        }
        return FhirRouter.applyFault(fault);
    }

    /** Looked up once: the JAXP lookup on every request cost more than copying the assertion. */
    private static final javax.xml.parsers.DocumentBuilderFactory DOCUMENTS =
            javax.xml.parsers.DocumentBuilderFactory.newInstance();

    /** One serialiser per handler thread (a Transformer is not thread-safe, but reusable on its thread). */
    private static final ThreadLocal<Transformer> SERIALIZER = ThreadLocal.withInitial(() -> {
        try {
            Transformer tr = TransformerFactory.newInstance().newTransformer();
            tr.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            return tr;
        } catch (javax.xml.transform.TransformerConfigurationException e) {
            throw new IllegalStateException("no XML serialiser", e);
        }
    });

    /** @return the single assertion of {@code wsse:Security}, serialized with its in-scope namespaces */
    private static Optional<byte[]> assertion(Element header) {
        if (header == null) {
            return Optional.empty();
        }
        Optional<Element> security = Xml.child(header, Ns.WSSE, "Security");
        if (security.isEmpty()) {
            return Optional.empty();
        }
        List<Element> assertions = Xml.children(security.get(), Ns.SAML, "Assertion");
        if (assertions.isEmpty()) {
            return Optional.empty();
        }
        if (assertions.size() != 1) {
            throw SoapFault.sender("VIHF_MALFORMED", "wsse:Security must hold exactly one saml2:Assertion");
        }
        try {
            Document doc = DOCUMENTS.newDocumentBuilder().newDocument();
            Element copy = (Element) doc.importNode(assertions.get(0), true);
            doc.appendChild(copy);
            for (Node n = assertions.get(0).getParentNode(); n instanceof Element e; n = n.getParentNode()) {
                NamedNodeMap attrs = e.getAttributes();
                for (int i = 0; i < attrs.getLength(); i++) {
                    Node a = attrs.item(i);
                    if ("http://www.w3.org/2000/xmlns/".equals(a.getNamespaceURI())
                            && !copy.hasAttributeNS("http://www.w3.org/2000/xmlns/", a.getLocalName())
                            && copy.lookupNamespaceURI("xmlns".equals(a.getLocalName()) ? null : a.getLocalName()) == null) {
                        copy.setAttributeNS(a.getNamespaceURI(), a.getNodeName(), a.getNodeValue());
                    }
                }
            }
            StringWriter w = new StringWriter();
            try {
                SERIALIZER.get().transform(new DOMSource(doc), new StreamResult(w));
            } catch (Exception e) {
                SERIALIZER.remove();
                throw e;
            }
            return Optional.of(w.toString().getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw SoapFault.sender("VIHF_MALFORMED", "the assertion cannot be read");
        }
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
}
