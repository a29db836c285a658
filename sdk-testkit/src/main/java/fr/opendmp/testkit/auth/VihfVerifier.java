package fr.opendmp.testkit.auth;

import fr.opendmp.core.code.CodeSystems;
import static fr.opendmp.testkit.auth.VihfFailure.Code.*;

import fr.opendmp.core.access.AccessMode;
import fr.opendmp.core.ins.InsOid;
import fr.opendmp.testkit.ca.TestCa;
import fr.opendmp.testkit.auth.VihfFailure.Code;
import java.io.ByteArrayInputStream;
import java.security.Key;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.security.auth.x500.X500Principal;
import javax.xml.XMLConstants;
import javax.xml.crypto.AlgorithmMethod;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.KeySelectorException;
import javax.xml.crypto.KeySelectorResult;
import javax.xml.crypto.XMLCryptoContext;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.X509Data;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The fake VIHF verifier (the VIHF of the ANS CI-SIS "Volet transport synchrone pour client lourd"). Checks, in this order: XML hardening and wrapping
 * defence, signature, signing certificate, Issuer, TLS binding, time, audience, required
 * attributes, consistency with the mode, access mode, replay. Stops at the first failure and says
 * which check and which attribute failed. Thread-safe.
 *
 * <pre>{@code
 * VihfVerifier verifier = VihfVerifier.builder().trust(testCa).clock(clock).build();
 * VihfVerification result = verifier.verify(assertionXml, Optional.of(tlsClientCert), Optional.of(ins.cx()));
 * }</pre>
 */
public final class VihfVerifier {

    private static final String SAML_NS = "urn:oasis:names:tc:SAML:2.0:assertion";
    private static final String DSIG_NS = XMLSignature.XMLNS;
    private static final String HL7_NS = "urn:hl7-org:v3";
    private static final String X509_SUBJECT_NAME = "urn:oasis:names:tc:SAML:1.1:nameid-format:X509SubjectName";
    private static final String SMARTCARD = "urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI";
    private static final String MODE_ACCES_SYSTEM = "1.2.250.1.213.1.1.4.248";
    private static final String PROFESSION_SYSTEM = CodeSystems.TRE_G15_OID;
    private static final String ACCESS_REASON = "Mode_Acces_Raison";
    private static final String PURPOSE_OF_USE = "urn:oasis:names:tc:xspa:1.0:subject:purposeofuse";
    private static final String ROLE = "urn:oasis:names:tc:xacml:2.0:subject:role";
    private static final String RESOURCE_ID = "urn:oasis:names:tc:xacml:2.0:resource:resource-id";
    private static final String SUBJECT_ID = "urn:oasis:names:tc:xspa:1.0:subject:subject-id";
    private static final Set<String> MODES = Set.of("DIRECTE", "INDIRECTE", "INDIRECTE_RENFORCEE");
    private static final int MAX_BYTES = 256 * 1024;
    /** The deepest element nesting accepted: a VIHF needs under 10; recursive checks need a bound. */
    private static final int MAX_DEPTH = 100;

    private final List<X509Certificate> roots;
    private final List<X509Certificate> intermediates;
    private final Supplier<Optional<X509CRL>> crl;
    private final Clock clock;
    private final Duration skew;
    private final Duration maxAge;
    private final boolean allowTestPatients;
    private final boolean rejectAuthClientSigner;
    private final Set<String> firstRoleSystems;
    private final Set<String> brisDeGlaceProfessions;
    private final Set<String> centre15Professions;
    private final boolean replayDetection;
    private final Map<String, Instant> seenIds = new ConcurrentHashMap<>();

    private VihfVerifier(Builder b) {
        if (b.roots.isEmpty()) {
            throw new IllegalStateException("give the trusted CA (trust(TestCa) or trust(root, intermediates))");
        }
        this.roots = List.copyOf(b.roots);
        this.intermediates = List.copyOf(b.intermediates);
        this.crl = b.crl != null ? b.crl : Optional::empty;
        this.clock = b.clock != null ? b.clock : Clock.systemUTC();
        this.skew = b.skew != null ? b.skew : Duration.ofMinutes(5);
        this.maxAge = b.maxAge != null ? b.maxAge : Duration.ofMinutes(10);
        this.allowTestPatients = b.allowTestPatients;
        this.rejectAuthClientSigner = b.rejectAuthClientSigner;
        this.firstRoleSystems = Set.copyOf(b.firstRoleSystems);
        this.brisDeGlaceProfessions = Set.copyOf(b.brisDeGlaceProfessions);
        this.centre15Professions = Set.copyOf(b.centre15Professions);
        this.replayDetection = b.replayDetection;
    }

    /**
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Extracts the assertion bytes from an HTTP header value as {@code sdk-auth} places it:
     * {@code IHE-SAML <base64>}, {@code Bearer <base64url>} or a bare base64/base64url value.
     *
     * @param headerValue the header value
     * @return the assertion bytes, or empty if the value is not an encoded XML assertion (e.g. a JWT)
     */
    public static Optional<byte[]> assertionFromHeader(String headerValue) {
        Objects.requireNonNull(headerValue, "headerValue");
        String value = headerValue.trim();
        int space = value.indexOf(' ');
        if (space > 0) {
            value = value.substring(space + 1).trim();
        }
        if (value.length() > MAX_BYTES * 2) {
            return Optional.empty();
        }
        try {
            byte[] decoded = value.indexOf('-') >= 0 || value.indexOf('_') >= 0
                    ? java.util.Base64.getUrlDecoder().decode(value) : java.util.Base64.getMimeDecoder().decode(value);
            String start = new String(decoded, 0, Math.min(decoded.length, 64), java.nio.charset.StandardCharsets.UTF_8)
                    .trim();
            return start.startsWith("<") ? Optional.of(decoded) : Optional.empty();
        } catch (IllegalArgumentException e) {
            try {
                byte[] decoded = java.util.Base64.getUrlDecoder().decode(value);
                return decoded.length > 0 && decoded[0] == '<' ? Optional.of(decoded) : Optional.empty();
            } catch (IllegalArgumentException again) {
                return Optional.empty();
            }
        }
    }

    /**
     * Verifies a VIHF without a TLS certificate or an expected patient.
     *
     * @param assertionXml the assertion bytes, exactly as received
     * @return accepted with the caller, or refused with the first failing check
     */
    public VihfVerification verify(byte[] assertionXml) {
        return verify(assertionXml, Optional.empty(), Optional.empty());
    }

    /**
     * @param assertionXml the assertion bytes, exactly as received
     * @param tlsClientCertificate the TLS client certificate of the connection, if known
     * @param expectedPatientCx the patient of the request ({@code matricule^^^&oid&ISO^NH}), if any
     * @return accepted with the caller, or refused with the first failing check
     */
    public VihfVerification verify(byte[] assertionXml, Optional<X509Certificate> tlsClientCertificate,
            Optional<String> expectedPatientCx) {
        Objects.requireNonNull(assertionXml, "assertionXml");
        Objects.requireNonNull(tlsClientCertificate, "tlsClientCertificate");
        Objects.requireNonNull(expectedPatientCx, "expectedPatientCx");
        try {
            return new VihfVerification.Accepted(check(assertionXml, tlsClientCertificate, expectedPatientCx));
        } catch (Refusal r) {
            return new VihfVerification.Refused(r.failure);
        }
    }

    private VerifiedCaller check(byte[] xml, Optional<X509Certificate> tls, Optional<String> expectedPatient)
            throws Refusal {
        Instant now = clock.instant();
        // 1. XML hardening and wrapping defence
        Document doc = parse(xml);
        Element assertion = doc.getDocumentElement();
        if (!SAML_NS.equals(assertion.getNamespaceURI()) || !"Assertion".equals(assertion.getLocalName())) {
            throw refuse(VIHF_MALFORMED, "Assertion", "the root element is not a SAML 2.0 Assertion");
        }
        if (doc.getElementsByTagNameNS(SAML_NS, "Assertion").getLength() != 1) {
            throw refuse(VIHF_MALFORMED, "Assertion", "more than one Assertion");
        }
        if (!"2.0".equals(assertion.getAttribute("Version"))) {
            throw refuse(VIHF_MALFORMED, "Version", "Version must be 2.0");
        }
        String id = assertion.getAttribute("ID");
        if (id.isEmpty() || !id.matches("[A-Za-z_][A-Za-z0-9._-]*")) {
            throw refuse(VIHF_MALFORMED, "ID", "the assertion ID is absent or not an NCName");
        }
        if (countIdAttributes(doc.getDocumentElement(), id) != 1) {
            throw refuse(VIHF_MALFORMED, "ID", "the assertion ID appears more than once (signature wrapping)");
        }
        assertion.setIdAttribute("ID", true);

        // 2. signature
        X509Certificate signer = checkSignature(assertion, id);

        // 3. certificate
        checkCertificate(signer, now);

        // 4. Issuer
        Element issuer = child(assertion, SAML_NS, "Issuer")
                .orElseThrow(() -> refuse(VIHF_ISSUER_MISMATCH, "Issuer", "no Issuer"));
        if (!X509_SUBJECT_NAME.equals(issuer.getAttribute("Format"))) {
            throw refuse(VIHF_ISSUER_MISMATCH, "Issuer/@Format", "the Issuer Format must be X509SubjectName");
        }
        if (!sameName(issuer.getTextContent().trim(), signer)) {
            throw refuse(VIHF_ISSUER_MISMATCH, "Issuer", "the Issuer is not the signing certificate's subject");
        }

        Map<String, List<Element>> attributes = attributes(assertion);
        String mode = text(attributes, "Authentification_Mode").orElse("");

        // 5. TLS binding (indirect modes)
        Optional<String> structureId = text(attributes, "Identifiant_Structure");
        if (tls.isPresent() && mode.startsWith("INDIRECTE")) {
            Optional<String> tlsOu = rdn(tls.get(), "OU");
            Optional<String> signerOu = rdn(signer, "OU");
            if (tlsOu.isEmpty() || !tlsOu.equals(signerOu) || !tlsOu.equals(structureId)) {
                throw refuse(VIHF_STRUCTURE_MISMATCH, "Identifiant_Structure",
                        "the TLS certificate, the signing certificate and Identifiant_Structure must name the same structure");
            }
        }

        // 6. time
        Instant issueInstant = instant(assertion.getAttribute("IssueInstant"), "IssueInstant");
        if (issueInstant.isAfter(now.plus(skew))) {
            throw refuse(VIHF_NOT_YET_VALID, "IssueInstant", "issued in the future");
        }
        if (issueInstant.isBefore(now.minus(maxAge))) {
            throw refuse(VIHF_EXPIRED, "IssueInstant", "issued more than " + maxAge + " ago");
        }
        Optional<Element> conditions = child(assertion, SAML_NS, "Conditions");
        Optional<Instant> notOnOrAfter = Optional.empty();
        if (conditions.isPresent()) {
            if (conditions.get().hasAttribute("NotBefore")
                    && instant(conditions.get().getAttribute("NotBefore"), "NotBefore").isAfter(now.plus(skew))) {
                throw refuse(VIHF_NOT_YET_VALID, "Conditions/@NotBefore", "not valid yet");
            }
            if (conditions.get().hasAttribute("NotOnOrAfter")) {
                notOnOrAfter = Optional.of(instant(conditions.get().getAttribute("NotOnOrAfter"), "NotOnOrAfter"));
                if (!notOnOrAfter.get().plus(skew).isAfter(now)) {
                    throw refuse(VIHF_EXPIRED, "Conditions/@NotOnOrAfter", "past NotOnOrAfter");
                }
            }
        }
        Element authn = child(assertion, SAML_NS, "AuthnStatement")
                .orElseThrow(() -> refuse(VIHF_ATTRIBUTE_MISSING, "AuthnStatement", "no AuthnStatement"));
        if (instant(authn.getAttribute("AuthnInstant"), "AuthnInstant").isAfter(now.plus(skew))) {
            throw refuse(VIHF_ATTRIBUTE_INVALID, "AuthnStatement/@AuthnInstant", "authentication in the future");
        }

        // 7. audience
        List<String> warnings = new ArrayList<>();
        if (conditions.isPresent() && child(conditions.get(), SAML_NS, "AudienceRestriction").isPresent()) {
            warnings.add("AudienceRestriction should not be filled");
        }

        // 8. required attributes
        String nameId = child(assertion, SAML_NS, "Subject").flatMap(s -> child(s, SAML_NS, "NameID"))
                .map(e -> e.getTextContent().trim()).filter(s -> !s.isEmpty())
                .orElseThrow(() -> refuse(VIHF_ATTRIBUTE_MISSING, "Subject/NameID", "no NameID"));
        require(attributes, "VIHF_Version");
        require(attributes, "Authentification_Mode");
        if (!MODES.contains(mode)) {
            throw refuse(VIHF_ATTRIBUTE_INVALID, "Authentification_Mode", "must be DIRECTE, INDIRECTE or INDIRECTE_RENFORCEE");
        }
        if (mode.startsWith("INDIRECTE")) {
            require(attributes, "Identifiant_Structure");
        }
        String secteur = require(attributes, "Secteur_Activite");
        if (!secteur.matches("[^^]+\\^[0-2](\\.\\d+)+")) {
            throw refuse(VIHF_ATTRIBUTE_INVALID, "Secteur_Activite", "must be code^OID");
        }
        String displayName = require(attributes, SUBJECT_ID);
        List<VerifiedCaller.Role> roles = roles(attributes);
        String resourceUrn = require(attributes, "Ressource_URN");
        Optional<String> patient = text(attributes, RESOURCE_ID);
        if ("urn:dmp".equals(resourceUrn) && patient.isEmpty()) {
            throw refuse(VIHF_ATTRIBUTE_MISSING, RESOURCE_ID, "a DMP VIHF names the patient");
        }
        if (patient.isPresent()) {
            checkPatient(patient.get());
        }
        String lpsName = require(attributes, "LPS_Nom");
        String lpsVersion = require(attributes, "LPS_Version");
        String homologation = require(attributes, "LPS_ID_HOMOLOGATION_DMP");
        if (expectedPatient.isPresent() && !expectedPatient.equals(patient)) {
            throw refuse(VIHF_PATIENT_MISMATCH, RESOURCE_ID, "the VIHF names another patient than the request");
        }

        // 9. consistency with the mode
        if (!nameId.matches("[80][0-9]{10,}") && !nameId.contains("/")) {
            throw refuse(VIHF_ATTRIBUTE_INVALID, "Subject/NameID",
                    "NameID must be an IdNat_PS (8+RPPS, 0+ADELI) or <Struct_IdNat>/<local id>");
        }
        String classRef = child(authn, SAML_NS, "AuthnContext").flatMap(c -> child(c, SAML_NS, "AuthnContextClassRef"))
                .map(e -> e.getTextContent().trim())
                .orElseThrow(() -> refuse(VIHF_ATTRIBUTE_MISSING, "AuthnContextClassRef", "no AuthnContextClassRef"));
        if (SMARTCARD.equals(classRef) != "DIRECTE".equals(mode)) {
            throw refuse(VIHF_ATTRIBUTE_INVALID, "AuthnContextClassRef", "SmartcardPKI goes with DIRECTE, and only with it");
        }
        if ("DIRECTE".equals(mode) && tls.isPresent() && !Optional.of(nameId).equals(rdn(tls.get(), "CN"))) {
            throw refuse(VIHF_ATTRIBUTE_INVALID, "Subject/NameID", "in direct mode NameID is the card certificate's CN");
        }
        if ("DIRECTE".equals(mode) && tls.isPresent() && rdn(tls.get(), "2.5.4.42").isEmpty()) {
            throw refuse(VIHF_ATTRIBUTE_INVALID, "Authentification_Mode", "DIRECTE needs a card (PP) TLS certificate");
        }

        // 10. access mode
        AccessMode accessMode = AccessMode.NORMAL;
        List<Element> purpose = attributes.getOrDefault(PURPOSE_OF_USE, List.of());
        if (!purpose.isEmpty()) {
            Element value = firstElementChild(purpose.get(0)).flatMap(VihfVerifier::firstElementChild)
                    .orElseThrow(() -> refuse(VIHF_ATTRIBUTE_INVALID, PURPOSE_OF_USE, "no PurposeOfUse value"));
            if (!MODE_ACCES_SYSTEM.equals(value.getAttribute("codeSystem"))) {
                throw refuse(VIHF_ATTRIBUTE_INVALID, PURPOSE_OF_USE, "codeSystem must be " + MODE_ACCES_SYSTEM);
            }
            try {
                accessMode = AccessMode.fromCode(value.getAttribute("code"));
            } catch (IllegalArgumentException e) {
                throw refuse(VIHF_ATTRIBUTE_INVALID, PURPOSE_OF_USE, "unknown access mode");
            }
        }
        Optional<String> reason = text(attributes, ACCESS_REASON).filter(s -> !s.isBlank());
        String profession = roles.get(0).code();
        if (accessMode == AccessMode.BRIS_DE_GLACE) {
            if (reason.isEmpty()) {
                throw refuse(VIHF_ATTRIBUTE_MISSING, ACCESS_REASON, "bris de glace needs a reason");
            }
            if (!brisDeGlaceProfessions.contains(profession)) {
                throw refuse(VIHF_MODE_ACCES_FORBIDDEN, PURPOSE_OF_USE, "bris de glace is not allowed for profession "
                        + profession);
            }
        }
        if (accessMode == AccessMode.CENTRE_REGULATION && !centre15Professions.contains(profession)) {
            throw refuse(VIHF_MODE_ACCES_FORBIDDEN, PURPOSE_OF_USE, "centre 15 access is not allowed for profession "
                    + profession);
        }

        // 11. replay
        if (replayDetection) {
            seenIds.values().removeIf(until -> until.isBefore(now));
            Instant keepUntil = notOnOrAfter.orElse(issueInstant.plus(maxAge)).plus(skew);
            if (seenIds.putIfAbsent(id, keepUntil) != null) {
                throw refuse(VIHF_REPLAYED, "ID", "this assertion was already used");
            }
        }
        return new VerifiedCaller(nameId, displayName, mode, structureId, secteur, roles, accessMode, reason, patient,
                resourceUrn, lpsName + " " + lpsVersion, homologation, id,
                signer.getSubjectX500Principal().getName(), notOnOrAfter, warnings);
    }

    /**
     * The JDK's own factory, so that jdk.xml.maxElementDepth is honoured whatever JAXP implementation
     * is on the class path: deep XML must not reach the recursive checks. Made once (a factory per
     * call cost more than the parse of a VIHF) and only read afterwards; each call gets its own builder.
     */
    private static final DocumentBuilderFactory FACTORY = factory();

    private static DocumentBuilderFactory factory() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setAttribute("jdk.xml.maxElementDepth", Integer.toString(MAX_DEPTH));
            factory.setExpandEntityReferences(false);
            return factory;
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be secured", e);
        }
    }

    private Document parse(byte[] xml) throws Refusal {
        if (xml.length > MAX_BYTES) {
            throw refuse(VIHF_MALFORMED, null, "larger than " + MAX_BYTES + " bytes");
        }
        try {
            var builder = FACTORY.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            if (String.valueOf(e.getMessage()).contains("JAXP00010006")) {
                throw refuse(VIHF_MALFORMED, null, "elements nest deeper than " + MAX_DEPTH + " levels");
            }
            throw refuse(VIHF_MALFORMED, null, "not well-formed XML, or contains a DTD");
        }
    }

    private X509Certificate checkSignature(Element assertion, String id) throws Refusal {
        List<Element> signatures = new ArrayList<>();
        NodeList all = assertion.getElementsByTagNameNS(DSIG_NS, "Signature");
        for (int i = 0; i < all.getLength(); i++) {
            signatures.add((Element) all.item(i));
        }
        if (signatures.isEmpty()) {
            throw refuse(VIHF_SIGNATURE_INVALID, "Signature", "the VIHF is not signed");
        }
        if (signatures.size() != 1 || signatures.get(0).getParentNode() != assertion) {
            throw refuse(VIHF_SIGNATURE_INVALID, "Signature", "exactly one enveloped signature, child of the Assertion");
        }
        try {
            XMLSignatureFactory factory = XMLSignatureFactory.getInstance("DOM");
            X509Certificate[] found = new X509Certificate[1];
            DOMValidateContext context = new DOMValidateContext(new KeySelector() {
                @Override
                public KeySelectorResult select(KeyInfo keyInfo, Purpose purpose, AlgorithmMethod method,
                        XMLCryptoContext ctx) throws KeySelectorException {
                    if (keyInfo != null) {
                        for (Object item : keyInfo.getContent()) {
                            if (item instanceof X509Data data) {
                                for (Object content : data.getContent()) {
                                    if (content instanceof X509Certificate certificate) {
                                        found[0] = certificate;
                                        Key key = certificate.getPublicKey();
                                        return () -> key;
                                    }
                                }
                            }
                        }
                    }
                    throw new KeySelectorException("no X509Certificate in KeyInfo");
                }
            }, signatures.get(0));
            context.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.TRUE);
            XMLSignature signature = factory.unmarshalXMLSignature(context);
            var signedInfo = signature.getSignedInfo();
            if (!CanonicalizationMethod.EXCLUSIVE.equals(signedInfo.getCanonicalizationMethod().getAlgorithm())) {
                throw refuse(VIHF_SIGNATURE_INVALID, "CanonicalizationMethod", "must be exclusive c14n");
            }
            if (!SignatureMethod.RSA_SHA256.equals(signedInfo.getSignatureMethod().getAlgorithm())) {
                throw refuse(VIHF_SIGNATURE_INVALID, "SignatureMethod", "must be rsa-sha256");
            }
            if (signedInfo.getReferences().size() != 1) {
                throw refuse(VIHF_SIGNATURE_INVALID, "Reference", "exactly one Reference");
            }
            Reference reference = (Reference) signedInfo.getReferences().get(0);
            if (!("#" + id).equals(reference.getURI())) {
                throw refuse(VIHF_SIGNATURE_INVALID, "Reference/@URI", "the reference must point to the Assertion ID");
            }
            if (!DigestMethod.SHA256.equals(reference.getDigestMethod().getAlgorithm())) {
                throw refuse(VIHF_SIGNATURE_INVALID, "DigestMethod", "must be sha256");
            }
            for (Object transform : reference.getTransforms()) {
                String algorithm = ((Transform) transform).getAlgorithm();
                if (!Transform.ENVELOPED.equals(algorithm) && !CanonicalizationMethod.EXCLUSIVE.equals(algorithm)) {
                    throw refuse(VIHF_SIGNATURE_INVALID, "Transform", "only enveloped-signature and exclusive c14n");
                }
            }
            if (!signature.validate(context)) {
                throw refuse(VIHF_SIGNATURE_INVALID, "Signature", "the digest or the signature does not verify");
            }
            return found[0];
        } catch (Refusal r) {
            throw r;
        } catch (Exception e) {
            throw refuse(VIHF_SIGNATURE_INVALID, "Signature", "the signature cannot be read or verified: "
                    + e.getClass().getSimpleName());
        }
    }

    private void checkCertificate(X509Certificate signer, Instant now) throws Refusal {
        try {
            signer.checkValidity(Date.from(now));
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            throw refuse(VIHF_CERT_EXPIRED, "KeyInfo", "the signing certificate is outside its validity period");
        }
        try {
            Set<TrustAnchor> anchors = new HashSet<>();
            roots.forEach(r -> anchors.add(new TrustAnchor(r, null)));
            List<X509Certificate> path = new ArrayList<>();
            path.add(signer);
            X509Certificate current = signer;
            for (int depth = 0; depth < 5; depth++) {
                final X509Certificate child = current;
                Optional<X509Certificate> parent = intermediates.stream()
                        .filter(c -> c.getSubjectX500Principal().equals(child.getIssuerX500Principal()))
                        .findFirst();
                if (parent.isEmpty() || path.contains(parent.get())) {
                    break;
                }
                path.add(parent.get());
                current = parent.get();
            }
            PKIXParameters parameters = new PKIXParameters(anchors);
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(now));
            CertPathValidator.getInstance("PKIX").validate(
                    CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
        } catch (CertPathValidatorException e) {
            throw refuse(VIHF_CERT_UNTRUSTED, "KeyInfo", "the signing certificate does not chain to the trusted CA");
        } catch (Exception e) {
            throw refuse(VIHF_CERT_UNTRUSTED, "KeyInfo", "the signing certificate cannot be verified");
        }
        Optional<X509CRL> revocations = crl.get();
        if (revocations.isPresent() && revocations.get().isRevoked(signer)) {
            throw refuse(VIHF_CERT_REVOKED, "KeyInfo", "the signing certificate is revoked");
        }
        boolean[] usage = signer.getKeyUsage();
        if (usage != null && !usage[0] && !usage[1]) {
            throw refuse(VIHF_CERT_USAGE, "KeyInfo", "the signing certificate may not sign (key usage)");
        }
        try {
            List<String> eku = signer.getExtendedKeyUsage();
            boolean nonRepudiation = usage != null && usage[1];
            if (rejectAuthClientSigner && eku != null && eku.contains("1.3.6.1.5.5.7.3.2") && !nonRepudiation
                    && rdn(signer, "2.5.4.42").isEmpty()) {
                throw refuse(VIHF_CERT_USAGE, "KeyInfo",
                        "an ORG AUTH_CLI certificate signed the VIHF: use the structure's ORG SIGN certificate");
            }
        } catch (java.security.cert.CertificateParsingException e) {
            throw refuse(VIHF_CERT_USAGE, "KeyInfo", "unreadable extended key usage");
        }
    }

    private void checkPatient(String cx) throws Refusal {
        String[] parts = cx.split("\\^", -1);
        if (parts.length != 5 || !parts[0].matches("[0-9A-Za-z]{15}") || !"NH".equals(parts[4])
                || !parts[3].startsWith("&") || !parts[3].endsWith("&ISO")) {
            throw refuse(VIHF_ATTRIBUTE_INVALID, RESOURCE_ID, "must be matricule^^^&oid&ISO^NH");
        }
        String oid = parts[3].substring(1, parts[3].length() - 4);
        Optional<InsOid> insOid = InsOid.find(oid);
        if (insOid.isEmpty()) {
            throw refuse(VIHF_ATTRIBUTE_INVALID, RESOURCE_ID, "not an INS OID: " + oid);
        }
        if (!allowTestPatients && !insOid.get().isProduction()) {
            throw refuse(VIHF_ATTRIBUTE_INVALID, RESOURCE_ID, "test INS OID in a production environment");
        }
    }

    private List<VerifiedCaller.Role> roles(Map<String, List<Element>> attributes) throws Refusal {
        List<Element> roleAttributes = attributes.getOrDefault(ROLE, List.of());
        if (roleAttributes.isEmpty()) {
            throw refuse(VIHF_ATTRIBUTE_MISSING, ROLE, "no role");
        }
        List<VerifiedCaller.Role> roles = new ArrayList<>();
        for (Element value : elementChildren(roleAttributes.get(0))) {
            Element ce = firstElementChild(value)
                    .orElseThrow(() -> refuse(VIHF_ATTRIBUTE_INVALID, ROLE, "a role value is not a CE element"));
            if (!HL7_NS.equals(ce.getNamespaceURI()) || ce.getAttribute("code").isBlank()
                    || !ce.getAttribute("codeSystem").matches("[0-2](\\.\\d+)+")) {
                throw refuse(VIHF_ATTRIBUTE_INVALID, ROLE, "a role needs code and codeSystem (hl7v3 CE)");
            }
            roles.add(new VerifiedCaller.Role(ce.getAttribute("code"), ce.getAttribute("codeSystem"),
                    ce.getAttribute("displayName")));
        }
        if (roles.isEmpty()) {
            throw refuse(VIHF_ATTRIBUTE_MISSING, ROLE, "no role value");
        }
        VerifiedCaller.Role first = roles.get(0);
        if (!firstRoleSystems.contains(first.codeSystem())) {
            throw refuse(VIHF_ATTRIBUTE_INVALID, ROLE, "the first role's code system is not allowed: "
                    + first.codeSystem());
        }
        if (PROFESSION_SYSTEM.equals(first.codeSystem()) && Set.of("10", "21").contains(first.code())
                && roles.size() < 2) {
            throw refuse(VIHF_ATTRIBUTE_MISSING, ROLE + "[2]", "physicians and pharmacists need a second role");
        }
        return roles;
    }

    private static Map<String, List<Element>> attributes(Element assertion) {
        Map<String, List<Element>> byName = new LinkedHashMap<>();
        child(assertion, SAML_NS, "AttributeStatement").ifPresent(statement -> {
            for (Element attribute : elementChildren(statement)) {
                if (SAML_NS.equals(attribute.getNamespaceURI()) && "Attribute".equals(attribute.getLocalName())) {
                    // DMPi tokens spell it Authentification_mode (lower-case m): both spellings are one attribute
                    String name = "Authentification_mode".equals(attribute.getAttribute("Name"))
                            ? "Authentification_Mode" : attribute.getAttribute("Name");
                    byName.computeIfAbsent(name, k -> new ArrayList<>()).add(attribute);
                }
            }
        });
        return byName;
    }

    private static Optional<String> text(Map<String, List<Element>> attributes, String name) {
        List<Element> found = attributes.getOrDefault(name, List.of());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        return firstElementChild(found.get(0)).map(v -> v.getTextContent().trim()).filter(s -> !s.isEmpty());
    }

    private static String require(Map<String, List<Element>> attributes, String name) throws Refusal {
        if (attributes.getOrDefault(name, List.of()).size() > 1) {
            throw refuse(VIHF_ATTRIBUTE_INVALID, name, "given more than once");
        }
        return text(attributes, name).orElseThrow(() -> refuse(VIHF_ATTRIBUTE_MISSING, name, "required"));
    }

    private static Instant instant(String value, String name) throws Refusal {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw refuse(VIHF_ATTRIBUTE_INVALID, name, "not a UTC instant");
        }
    }

    private static int countIdAttributes(Element element, String id) {
        int count = element.getAttribute("ID").equals(id) ? 1 : 0;
        for (Element child : elementChildren(element)) {
            count += countIdAttributes(child, id);
        }
        return count;
    }

    private static Optional<Element> child(Element parent, String ns, String local) {
        for (Element child : elementChildren(parent)) {
            if (ns.equals(child.getNamespaceURI()) && local.equals(child.getLocalName())) {
                return Optional.of(child);
            }
        }
        return Optional.empty();
    }

    private static Optional<Element> firstElementChild(Element parent) {
        List<Element> children = elementChildren(parent);
        return children.isEmpty() ? Optional.empty() : Optional.of(children.get(0));
    }

    private static List<Element> elementChildren(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                children.add(e);
            }
        }
        return children;
    }

    /**
     * RFC 2253 comparison tolerant of the spellings seen in VIHFs: ST/S, GN/G, SN keywords, spaces
     * after commas, and either RDN order (most specific first, or C first as in the ANS samples).
     */
    private static boolean sameName(String issuerText, X509Certificate signer) {
        try {
            String text = issuerText.replaceAll("(^|,)\\s*S=", "$1ST=").replaceAll("(^|,)\\s*G=", "$1GN=");
            var named = new javax.naming.ldap.LdapName(text);
            var subject = new javax.naming.ldap.LdapName(signer.getSubjectX500Principal()
                    .getName(X500Principal.RFC2253, Map.of("2.5.4.42", "GN", "2.5.4.4", "SN", "2.5.4.5",
                            "SERIALNUMBER", "2.5.4.12", "T")));
            if (named.equals(subject)) {
                return true;
            }
            List<javax.naming.ldap.Rdn> reversed = new ArrayList<>(named.getRdns());
            java.util.Collections.reverse(reversed);
            return new javax.naming.ldap.LdapName(reversed).equals(subject);
        } catch (javax.naming.InvalidNameException | IllegalArgumentException e) {
            return false;
        }
    }

    private static Optional<String> rdn(X509Certificate certificate, String type) {
        try {
            var name = new javax.naming.ldap.LdapName(certificate.getSubjectX500Principal().getName(X500Principal.RFC2253));
            for (var rdn : name.getRdns()) {
                if (rdn.getType().equalsIgnoreCase(type)) {
                    return Optional.of(rdn.getValue().toString());
                }
            }
        } catch (javax.naming.InvalidNameException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Refusal refuse(Code code, String attribute, String message) {
        return new Refusal(new VihfFailure(code, Optional.ofNullable(attribute), message));
    }

    private static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient VihfFailure failure;

        Refusal(VihfFailure failure) {
            super(failure.codeAndAttribute(), null, false, false);
            this.failure = failure;
        }
    }

    /**
     * Builds a {@link VihfVerifier}; the trusted CA is required, everything else has a default. Each
     * setting may be given once; trusted CAs and first role systems add up.
     */
    public static final class Builder {

        private final Set<String> given = new HashSet<>();

        private void once(String setting) {
            if (!given.add(setting)) {
                throw new IllegalStateException(setting + " was already set");
            }
        }

        private final List<X509Certificate> roots = new ArrayList<>();
        private final List<X509Certificate> intermediates = new ArrayList<>();
        private Supplier<Optional<X509CRL>> crl;
        private Clock clock;
        private Duration skew;
        private Duration maxAge;
        private boolean allowTestPatients = true;
        private boolean rejectAuthClientSigner = true;
        private boolean replayDetection;
        private final Set<String> firstRoleSystems = new HashSet<>(Set.of(PROFESSION_SYSTEM,
                "1.2.250.1.71.1.2.8", "1.2.250.1.213.1.1.4.6"));
        private Set<String> brisDeGlaceProfessions = Set.of("10");
        private Set<String> centre15Professions = Set.of("10");

        private Builder() {
        }

        /**
         * @param ca a test CA: its root is trusted, its intermediate known, its CRL checked
         * @return this builder
         */
        public Builder trust(TestCa ca) {
            roots.add(ca.root());
            intermediates.add(ca.intermediate());
            if (crl == null) {
                crl = () -> Optional.of(ca.crl());
            }
            return this;
        }

        /**
         * @param root a trusted root
         * @param known intermediates it issued
         * @return this builder
         */
        public Builder trust(X509Certificate root, List<X509Certificate> known) {
            roots.add(Objects.requireNonNull(root, "root"));
            intermediates.addAll(known);
            return this;
        }

        /**
         * @param value where to get the current CRL (default: the TestCa's)
         * @return this builder
         */
        public Builder crl(Supplier<Optional<X509CRL>> value) {
            once("crl");
            crl = Objects.requireNonNull(value, "crl");
            return this;
        }

        /**
         * @param value the clock (default system UTC)
         * @return this builder
         */
        public Builder clock(Clock value) {
            once("clock");
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * @param value the allowed clock skew (default 5 min)
         * @return this builder
         */
        public Builder clockSkew(Duration value) {
            once("clockSkew");
            skew = Objects.requireNonNull(value, "skew");
            return this;
        }

        /**
         * @param value the maximum age of IssueInstant (default 10 min, unsure)
         * @return this builder
         */
        public Builder maxAge(Duration value) {
            once("maxAge");
            maxAge = Objects.requireNonNull(value, "maxAge");
            return this;
        }

        /**
         * @param value whether test INS OIDs are accepted (default true: a test kit)
         * @return this builder
         */
        public Builder allowTestPatients(boolean value) {
            once("allowTestPatients");
            allowTestPatients = value;
            return this;
        }

        /**
         * @param value whether an AUTH_CLI certificate may not sign (default true, unsure)
         * @return this builder
         */
        public Builder rejectAuthClientSigner(boolean value) {
            once("rejectAuthClientSigner");
            rejectAuthClientSigner = value;
            return this;
        }

        /**
         * @param value whether a reused assertion ID is refused (default false)
         * @return this builder
         */
        public Builder replayDetection(boolean value) {
            once("replayDetection");
            replayDetection = value;
            return this;
        }

        /**
         * @param oids more code systems allowed for the first role
         * @return this builder
         */
        public Builder allowFirstRoleSystems(String... oids) {
            firstRoleSystems.addAll(List.of(oids));
            return this;
        }

        /**
         * @param professions the professions allowed bris de glace (default 10, physician)
         * @return this builder
         */
        public Builder brisDeGlaceProfessions(Set<String> professions) {
            once("brisDeGlaceProfessions");
            brisDeGlaceProfessions = Set.copyOf(professions);
            return this;
        }

        /**
         * @param professions the professions allowed centre 15 access (default 10)
         * @return this builder
         */
        public Builder centre15Professions(Set<String> professions) {
            once("centre15Professions");
            centre15Professions = Set.copyOf(professions);
            return this;
        }

        /**
         * @return the verifier
         */
        public VihfVerifier build() {
            return new VihfVerifier(this);
        }
    }
}
