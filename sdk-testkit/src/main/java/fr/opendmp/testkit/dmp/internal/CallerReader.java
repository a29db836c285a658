package fr.opendmp.testkit.dmp.internal;

import com.fasterxml.jackson.databind.JsonNode;
import fr.opendmp.core.access.AccessMode;
import fr.opendmp.core.ins.InsMatricule;
import fr.opendmp.testkit.dmp.FakeDmpClaims;
import fr.opendmp.testkit.dmp.FakeProfessional;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Reads the caller from {@code Authorization: Bearer <JWT>} or {@code Authorization: IHE-SAML <VIHF>}. */
public final class CallerReader {
    private static final String SAML = "urn:oasis:names:tc:SAML:2.0:assertion";
    private static final int MAX_CREDENTIAL = 64 * 1024;

    private final FakeProfessional defaultProfessional;
    private final CredentialVerifier verifier;
    private final Optional<VihfCallers> vihfCallers;

    /** Creates a reader; requests without credential act as {@code defaultProfessional}. */
    public CallerReader(FakeProfessional defaultProfessional, CredentialVerifier verifier) {
        this(defaultProfessional, verifier, Optional.empty());
    }

    /**
     * Creates a reader; with {@code vihfCallers} present (AuthMode.VERIFY) only a verified VIHF
     * makes a caller and there is no default professional.
     */
    public CallerReader(FakeProfessional defaultProfessional, CredentialVerifier verifier,
            Optional<VihfCallers> vihfCallers) {
        this.defaultProfessional = defaultProfessional;
        this.verifier = verifier;
        this.vihfCallers = vihfCallers;
    }

    /** @return whether credentials are verified (AuthMode.VERIFY) */
    public boolean verifying() {
        return vihfCallers.isPresent();
    }

    /**
     * @param authorization the Authorization header, if any
     * @param tlsClientCertificate the TLS client certificate of the connection, if any
     * @return the caller, or throws a 401/403 FhirException
     */
    public Caller read(Optional<String> authorization, Optional<java.security.cert.X509Certificate> tlsClientCertificate) {
        if (vihfCallers.isPresent()) {
            if (authorization.map(String::length).orElse(0) > MAX_CREDENTIAL) {
                throw unauthenticated("the credential is too large");
            }
            return vihfCallers.get().read(authorization, tlsClientCertificate);
        }
        return read(authorization);
    }

    /**
     * DMPi: the caller of a SOAP request from the {@code saml2:Assertion} of its {@code wsse:Security}
     * header: verified in AuthMode.VERIFY, only read in AuthMode.OFF (the default professional when absent).
     *
     * @param assertion the serialized assertion, if any
     * @param tlsClientCertificate the TLS client certificate, if any
     * @param patientRequired whether the operation names a patient
     * @return the caller, or throws a 401/403 FhirException
     */
    public Caller readSoap(Optional<byte[]> assertion, Optional<java.security.cert.X509Certificate> tlsClientCertificate,
            boolean patientRequired) {
        if (assertion.isPresent() && assertion.get().length > MAX_CREDENTIAL) {
            throw unauthenticated("the credential is too large");
        }
        if (vihfCallers.isPresent()) {
            if (assertion.isEmpty()) {
                throw FhirException.of(401, "login", "CREDENTIAL_MISSING",
                        "a signed VIHF is required in wsse:Security", "");
            }
            if (unsignedDirect(assertion.get(), tlsClientCertificate)) {
                return unsignedDirectCaller(assertion.get(), tlsClientCertificate.get(), patientRequired);
            }
            return vihfCallers.get().readAssertion(assertion.get(), tlsClientCertificate, patientRequired);
        }
        if (assertion.isEmpty()) {
            return new Caller(defaultProfessional, AccessMode.NORMAL, Optional.empty(), Optional.empty());
        }
        return fromSaml(Base64.getEncoder().encodeToString(assertion.get()));
    }

    /**
     * DMPi direct mode (spec dmp-xds §2.1, §17.1 step 3): an unsigned VIHF is accepted when the TLS client
     * certificate is a card certificate (it has a givenName) whose CN is the assertion's NameID.
     */
    private static boolean unsignedDirect(byte[] assertion, Optional<java.security.cert.X509Certificate> tls) {
        String text = utf8(assertion);
        return tls.isPresent() && !text.contains("http://www.w3.org/2000/09/xmldsig#")
                && rdn(tls.get(), "2.5.4.42").isPresent();
    }

    private Caller unsignedDirectCaller(byte[] assertion, java.security.cert.X509Certificate tls, boolean patientRequired) {
        if (XmlDepth.deeperThan(assertion, 32)) {
            throw unauthenticated("the VIHF nests too deep");
        }
        Caller c = fromSaml(Base64.getEncoder().encodeToString(assertion));
        if (!"DIRECTE".equals(c.professional().authenticationMode())) {
            throw FhirException.of(401, "security", "VIHF_SIGNATURE_INVALID",
                    "only a DIRECTE VIHF may be unsigned", "Signature");
        }
        if (!Optional.of(c.id()).equals(rdn(tls, "CN"))) {
            throw FhirException.of(401, "security", "VIHF_ATTRIBUTE_INVALID:Subject/NameID",
                    "in direct mode NameID is the card certificate's CN", "Subject/NameID");
        }
        if (patientRequired && c.patientIns().isEmpty()) {
            throw FhirException.of(403, "forbidden", "VIHF_NO_PATIENT",
                    "a DMP request needs a VIHF naming the patient (resource-id)", "resource-id");
        }
        return c;
    }

    private static Optional<String> rdn(java.security.cert.X509Certificate certificate, String type) {
        try {
            var name = new javax.naming.ldap.LdapName(certificate.getSubjectX500Principal()
                    .getName(javax.security.auth.x500.X500Principal.RFC2253));
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

    /** @return the caller, or throws a 401 FhirException for an unreadable credential */
    public Caller read(Optional<String> authorization) {
        if (authorization.isEmpty() || authorization.get().isBlank()) {
            return new Caller(defaultProfessional, AccessMode.NORMAL, Optional.empty(), Optional.empty());
        }
        String header = authorization.get().trim();
        if (header.length() > MAX_CREDENTIAL) {
            throw unauthenticated("the credential is too large");
        }
        int space = header.indexOf(' ');
        String scheme = space < 0 ? header : header.substring(0, space);
        String token = space < 0 ? "" : header.substring(space + 1).trim();
        verifier.verify(scheme, token);
        if (scheme.equalsIgnoreCase("Bearer")) {
            return fromJwt(token);
        }
        if (scheme.equalsIgnoreCase("IHE-SAML")) {
            return fromSaml(token);
        }
        throw unauthenticated("unsupported Authorization scheme (expected Bearer or IHE-SAML)");
    }

    private Caller fromJwt(String jwt) {
        String[] parts = jwt.split("\\.", -1);
        if (parts.length < 2) {
            throw unauthenticated("the bearer token is not a JWT");
        }
        JsonNode claims;
        try {
            claims = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (Exception e) {
            throw unauthenticated("the JWT payload is not base64url JSON");
        }
        if (claims == null || !claims.isObject()) {
            throw unauthenticated("the JWT payload is not a JSON object");
        }
        String sub = Json.text(claims, FakeDmpClaims.SUBJECT)
                .orElseThrow(() -> unauthenticated("the JWT has no sub (IdNat_PS)"));
        List<String> roles = new ArrayList<>();
        claims.path(FakeDmpClaims.SUBJECT_ROLE).forEach(r -> roles.add(r.asText()));
        FakeProfessional pro = professional(sub, Json.text(claims, FakeDmpClaims.GIVEN_NAME),
                Json.text(claims, FakeDmpClaims.FAMILY_NAME), Json.text(claims, FakeDmpClaims.STRUCTURE),
                roles, Json.text(claims, FakeDmpClaims.SECTOR), Json.text(claims, FakeDmpClaims.AUTHENTICATION_MODE));
        return new Caller(pro, mode(Json.text(claims, FakeDmpClaims.PURPOSE_OF_USE)),
                Json.text(claims, FakeDmpClaims.BRIS_DE_GLACE_REASON),
                Json.text(claims, FakeDmpClaims.RESOURCE_ID).map(CallerReader::matriculeOfCx));
    }

    private Caller fromSaml(String base64) {
        Document doc;
        try {
            byte[] xml = Base64.getMimeDecoder().decode(base64);
            doc = secureBuilder().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw unauthenticated("the IHE-SAML credential is not a base64 SAML assertion");
        }
        NodeList names = doc.getElementsByTagNameNS(SAML, "NameID");
        if (names.getLength() == 0 || names.item(0).getTextContent().isBlank()) {
            throw unauthenticated("the VIHF has no Subject/NameID");
        }
        String sub = names.item(0).getTextContent().trim();
        Optional<String> structure = Optional.empty();
        Optional<String> sector = Optional.empty();
        Optional<String> authMode = Optional.empty();
        Optional<String> purpose = Optional.empty();
        Optional<String> resource = Optional.empty();
        Optional<String> displayName = Optional.empty();
        Optional<String> reason = Optional.empty();
        List<String> roles = new ArrayList<>();
        NodeList attrs = doc.getElementsByTagNameNS(SAML, "Attribute");
        for (int i = 0; i < attrs.getLength(); i++) {
            Element attr = (Element) attrs.item(i);
            NodeList values = attr.getElementsByTagNameNS(SAML, "AttributeValue");
            String name = attr.getAttribute("Name");
            for (int v = 0; v < values.getLength(); v++) {
                Element value = (Element) values.item(v);
                Element ce = firstChildElement(value);
                String text = ce != null ? ce.getAttribute("code") + "^" + ce.getAttribute("codeSystem")
                        : value.getTextContent().trim();
                switch (name) {
                    case "Identifiant_Structure" -> structure = Optional.of(text);
                    case "Secteur_Activite" -> sector = Optional.of(text);
                    case "Authentification_Mode", "Authentification_mode" -> authMode = Optional.of(text);
                    case "urn:oasis:names:tc:xacml:2.0:subject:role" -> roles.add(text);
                    case "urn:oasis:names:tc:xspa:1.0:subject:purposeofuse", "Mode_Acces" ->
                            purpose = Optional.of(ce != null ? ce.getAttribute("code") : text);
                    case "urn:oasis:names:tc:xacml:2.0:resource:resource-id" -> resource = Optional.of(text);
                    case "Mode_Acces_Raison" -> reason = Optional.of(text);
                    case "urn:oasis:names:tc:xspa:1.0:subject:subject-id" -> displayName = Optional.of(text);
                    default -> { }
                }
            }
        }
        FakeProfessional pro = professional(sub, Optional.of(""), displayName, structure, roles, sector, authMode);
        return new Caller(pro, mode(purpose), reason, resource.map(CallerReader::matriculeOfCx));
    }

    private static Element firstChildElement(Element e) {
        for (org.w3c.dom.Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                return child;
            }
        }
        return null;
    }

    private FakeProfessional professional(String sub, Optional<String> given, Optional<String> family,
            Optional<String> structure, List<String> roles, Optional<String> sector, Optional<String> authMode) {
        String profession = roles.isEmpty() ? "10" : codeOf(roles.get(0));
        String specialty = roles.size() > 1 ? codeOf(roles.get(1)) : "";
        return FakeProfessional.of(sub, given.orElse(""), family.orElse(""), structure.orElse(""),
                profession.isBlank() ? "10" : profession, specialty, sector.map(CallerReader::codeOf).orElse(""),
                authMode.orElse("INDIRECTE_RENFORCEE"));
    }

    private static String codeOf(String codeCaretSystem) {
        int caret = codeCaretSystem.indexOf('^');
        return caret < 0 ? codeCaretSystem : codeCaretSystem.substring(0, caret);
    }

    private static AccessMode mode(Optional<String> purpose) {
        try {
            return purpose.map(AccessMode::fromCode).orElse(AccessMode.NORMAL);
        } catch (IllegalArgumentException e) {
            throw unauthenticated("unknown purposeofuse (expected normal, bris_de_glace or centre_15)");
        }
    }

    /** @return the matricule of a CX {@code matricule^^^&oid&ISO^NH}, or the value itself */
    static String matriculeOfCx(String cx) {
        int caret = cx.indexOf('^');
        String value = caret < 0 ? cx : cx.substring(0, caret);
        return InsMatricule.isValid(value) ? InsMatricule.parse(value).value() : value;
    }

    private static FhirException unauthenticated(String why) {
        return FhirException.of(401, "login", "INVALID_CREDENTIAL", why, "");
    }

    /** @return a DOM builder with DTDs and external entities disabled */
    public static DocumentBuilder secureBuilder() throws Exception {
        DocumentBuilder b = SECURE_FACTORY.newDocumentBuilder();
        b.setErrorHandler(null);
        return b;
    }

    /**
     * Made once: looking the JAXP implementation up and configuring it cost more than parsing a
     * VIHF, on every request. A factory is only read once configured; each call gets its own builder.
     */
    private static final DocumentBuilderFactory SECURE_FACTORY = secureFactory();

    private static DocumentBuilderFactory secureFactory() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            return f;
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be secured", e);
        }
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
