package fr.opendmp.xds.internal;

import fr.opendmp.core.error.AccessRefusal;
import fr.opendmp.core.error.AccessRefusedException;
import fr.opendmp.core.error.ConflictException;
import fr.opendmp.core.error.DmpException;
import fr.opendmp.core.error.DmpException.Details;
import fr.opendmp.core.error.IntegrityException;
import fr.opendmp.core.error.InvalidRequestException;
import fr.opendmp.core.error.MalformedResponseException;
import fr.opendmp.core.error.NotFoundException;
import fr.opendmp.core.error.OutcomeIssue;
import fr.opendmp.core.error.ServerErrorException;
import fr.opendmp.core.error.UnavailableException;
import fr.opendmp.core.transport.internal.http.HttpResult;
import fr.opendmp.core.transport.internal.http.RetryRule;
import fr.opendmp.xds.RefusalRecognizer;
import fr.opendmp.xds.RefusalRecognizer.Layer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * Maps DMPi failures (HTTP without SOAP, SOAP faults, HL7v3 acknowledgements, web-service statuses,
 * XDS RegistryErrors) onto the one error hierarchy, retryable per the one rule. Not API.
 */
public final class XdsErrors {

    private static final Map<AccessRefusal, String> REFUSAL_HINTS = Map.of(
            AccessRefusal.BLOCKED, "the patient blocked this professional; only bris de glace can reach the record,"
                    + " and it is traced",
            AccessRefusal.NO_AUTHORIZATION, "collect the patient's consent and record it (setAuthorization ADD), or"
                    + " use bris de glace / centre de régulation if the situation allows it",
            AccessRefusal.NOT_AUTHOR, "only the author of the document may do this",
            AccessRefusal.DMP_CLOSED, "the patient's DMP is closed: nothing can be deposited or read; check TD0.2",
            AccessRefusal.NOT_AUTHENTICATED, "the DMP did not accept the credentials: check the certificates (TLS"
                    + " authentication, VIHF signature key) and the VIHF's structure and professional",
            AccessRefusal.MODE_FORBIDDEN, "this access mode or profile may not do this (PDT-INF-526 rights matrix)",
            AccessRefusal.OTHER, "the DMP refused this access; check TD0.2 (authorization, blocking, access mode)");

    private final RefusalRecognizer refusals;

    /** @param refusals how access refusals are recognised */
    public XdsErrors(RefusalRecognizer refusals) {
        this.refusals = refusals;
    }

    /**
     * An HTTP answer without a SOAP body (wrong path, proxy error).
     *
     * @param operation what was attempted
     * @param r the answer
     * @param idempotent whether the call may be sent twice
     * @return the error
     */
    public DmpException http(String operation, HttpResult r, boolean idempotent) {
        int s = r.status();
        boolean retryable = RetryRule.forStatus(s, idempotent);
        String message = operation + ": HTTP " + s + " without a SOAP answer";
        if (s == 429 || s == 502 || s == 503 || s == 504) {
            return new UnavailableException(message, r.retryAfter().orElse(null),
                    details(retryable, "the DMP or a proxy is busy or unavailable: retry later", r, List.of()), null);
        }
        if (s == 401 || s == 403) {
            return new AccessRefusedException(message, AccessRefusal.NOT_AUTHENTICATED,
                    details(false, REFUSAL_HINTS.get(AccessRefusal.NOT_AUTHENTICATED), r, List.of()), null);
        }
        if (s >= 500) {
            return new ServerErrorException(message, details(retryable,
                    "the DMP failed; retry later and quote the request id if it persists", r, List.of()), null);
        }
        if (s >= 200 && s < 300) {
            return malformed(operation + ": the DMP answered HTTP " + s + " without a SOAP envelope", r, null);
        }
        return new InvalidRequestException(message, details(false, s == 404 || s == 405
                ? "check the DMPi endpoint and the service path (XdsTransport.servicePath, ServiceRouting)"
                : "the DMP refused the request", r, List.of()), null);
    }

    /**
     * A SOAP 1.2 (or 1.1) fault.
     *
     * @param operation what was attempted
     * @param fault the {@code Fault} element
     * @param r the answer
     * @param idempotent whether the call may be sent twice
     * @return the error
     */
    public DmpException fault(String operation, Element fault, HttpResult r, boolean idempotent) {
        String ns = fault.getNamespaceURI();
        String code;
        List<String> subcodes = new ArrayList<>();
        String reason;
        if (Ns.SOAP11.equals(ns)) {
            code = Xml.child(fault, "", "faultcode").flatMap(Xml::text).map(XdsErrors::local).orElse("Server");
            reason = Xml.child(fault, "", "faultstring").flatMap(Xml::text).orElse("");
            code = code.equals("Client") ? "Sender" : code.equals("Server") ? "Receiver" : code;
        } else {
            Optional<Element> c = Xml.child(fault, Ns.SOAP, "Code");
            code = c.flatMap(e -> Xml.child(e, Ns.SOAP, "Value")).flatMap(Xml::text).map(XdsErrors::local)
                    .orElse("Receiver");
            Optional<Element> sub = c.flatMap(e -> Xml.child(e, Ns.SOAP, "Subcode"));
            while (sub.isPresent()) {
                Xml.child(sub.get(), Ns.SOAP, "Value").flatMap(Xml::text).map(XdsErrors::local).ifPresent(subcodes::add);
                sub = Xml.child(sub.get(), Ns.SOAP, "Subcode");
            }
            reason = Xml.child(fault, Ns.SOAP, "Reason").flatMap(e -> Xml.child(e, Ns.SOAP, "Text"))
                    .flatMap(Xml::text).orElse("");
        }
        String main = subcodes.isEmpty() ? code : subcodes.get(subcodes.size() - 1);
        List<OutcomeIssue> issues = List.of(new OutcomeIssue("error", main, Optional.of(main), opt(reason),
                Optional.empty()));
        String message = operation + ": SOAP fault " + code + (subcodes.isEmpty() ? "" : "/" + String.join("/",
                subcodes));
        List<String> codes = new ArrayList<>(subcodes);
        codes.add(code);
        Optional<AccessRefusal> refusal = refusals.recognize(Layer.SOAP_FAULT, codes, reason);
        if (refusal.isPresent()) {
            return refused(message, refusal.get(), reason, r, issues);
        }
        // 429 and 503 say the request was not processed, whatever fault the body carries: one retry rule
        if (r.status() == 429 || r.status() == 503
                || codes.stream().anyMatch(s -> s.endsWith("Busy") || s.contains("OutOfResources"))) {
            return new UnavailableException(message, r.retryAfter().orElse(null),
                    details(true, "the DMP is busy: retry later", r, issues), null);
        }
        if ("Receiver".equals(code)) {
            return new ServerErrorException(message, details(idempotent,
                    "the DMP failed; retry later and quote the request id if it persists", r, issues), null);
        }
        String hint = switch (code) {
            case "VersionMismatch" -> "the DMP expects SOAP 1.2";
            case "MustUnderstand" -> "the DMP does not understand a header marked mustUnderstand"
                    + " (try MustUnderstandStyle.AS_EXAMPLES)";
            default -> subcodes.stream().anyMatch(s -> s.contains("Addressing") || s.contains("Action"))
                    ? "a WS-Addressing header is missing or not accepted: check the service path and routing"
                    : "the DMP refused the request as invalid";
        };
        return new InvalidRequestException(message, details(false, hint, r, issues), null);
    }

    /**
     * An HL7v3 acknowledgement {@code AE}/{@code AR}, or a queryResponseCode {@code QE}/{@code AE}.
     *
     * @param operation what was attempted
     * @param type the acknowledgement type code
     * @param details the {@code acknowledgementDetail} elements
     * @param r the answer
     * @param idempotent whether the call may be sent twice
     * @return the error
     */
    public DmpException hl7(String operation, String type, List<Element> details, HttpResult r, boolean idempotent) {
        List<OutcomeIssue> issues = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        StringBuilder texts = new StringBuilder();
        for (Element d : details) {
            String code = Xml.child(d, Ns.HL7, "code").flatMap(c -> Xml.attr(c, "code")).orElse(type);
            String text = Xml.child(d, Ns.HL7, "text").flatMap(Xml::text).orElse("");
            String sev = switch (Xml.attr(d, "typeCode").orElse("E")) {
                case "W" -> "warning";
                case "I" -> "information";
                default -> "error";
            };
            codes.add(code);
            texts.append(text).append(' ');
            issues.add(new OutcomeIssue(sev, code, Optional.of(code), opt(text), Optional.empty()));
        }
        String text = texts.toString().trim();
        String message = operation + ": HL7 acknowledgement " + type + (codes.isEmpty() ? "" : " (" + String.join(", ",
                codes) + ")");
        Optional<AccessRefusal> refusal = refusals.recognize(Layer.HL7, codes, text);
        if (refusal.isPresent()) {
            return refused(message, refusal.get(), text, r, issues);
        }
        if ("AR".equals(type)) {
            return new InvalidRequestException(message, details(false, "the DMP rejected the message: " + text, r,
                    issues), null);
        }
        return new ServerErrorException(message, details(idempotent,
                "the DMP reported an application error; retry later and quote the request id if it persists", r,
                issues), null);
    }

    /**
     * A DMP web service status other than {@code DMPOk}.
     *
     * @param operation what was attempted
     * @param status the status
     * @param context the context text
     * @param r the answer
     * @return the error
     */
    public DmpException status(String operation, String status, String context, HttpResult r) {
        String rule = context.contains(":") ? context.substring(0, context.indexOf(':')).trim() : "";
        List<OutcomeIssue> issues = List.of(new OutcomeIssue("error", status, opt(rule.isEmpty() ? status : rule),
                opt(context), Optional.empty()));
        String message = operation + ": status " + status + (rule.isEmpty() ? "" : " (" + rule + ")");
        Optional<AccessRefusal> refusal = refusals.recognize(Layer.WEB_SERVICE, List.of(status, rule), context);
        if (refusal.isPresent()) {
            return refused(message, refusal.get(), context, r, issues);
        }
        return new InvalidRequestException(message, details(false, context.isEmpty()
                ? "the DMP refused the request" : context, r, issues), null);
    }

    /**
     * XDS RegistryErrors of a Failure (or PartialSuccess) answer.
     *
     * @param operation what was attempted
     * @param errors the {@code RegistryError} elements
     * @param r the answer
     * @param idempotent whether the call may be sent twice
     * @return the error
     */
    public DmpException registry(String operation, List<Element> errors, HttpResult r, boolean idempotent) {
        List<OutcomeIssue> issues = issues(errors);
        List<OutcomeIssue> errs = issues.stream().filter(OutcomeIssue::isError).toList();
        OutcomeIssue first = errs.isEmpty() ? (issues.isEmpty() ? null : issues.get(0)) : errs.get(0);
        String code = first == null ? "XDSRegistryError" : first.code();
        String rule = first == null ? code : first.ruleId().orElse(code);
        String text = first == null ? "" : first.diagnostics().orElse("");
        String message = operation + ": " + code + (rule.equals(code) ? "" : " (" + rule + ")")
                + (first != null && first.expression().isPresent() ? " at " + first.expression().get() : "");
        Optional<AccessRefusal> refusal = refusals.recognize(Layer.XDS, List.of(rule, code), text);
        if (refusal.isPresent()) {
            return refused(message, refusal.get(), text, r, issues);
        }
        switch (code) {
            case "XDSRegistryBusy", "XDSRepositoryBusy", "XDSRegistryOutOfResources", "XDSRepositoryOutOfResources":
                return new UnavailableException(message, r.retryAfter().orElse(null),
                        details(true, "the DMP is busy: retry later", r, issues), null);
            case "XDSUnknownPatientId", "XDSDocumentUniqueIdError":
                return new NotFoundException(message, details(false,
                        "the DMP, the document or its content is unknown to the DMP (or hidden from this caller)", r,
                        issues), null);
            case "XDSDuplicateUniqueIdInRegistry", "XDSRegistryDuplicateUniqueIdInMessage":
                return new ConflictException(message, details(false, "this uniqueId is already in the DMP: replace"
                        + " the document (TD2.1b) or look it up by uniqueId (TD3.1b)", r, issues), null);
            case "XDSMetadataVersionError":
                return new ConflictException(message, details(false,
                        "the document changed since it was read: read the entry again, then retry", r, issues), null);
            case "XDSNonIdenticalHash", "XDSNonIdenticalSize":
                return new IntegrityException(message, details(false,
                        "the size or hash sent does not match the content: rebuild the deposit", r, issues), null);
            case "XDSRegistryError", "XDSRepositoryError":
                return new ServerErrorException(message, details(idempotent,
                        "the DMP failed; retry later and quote the request id if it persists", r, issues), null);
            default:
                return new InvalidRequestException(message, details(false,
                        "the DMP refused the request; the issues name the error code and location", r, issues), null);
        }
    }

    /** @return the RegistryErrors as issues (severity, IHE code, rule id, codeContext, location) */
    public static List<OutcomeIssue> issues(List<Element> errors) {
        List<OutcomeIssue> out = new ArrayList<>();
        for (Element e : errors) {
            String code = Xml.attr(e, "errorCode").orElse("XDSRegistryError");
            String context = Xml.attr(e, "codeContext").orElse(Xml.text(e).orElse(""));
            String severity = Xml.attr(e, "severity").orElse("").endsWith("Warning") ? "warning" : "error";
            String rule = code;
            int colon = context.indexOf(':');
            if (colon > 0 && context.substring(0, colon).matches("[A-Z][A-Z0-9_]+")) {
                rule = context.substring(0, colon);
            }
            out.add(new OutcomeIssue(severity, code, Optional.of(rule), opt(context), Xml.attr(e, "location")));
        }
        return out;
    }

    /** @return a service-side malformed-answer error */
    public static MalformedResponseException malformed(String message, HttpResult r, Throwable cause) {
        return new MalformedResponseException(message, new Details(false,
                "the DMP's answer could not be read; quote the request id to the DMP support",
                Optional.of(r.status()), Optional.of(r.requestId()), List.of()), cause);
    }

    private static AccessRefusedException refused(String message, AccessRefusal reason, String text, HttpResult r,
            List<OutcomeIssue> issues) {
        String hint = REFUSAL_HINTS.get(reason);
        if (reason == AccessRefusal.NOT_AUTHENTICATED && !text.isEmpty() && text.length() < 300) {
            hint = hint + " (the DMP says: " + text + ")";
        }
        return new AccessRefusedException(message, reason, details(false, hint, r, issues), null);
    }

    private static Details details(boolean retryable, String hint, HttpResult r, List<OutcomeIssue> issues) {
        return new Details(retryable, hint, Optional.of(r.status()), Optional.of(r.requestId()), issues);
    }

    private static Optional<String> opt(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
    }

    private static String local(String qname) {
        int colon = qname.lastIndexOf(':');
        return colon < 0 ? qname : qname.substring(colon + 1);
    }

}
