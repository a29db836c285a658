package fr.opendmp.cda.validate.internal;

import static fr.opendmp.cda.read.internal.Dom.attr;
import static fr.opendmp.cda.read.internal.Dom.child;
import static fr.opendmp.cda.read.internal.Dom.children;
import static fr.opendmp.cda.read.internal.Dom.path;

import fr.opendmp.cda.read.internal.CdaTimes;
import fr.opendmp.cda.read.internal.Dom;
import fr.opendmp.cda.validate.ValidationIssue.Source;
import fr.opendmp.core.ins.InsMatricule;
import fr.opendmp.core.ins.InsOid;
import fr.opendmp.core.ins.InvalidMatriculeException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * The ANS CI-SIS header and body rules (Volet Structuration minimale and the VSM and LDL-SES content models) that need no external file. Rule ids:
 * {@code CDA-HDR-nn} (header), {@code CDA-BODY-nn} (body), {@code CDA-VSM-nn}, {@code CDA-LDL-nn}.
 * {@code CDA-HDR-22} checks the key of a patient INS (the ANS schematrons do not).
 */
public final class BuiltInChecks {

    /** templateId of the VSM model. */
    public static final String VSM = "1.2.250.1.213.1.1.1.13";
    /** templateId of the LDL-SES model. */
    public static final String LDL_SES = "1.2.250.1.213.1.1.1.29";
    private static final String N1 = "1.3.6.1.4.1.19376.1.2.20";
    private static final String CD = "/ClinicalDocument";
    private static final Set<String> N1_MEDIA = Set.of("application/pdf", "text/plain", "image/jpeg", "image/tiff",
            "text/rtf");

    private final Element doc;
    private final Issues issues;

    private BuiltInChecks(Element doc, Issues issues) {
        this.doc = doc;
        this.issues = issues;
    }

    /** Runs every built-in rule on a {@code ClinicalDocument} element. */
    public static void run(Element doc, Issues issues) {
        BuiltInChecks c = new BuiltInChecks(doc, issues);
        c.header();
        c.patient();
        c.participants();
        c.context();
        c.body();
        if (c.hasTemplate(VSM)) {
            c.vsm();
        }
        if (c.hasTemplate(LDL_SES)) {
            c.ldlSes();
        }
    }

    private void header() {
        expectAttr(child(doc, "realmCode"), "code", "FR", "CDA-HDR-01", CD + "/realmCode");
        Element typeId = child(doc, "typeId");
        expectAttr(typeId, "root", "2.16.840.1.113883.1.3", "CDA-HDR-02", CD + "/typeId");
        expectAttr(typeId, "extension", "POCD_HD000040", "CDA-HDR-02", CD + "/typeId");
        require(hasTemplate("2.16.840.1.113883.2.8.2.1"), "CDA-HDR-03", CD + "/templateId",
                "templateId 2.16.840.1.113883.2.8.2.1 (HL7 France header) is required");
        require(hasTemplate("1.2.250.1.213.1.1.1.1"), "CDA-HDR-04", CD + "/templateId",
                "templateId 1.2.250.1.213.1.1.1.1 (CI-SIS structuration minimale) is required");
        require(attr(child(doc, "id"), "root").isPresent(), "CDA-HDR-05", CD + "/id", "the document id needs a root");
        Element code = child(doc, "code");
        require(attr(code, "code").isPresent() && attr(code, "codeSystem").isPresent(), "CDA-HDR-06", CD + "/code",
                "the document type needs @code and @codeSystem");
        require(Dom.text(child(doc, "title")).isPresent(), "CDA-HDR-07", CD + "/title", "a title is required");
        Optional<String> created = attr(child(doc, "effectiveTime"), "value");
        require(created.isPresent() && CdaTimes.FULL.matcher(created.get()).matches(), "CDA-HDR-08",
                CD + "/effectiveTime", "the creation time must be YYYYMMDDHHMMSS+HHMM (seconds and UTC offset)");
        Element conf = child(doc, "confidentialityCode");
        require(attr(conf, "code").filter("N"::equals).isPresent()
                && attr(conf, "codeSystem").filter("2.16.840.1.113883.5.25"::equals).isPresent(), "CDA-HDR-09",
                CD + "/confidentialityCode",
                "confidentialityCode must be N (2.16.840.1.113883.5.25); masking is XDS metadata, not CDA");
        expectAttr(child(doc, "languageCode"), "code", "fr-FR", "CDA-HDR-10", CD + "/languageCode");
        require(attr(child(doc, "setId"), "root").isPresent(), "CDA-HDR-11", CD + "/setId", "a setId is required");
        Optional<String> version = attr(child(doc, "versionNumber"), "value");
        require(version.filter(v -> v.matches("[1-9][0-9]{0,8}")).isPresent(), "CDA-HDR-12",
                CD + "/versionNumber", "versionNumber must be a positive integer");
        children(doc, "relatedDocument").forEach(r -> require(path(r, "parentDocument", "id") != null,
                "CDA-HDR-21", CD + "/relatedDocument", "a relatedDocument needs parentDocument/id"));
    }

    private void patient() {
        List<Element> targets = children(doc, "recordTarget");
        if (!require(targets.size() == 1 && path(targets.get(0), "patientRole") != null, "CDA-HDR-13",
                CD + "/recordTarget", "exactly one recordTarget/patientRole is required")) {
            return;
        }
        Element role = child(targets.get(0), "patientRole");
        String at = CD + "/recordTarget/patientRole";
        List<Element> ids = children(role, "id");
        require(ids.stream().anyMatch(i -> attr(i, "root").isPresent() && attr(i, "extension").isPresent()),
                "CDA-HDR-14", at + "/id", "the patient needs an id with root and extension");
        boolean hasIns = false;
        for (int i = 0; i < ids.size(); i++) {
            Optional<InsOid> oid = attr(ids.get(i), "root").flatMap(InsOid::find);
            if (oid.isPresent()) {
                hasIns = true;
                insMatricule(ids.get(i), oid.get(), at + "/id[" + (i + 1) + "]");
            }
        }
        if (!hasIns) {
            return;
        }
        Element p = child(role, "patient");
        Element name = child(p, "name");
        String ap = at + "/patient";
        require(children(name, "family").stream().anyMatch(f -> "BR".equals(f.getAttribute("qualifier"))),
                "CDA-HDR-15", ap + "/name/family", "INS traits: the birth name (family @qualifier=BR) is required");
        require(children(name, "given").stream().anyMatch(f -> "BR".equals(f.getAttribute("qualifier"))),
                "CDA-HDR-15", ap + "/name/given", "INS traits: the first birth given name (@qualifier=BR) is required");
        require(children(name, "given").stream().anyMatch(f -> !f.hasAttribute("qualifier")), "CDA-HDR-15",
                ap + "/name/given", "INS traits: the list of birth given names (given without qualifier) is required");
        require(attr(child(p, "birthTime"), "value").isPresent(), "CDA-HDR-15", ap + "/birthTime",
                "INS traits: birthTime is required");
        require(Dom.text(path(p, "birthplace", "place", "addr", "county")).isPresent(), "CDA-HDR-15",
                ap + "/birthplace/place/addr/county", "INS traits: the birth place code (county) is required");
        Element gender = child(p, "administrativeGenderCode");
        require(attr(gender, "code").filter(Set.of("M", "F", "U")::contains).isPresent(), "CDA-HDR-15",
                ap + "/administrativeGenderCode", "INS traits: administrativeGenderCode M, F or U is required");
    }

    /**
     * CDA-HDR-22: a patient id whose root is an INS OID carries a matricule INS whose layout and
     * key are right (key = 97 - (number mod 97), Corsica 2A/2B read as 19/18), written canonically
     * (15 characters, no space). The message names the broken rule, never the value.
     */
    private void insMatricule(Element id, InsOid oid, String at) {
        Optional<String> ext = attr(id, "extension");
        if (!require(ext.isPresent(), "CDA-HDR-22", at, "an id with an INS OID (" + oid.oid()
                + ") needs the matricule INS as extension")) {
            return;
        }
        try {
            InsMatricule m = InsMatricule.parse(ext.get(), oid.kind());
            require(m.value().equals(ext.get()), "CDA-HDR-22", at,
                    "the matricule INS must be written as its 15 characters, without spaces or lower case");
        } catch (InvalidMatriculeException e) {
            issues.error(Source.BUILT_IN, "CDA-HDR-22", at, "the INS (" + oid.name() + ") is not a valid matricule: "
                    + e.reason() + (e.reason() == InvalidMatriculeException.Reason.KEY_MISMATCH
                            ? " (the key is not 97 - (number mod 97))" : ""));
        }
    }

    private void participants() {
        List<Element> authors = children(doc, "author");
        require(!authors.isEmpty(), "CDA-HDR-16", CD + "/author", "at least one author is required");
        for (int i = 0; i < authors.size(); i++) {
            Element a = authors.get(i);
            String at = CD + "/author[" + (i + 1) + "]";
            require(attr(child(a, "time"), "value").isPresent(), "CDA-HDR-16", at + "/time", "author/time is required");
            require(path(a, "assignedAuthor", "id") != null, "CDA-HDR-16", at + "/assignedAuthor/id",
                    "author/assignedAuthor/id is required");
        }
        require(path(doc, "custodian", "assignedCustodian", "representedCustodianOrganization", "id") != null,
                "CDA-HDR-17", CD + "/custodian", "custodian/.../representedCustodianOrganization/id is required");
        Element legal = child(doc, "legalAuthenticator");
        if (require(legal != null, "CDA-HDR-18", CD + "/legalAuthenticator", "a legalAuthenticator is required")) {
            require(attr(child(legal, "time"), "value").isPresent(), "CDA-HDR-18", CD + "/legalAuthenticator/time",
                    "legalAuthenticator/time is required");
            expectAttr(child(legal, "signatureCode"), "code", "S", "CDA-HDR-18",
                    CD + "/legalAuthenticator/signatureCode");
            require(path(legal, "assignedEntity", "id") != null, "CDA-HDR-18",
                    CD + "/legalAuthenticator/assignedEntity/id", "legalAuthenticator/assignedEntity/id is required");
        }
    }

    private void context() {
        require(children(doc, "documentationOf").stream().anyMatch(d -> child(d, "serviceEvent") != null),
                "CDA-HDR-19", CD + "/documentationOf", "at least one documentationOf/serviceEvent is required");
        Element enc = path(doc, "componentOf", "encompassingEncounter");
        if (require(enc != null, "CDA-HDR-20", CD + "/componentOf", "componentOf/encompassingEncounter is required")) {
            String at = CD + "/componentOf/encompassingEncounter";
            require(child(enc, "effectiveTime") != null, "CDA-HDR-20", at + "/effectiveTime",
                    "encompassingEncounter/effectiveTime is required");
            Element fac = path(enc, "location", "healthCareFacility", "code");
            require(attr(fac, "code").isPresent() && attr(fac, "codeSystem").isPresent(), "CDA-HDR-20",
                    at + "/location/healthCareFacility/code", "the healthcare facility type code is required");
        }
    }

    private void body() {
        List<Element> comps = children(doc, "component");
        if (!require(comps.size() == 1, "CDA-BODY-01", CD + "/component", "exactly one body component is required")) {
            return;
        }
        Element structured = child(comps.get(0), "structuredBody");
        Element nonXml = child(comps.get(0), "nonXMLBody");
        if (!require((structured == null) != (nonXml == null), "CDA-BODY-01", CD + "/component",
                "the body is either a structuredBody or a nonXMLBody")) {
            return;
        }
        if (nonXml != null) {
            Element text = child(nonXml, "text");
            String at = CD + "/component/nonXMLBody/text";
            Optional<String> media = attr(text, "mediaType");
            require(media.filter(N1_MEDIA::contains).isPresent(), "CDA-BODY-02", at,
                    "nonXMLBody/text needs a @mediaType among " + N1_MEDIA);
            if (media.filter(m -> !m.startsWith("text/")).isPresent()) {
                expectAttr(text, "representation", "B64", "CDA-BODY-02", at);
            }
            require(Dom.text(text).isPresent(), "CDA-BODY-02", at, "nonXMLBody/text is empty");
        } else {
            require(!hasTemplate(N1), "CDA-BODY-03", CD + "/component",
                    "an N1 (XDS-SD) document must have a nonXMLBody");
            sections(structured, CD + "/component/structuredBody");
        }
    }

    private void sections(Element parent, String at) {
        List<Element> comps = children(parent, "component");
        for (int i = 0; i < comps.size(); i++) {
            Element s = child(comps.get(i), "section");
            if (s == null) {
                continue;
            }
            String sAt = at + "/component[" + (i + 1) + "]/section";
            require(Dom.text(child(s, "title")).isPresent(), "CDA-BODY-04", sAt + "/title", "a section needs a title");
            sections(s, sAt);
        }
    }

    private void vsm() {
        Element code = child(doc, "code");
        require("SYNTH".equals(code == null ? "" : code.getAttribute("code"))
                && "1.2.250.1.213.1.1.4.12".equals(code.getAttribute("codeSystem")), "CDA-VSM-01", CD + "/code",
                "a VSM has code SYNTH (1.2.250.1.213.1.1.4.12)");
        require(serviceEventCode("34117-2"), "CDA-VSM-02", CD + "/documentationOf/serviceEvent/code",
                "a VSM documents the act 34117-2 (LOINC)");
        for (String[] s : new String[][] {{"1.2.250.1.213.1.1.2.29", "pathologies, antécédents, allergies"},
                {"1.3.6.1.4.1.19376.1.5.3.1.3.27", "résultats / points de vigilance"},
                {"1.2.250.1.213.1.1.2.32", "traitement au long cours"}}) {
            require(topSection(s[0]), "CDA-VSM-03", CD + "/component/structuredBody",
                    "the VSM section " + s[1] + " (" + s[0] + ") is required");
        }
    }

    private void ldlSes() {
        Element code = child(doc, "code");
        require("11490-0".equals(code == null ? "" : code.getAttribute("code")), "CDA-LDL-01", CD + "/code",
                "an LDL-SES has code 11490-0 (LOINC)");
        require(attr(path(doc, "recordTarget", "patientRole", "patient", "birthTime"), "value").isPresent(),
                "CDA-LDL-02", CD + "/recordTarget/patientRole/patient/birthTime", "an LDL-SES needs the birth date");
        require(children(doc, "documentationOf").stream().anyMatch(d -> path(d, "serviceEvent", "effectiveTime") != null),
                "CDA-LDL-03", CD + "/documentationOf/serviceEvent/effectiveTime",
                "an LDL-SES needs the period of the stay on the service event");
        for (String[] s : new String[][] {{"1.2.250.1.213.1.1.2.35.1", "statut du document"},
                {"1.3.6.1.4.1.19376.1.5.3.1.3.1", "motif de l'hospitalisation"},
                {"1.3.6.1.4.1.19376.1.7.3.1.1.13.7", "synthèse médicale du séjour"},
                {"1.3.6.1.4.1.19376.1.5.3.1.3.22", "traitements à la sortie"}}) {
            require(anySection(path(doc, "component", "structuredBody"), s[0]), "CDA-LDL-04",
                    CD + "/component/structuredBody", "the LDL-SES section " + s[1] + " (" + s[0] + ") is required");
        }
    }

    private boolean serviceEventCode(String code) {
        return children(doc, "documentationOf").stream()
                .anyMatch(d -> attr(path(d, "serviceEvent", "code"), "code").filter(code::equals).isPresent());
    }

    private boolean topSection(String template) {
        Element body = path(doc, "component", "structuredBody");
        return children(body, "component").stream().map(c -> child(c, "section")).filter(s -> s != null)
                .anyMatch(s -> hasTemplate(s, template));
    }

    private static boolean anySection(Element parent, String template) {
        for (Element c : children(parent, "component")) {
            Element s = child(c, "section");
            if (s != null && (hasTemplate(s, template) || anySection(s, template))) {
                return true;
            }
        }
        return false;
    }

    private boolean hasTemplate(String root) {
        return hasTemplate(doc, root);
    }

    private static boolean hasTemplate(Element e, String root) {
        return children(e, "templateId").stream().anyMatch(t -> root.equals(t.getAttribute("root")));
    }

    private void expectAttr(Element e, String name, String expected, String rule, String at) {
        require(attr(e, name).filter(expected::equals).isPresent(), rule, at,
                "@" + name + " must be \"" + expected + "\"");
    }

    private boolean require(boolean ok, String rule, String at, String message) {
        if (!ok) {
            issues.error(Source.BUILT_IN, rule, at, message);
        }
        return ok;
    }
}
