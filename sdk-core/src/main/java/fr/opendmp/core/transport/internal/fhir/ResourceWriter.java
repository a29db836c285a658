package fr.opendmp.core.transport.internal.fhir;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.opendmp.core.document.Author;
import fr.opendmp.core.ins.Ins;
import java.util.List;

/** Pieces shared by the request writers: contained Patient and authors, references. Not API. */
final class ResourceWriter {

    static final String PATIENT_SOURCE = "patient-source";

    private ResourceWriter() {
    }

    static ObjectNode subject(Ins ins) {
        return FhirJson.object().put("reference", "Patient?identifier=" + ins.fhirIdentifier());
    }

    static ObjectNode profile(String url) {
        ObjectNode meta = FhirJson.object();
        meta.putArray("profile").add(url);
        return meta;
    }

    static ObjectNode sourcePatient(Ins ins) {
        ObjectNode p = FhirJson.object().put("resourceType", "Patient").put("id", PATIENT_SOURCE);
        p.putArray("identifier").addObject().put("system", ins.system()).put("value", ins.value());
        return p;
    }

    /**
     * Adds the contained resources of the authors and returns the local reference of each.
     *
     * @param prefix id prefix ({@code author} or {@code authenticator})
     */
    static List<String> addAuthors(ArrayNode contained, List<Author> authors, String prefix) {
        return java.util.stream.IntStream.range(0, authors.size())
                .mapToObj(i -> addAuthor(contained, authors.get(i), prefix + (i == 0 ? "" : "-" + i)))
                .toList();
    }

    static String addAuthor(ArrayNode contained, Author a, String id) {
        ObjectNode practitioner = contained.addObject().put("resourceType", "Practitioner").put("id", id);
        practitioner.putArray("identifier").addObject().put("system", Author.ID_NAT_PS_SYSTEM).put("value", a.idNatPs());
        if (a.familyName().isPresent()) {
            ObjectNode name = practitioner.putArray("name").addObject().put("family", a.familyName().get());
            a.givenName().ifPresent(g -> name.putArray("given").add(g));
        }
        if (a.role().isEmpty() && a.specialty().isEmpty() && a.institution().isEmpty()) {
            return "#" + id;
        }
        String roleId = id + "-role";
        ObjectNode role = contained.addObject().put("resourceType", "PractitionerRole").put("id", roleId);
        role.putArray("identifier").addObject().put("system", Author.ID_NAT_PS_SYSTEM).put("value", a.idNatPs());
        role.putObject("practitioner").put("reference", "#" + id);
        a.institution().ifPresent(inst -> {
            ObjectNode org = role.putObject("organization");
            org.putObject("identifier").put("system", fr.opendmp.core.code.CodeSystems.ID_NAT_STRUCT).put("value", inst.idNat());
            if (!inst.name().isEmpty()) {
                org.put("display", inst.name());
            }
        });
        a.role().ifPresent(c -> role.putArray("code").add(FhirJson.concept(c)));
        a.specialty().ifPresent(c -> role.putArray("specialty").add(FhirJson.concept(c)));
        return "#" + roleId;
    }
}
