package fr.opendmp.core.transport.internal.fhir;

import fr.opendmp.core.code.CodeSystems;
import fr.opendmp.core.code.Code;
import fr.opendmp.core.document.DocumentStatus;
import fr.opendmp.core.document.UniqueIds;
import fr.opendmp.core.ins.Ins;
import fr.opendmp.core.search.DocumentQuery;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/** Writes the ITI-67 query string of a {@link DocumentQuery} (dates in UTC). Not API. */
public final class QueryEncoder {

    private QueryEncoder() {
    }

    /** @return {@code DocumentReference?…} for the query */
    public static String search(Ins ins, DocumentQuery q) {
        StringJoiner s = new StringJoiner("&", "DocumentReference?", "");
        s.add(param("patient.identifier", ins.fhirIdentifier()));
        s.add(param("status", q.statuses().stream().sorted().map(DocumentStatus::wire).collect(Collectors.joining(","))));
        tokens(s, "type", q.types());
        tokens(s, "category", q.classes());
        tokens(s, "format", q.formats());
        tokens(s, "setting", q.practiceSettings());
        tokens(s, "facility", q.facilityTypes());
        q.createdFrom().ifPresent(d -> s.add(param("date", "ge" + utc(d))));
        q.createdTo().ifPresent(d -> s.add(param("date", "le" + utc(d))));
        q.serviceFrom().ifPresent(d -> s.add(param("period", "ge" + utc(d))));
        q.serviceTo().ifPresent(d -> s.add(param("period", "le" + utc(d))));
        q.authorIdNat().ifPresent(a -> s.add(param("author.identifier", CodeSystems.ID_NAT_PS + "|" + a)));
        q.archived().ifPresent(a -> s.add(param("isArchived", a.toString())));
        q.pageSize().ifPresent(n -> s.add(param("_count", n.toString())));
        return s.toString();
    }

    /** @return {@code DocumentReference?…} finding a document by uniqueId (TD3.1b) */
    public static String byUniqueId(Ins ins, String uniqueId) {
        return "DocumentReference?" + param("patient.identifier", ins.fhirIdentifier()) + "&"
                + param("identifier", UniqueIds.SYSTEM + "|" + uniqueId);
    }

    /** @return {@code DocumentReference?identifier=…} for a conditional PATCH */
    public static String conditional(String uniqueId) {
        return "DocumentReference?" + param("identifier", UniqueIds.SYSTEM + "|" + uniqueId);
    }

    /** @return {@code Patient?identifier=…} (TD02) */
    public static String patient(Ins ins) {
        return "Patient?" + param("identifier", ins.fhirIdentifier());
    }

    private static void tokens(StringJoiner s, String name, List<Code> codes) {
        if (!codes.isEmpty()) {
            s.add(param(name, codes.stream().map(c -> c.system() + "|" + c.code()).collect(Collectors.joining(","))));
        }
    }

    private static String utc(OffsetDateTime d) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(d.withOffsetSameInstant(ZoneOffset.UTC));
    }

    private static String param(String name, String value) {
        return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
