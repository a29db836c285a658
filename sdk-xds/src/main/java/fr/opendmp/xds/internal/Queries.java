package fr.opendmp.xds.internal;

import fr.opendmp.core.code.Code;
import fr.opendmp.core.document.DocumentStatus;
import fr.opendmp.core.search.DocumentQuery;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** ITI-18 Registry Stored Query requests (TD3.1a FindDocuments, TD3.1b GetDocuments). Not API. */
public final class Queries {

    /** FindDocuments. */
    public static final String FIND_DOCUMENTS = "urn:uuid:14d4debf-8f97-4251-9a74-a90016b0af0d";
    /** GetDocuments. */
    public static final String GET_DOCUMENTS = "urn:uuid:5c4f972b-d56b-40ac-a5fc-c8ca9b40b9d4";

    private Queries() {
    }

    /**
     * @param patientCx the patient's CX
     * @param q the criteria
     * @return the FindDocuments request
     */
    public static String findDocuments(String patientCx, DocumentQuery q) {
        StringBuilder b = open("LeafClass", FIND_DOCUMENTS);
        Rim.slot(b, "$XDSDocumentEntryPatientId", quote(patientCx));
        List<String> statuses = new ArrayList<>();
        for (DocumentStatus s : DocumentStatus.values()) {
            if (q.statuses().contains(s)) {
                statuses.add(switch (s) {
                    case CURRENT -> Rim.APPROVED;
                    case SUPERSEDED -> Rim.DEPRECATED;
                    case ENTERED_IN_ERROR -> Rim.DELETED;
                });
            }
        }
        if (q.archived().orElse(false)) {
            statuses.add(Rim.ARCHIVED);
        }
        Rim.slot(b, "$XDSDocumentEntryStatus", list(statuses));
        codes(b, "$XDSDocumentEntryClassCode", q.classes());
        codes(b, "$XDSDocumentEntryTypeCode", q.types());
        codes(b, "$XDSDocumentEntryPracticeSettingCode", q.practiceSettings());
        codes(b, "$XDSDocumentEntryHealthcareFacilityTypeCode", q.facilityTypes());
        codes(b, "$XDSDocumentEntryFormatCode", q.formats());
        time(b, "$XDSDocumentEntryCreationTimeFrom", q.createdFrom());
        time(b, "$XDSDocumentEntryCreationTimeTo", q.createdTo());
        time(b, "$XDSDocumentEntryServiceStartTimeFrom", q.serviceFrom());
        time(b, "$XDSDocumentEntryServiceStartTimeTo", q.serviceTo());
        q.authorIdNat().ifPresent(a -> Rim.slot(b, "$XDSDocumentEntryAuthorPerson", "('" + esc(a) + "%')"));
        return close(b);
    }

    /**
     * @param xdsUniqueId the uniqueId (bare OID)
     * @param objectRef whether to ask only object references
     * @return the GetDocuments request
     */
    public static String getDocuments(String xdsUniqueId, boolean objectRef) {
        StringBuilder b = open(objectRef ? "ObjectRef" : "LeafClass", GET_DOCUMENTS);
        Rim.slot(b, "$XDSDocumentEntryUniqueId", "('" + esc(xdsUniqueId) + "')");
        return close(b);
    }

    /**
     * @param entryUuids entryUUIDs
     * @return the GetDocuments request by entryUUID (LeafClass)
     */
    public static String getDocumentsByEntryUuid(List<String> entryUuids) {
        StringBuilder b = open("LeafClass", GET_DOCUMENTS);
        Rim.slot(b, "$XDSDocumentEntryEntryUUID", list(entryUuids));
        return close(b);
    }

    private static StringBuilder open(String returnType, String id) {
        StringBuilder b = new StringBuilder(1024);
        b.append("<query:AdhocQueryRequest xmlns:query=\"").append(Ns.QUERY).append("\" xmlns:rim=\"").append(Ns.RIM)
                .append("\"><query:ResponseOption returnComposedObjects=\"true\" returnType=\"").append(returnType)
                .append("\"/><rim:AdhocQuery id=\"").append(id).append("\">");
        return b;
    }

    private static String close(StringBuilder b) {
        return b.append("</rim:AdhocQuery></query:AdhocQueryRequest>").toString();
    }

    private static void codes(StringBuilder b, String name, List<Code> codes) {
        if (codes.isEmpty()) {
            return;
        }
        List<String> values = new ArrayList<>();
        for (Code c : codes) {
            values.add(c.code() + "^^" + Rim.codingScheme(c));
        }
        Rim.slot(b, name, list(values));
    }

    private static void time(StringBuilder b, String name, Optional<OffsetDateTime> t) {
        t.ifPresent(v -> Rim.slot(b, name, Dtm.format(v)));
    }

    private static String list(List<String> values) {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < values.size(); i++) {
            b.append(i == 0 ? "" : ",").append('\'').append(esc(values.get(i))).append('\'');
        }
        return b.append(')').toString();
    }

    private static String quote(String v) {
        return "'" + esc(v) + "'";
    }

    /** Doubles single quotes inside a quoted value (ebRS string literal). */
    private static String esc(String v) {
        return v.replace("'", "''");
    }
}
