package fr.opendmp.auth.vihf.internal;

import static fr.opendmp.auth.vihf.VihfAttributes.*;

import fr.opendmp.core.code.Code;
import fr.opendmp.core.code.CodeSystems;
import java.util.Optional;
import fr.opendmp.auth.vihf.Vihf;
import fr.opendmp.core.access.AccessMode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Writes the unsigned VIHF as a DOM (ANS CI-SIS "Volet transport synchrone pour client lourd"). */
public final class VihfXml {

    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ISO_INSTANT;

    private VihfXml() {
    }

    /**
     * @param vihf the content
     * @param issuerDn the signing certificate's subject DN
     * @return the assertion document, {@code ID} registered as an id attribute
     */
    public static Document write(Vihf vihf, String issuerDn) {
        return write(vihf, issuerDn, Dialect.HTTP);
    }

    /**
     * What differs between the VIHF of an HTTP header and the one of DMPi's {@code wsse:Security}.
     *
     * @param authModeAttribute the authentication-mode attribute's name
     * @param conditions whether to write {@code Conditions} (no official DMPi token has it)
     * @param reason whether to write the bris de glace reason attribute
     * @param confidentialityAttribute the secret-connection attribute's name
     */
    public record Dialect(String authModeAttribute, boolean conditions, boolean reason,
            String confidentialityAttribute) {
        /** The HTTP-header VIHF of sdk-auth. */
        public static final Dialect HTTP = new Dialect(AUTHENTICATION_MODE, true, true, CONFIDENTIALITY_CODE);
    }

    /**
     * @param vihf the content
     * @param issuerDn the signing (or card) certificate's subject DN
     * @param dialect the HTTP or DMPi spelling
     * @return the assertion document, {@code ID} registered as an id attribute
     */
    public static Document write(Vihf vihf, String issuerDn, Dialect dialect) {
        Document doc = SecureXml.documentBuilder().newDocument();
        Element assertion = saml(doc, "Assertion");
        doc.appendChild(assertion);
        assertion.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:saml", SAML_NS);
        assertion.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:xsi", XSI_NS);
        assertion.setAttribute("ID", vihf.id());
        assertion.setIdAttribute("ID", true);
        assertion.setAttribute("IssueInstant", format(vihf.issueInstant()));
        assertion.setAttribute("Version", "2.0");

        Element issuer = saml(doc, "Issuer");
        issuer.setAttribute("Format", X509_SUBJECT_NAME);
        issuer.setTextContent(issuerDn);
        assertion.appendChild(issuer);

        Element subject = saml(doc, "Subject");
        Element nameId = saml(doc, "NameID");
        nameId.setTextContent(vihf.professional().idNat());
        subject.appendChild(nameId);
        assertion.appendChild(subject);

        if (dialect.conditions()) {
            Element conditions = saml(doc, "Conditions");
            conditions.setAttribute("NotBefore", format(vihf.issueInstant()));
            conditions.setAttribute("NotOnOrAfter", format(vihf.notOnOrAfter()));
            assertion.appendChild(conditions);
        }

        Element authn = saml(doc, "AuthnStatement");
        authn.setAttribute("AuthnInstant", format(vihf.authnInstant()));
        Element context = saml(doc, "AuthnContext");
        Element classRef = saml(doc, "AuthnContextClassRef");
        classRef.setTextContent(vihf.authnContextClassRef());
        context.appendChild(classRef);
        vihf.authnContextDecl().ifPresent(decl -> {
            Element declaration = saml(doc, "AuthnContextDecl");
            declaration.setTextContent(decl);
            context.appendChild(declaration);
        });
        authn.appendChild(context);
        assertion.appendChild(authn);

        Element attributes = saml(doc, "AttributeStatement");
        assertion.appendChild(attributes);
        text(doc, attributes, VERSION, vihf.profile().version());
        text(doc, attributes, dialect.authModeAttribute(), vihf.mode().name());
        text(doc, attributes, STRUCTURE_ID, vihf.structure().idNat());
        text(doc, attributes, SECTEUR_ACTIVITE, vihf.structure().sector().orElseThrow().caretOid());
        text(doc, attributes, SUBJECT_ID, vihf.professional().displayName().orElseThrow());
        Element roles = attribute(doc, attributes, ROLE);
        roles.appendChild(coded(doc, "Role", vihf.professional().profession().orElseThrow(), Optional.empty()));
        vihf.professional().specialty().ifPresent(s -> roles.appendChild(coded(doc, "Role", s, Optional.empty())));
        vihf.patient().ifPresent(ins -> text(doc, attributes, RESOURCE_ID, ins.cx()));
        text(doc, attributes, RESOURCE_URN, vihf.profile().resourceUrn());
        AccessMode mode = vihf.access().mode();
        Element purpose = attribute(doc, attributes, PURPOSE_OF_USE);
        purpose.appendChild(coded(doc, "PurposeOfUse", Code.of(CodeSystems.TRE_R248, mode.code(), display(mode)),
                Optional.of("mode acces VIHF 2.0")));
        if (vihf.profile().legacyModeAcces()) {
            text(doc, attributes, MODE_ACCES_LEGACY, mode.code());
        }
        if (dialect.reason()) {
            vihf.access().reason().ifPresent(reason -> text(doc, attributes, ACCESS_REASON, reason));
        }
        vihf.confidentialityCode().ifPresent(code -> text(doc, attributes, dialect.confidentialityAttribute(), code));
        text(doc, attributes, LPS_NAME, vihf.software().name());
        text(doc, attributes, LPS_VERSION, vihf.software().version());
        text(doc, attributes, LPS_HOMOLOGATION, vihf.software().homologationId());
        vihf.software().instanceId().ifPresent(id -> text(doc, attributes, LPS_ID, id));
        return doc;
    }

    private static String display(AccessMode mode) {
        return switch (mode) {
            case NORMAL -> "Accès normal";
            case BRIS_DE_GLACE -> "Accès en situation d'urgence";
            case CENTRE_REGULATION -> "Accès par le centre de régulation";
        };
    }

    private static String format(Instant instant) {
        return INSTANT.format(instant);
    }

    private static Element saml(Document doc, String local) {
        return doc.createElementNS(SAML_NS, "saml:" + local);
    }

    private static Element attribute(Document doc, Element statement, String name) {
        Element attribute = saml(doc, "Attribute");
        attribute.setAttribute("Name", name);
        statement.appendChild(attribute);
        return attribute;
    }

    private static void text(Document doc, Element statement, String name, String value) {
        Element valueElement = saml(doc, "AttributeValue");
        valueElement.setTextContent(value);
        attribute(doc, statement, name).appendChild(valueElement);
    }

    private static Element coded(Document doc, String local, Code value, Optional<String> codeSystemName) {
        Element wrapper = saml(doc, "AttributeValue");
        Element ce = doc.createElementNS(HL7_NS, local);
        ce.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns", HL7_NS);
        ce.setAttribute("code", value.code());
        ce.setAttribute("codeSystem", value.systemOid().orElseThrow());
        codeSystemName.ifPresent(n -> ce.setAttribute("codeSystemName", n));
        ce.setAttribute("displayName", value.display());
        ce.setAttributeNS(XSI_NS, "xsi:type", "CE");
        wrapper.appendChild(ce);
        return wrapper;
    }
}
