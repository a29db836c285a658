package fr.opendmp.xds.internal;

import fr.opendmp.core.party.Professional;
import fr.opendmp.core.document.Author;
import fr.opendmp.core.code.Code;
import fr.opendmp.core.code.CodeSystems;
import fr.opendmp.core.document.TypeClassTable;
import fr.opendmp.core.document.UniqueIds;
import java.util.List;

/** ebRIM 3.0 writing helpers and the IHE XDS identifiers (IHE ITI TF-3 §4.2). Not API. */
public final class Rim {

    /** DocumentEntry objectType (stable). */
    public static final String DOC_ENTRY = "urn:uuid:7edca82f-054d-47f2-a032-9b2a5b5186c1";
    /** DocumentEntry author. */
    public static final String DE_AUTHOR = "urn:uuid:93606bcf-9494-43ec-9b4e-a7748d1a838d";
    /** DocumentEntry classCode. */
    public static final String DE_CLASS = "urn:uuid:41a5887f-8865-4c09-adf7-e362475b143a";
    /** DocumentEntry confidentialityCode. */
    public static final String DE_CONFIDENTIALITY = "urn:uuid:f4f85eac-e6cb-4883-b524-f2705394840f";
    /** DocumentEntry eventCodeList. */
    public static final String DE_EVENT = "urn:uuid:2c6b8cb7-8b2a-4051-b291-b1ae6a575ef4";
    /** DocumentEntry formatCode. */
    public static final String DE_FORMAT = "urn:uuid:a09d5840-386c-46f2-b5ad-9c3699a4309d";
    /** DocumentEntry healthcareFacilityTypeCode. */
    public static final String DE_FACILITY = "urn:uuid:f33fb8ac-18af-42cc-ae0e-ed0b0bdb91e1";
    /** DocumentEntry practiceSettingCode. */
    public static final String DE_PRACTICE = "urn:uuid:cccf5598-8b07-4b77-a05e-ae952c785ead";
    /** DocumentEntry typeCode. */
    public static final String DE_TYPE = "urn:uuid:f0306f51-975f-434e-a61c-c59651d33983";
    /** DocumentEntry patientId. */
    public static final String DE_PATIENT_ID = "urn:uuid:58a6f841-87b3-4a3e-92fd-a8ffeff98427";
    /** DocumentEntry uniqueId. */
    public static final String DE_UNIQUE_ID = "urn:uuid:2e82c1f6-a085-4c72-9da3-8640a32e42ab";
    /** SubmissionSet classification node. */
    public static final String SS_NODE = "urn:uuid:a54d6aa5-d40d-43f9-88c5-b4633d873bdd";
    /** SubmissionSet author. */
    public static final String SS_AUTHOR = "urn:uuid:a7058bb9-b4e4-4307-ba5b-e3f0ab85e12d";
    /** SubmissionSet contentTypeCode. */
    public static final String SS_CONTENT_TYPE = "urn:uuid:aa543740-bdda-424e-8c96-df4873be8500";
    /** SubmissionSet patientId. */
    public static final String SS_PATIENT_ID = "urn:uuid:6b5aea1a-874d-4603-a4bc-96a0a7b38446";
    /** SubmissionSet sourceId. */
    public static final String SS_SOURCE_ID = "urn:uuid:554ac39e-e3fe-47fe-b233-965d2a147832";
    /** SubmissionSet uniqueId. */
    public static final String SS_UNIQUE_ID = "urn:uuid:96fdda7c-d067-4183-912e-bf5ee74998a8";
    /** HasMember. */
    public static final String HAS_MEMBER = "urn:oasis:names:tc:ebxml-regrep:AssociationType:HasMember";
    /** RPLC. */
    public static final String RPLC = "urn:ihe:iti:2007:AssociationType:RPLC";
    /** signs. */
    public static final String SIGNS = "urn:ihe:iti:2007:AssociationType:signs";
    /** UpdateAvailabilityStatus. */
    public static final String UPDATE_STATUS = "urn:ihe:iti:2010:AssociationType:UpdateAvailabilityStatus";
    /** Approved. */
    public static final String APPROVED = "urn:oasis:names:tc:ebxml-regrep:StatusType:Approved";
    /** Deprecated. */
    public static final String DEPRECATED = "urn:oasis:names:tc:ebxml-regrep:StatusType:Deprecated";
    /** DMP Archived. */
    public static final String ARCHIVED = "urn:asip:ci-sis:2010:StatusType:Archived";
    /** DMP Deleted. */
    public static final String DELETED = "urn:asip:ci-sis:2010:StatusType:Deleted";
    /** Response Success. */
    public static final String SUCCESS = "urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Success";
    /** Response PartialSuccess. */
    public static final String PARTIAL = "urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:PartialSuccess";
    /** Response Failure. */
    public static final String FAILURE = "urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Failure";
    /** The class code of signature entries (the one sdk-core recognises them by). */
    public static final String SIGNATURE_CLASS = TypeClassTable.SIGNATURE.code();

    private Rim() {
    }

    /** @return a uniqueId as XDS writes it: a bare OID, or the UUID URN */
    public static String xdsUniqueId(String domainUniqueId) {
        String u = UniqueIds.normalise(domainUniqueId);
        return u.startsWith("urn:oid:") ? u.substring(8) : u;
    }

    /** Appends a slot. */
    public static void slot(StringBuilder b, String name, List<String> values) {
        b.append("<rim:Slot name=\"").append(Xml.esc(name)).append("\"><rim:ValueList>");
        for (String v : values) {
            b.append("<rim:Value>").append(Xml.esc(v)).append("</rim:Value>");
        }
        b.append("</rim:ValueList></rim:Slot>");
    }

    /** Appends a slot with one value. */
    public static void slot(StringBuilder b, String name, String value) {
        slot(b, name, List.of(value));
    }

    /** Appends a {@code Name} (or {@code Description}). */
    public static void localized(StringBuilder b, String element, String value) {
        b.append("<rim:").append(element).append("><rim:LocalizedString charset=\"UTF8\" xml:lang=\"FR\" value=\"")
                .append(Xml.esc(value)).append("\"/></rim:").append(element).append('>');
    }

    /** Appends a coded Classification. */
    public static void coded(StringBuilder b, String id, String scheme, String object, Code code) {
        b.append("<rim:Classification classificationScheme=\"").append(scheme).append("\" classifiedObject=\"")
                .append(Xml.esc(object)).append("\" id=\"").append(id).append("\" nodeRepresentation=\"")
                .append(Xml.esc(code.code())).append("\">");
        slot(b, "codingScheme", codingScheme(code));
        localized(b, "Name", code.display().isEmpty() ? code.code() : code.display());
        b.append("</rim:Classification>");
    }

    /** @return the codingScheme of a code: its OID, or the literal {@code URN} / {@code ASTM} */
    public static String codingScheme(Code code) {
        return CodeSystems.oidOf(code.system()).orElseThrow(() -> new IllegalArgumentException(
                "code system without OID: " + code.system()));
    }

    /** Appends an ExternalIdentifier. */
    public static void external(StringBuilder b, String id, String scheme, String object, String value, String name) {
        b.append("<rim:ExternalIdentifier id=\"").append(id).append("\" identificationScheme=\"").append(scheme)
                .append("\" registryObject=\"").append(Xml.esc(object)).append("\" value=\"").append(Xml.esc(value))
                .append("\">");
        localized(b, "Name", name);
        b.append("</rim:ExternalIdentifier>");
    }

    /** Appends an author Classification (XCN, XON, specialty, role). */
    public static void author(StringBuilder b, String id, String scheme, String object, Author author) {
        b.append("<rim:Classification classificationScheme=\"").append(scheme).append("\" classifiedObject=\"")
                .append(Xml.esc(object)).append("\" id=\"").append(id).append("\" nodeRepresentation=\"\">");
        slot(b, "authorPerson", xcn(author));
        Professional p = author.professional();
        p.organization().ifPresent(i -> slot(b, "authorInstitution", hl7(i.name().orElse("")) + "^^^^^&"
                + CodeSystems.ID_NAT_STRUCT_OID + "&ISO^IDNST^^^" + hl7(i.idNat())));
        p.specialty().ifPresent(s -> slot(b, "authorSpecialty", hl7(s.code()) + "^" + hl7(s.display()) + "^"
                + CodeSystems.oidOf(s.system()).orElse(CodeSystems.TRE_A02_OID)));
        author.role().ifPresent(r -> slot(b, "authorRole", hl7(r.code()) + "^" + hl7(r.display()) + "^"
                + CodeSystems.oidOf(r.system()).orElse("")));
        b.append("</rim:Classification>");
    }

    /** @return an author as XCN */
    public static String xcn(Author a) {
        Professional p = a.professional();
        return hl7(p.idNat()) + "^" + hl7(p.familyName().orElse("")) + "^" + hl7(p.givenName().orElse(""))
                + "^^^^^^&" + CodeSystems.ID_NAT_PS_OID + "&ISO^D^^^IDNPS";
    }

    /** @return a value with the HL7v2 separators escaped */
    public static String hl7(String v) {
        StringBuilder b = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\E\\");
                case '^' -> b.append("\\S\\");
                case '&' -> b.append("\\T\\");
                case '|' -> b.append("\\F\\");
                case '~' -> b.append("\\R\\");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** @return an HL7v2-escaped value decoded */
    public static String unhl7(String v) {
        if (v.indexOf('\\') < 0) {
            return v;
        }
        return v.replace("\\S\\", "^").replace("\\T\\", "&").replace("\\F\\", "|").replace("\\R\\", "~")
                .replace("\\E\\", "\\");
    }
}
