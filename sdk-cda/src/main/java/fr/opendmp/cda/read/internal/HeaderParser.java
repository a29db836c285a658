package fr.opendmp.cda.read.internal;

import static fr.opendmp.cda.read.internal.Dom.attr;
import static fr.opendmp.cda.read.internal.Dom.child;
import static fr.opendmp.cda.read.internal.Dom.children;
import static fr.opendmp.cda.read.internal.Dom.path;
import static fr.opendmp.cda.read.internal.Dom.text;

import fr.opendmp.cda.InstanceId;
import fr.opendmp.cda.read.CdaHeader;
import fr.opendmp.cda.read.CdaPatient;
import fr.opendmp.cda.read.CdaParticipant;
import fr.opendmp.core.party.Organization;
import fr.opendmp.core.party.Professional;
import fr.opendmp.cda.read.CdaSection;
import fr.opendmp.cda.read.CdaServiceEvent;
import fr.opendmp.core.code.Code;
import fr.opendmp.core.code.CodeSystems;
import fr.opendmp.core.ins.Ins;
import fr.opendmp.core.ins.InsMatricule;
import fr.opendmp.core.ins.InsOid;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Element;

/** Reads the typed header and the section tree out of a CDA DOM. */
public final class HeaderParser {

    private static final Map<String, String> KNOWN_SYSTEMS = Map.of(
            "2.16.840.1.113883.6.1", CodeSystems.LOINC,
            "2.16.840.1.113883.5.25", CodeSystems.V3_CONFIDENTIALITY);

    private HeaderParser() {
    }

    /** @return the header of a {@code ClinicalDocument} element */
    public static CdaHeader header(Element doc) {
        List<InstanceId> templates = children(doc, "templateId").stream().flatMap(e -> ii(e).stream()).toList();
        Element encounter = path(doc, "componentOf", "encompassingEncounter");
        Element encTime = child(encounter, "effectiveTime");
        Optional<InstanceId> replaced = children(doc, "relatedDocument").stream()
                .filter(r -> "RPLC".equals(r.getAttribute("typeCode")))
                .map(r -> path(r, "parentDocument", "id")).filter(e -> e != null)
                .flatMap(e -> ii(e).stream()).findFirst();
        return new CdaHeader(templates, ii(child(doc, "id")), code(child(doc, "code")), text(child(doc, "title")),
                time(child(doc, "effectiveTime")), attr(child(doc, "confidentialityCode"), "code"),
                attr(child(doc, "languageCode"), "code"), ii(child(doc, "setId")), version(doc),
                Optional.ofNullable(path(doc, "recordTarget", "patientRole")).map(HeaderParser::patient),
                children(doc, "author").stream().flatMap(a -> person(a, child(a, "assignedAuthor")).stream()).toList(),
                Optional.ofNullable(path(doc, "custodian", "assignedCustodian", "representedCustodianOrganization"))
                        .flatMap(HeaderParser::organization),
                Optional.ofNullable(child(doc, "legalAuthenticator"))
                        .flatMap(l -> person(l, child(l, "assignedEntity"))),
                children(doc, "documentationOf").stream().map(d -> child(d, "serviceEvent"))
                        .filter(e -> e != null).map(HeaderParser::serviceEvent).toList(),
                time(child(encTime, "low")), time(child(encTime, "high")),
                code(path(encounter, "location", "healthCareFacility", "code")), replaced);
    }

    /** @return the sections of a {@code structuredBody} */
    public static List<CdaSection> sections(Element parent) {
        List<CdaSection> out = new ArrayList<>();
        for (Element comp : children(parent, "component")) {
            Element s = child(comp, "section");
            if (s != null) {
                out.add(new CdaSection(
                        children(s, "templateId").stream().flatMap(t -> attr(t, "root").stream()).toList(),
                        code(child(s, "code")), text(child(s, "title")), children(s, "entry").size(), sections(s)));
            }
        }
        return out;
    }

    /** @return the instance id of an {@code II} element */
    public static Optional<InstanceId> ii(Element e) {
        return attr(e, "root").map(r -> new InstanceId(r, attr(e, "extension")));
    }

    /** @return the code of a {@code CD/CE} element, when it has a code and a code system */
    public static Optional<Code> code(Element e) {
        Optional<String> c = attr(e, "code");
        Optional<String> s = attr(e, "codeSystem");
        if (c.isEmpty() || s.isEmpty()) {
            return Optional.empty();
        }
        String system = KNOWN_SYSTEMS.getOrDefault(s.get(), "urn:oid:" + s.get());
        return Optional.of(Code.of(system, c.get(), attr(e, "displayName").orElse("")));
    }

    /** @return the {@code @value} of a {@code TS} element as a date-time */
    public static Optional<OffsetDateTime> time(Element e) {
        return attr(e, "value").flatMap(CdaTimes::parse);
    }

    private static Optional<Integer> version(Element doc) {
        try {
            return attr(child(doc, "versionNumber"), "value").map(Integer::valueOf);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static CdaPatient patient(Element role) {
        List<InstanceId> ids = children(role, "id").stream().flatMap(e -> ii(e).stream()).toList();
        Optional<Ins> ins = ids.stream().filter(i -> InsOid.find(i.root()).isPresent() && i.extension().isPresent())
                .findFirst().flatMap(HeaderParser::ins);
        Element patient = child(role, "patient");
        Element name = child(patient, "name");
        Optional<String> birthFamily = Optional.empty();
        Optional<String> usedFamily = Optional.empty();
        Optional<String> firstGiven = Optional.empty();
        Optional<String> usedGiven = Optional.empty();
        List<String> givens = new ArrayList<>();
        for (Element f : children(name, "family")) {
            String q = f.getAttribute("qualifier");
            if ("BR".equals(q) || (q.isEmpty() && birthFamily.isEmpty())) {
                birthFamily = text(f);
            } else if ("CL".equals(q)) {
                usedFamily = text(f);
            }
        }
        for (Element g : children(name, "given")) {
            String q = g.getAttribute("qualifier");
            if ("BR".equals(q)) {
                firstGiven = text(g);
            } else if ("CL".equals(q)) {
                usedGiven = text(g);
            } else {
                text(g).ifPresent(givens::add);
            }
        }
        return new CdaPatient(ids, ins, birthFamily, givens, firstGiven, usedFamily, usedGiven,
                attr(child(patient, "birthTime"), "value"), attr(child(patient, "administrativeGenderCode"), "code"),
                text(path(patient, "birthplace", "place", "addr", "county")));
    }

    private static Optional<Ins> ins(InstanceId id) {
        try {
            return Optional.of(Ins.of(InsMatricule.parse(id.extension().orElseThrow()), InsOid.of(id.root())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * @param participation the participation ({@code author}, {@code performer}…)
     * @param entity its role element ({@code assignedAuthor}, {@code assignedEntity}…)
     * @return the participant, when its entity has an id extension (the IdNat_PS)
     */
    public static Optional<CdaParticipant> person(Element participation, Element entity) {
        Optional<String> idNat = ii(child(entity, "id")).flatMap(InstanceId::extension).filter(v -> !v.isBlank());
        if (idNat.isEmpty()) {
            return Optional.empty();
        }
        Element person = child(entity, "assignedPerson");
        if (person == null) {
            person = child(entity, "associatedPerson");
        }
        Element name = child(person, "name");
        Element org = child(entity, "representedOrganization");
        if (org == null) {
            org = child(entity, "scopingOrganization");
        }
        List<String> givens = children(name, "given").stream().flatMap(g -> text(g).stream()).toList();
        Professional p = new Professional(idNat.get(), text(child(name, "prefix")),
                givens.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", givens)),
                text(child(name, "family")), Optional.empty(), code(child(entity, "code")),
                Optional.ofNullable(org).flatMap(HeaderParser::organization));
        return Optional.of(new CdaParticipant(p, code(child(participation, "functionCode")),
                time(child(participation, "time"))));
    }

    /**
     * @param org a {@code representedOrganization}, {@code scopingOrganization} or custodian organisation
     * @return the organisation, when it has an id extension (the IdNat_Struct)
     */
    public static Optional<Organization> organization(Element org) {
        Optional<String> idNat = ii(child(org, "id")).flatMap(InstanceId::extension).filter(v -> !v.isBlank());
        return idNat.map(id -> new Organization(id, text(child(org, "name")),
                code(child(org, "standardIndustryClassCode"))));
    }

    private static CdaServiceEvent serviceEvent(Element se) {
        Element t = child(se, "effectiveTime");
        Optional<OffsetDateTime> low = time(child(t, "low"));
        return new CdaServiceEvent(code(child(se, "code")), low.isPresent() ? low : time(t), time(child(t, "high")),
                children(se, "performer").stream().flatMap(p -> person(p, child(p, "assignedEntity")).stream())
                        .toList(),
                children(se, "performer").stream().flatMap(p -> code(path(p, "assignedEntity",
                        "representedOrganization", "standardIndustryClassCode")).stream()).findFirst());
    }
}
