package fr.opendmp.xds.internal;

import fr.opendmp.core.access.AccessStatus;
import fr.opendmp.core.access.AuthorizationChange;
import fr.opendmp.core.access.AuthorizationFilter;
import fr.opendmp.core.access.AuthorizedPatient;
import fr.opendmp.core.access.AuthorizedPatientsBy;
import fr.opendmp.core.access.DmpAdministrativeData;
import fr.opendmp.core.access.PatientAuthorization;
import fr.opendmp.core.caller.Caller;
import fr.opendmp.core.credentials.DocumentSigner;
import fr.opendmp.core.document.Author;
import fr.opendmp.core.document.Deposit;
import fr.opendmp.core.document.DepositReceipt;
import fr.opendmp.core.document.DocumentEntry;
import fr.opendmp.core.document.DocumentId;
import fr.opendmp.core.document.DocumentStatus;
import fr.opendmp.core.document.RetrievedDocument;
import fr.opendmp.core.document.Visibility;
import fr.opendmp.core.error.ConflictException;
import fr.opendmp.core.error.CredentialsException;
import fr.opendmp.core.error.CredentialsUnavailableException;
import fr.opendmp.core.error.DmpException;
import fr.opendmp.core.error.InvalidInputException;
import fr.opendmp.core.error.NotFoundException;
import fr.opendmp.core.error.OutcomeIssue;
import fr.opendmp.core.ins.Ins;
import fr.opendmp.core.search.DocumentQuery;
import fr.opendmp.core.transport.DmpOperations;
import fr.opendmp.core.transport.MetadataUpdate;
import fr.opendmp.core.transport.TransportContext;
import fr.opendmp.core.transport.TransportPage;
import fr.opendmp.core.transport.internal.http.ExchangeSettings;
import fr.opendmp.core.transport.internal.http.HttpExchange;
import fr.opendmp.core.transport.internal.http.HttpResult;
import fr.opendmp.xds.XdsTransport;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The DMP operations over DMPi: each operation to its SOAP message and service, each answer to the
 * domain, each failure to the one error hierarchy. Not API. Thread-safe.
 */
public final class XdsOperations implements DmpOperations {

    /** The DMP's "Accès LPS" suites (PDT-INF-579 v4). */
    static final List<String> DMP_SUITES = List.of("TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");
    private static final String PAGE_TOKEN = "dmpi-page:";

    private final XdsTransport transport;
    private final TransportContext context;
    private final SoapExchange soap;
    private final XdsErrors errors;
    private final Object feedLock = new Object();
    private long nextFeedNanos;

    /**
     * @param transport the DMPi settings
     * @param context the client's shared resources
     */
    public XdsOperations(XdsTransport transport, TransportContext context) {
        this.transport = transport;
        this.context = context;
        this.errors = new XdsErrors(transport.refusalRecognizer());
        HttpExchange exchange = new HttpExchange(new ExchangeSettings(http(transport, context.http()),
                context.retryPolicy(), context.callTimeout(), context.userAgent(), context.clock(), context.sleeper()));
        this.soap = new SoapExchange(transport, context, exchange, errors);
    }

    /**
     * The client's HTTP client, or (TLS profile {@code DMP_LPS_2025}) one on the same TLS context
     * restricted to TLS 1.2 and the DMP's suites the JDK offers.
     */
    static HttpClient http(XdsTransport transport, HttpClient shared) {
        if (transport.tlsProfile() != XdsTransport.TlsProfile.DMP_LPS_2025
                || !"https".equalsIgnoreCase(transport.endpoint().getScheme())) {
            return shared;
        }
        SSLContext ssl = shared.sslContext();
        SSLParameters params = new SSLParameters(tlsSuites(ssl), new String[] {"TLSv1.2"});
        HttpClient.Builder b = HttpClient.newBuilder().sslContext(ssl).sslParameters(params)
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1);
        shared.connectTimeout().ifPresent(b::connectTimeout);
        return b.build();
    }

    /** @return the DMP's suites this TLS context supports */
    static String[] tlsSuites(SSLContext ssl) {
        Set<String> supported = Set.of(ssl.getSupportedSSLParameters().getCipherSuites());
        return DMP_SUITES.stream().filter(supported::contains).toArray(String[]::new);
    }

    @Override
    public String transportName() {
        return "DMPi";
    }

    // ---------------------------------------------------------------- TD0.2, TD1.3a

    @Override
    public AccessStatus access(Ins ins, Caller caller) {
        Hl7Answer a = hl7(Hl7Messages.Reason.TEST_EXST, "read the DMP's access status (TD0.2)", ins, caller);
        return Hl7Messages.access(a.root, a.parsed, caller.access().mode());
    }

    @Override
    public DmpAdministrativeData administrativeData(Ins ins, Caller caller) {
        Hl7Answer a = hl7(Hl7Messages.Reason.CNSLT_DATA, "read the DMP's administrative data (TD1.3a)", ins,
                caller);
        return Hl7Messages.administrative(a.root, a.parsed);
    }

    private record Hl7Answer(Element root, Hl7Messages.Parsed parsed) {
    }

    private Hl7Answer hl7(Hl7Messages.Reason reason, String operation, Ins ins, Caller caller) {
        String sender = context.sourceOid().map(Rim::xdsUniqueId).orElseThrow(() -> new InvalidInputException(
                operation + " needs the software's OID (HL7v3 sender device)",
                "set DmpClient.builder().sourceId(\"<OID of this software instance>\")"));
        String id = UUID.randomUUID().toString();
        String body = Hl7Messages.request(reason, ins, sender, softwareName(), transport.hl7ProcessingCodes()
                .processingCode(), transport.hl7ProcessingCodes().processingModeCode(), context.clock().instant(), id);
        SoapExchange.Answer a = soap.call(Action.PRPA, operation, Optional.of(ins), caller,
                SoapExchange.Content.plain(body), true, true, context.maxResponseBytes());
        Hl7Messages.Parsed p = Hl7Messages.parse(a.body());
        if (!"AA".equals(p.ackType()) && !"CA".equals(p.ackType())) {
            throw errors.hl7(operation, p.ackType(), p.ackDetails(), a.result(), true);
        }
        if ("QE".equals(p.queryResponse()) || "AE".equals(p.queryResponse())) {
            throw errors.hl7(operation, p.queryResponse(), p.ackDetails(), a.result(), true);
        }
        if (p.targetMessage().isPresent() && !p.targetMessage().get().equals(id)
                && transport.relatesTo() == XdsTransport.RelatesToCheck.STRICT) {
            throw XdsErrors.malformed(operation + ": the acknowledgement names another message", a.result(), null);
        }
        if (p.patient().isPresent()) {
            Optional<String> echo = Hl7Messages.insEcho(p.patient().get());
            if (echo.isPresent() && !echo.get().equals(ins.oid().oid() + "|" + ins.value())) {
                throw XdsErrors.malformed(operation + ": the DMP answered about another patient than the one asked",
                        a.result(), null);
            }
        }
        return new Hl7Answer(a.body(), p);
    }

    /** The software's name, from the client's User-Agent ({@code OpenDMP/x <name>/<version> (…)}). */
    private String softwareName() {
        String[] tokens = context.userAgent().split(" ");
        String token = tokens.length > 1 && tokens[0].startsWith("OpenDMP/") ? tokens[1] : tokens[0];
        int slash = token.indexOf('/');
        String name = slash > 0 ? token.substring(0, slash) : token;
        return name.isBlank() ? "OpenDMP" : name.trim();
    }

    // ---------------------------------------------------------------- TD0.3, TD0.4, TD1.6

    @Override
    public void setAuthorization(Ins ins, AuthorizationChange change, Caller caller) {
        String operation = "change the caller's authorization (TD0.3)";
        SoapExchange.Answer a = soap.call(Action.SET_AUTHORIZATION, operation, Optional.of(ins), caller,
                SoapExchange.Content.plain(WebServices.setAuthorization(change)), true, true,
                context.maxResponseBytes());
        ok(operation, a, Ns.HAB);
    }

    @Override
    public List<PatientAuthorization> authorizations(Ins ins, AuthorizationFilter filter, Caller caller) {
        String operation = "list the patient's authorizations (TD1.6)";
        SoapExchange.Answer a = soap.call(Action.LIST_AUTHORIZATIONS, operation, Optional.of(ins), caller,
                SoapExchange.Content.plain(WebServices.listAuthorizations(filter)), true, true,
                context.maxResponseBytes());
        return WebServices.authorizations(ok(operation, a, Ns.HAB));
    }

    @Override
    public List<AuthorizedPatient> authorizedPatients(Instant since, AuthorizedPatientsBy by, Caller caller) {
        String operation = "list the authorized patients (TD0.4)";
        SoapExchange.Answer a = soap.call(Action.PATIENT_LIST, operation, Optional.empty(), caller,
                SoapExchange.Content.plain(WebServices.patientList(since, by)), true, true,
                context.maxResponseBytes());
        return WebServices.patients(ok(operation, a, Ns.PAT));
    }

    private Element ok(String operation, SoapExchange.Answer a, String ns) {
        Element output = WebServices.output(a.body(), ns).orElseThrow(() -> XdsErrors.malformed(operation
                + ": the answer has no output", a.result(), null));
        String status = WebServices.status(output, ns);
        if (!"DMPOk".equalsIgnoreCase(status)) {
            throw errors.status(operation, status.isEmpty() ? "(none)" : status, WebServices.context(output, ns),
                    a.result());
        }
        return output;
    }

    // ---------------------------------------------------------------- ITI-41

    @Override
    public DepositReceipt depositOnce(Deposit deposit, Optional<DocumentId> replaces, Caller caller) {
        String operation = replaces.isPresent() ? "replace a document (TD2.1b)" : "deposit documents (TD2.1)";
        if (deposit.folderTitle().isPresent() && transport.folderOnDmpi() == XdsTransport.FolderOnDmpi.REJECT) {
            throw new InvalidInputException("a deposit with a folder cannot go over DMPi",
                    "deposit without folder, or build the transport with FolderOnDmpi.IGNORE");
        }
        if (replaces.isPresent() && deposit.documents().size() != 1) {
            throw new InvalidInputException("a replacement carries exactly one document", "");
        }
        long total = deposit.documents().stream().mapToLong(d -> d.size()).sum();
        if (total > context.maxDocumentBytes()) {
            throw new InvalidInputException("the deposit is larger than the client's limit",
                    "split it or raise maxDocumentBytes");
        }
        String sourceOid = context.sourceOid().map(Rim::xdsUniqueId).orElseThrow(() -> new InvalidInputException(
                "an ITI-41 deposit needs the software's sourceId OID",
                "set DmpClient.builder().sourceId(\"<OID of this software instance>\")"));
        DocumentSigner signer = context.credentials().documentSigner().orElseThrow(() ->
                new CredentialsUnavailableException(new CredentialsException("the credentials provider has no"
                        + " document signer for the submission's XAdES signature (CredentialsProvider"
                        + ".documentSigner): give sdk-auth's AuthCredentialsProvider a documentSigner(…)")));
        Submissions.Built built;
        try {
            built = Submissions.iti41(deposit, replaces.map(DocumentId::entryUuid), new Submissions.Context(
                    sourceOid, transport.contentTypeCode(), transport.patientIdCxForm(), context.clock().instant(),
                    transport.xadesAlgorithms(), signer));
        } catch (CredentialsException e) {
            throw new CredentialsUnavailableException(e);
        }
        throttleFeed();
        SoapExchange.Answer a = soap.call(Action.ITI41, operation, Optional.of(deposit.ins()), caller,
                new SoapExchange.Content(built.body().getBytes(StandardCharsets.UTF_8), built.parts(),
                        built.rootId()), true, false, context.maxResponseBytes());
        List<OutcomeIssue> warnings = registryResponse(operation, a.body(), a.result(), false);
        if (!warnings.isEmpty()) {
            org.slf4j.LoggerFactory.getLogger(XdsOperations.class).info("{}: {} warning(s) from the DMP (request id {})",
                    operation, warnings.size(), a.result().requestId());
        }
        List<DocumentId> ids = new ArrayList<>();
        for (var doc : deposit.documents()) {
            String uid = doc.metadata().uniqueId();
            Optional<DocumentEntry> found = Optional.empty();
            if (transport.entryUuidAfterDeposit() == XdsTransport.EntryUuidAfterDeposit.LOOKUP) {
                try {
                    found = findByUniqueId(deposit.ins(), uid, caller);
                } catch (DmpException e) {
                    // refused without authorization (no feeding profile): the entryUUID stays unknown
                    found = Optional.empty();
                }
            }
            ids.add(new DocumentId(found.map(e -> e.id().entryUuid()).orElse(uid), uid));
        }
        return new DepositReceipt(ids, Optional.of(built.submissionSetUniqueId()), false,
                Optional.of(a.result().requestId()));
    }

    private void throttleFeed() {
        long interval = (long) (1_000_000_000L / transport.feedRateLimit());
        long wait;
        synchronized (feedLock) {
            long now = System.nanoTime();
            long at = Math.max(now, nextFeedNanos);
            nextFeedNanos = at + interval;
            wait = at - now;
        }
        if (wait > 0) {
            try {
                context.sleeper().sleep(Duration.ofNanos(wait));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Reads a RegistryResponse: Failure (or PartialSuccess when {@code partialFails}) throws; warnings returned. */
    private List<OutcomeIssue> registryResponse(String operation, Element response, HttpResult r,
            boolean idempotent) {
        String status = Xml.attr(response, "status").orElse("");
        List<Element> errs = EntryReader.registryErrors(response);
        if (status.endsWith(":Failure") || !status.endsWith(":Success") && !status.endsWith(":PartialSuccess")) {
            throw errors.registry(operation, errs, r, idempotent);
        }
        if (status.endsWith(":PartialSuccess") && XdsErrors.issues(errs).stream().anyMatch(OutcomeIssue::isError)) {
            throw errors.registry(operation, errs, r, idempotent);
        }
        return XdsErrors.issues(errs);
    }

    // ---------------------------------------------------------------- ITI-18

    @Override
    public TransportPage search(Ins ins, DocumentQuery query, Caller caller) {
        String body = Queries.findDocuments(Submissions.cx(ins, transport.patientIdCxForm(),
                context.clock().instant()), query);
        return page(ins, body, 0, query.pageSize().orElse(0), caller);
    }

    @Override
    public TransportPage page(Ins ins, String next, Caller caller) {
        if (!next.startsWith(PAGE_TOKEN)) {
            throw new InvalidInputException("not a DMPi page token", "use the next token of a DMPi search page");
        }
        String[] p = next.substring(PAGE_TOKEN.length()).split(":", 3);
        if (p.length != 3) {
            throw new InvalidInputException("not a DMPi page token", "use the next token of a DMPi search page");
        }
        try {
            int offset = Integer.parseInt(p[0]);
            int size = Integer.parseInt(p[1]);
            String body = new String(Base64.getUrlDecoder().decode(p[2]), StandardCharsets.UTF_8);
            return page(ins, body, offset, size, caller);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("not a DMPi page token", "use the next token of a DMPi search page");
        }
    }

    private TransportPage page(Ins ins, String body, int offset, int size, Caller caller) {
        String operation = "search documents (TD3.1a)";
        SoapExchange.Answer a = soap.call(Action.ITI18, operation, Optional.of(ins), caller,
                SoapExchange.Content.plain(body), true, true, context.maxResponseBytes());
        EntryReader.Answer answer = query(operation, a);
        // signature entries included: DmpDocuments hides them the same way for every transport
        List<DocumentEntry> all = answer.entries().stream().map(EntryReader.Read::entry).toList();
        List<OutcomeIssue> warnings = new ArrayList<>(XdsErrors.issues(answer.errors()));
        warnings.addAll(answer.warnings());
        if (size <= 0) {
            return new TransportPage(all, Optional.of(all.size()), Optional.empty(), warnings);
        }
        int from = Math.min(offset, all.size());
        int to = Math.min(from + size, all.size());
        Optional<String> next = to < all.size() ? Optional.of(PAGE_TOKEN + to + ":" + size + ":"
                + Base64.getUrlEncoder().withoutPadding().encodeToString(body.getBytes(StandardCharsets.UTF_8)))
                : Optional.empty();
        return new TransportPage(all.subList(from, to), Optional.of(all.size()), next, warnings);
    }

    private EntryReader.Answer query(String operation, SoapExchange.Answer a) {
        EntryReader.Answer answer = EntryReader.read(a.body());
        String status = answer.status();
        if (!status.endsWith(":Success") && !status.endsWith(":PartialSuccess")) {
            throw errors.registry(operation, answer.errors(), a.result(), true);
        }
        return answer;
    }

    @Override
    public Optional<DocumentEntry> findByUniqueId(Ins ins, String uniqueId, Caller caller) {
        return current(ins, uniqueId, caller).map(EntryReader.Read::entry);
    }

    /** TD3.1b: the entry with this uniqueId, Approved version first, else the highest version. */
    private Optional<EntryReader.Read> current(Ins ins, String uniqueId, Caller caller) {
        String operation = "find a document by uniqueId (TD3.1b)";
        boolean refs = transport.td31bReturnType() == XdsTransport.Td31bReturnType.OBJECT_REF;
        SoapExchange.Answer a = soap.call(Action.ITI18, operation, Optional.of(ins), caller,
                SoapExchange.Content.plain(Queries.getDocuments(Rim.xdsUniqueId(uniqueId), refs)), true, true,
                context.maxResponseBytes());
        EntryReader.Answer answer = query(operation, a);
        if (refs && answer.entries().isEmpty()) {
            if (answer.objectRefs().isEmpty()) {
                return Optional.empty();
            }
            // ObjectRef answers name only entryUUIDs: the entries are then read by entryUUID (LeafClass)
            SoapExchange.Answer byUuid = soap.call(Action.ITI18, operation, Optional.of(ins), caller,
                    SoapExchange.Content.plain(Queries.getDocumentsByEntryUuid(answer.objectRefs())), true, true,
                    context.maxResponseBytes());
            answer = query(operation, byUuid);
        }
        return answer.entries().stream()
                .filter(r -> r.entry().uniqueId().equals(fr.opendmp.core.document.UniqueIds.normalise(uniqueId)))
                .min(Comparator.comparing((EntryReader.Read r) -> r.entry().status() != DocumentStatus.CURRENT)
                        .thenComparing(r -> -version(r.entry())));
    }

    private static int version(DocumentEntry e) {
        try {
            return e.versionId().map(Integer::parseInt).orElse(0);
        } catch (NumberFormatException ex) {
            return 0;
        }
    }

    // ---------------------------------------------------------------- ITI-43

    @Override
    public RetrievedDocument retrieve(DocumentEntry entry, Caller caller) {
        String operation = "retrieve a document (TD3.2)";
        Ins ins = entry.patient().orElseThrow();
        String repository = EntryReader.repository(entry).orElseThrow(() -> new InvalidInputException(
                "document " + entry.uniqueId() + " has no repositoryUniqueId", "use an entry read by a DMPi search"));
        String uid = Rim.xdsUniqueId(entry.uniqueId());
        String body = "<xds:RetrieveDocumentSetRequest xmlns:xds=\"" + Ns.XDS + "\"><xds:DocumentRequest>"
                + "<xds:RepositoryUniqueId>" + Xml.esc(repository) + "</xds:RepositoryUniqueId>"
                + "<xds:DocumentUniqueId>" + Xml.esc(uid) + "</xds:DocumentUniqueId></xds:DocumentRequest>"
                + "</xds:RetrieveDocumentSetRequest>";
        long max = context.maxDocumentBytes() * 2 + context.maxResponseBytes();
        SoapExchange.Answer a = soap.call(Action.ITI43, operation, Optional.of(ins), caller,
                SoapExchange.Content.plain(body), true, true, max);
        Element rr = Xml.child(a.body(), Ns.RS, "RegistryResponse").orElseThrow(() -> XdsErrors.malformed(operation
                + ": no RegistryResponse", a.result(), null));
        String status = Xml.attr(rr, "status").orElse("");
        List<Element> errs = EntryReader.registryErrors(rr);
        if (status.endsWith(":Failure") || status.isEmpty()) {
            throw errors.registry(operation, errs, a.result(), true);
        }
        for (Element d : Xml.children(a.body(), Ns.XDS, "DocumentResponse")) {
            String id = Xml.child(d, Ns.XDS, "DocumentUniqueId").flatMap(Xml::text).orElse("");
            if (!id.equals(uid)) {
                continue;
            }
            String mime = Xml.child(d, Ns.XDS, "mimeType").flatMap(Xml::text).orElse(entry.metadata().contentType());
            Element document = Xml.child(d, Ns.XDS, "Document").orElseThrow(() -> XdsErrors.malformed(operation
                    + ": a DocumentResponse without Document", a.result(), null));
            return new RetrievedDocument(entry, mime, content(operation, document, a, context.maxDocumentBytes()));
        }
        if (!errs.isEmpty()) {
            throw errors.registry(operation, errs, a.result(), true);
        }
        throw new NotFoundException(operation + ": the DMP returned no content for document " + entry.uniqueId(),
                new DmpException.Details(false, "the document is unknown or hidden from this caller",
                        Optional.of(a.result().status()), Optional.of(a.result().requestId()), List.of()), null);
    }

    private static byte[] content(String operation, Element document, SoapExchange.Answer a, long max) {
        Optional<Element> include = Xml.child(document, Ns.XOP, "Include");
        if (include.isPresent()) {
            String href = include.get().getAttribute("href");
            return a.parts().flatMap(p -> p.part(href)).orElseThrow(() -> XdsErrors.malformed(operation
                    + ": the MTOM part the answer names is missing", a.result(), null));
        }
        String text = document.getTextContent();
        if (text == null) {
            return new byte[0];
        }
        if ((long) text.length() * 3 / 4 > max) {
            throw XdsErrors.malformed(operation + ": the inline document is larger than the limit", a.result(), null);
        }
        try {
            return Base64.getMimeDecoder().decode(text.trim());
        } catch (IllegalArgumentException e) {
            throw XdsErrors.malformed(operation + ": the inline document is not base64", a.result(), e);
        }
    }

    // ---------------------------------------------------------------- ITI-57

    @Override
    public DocumentEntry update(DocumentEntry entry, MetadataUpdate update, Caller caller) {
        String operation = update.operation() + " (TD3.3)";
        Ins ins = entry.patient().orElseThrow();
        String sourceOid = context.sourceOid().map(Rim::xdsUniqueId).orElseThrow(() -> new InvalidInputException(
                "an ITI-57 update needs the software's sourceId OID",
                "set DmpClient.builder().sourceId(\"<OID of this software instance>\")"));
        Instant now = context.clock().instant();
        String cx = Submissions.cx(ins, transport.patientIdCxForm(), now);
        Submissions.Context ctx = new Submissions.Context(sourceOid, transport.contentTypeCode(),
                transport.patientIdCxForm(), now, transport.xadesAlgorithms(), null);
        Author author = caller.professional().map(p -> Author.of(p.idNat()))
                .orElse(entry.metadata().authors().get(0));
        Submissions.Counter n = new Submissions.Counter();
        StringBuilder b = new StringBuilder(4096);
        b.append("<lcm:SubmitObjectsRequest xmlns:lcm=\"").append(Ns.LCM).append("\" xmlns:rim=\"").append(Ns.RIM)
                .append("\"><rim:RegistryObjectList>");
        Submissions.submissionSet(b, "SubmissionSet01", author, Optional.empty(), cx, ctx,
                Rim.xdsUniqueId(fr.opendmp.core.document.UniqueIds.randomOid()), n);
        DocumentEntry result;
        if (update instanceof MetadataUpdate.Mask || update instanceof MetadataUpdate.Visibility) {
            EntryReader.Read current = current(ins, entry.uniqueId(), caller).filter(r -> r.element() != null)
                    .orElseThrow(() -> new NotFoundException(operation + ": document " + entry.uniqueId()
                            + " is not in the DMP (or hidden from this caller)", DmpException.Details.of(
                            "search the document again"), null));
            DocumentEntry now0 = current.entry();
            if (entry.versionId().isPresent() && now0.versionId().isPresent()
                    && !entry.versionId().equals(now0.versionId()) || now0.status() != DocumentStatus.CURRENT) {
                throw new ConflictException(operation + ": the document changed since it was read",
                        DmpException.Details.of("read the entry again, then retry"), null);
            }
            Set<Visibility> flags = EnumSet.noneOf(Visibility.class);
            flags.addAll(now0.metadata().visibility());
            if (update instanceof MetadataUpdate.Mask m) {
                toggle(flags, Visibility.MASQUE_PS, m.masked());
            } else if (update instanceof MetadataUpdate.Visibility v) {
                toggle(flags, v.audience().hiddenFlag(), !v.visible());
            }
            if (flags.equals(now0.metadata().visibility())) {
                return now0;
            }
            b.append(copy(current.element(), now0, flags, n));
            Submissions.hasMember(b, "a" + n.next(), "SubmissionSet01", "Document01",
                    Optional.of(now0.versionId().orElse("1")));
            result = null;
        } else {
            String original = entry.archived() ? Rim.ARCHIVED
                    : entry.status() == DocumentStatus.CURRENT ? Rim.APPROVED : Rim.DEPRECATED;
            String target;
            DocumentStatus status = entry.status();
            boolean archived = entry.archived();
            if (update instanceof MetadataUpdate.Archive ar) {
                if (ar.archived() == entry.archived()) {
                    return entry;
                }
                target = ar.archived() ? Rim.ARCHIVED : Rim.APPROVED;
                archived = ar.archived();
            } else {
                target = Rim.DELETED;
                status = DocumentStatus.ENTERED_IN_ERROR;
                archived = false;
            }
            b.append("<rim:Association id=\"a").append(n.next()).append("\" associationType=\"")
                    .append(Rim.UPDATE_STATUS).append("\" sourceObject=\"SubmissionSet01\" objectType=\"")
                    .append("urn:oasis:names:tc:ebxml-regrep:ObjectType:RegistryObject:Association\" targetObject=\"")
                    .append(Xml.esc(entry.id().entryUuid())).append("\">");
            Rim.slot(b, "OriginalStatus", original);
            Rim.slot(b, "NewStatus", target);
            b.append("</rim:Association>");
            result = new DocumentEntry(entry.id(), entry.logicalId(), entry.metadata(), status, archived, entry.url(),
                    entry.size(), entry.hash(), entry.versionId(), entry.lastUpdated(), entry.patient());
        }
        b.append("</rim:RegistryObjectList></lcm:SubmitObjectsRequest>");
        throttleFeed();
        SoapExchange.Answer a = soap.call(Action.ITI57, operation, Optional.of(ins), caller,
                SoapExchange.Content.plain(b.toString()), false, false, context.maxResponseBytes());
        registryResponse(operation, a.body(), a.result(), false);
        if (result != null) {
            return result;
        }
        return findByUniqueId(ins, entry.uniqueId(), caller).orElseThrow(() -> new NotFoundException(operation
                + ": the new version of document " + entry.uniqueId() + " cannot be found",
                DmpException.Details.of("search the document again"), null));
    }

    private static void toggle(Set<Visibility> flags, Visibility flag, boolean on) {
        if (on) {
            flags.add(flag);
        } else {
            flags.remove(flag);
        }
    }

    /**
     * The current version's ExtrinsicObject as the new version: id {@code Document01}, the {@code lid},
     * no status nor VersionInfo, the new confidentiality, child references to the new id.
     */
    private static String copy(Element original, DocumentEntry current, Set<Visibility> flags,
            Submissions.Counter n) {
        Element e = (Element) original.cloneNode(true);
        String lid = current.logicalId().orElse(current.id().entryUuid());
        e.setAttribute("id", "Document01");
        e.setAttribute("lid", lid);
        e.removeAttribute("status");
        e.removeAttribute("home");
        List<Node> remove = new ArrayList<>();
        Node firstClassification = null;
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (!(c instanceof Element el)) {
                continue;
            }
            String local = el.getLocalName();
            if ("VersionInfo".equals(local) || "Classification".equals(local)
                    && Rim.DE_CONFIDENTIALITY.equals(el.getAttribute("classificationScheme"))) {
                remove.add(el);
            } else if ("Classification".equals(local)) {
                el.setAttribute("classifiedObject", "Document01");
                if (firstClassification == null) {
                    firstClassification = el;
                }
            } else if ("ExternalIdentifier".equals(local)) {
                el.setAttribute("registryObject", "Document01");
            }
        }
        for (Node r : remove) {
            e.removeChild(r);
        }
        StringBuilder conf = new StringBuilder("<x xmlns:rim=\"" + Ns.RIM + "\">");
        Submissions.confidentiality(conf, "Document01", current.metadata().confidentiality(), flags, n);
        conf.append("</x>");
        try {
            Element parsed = Xml.parse(conf.toString().getBytes(StandardCharsets.UTF_8)).getDocumentElement();
            for (Element c : Xml.elements(parsed)) {
                Node imported = e.getOwnerDocument().importNode(c, true);
                e.insertBefore(imported, firstClassification);
            }
        } catch (org.xml.sax.SAXException ex) {
            throw new IllegalStateException(ex);
        }
        return new String(Xml.serialize(e), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        // the HTTP client belongs to the DmpClient; the derived TLS client holds no thread of its own
    }

}
