package fr.opendmp.xds.internal;

import fr.opendmp.core.document.Author;
import fr.opendmp.core.code.Code;
import fr.opendmp.core.code.CodeSystems;
import fr.opendmp.core.document.Confidentiality;
import fr.opendmp.core.document.DocumentEntry;
import fr.opendmp.core.document.DocumentId;
import fr.opendmp.core.document.DocumentMetadata;
import fr.opendmp.core.document.DocumentStatus;
import fr.opendmp.core.party.Organization;
import fr.opendmp.core.party.Professional;
import fr.opendmp.core.document.UniqueIds;
import fr.opendmp.core.document.Visibility;
import fr.opendmp.core.error.OutcomeIssue;
import fr.opendmp.core.ins.Ins;
import fr.opendmp.core.ins.InsMatricule;
import fr.opendmp.core.ins.InsOid;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads ITI-18 answers: each {@code rim:ExtrinsicObject} into a {@link DocumentEntry} (hash hex →
 * base64, statuses, codes, authors), {@code rim:ObjectRef}s into entryUUIDs. A direct walk of the
 * DOM, no XPath. Not API.
 */
public final class EntryReader {

    private static final Map<String, String> SYSTEMS = Map.of(
            "2.16.840.1.113883.6.1", CodeSystems.LOINC,
            "1.2.250.1.213.1.1.4.1", CodeSystems.TRE_A03,
            "1.3.6.1.4.1.19376.1.2.3", CodeSystems.IHE_FORMAT,
            "1.2.250.1.213.1.1.4.2.282", CodeSystems.TRE_A06,
            "2.16.840.1.113883.5.25", CodeSystems.V3_CONFIDENTIALITY,
            "1.2.250.1.213.1.1.4.13", CodeSystems.TRE_A07,
            "URN", CodeSystems.TRE_A10,
            "ASTM", CodeSystems.TRE_A12);

    private EntryReader() {
    }

    /**
     * One read entry with what the client needs beyond the domain.
     *
     * @param entry the domain entry (a signature entry too: the client decides whether to list it)
     * @param element the ExtrinsicObject (to copy it for a metadata update)
     */
    public record Read(DocumentEntry entry, Element element) {
    }

    /**
     * A read answer.
     *
     * @param status the response status
     * @param entries the entries read
     * @param objectRefs the ObjectRef ids
     * @param errors the RegistryError elements
     * @param warnings entries that could not be read, as warnings
     * @param total the announced total, if any
     */
    public record Answer(String status, List<Read> entries, List<String> objectRefs, List<Element> errors,
            List<OutcomeIssue> warnings, Optional<Integer> total) {
    }

    /** @return the AdhocQueryResponse read */
    public static Answer read(Element response) {
        String status = Xml.attr(response, "status").orElse(Rim.FAILURE);
        List<Read> entries = new ArrayList<>();
        List<String> refs = new ArrayList<>();
        List<OutcomeIssue> warnings = new ArrayList<>();
        List<Element> errors = registryErrors(response);
        Optional<Element> list = Xml.child(response, Ns.RIM, "RegistryObjectList");
        if (list.isPresent()) {
            for (Node n = list.get().getFirstChild(); n != null; n = n.getNextSibling()) {
                if (!(n instanceof Element e) || !Ns.RIM.equals(e.getNamespaceURI())) {
                    continue;
                }
                if ("ExtrinsicObject".equals(e.getLocalName())) {
                    try {
                        entries.add(entry(e));
                    } catch (RuntimeException ex) {
                        warnings.add(new OutcomeIssue("warning", "XDSRegistryMetadataError",
                                Optional.of("UNREADABLE_ENTRY"), Optional.of("an entry of the answer could not be"
                                        + " read: " + ex.getMessage()), Xml.attr(e, "id")));
                    }
                } else if ("ObjectRef".equals(e.getLocalName())) {
                    Xml.attr(e, "id").ifPresent(refs::add);
                }
            }
        }
        Optional<Integer> total = Xml.attr(response, "totalResultCount").flatMap(EntryReader::integer);
        return new Answer(status, entries, refs, errors, warnings, total);
    }

    /** @return the RegistryError elements of a response ({@code rs:RegistryErrorList}) */
    public static List<Element> registryErrors(Element response) {
        return Xml.child(response, Ns.RS, "RegistryErrorList").map(l -> Xml.children(l, Ns.RS, "RegistryError"))
                .orElse(List.of());
    }

    private static Optional<Integer> integer(String s) {
        try {
            return Optional.of(Integer.parseInt(s.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** @return one ExtrinsicObject read */
    public static Read entry(Element e) {
        String id = Xml.attr(e, "id").orElseThrow(() -> new IllegalArgumentException("no id"));
        Map<String, List<String>> slots = new HashMap<>();
        Map<String, List<Element>> classes = new HashMap<>();
        Map<String, String> externals = new HashMap<>();
        String title = null;
        Optional<String> description = Optional.empty();
        Optional<String> version = Optional.empty();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element c)) {
                continue;
            }
            switch (c.getLocalName()) {
                case "Slot" -> slots.put(c.getAttribute("name"), values(c));
                case "Name" -> title = localized(c).orElse(null);
                case "Description" -> description = localized(c);
                case "VersionInfo" -> version = Xml.attr(c, "versionName");
                case "Classification" -> classes.computeIfAbsent(c.getAttribute("classificationScheme"),
                        k -> new ArrayList<>()).add(c);
                case "ExternalIdentifier" -> externals.put(c.getAttribute("identificationScheme"),
                        c.getAttribute("value"));
                default -> {
                }
            }
        }
        Code classCode = code(one(classes, Rim.DE_CLASS, "classCode"));
        Confidentiality level = Confidentiality.NORMAL;
        Set<Visibility> flags = EnumSet.noneOf(Visibility.class);
        for (Element c : classes.getOrDefault(Rim.DE_CONFIDENTIALITY, List.of())) {
            String v = c.getAttribute("nodeRepresentation");
            Optional<Confidentiality> l = Confidentiality.fromCode(v);
            if (l.isPresent()) {
                level = l.get();
            } else {
                Visibility.fromCode(v).ifPresent(flags::add);
            }
        }
        List<Author> authors = new ArrayList<>();
        for (Element c : classes.getOrDefault(Rim.DE_AUTHOR, List.of())) {
            author(c).ifPresent(authors::add);
        }
        List<Code> events = new ArrayList<>();
        for (Element c : classes.getOrDefault(Rim.DE_EVENT, List.of())) {
            events.add(code(c));
        }
        String uniqueId = UniqueIds.normalise(Optional.ofNullable(externals.get(Rim.DE_UNIQUE_ID))
                .orElseThrow(() -> new IllegalArgumentException("no uniqueId")));
        String mime = Xml.attr(e, "mimeType").orElse("text/xml");
        DocumentMetadata metadata = new DocumentMetadata(uniqueId, code(one(classes, Rim.DE_TYPE, "typeCode")),
                classCode, code(one(classes, Rim.DE_FORMAT, "formatCode")),
                code(one(classes, Rim.DE_FACILITY, "healthcareFacilityTypeCode")),
                code(one(classes, Rim.DE_PRACTICE, "practiceSettingCode")),
                title == null || title.isBlank() ? "(sans titre)" : title, mime,
                first(slots, "languageCode").orElse("fr-FR"),
                time(slots, "creationTime").orElseThrow(() -> new IllegalArgumentException("no creationTime")),
                time(slots, "serviceStartTime").or(() -> time(slots, "creationTime")).orElseThrow(),
                time(slots, "serviceStopTime"), authors,
                first(slots, "legalAuthenticator").flatMap(EntryReader::xcn), level, flags, description, events);
        String statusUri = Xml.attr(e, "status").orElse(Rim.APPROVED);
        DocumentStatus status = switch (statusUri) {
            case Rim.DEPRECATED -> DocumentStatus.SUPERSEDED;
            case Rim.DELETED -> DocumentStatus.ENTERED_IN_ERROR;
            default -> DocumentStatus.CURRENT;
        };
        Optional<String> hash = first(slots, "hash").map(EntryReader::base64);
        Optional<Long> size = first(slots, "size").map(String::trim).map(Long::parseLong);
        String url = "urn:oid:" + first(slots, "repositoryUniqueId").orElse("");
        Optional<Ins> patient = Optional.ofNullable(externals.get(Rim.DE_PATIENT_ID)).flatMap(EntryReader::ins);
        DocumentEntry entry = new DocumentEntry(new DocumentId(id, uniqueId), Xml.attr(e, "lid"), metadata, status,
                Rim.ARCHIVED.equals(statusUri), url, size, hash, version, Optional.empty(), patient);
        return new Read(entry, e);
    }

    /** @return the repositoryUniqueId of an entry's url ({@code urn:oid:<id>}), if set */
    public static Optional<String> repository(DocumentEntry entry) {
        String u = entry.url();
        return u.startsWith("urn:oid:") && u.length() > 8 ? Optional.of(u.substring(8)) : Optional.empty();
    }

    private static String base64(String hex) {
        return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex.trim().toLowerCase()));
    }

    /** @return the INS of a CX, if it names one */
    public static Optional<Ins> ins(String cx) {
        String[] c = cx.split("\\^", -1);
        if (c.length < 4) {
            return Optional.empty();
        }
        String[] authority = c[3].split("&", -1);
        if (authority.length < 2) {
            return Optional.empty();
        }
        Optional<InsOid> oid = InsOid.find(authority[1]);
        try {
            return oid.map(o -> Ins.of(InsMatricule.parse(c[0], o.kind()), o));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Element one(Map<String, List<Element>> classes, String scheme, String name) {
        List<Element> l = classes.get(scheme);
        if (l == null || l.isEmpty()) {
            throw new IllegalArgumentException("no " + name);
        }
        return l.get(0);
    }

    private static Code code(Element c) {
        String value = c.getAttribute("nodeRepresentation");
        String scheme = "";
        String display = "";
        for (Node n = c.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element s) {
                if ("Slot".equals(s.getLocalName()) && "codingScheme".equals(s.getAttribute("name"))) {
                    List<String> v = values(s);
                    scheme = v.isEmpty() ? "" : v.get(0);
                } else if ("Name".equals(s.getLocalName())) {
                    display = localized(s).orElse("");
                }
            }
        }
        if (value.isEmpty() || scheme.isEmpty()) {
            throw new IllegalArgumentException("a code without value or codingScheme");
        }
        return Code.of(system(scheme), value, display);
    }

    /** @return the domain system of an XDS codingScheme */
    public static String system(String scheme) {
        String known = SYSTEMS.get(scheme);
        if (known != null) {
            return known;
        }
        return scheme.startsWith("urn:") || scheme.startsWith("http") ? scheme : "urn:oid:" + scheme;
    }

    private static Optional<Author> author(Element c) {
        Map<String, List<String>> s = new HashMap<>();
        for (Node n = c.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && "Slot".equals(e.getLocalName())) {
                s.put(e.getAttribute("name"), values(e));
            }
        }
        Optional<Author> a = first(s, "authorPerson").flatMap(EntryReader::xcn);
        if (a.isEmpty()) {
            return a;
        }
        Professional professional = a.get().professional();
        Optional<String> xon = first(s, "authorInstitution");
        if (xon.isPresent()) {
            String[] p = xon.get().split("\\^", -1);
            String idNat = p.length > 9 && !p[9].isEmpty() ? Rim.unhl7(p[9]) : "";
            if (!idNat.isEmpty()) {
                String name = Rim.unhl7(p[0]);
                professional = professional.withOrganization(
                        name.isEmpty() ? Organization.of(idNat) : Organization.of(idNat, name));
            }
        }
        Optional<Code> specialty = first(s, "authorSpecialty").flatMap(v -> cwe(v, CodeSystems.TRE_A02_OID));
        if (specialty.isPresent()) {
            professional = professional.withSpecialty(specialty.get());
        }
        Author author = Author.of(professional);
        Optional<Code> role = first(s, "authorRole").flatMap(v -> cwe(v, ""));
        if (role.isPresent()) {
            author = author.withRole(role.get());
        }
        return Optional.of(author);
    }

    private static Optional<Code> cwe(String v, String defaultOid) {
        String[] p = v.split("\\^", -1);
        if (p[0].isEmpty()) {
            return Optional.empty();
        }
        String oid = p.length > 2 && !p[2].isEmpty() ? p[2] : defaultOid;
        if (oid.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Code.of("urn:oid:" + oid, Rim.unhl7(p[0]), p.length > 1 ? Rim.unhl7(p[1]) : ""));
    }

    /** @return an XCN read as an author */
    public static Optional<Author> xcn(String v) {
        String[] p = v.split("\\^", -1);
        if (p[0].isBlank()) {
            return Optional.empty();
        }
        String family = p.length > 1 ? Rim.unhl7(p[1]) : "";
        String given = p.length > 2 ? Rim.unhl7(p[2]) : "";
        return Optional.of(Author.of(new Professional(Rim.unhl7(p[0]), Optional.empty(),
                given.isEmpty() ? Optional.empty() : Optional.of(given),
                family.isEmpty() ? Optional.empty() : Optional.of(family), Optional.empty(), Optional.empty(),
                Optional.empty())));
    }

    private static Optional<OffsetDateTime> time(Map<String, List<String>> slots, String name) {
        return first(slots, name).flatMap(Dtm::parse);
    }

    private static Optional<String> first(Map<String, List<String>> slots, String name) {
        List<String> v = slots.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    private static List<String> values(Element slot) {
        List<String> out = new ArrayList<>(1);
        for (Node n = slot.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element list && "ValueList".equals(list.getLocalName())) {
                for (Node v = list.getFirstChild(); v != null; v = v.getNextSibling()) {
                    if (v instanceof Element value && "Value".equals(value.getLocalName())) {
                        out.add(value.getTextContent().trim());
                    }
                }
            }
        }
        return out;
    }

    private static Optional<String> localized(Element e) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element s && "LocalizedString".equals(s.getLocalName())) {
                return Xml.attr(s, "value");
            }
        }
        return Optional.empty();
    }
}
