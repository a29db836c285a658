package fr.opendmp.xds;

import fr.opendmp.core.code.Code;
import fr.opendmp.core.transport.DmpOperations;
import fr.opendmp.core.transport.DmpTransport;
import fr.opendmp.core.transport.TransportContext;
import fr.opendmp.xds.internal.XdsOperations;
import java.net.URI;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The DMP's production interface DMPi (SOAP 1.2 with WS-Addressing, the VIHF in WS-Security over
 * mutual TLS, HL7v3 for the dossier, the DMP's habilitations and patients web services, IHE XDS.b
 * ITI-41/18/43/57 with MTOM and the XAdES-signed submission set) as a {@link DmpTransport}: the same
 * {@code DmpClient}, the same domain results and errors as the FHIR transport. Immutable.
 *
 * <pre>{@code
 * DmpClient dmp = DmpClient.builder()
 *         .transport(XdsTransport.builder()
 *                 .endpoint(URI.create("https://lps.dev1.dmp.gouv.fr/si-dmp-server/v2/services"))
 *                 .build())
 *         .credentials(credentials)          // mTLS + soapSecurity (VIHF) + documentSigner (XAdES)
 *         .sourceId("1.2.250.1.999.1.2")     // this software instance's OID
 *         …
 * }</pre>
 *
 * <p>The DMPi contract leaves points open; each is a named setting with a documented default (the
 * VIHF's own ones are in sdk-auth's {@code DmpiVihfOptions}).
 */
public final class XdsTransport implements DmpTransport {

    /** How requests reach a service (open point: does the DMP route on {@code wsa:Action}?). */
    public enum ServiceRouting {
        /** Each service at its own path under the base (default; paths overridable). */
        PER_SERVICE_PATH,
        /** Every call to the bare base URL (the server routes on {@code wsa:Action}). */
        SINGLE_ENDPOINT
    }

    /** What {@code wsa:To} carries (open point). */
    public enum WsaTo {
        /** Empty, as every official example (default). */
        EMPTY,
        /** The endpoint URL. */
        ENDPOINT_URL
    }

    /** How {@code mustUnderstand} is written on {@code wsa:Action} and {@code wsa:ReplyTo} (open point). */
    public enum MustUnderstandStyle {
        /** {@code soap:mustUnderstand="true"}, which SOAP honours (default). */
        QUALIFIED,
        /** Unqualified {@code mustUnderstand="true"}, as the official examples (SOAP ignores it). */
        AS_EXAMPLES
    }

    /** What the client does when {@code wsa:RelatesTo} is not the request's {@code MessageID}. */
    public enum RelatesToCheck {
        /** Logs a warning (default: the official pairs come from different runs). */
        WARN,
        /** Refuses the answer ({@code MalformedResponseException}). */
        STRICT,
        /** Ignores it. */
        OFF
    }

    /** Whether a SOAP 1.1 {@code SOAPAction} header is also sent (SOAP 1.2 carries the action in the Content-Type). */
    public enum SoapActionHeader {
        /** Not sent (default). */
        NONE,
        /** Also sent. */
        ALSO_SEND
    }

    /** The TLS parameters of the connections. */
    public enum TlsProfile {
        /**
         * TLS 1.2 only with the DMP's "Accès LPS" suites (default): ECDHE-RSA with CHACHA20-POLY1305,
         * AES-128-GCM, AES-256-CBC-SHA384, AES-256-GCM, those the JDK offers.
         */
        DMP_LPS_2025,
        /** The JDK's defaults (for a test server that cannot offer those suites). */
        JDK_DEFAULT
    }

    /** Which form the patient's CX takes in XDS metadata and queries (open point). */
    public enum PatientIdCxForm {
        /** {@code <matricule>^^^&<INS OID>&ISO^NH} (default). */
        SHORT,
        /** Also CX.7, the date the identifier became effective ({@code …^NH^^<yyyyMMdd>}, today). */
        WITH_EFFECTIVE_DATE
    }

    /** The algorithms of the XAdES signature of a submission (open point: SHA-1 still accepted?). */
    public enum XadesAlgorithms {
        /** RSA-SHA1 and SHA-1 digests, as all official material (default). */
        SHA1("http://www.w3.org/2000/09/xmldsig#rsa-sha1", "http://www.w3.org/2000/09/xmldsig#sha1",
                "SHA1withRSA", "SHA-1"),
        /** RSA-SHA256 and SHA-256 digests. */
        SHA256("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256", "http://www.w3.org/2001/04/xmlenc#sha256",
                "SHA256withRSA", "SHA-256");

        private final String signatureUri;
        private final String digestUri;
        private final String jcaSignature;
        private final String jcaDigest;

        XadesAlgorithms(String signatureUri, String digestUri, String jcaSignature, String jcaDigest) {
            this.signatureUri = signatureUri;
            this.digestUri = digestUri;
            this.jcaSignature = jcaSignature;
            this.jcaDigest = jcaDigest;
        }

        /** @return the XML-DSig SignatureMethod URI */
        public String signatureUri() {
            return signatureUri;
        }

        /** @return the XML-DSig DigestMethod URI */
        public String digestUri() {
            return digestUri;
        }

        /** @return the JCA signature algorithm */
        public String jcaSignature() {
            return jcaSignature;
        }

        /** @return the JCA digest algorithm */
        public String jcaDigest() {
            return jcaDigest;
        }
    }

    /** The {@code returnType} of the TD3.1b lookup by uniqueId (open point). */
    public enum Td31bReturnType {
        /** Full entries: the client picks the Approved version (default). */
        LEAF_CLASS,
        /** Object references only (entryUUIDs). */
        OBJECT_REF
    }

    /** What a deposit with a folder does on DMPi (no DMP source uses folders). */
    public enum FolderOnDmpi {
        /** Refused before sending (default). */
        REJECT,
        /** The folder is ignored; the documents are deposited. */
        IGNORE
    }

    /** How a deposit's entryUUIDs are known (the ITI-41 answer carries none; open point). */
    public enum EntryUuidAfterDeposit {
        /** Looked up by uniqueId with TD3.1b after the deposit (default). */
        LOOKUP,
        /** Not looked up: the receipt's entryUUIDs are the uniqueIds until a search reads them. */
        NONE
    }

    /**
     * The HL7v3 {@code processingCode} / {@code processingModeCode} of TD0.2/TD1.3a (open point:
     * production values).
     *
     * @param processingCode {@code D} (default, every source), {@code P}, {@code T}
     * @param processingModeCode {@code T} (default)
     */
    public record Hl7ProcessingCodes(String processingCode, String processingModeCode) {
        /** D / T, as every source. */
        public static final Hl7ProcessingCodes DEFAULT = new Hl7ProcessingCodes("D", "T");

        /**
         * Checks both codes.
         *
         * @param processingCode the processing code
         * @param processingModeCode the processing mode code
         */
        public Hl7ProcessingCodes {
            Objects.requireNonNull(processingCode, "processingCode");
            Objects.requireNonNull(processingModeCode, "processingModeCode");
            if (!processingCode.matches("[A-Z]") || !processingModeCode.matches("[A-Z]")) {
                throw new IllegalArgumentException("HL7 processing codes are single upper-case letters");
            }
        }
    }

    /** The contentTypeCode of a submission set by default (J59; open point): {@code 04}. */
    public static final Code DEFAULT_CONTENT_TYPE = Code.of("urn:oid:1.2.250.1.213.2.2", "04",
            "Hospitalisation de jour");

    private final URI endpoint;
    private final Map<DmpiService, String> paths;
    private final ServiceRouting routing;
    private final WsaTo wsaTo;
    private final MustUnderstandStyle mustUnderstand;
    private final RelatesToCheck relatesTo;
    private final SoapActionHeader soapAction;
    private final TlsProfile tls;
    private final PatientIdCxForm cxForm;
    private final XadesAlgorithms xades;
    private final Td31bReturnType td31bReturnType;
    private final FolderOnDmpi folders;
    private final EntryUuidAfterDeposit entryUuidAfterDeposit;
    private final Hl7ProcessingCodes hl7Codes;
    private final Code contentTypeCode;
    private final RefusalRecognizer refusals;
    private final double feedRateLimit;

    private XdsTransport(Builder b) {
        this.endpoint = b.endpoint;
        this.paths = Map.copyOf(b.paths);
        this.routing = b.routing;
        this.wsaTo = b.wsaTo;
        this.mustUnderstand = b.mustUnderstand;
        this.relatesTo = b.relatesTo;
        this.soapAction = b.soapAction;
        this.tls = b.tls;
        this.cxForm = b.cxForm;
        this.xades = b.xades;
        this.td31bReturnType = b.td31bReturnType;
        this.folders = b.folders;
        this.entryUuidAfterDeposit = b.entryUuidAfterDeposit;
        this.hl7Codes = b.hl7Codes;
        this.contentTypeCode = b.contentTypeCode;
        this.refusals = b.refusals;
        this.feedRateLimit = b.feedRateLimit;
    }

    /** @return a new builder (the endpoint is required) */
    public static Builder builder() {
        return new Builder();
    }

    /** @return {@code DMPi} */
    @Override
    public String name() {
        return "DMPi";
    }

    @Override
    public DmpOperations open(TransportContext context) {
        return new XdsOperations(this, Objects.requireNonNull(context, "context"));
    }

    /** @return the base URL ({@code …/si-dmp-server/v2/services}) */
    public URI endpoint() {
        return endpoint;
    }

    /**
     * @param service a service
     * @return where its requests go, per the routing
     */
    public URI uri(DmpiService service) {
        String base = endpoint.toString();
        if (routing == ServiceRouting.SINGLE_ENDPOINT) {
            return endpoint;
        }
        return URI.create((base.endsWith("/") ? base : base + "/") + paths.get(service));
    }

    /** @return the routing */
    public ServiceRouting routing() {
        return routing;
    }

    /** @return the {@code wsa:To} strategy */
    public WsaTo wsaTo() {
        return wsaTo;
    }

    /** @return the mustUnderstand style */
    public MustUnderstandStyle mustUnderstand() {
        return mustUnderstand;
    }

    /** @return the RelatesTo check */
    public RelatesToCheck relatesTo() {
        return relatesTo;
    }

    /** @return whether a SOAPAction header is also sent */
    public SoapActionHeader soapActionHeader() {
        return soapAction;
    }

    /** @return the TLS profile */
    public TlsProfile tlsProfile() {
        return tls;
    }

    /** @return the patient CX form */
    public PatientIdCxForm patientIdCxForm() {
        return cxForm;
    }

    /** @return the XAdES algorithms */
    public XadesAlgorithms xadesAlgorithms() {
        return xades;
    }

    /** @return the TD3.1b returnType */
    public Td31bReturnType td31bReturnType() {
        return td31bReturnType;
    }

    /** @return what a folder does */
    public FolderOnDmpi folderOnDmpi() {
        return folders;
    }

    /** @return how entryUUIDs are known after a deposit */
    public EntryUuidAfterDeposit entryUuidAfterDeposit() {
        return entryUuidAfterDeposit;
    }

    /** @return the HL7v3 processing codes */
    public Hl7ProcessingCodes hl7ProcessingCodes() {
        return hl7Codes;
    }

    /** @return the submission sets' contentTypeCode */
    public Code contentTypeCode() {
        return contentTypeCode;
    }

    /** @return the refusal recognizer */
    public RefusalRecognizer refusalRecognizer() {
        return refusals;
    }

    /** @return the most feeding transactions (ITI-41, ITI-57) per second this client sends */
    public double feedRateLimit() {
        return feedRateLimit;
    }

    @Override
    public String toString() {
        return "XdsTransport[" + endpoint + ", " + routing + "]";
    }

    /** Builds an {@link XdsTransport}; each setting may be given once. Not thread-safe. */
    public static final class Builder {
        private final Set<String> given = new HashSet<>();
        private URI endpoint;
        private final Map<DmpiService, String> paths = new EnumMap<>(DmpiService.class);
        private ServiceRouting routing = ServiceRouting.PER_SERVICE_PATH;
        private WsaTo wsaTo = WsaTo.EMPTY;
        private MustUnderstandStyle mustUnderstand = MustUnderstandStyle.QUALIFIED;
        private RelatesToCheck relatesTo = RelatesToCheck.WARN;
        private SoapActionHeader soapAction = SoapActionHeader.NONE;
        private TlsProfile tls = TlsProfile.DMP_LPS_2025;
        private PatientIdCxForm cxForm = PatientIdCxForm.SHORT;
        private XadesAlgorithms xades = XadesAlgorithms.SHA1;
        private Td31bReturnType td31bReturnType = Td31bReturnType.LEAF_CLASS;
        private FolderOnDmpi folders = FolderOnDmpi.REJECT;
        private EntryUuidAfterDeposit entryUuidAfterDeposit = EntryUuidAfterDeposit.LOOKUP;
        private Hl7ProcessingCodes hl7Codes = Hl7ProcessingCodes.DEFAULT;
        private Code contentTypeCode = DEFAULT_CONTENT_TYPE;
        private RefusalRecognizer refusals = RefusalRecognizer.defaults();
        private double feedRateLimit = 4;

        private Builder() {
            for (DmpiService s : DmpiService.values()) {
                paths.put(s, s.defaultPath());
            }
        }

        private void once(String name) {
            if (!given.add(name)) {
                throw new IllegalStateException(name + " was already set");
            }
        }

        /**
         * @param value the base URL, e.g. {@code https://lps.dev1.dmp.gouv.fr/si-dmp-server/v2/services}
         *     (required; never a constant: one per environment)
         * @return this
         */
        public Builder endpoint(URI value) {
            once("endpoint");
            Objects.requireNonNull(value, "endpoint");
            if (value.getScheme() == null || !value.getScheme().matches("https?") || value.getHost() == null
                    || value.getRawQuery() != null || value.getRawFragment() != null) {
                throw new IllegalArgumentException("the DMPi endpoint must be an absolute http(s) URL without"
                        + " query or fragment");
            }
            endpoint = value;
            return this;
        }

        /**
         * @param service a service
         * @param path its path under the base (default {@link DmpiService#defaultPath()}; aliases seen:
         *     {@code patient}, {@code PatientSpecific}, {@code Habilitation}, {@code DocumentRegistry_Service},
         *     {@code DocumentRepository_Service})
         * @return this
         */
        public Builder servicePath(DmpiService service, String path) {
            Objects.requireNonNull(service, "service");
            once("servicePath." + service);
            Objects.requireNonNull(path, "path");
            if (!path.matches("[A-Za-z0-9._~/-]+") || path.startsWith("/") || path.contains("..")) {
                throw new IllegalArgumentException("a service path is relative, made of URL-safe characters: "
                        + path);
            }
            paths.put(service, path);
            return this;
        }

        /**
         * @param value the value
         * @return this; routing (default {@link ServiceRouting#PER_SERVICE_PATH})
         */
        public Builder serviceRouting(ServiceRouting value) {
            once("serviceRouting");
            routing = Objects.requireNonNull(value, "serviceRouting");
            return this;
        }

        /**
         * @param value the value
         * @return this; {@code wsa:To} (default {@link WsaTo#EMPTY})
         */
        public Builder wsaTo(WsaTo value) {
            once("wsaTo");
            wsaTo = Objects.requireNonNull(value, "wsaTo");
            return this;
        }

        /**
         * @param value the value
         * @return this; mustUnderstand (default {@link MustUnderstandStyle#QUALIFIED})
         */
        public Builder mustUnderstandStyle(MustUnderstandStyle value) {
            once("mustUnderstandStyle");
            mustUnderstand = Objects.requireNonNull(value, "mustUnderstandStyle");
            return this;
        }

        /**
         * @param value the value
         * @return this; RelatesTo check (default {@link RelatesToCheck#WARN})
         */
        public Builder relatesToCheck(RelatesToCheck value) {
            once("relatesToCheck");
            relatesTo = Objects.requireNonNull(value, "relatesToCheck");
            return this;
        }

        /**
         * @param value the value
         * @return this; SOAPAction header (default {@link SoapActionHeader#NONE})
         */
        public Builder soapActionHeader(SoapActionHeader value) {
            once("soapActionHeader");
            soapAction = Objects.requireNonNull(value, "soapActionHeader");
            return this;
        }

        /**
         * @param value the value
         * @return this; TLS (default {@link TlsProfile#DMP_LPS_2025})
         */
        public Builder tlsProfile(TlsProfile value) {
            once("tlsProfile");
            tls = Objects.requireNonNull(value, "tlsProfile");
            return this;
        }

        /**
         * @param value the value
         * @return this; patient CX form (default {@link PatientIdCxForm#SHORT})
         */
        public Builder patientIdCxForm(PatientIdCxForm value) {
            once("patientIdCxForm");
            cxForm = Objects.requireNonNull(value, "patientIdCxForm");
            return this;
        }

        /**
         * @param value the value
         * @return this; XAdES algorithms (default {@link XadesAlgorithms#SHA1})
         */
        public Builder xadesAlgorithms(XadesAlgorithms value) {
            once("xadesAlgorithms");
            xades = Objects.requireNonNull(value, "xadesAlgorithms");
            return this;
        }

        /**
         * @param value the value
         * @return this; TD3.1b returnType (default {@link Td31bReturnType#LEAF_CLASS})
         */
        public Builder td31bReturnType(Td31bReturnType value) {
            once("td31bReturnType");
            td31bReturnType = Objects.requireNonNull(value, "td31bReturnType");
            return this;
        }

        /**
         * @param value the value
         * @return this; folders (default {@link FolderOnDmpi#REJECT})
         */
        public Builder folderOnDmpi(FolderOnDmpi value) {
            once("folderOnDmpi");
            folders = Objects.requireNonNull(value, "folderOnDmpi");
            return this;
        }

        /**
         * @param value the value
         * @return this; entryUUIDs after a deposit (default {@link EntryUuidAfterDeposit#LOOKUP})
         */
        public Builder entryUuidAfterDeposit(EntryUuidAfterDeposit value) {
            once("entryUuidAfterDeposit");
            entryUuidAfterDeposit = Objects.requireNonNull(value, "entryUuidAfterDeposit");
            return this;
        }

        /**
         * @param value the value
         * @return this; HL7v3 processing codes (default {@link Hl7ProcessingCodes#DEFAULT}, D/T)
         */
        public Builder hl7ProcessingCodes(Hl7ProcessingCodes value) {
            once("hl7ProcessingCodes");
            hl7Codes = Objects.requireNonNull(value, "hl7ProcessingCodes");
            return this;
        }

        /**
         * @param value the value
         * @return this; the submission sets' contentTypeCode (default {@link #DEFAULT_CONTENT_TYPE})
         */
        public Builder contentTypeCode(Code value) {
            once("contentTypeCode");
            Objects.requireNonNull(value, "contentTypeCode");
            if (value.systemOid().isEmpty()) {
                throw new IllegalArgumentException("the contentTypeCode's system must be an OID (urn:oid:…)");
            }
            contentTypeCode = value;
            return this;
        }

        /**
         * @param value the value
         * @return this; how refusals are recognised (default {@link RefusalRecognizer#defaults()})
         */
        public Builder refusalRecognizer(RefusalRecognizer value) {
            once("refusalRecognizer");
            refusals = Objects.requireNonNull(value, "refusalRecognizer");
            return this;
        }

        /**
         * @param perSecond the most feeding transactions (ITI-41, ITI-57) per second this client sends
         *     (default 4: the DMP asks for fewer than 5 per structure and software)
         * @return this
         */
        public Builder feedRateLimit(double perSecond) {
            once("feedRateLimit");
            if (!(perSecond > 0) || perSecond > 1000) {
                throw new IllegalArgumentException("feedRateLimit must be in (0, 1000] per second");
            }
            feedRateLimit = perSecond;
            return this;
        }

        /** @return the transport */
        public XdsTransport build() {
            if (endpoint == null) {
                throw new IllegalStateException("the endpoint is required");
            }
            return new XdsTransport(this);
        }
    }

}
