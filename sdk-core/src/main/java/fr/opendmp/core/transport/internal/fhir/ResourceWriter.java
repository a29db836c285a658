package fr.opendmp.core.transport.internal.fhir;

import fr.opendmp.core.code.CodeSystems;
import fr.opendmp.core.party.Professional;
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
        Professional p = a.professional();
        practitioner.putArray("identifier").addObject().put("system", CodeSystems.ID_NAT_PS).put("value", p.idNat());
        if (p.familyName().isPresent()) {
            ObjectNode name = practitioner.putArray("name").addObject().put("family", p.familyName().get());
            p.givenName().ifPresent(g -> name.putArray("given").add(g));
        }
        if (a.role().isEmpty() && p.specialty().isEmpty() && p.organization().isEmpty()) {
            return "#" + id;
        }
        String roleId = id + "-role";
        ObjectNode role = contained.addObject().put("resourceType", "PractitionerRole").put("id", roleId);
        role.putArray("identifier").addObject().put("system", CodeSystems.ID_NAT_PS).put("value", p.idNat());
        role.putObject("practitioner").put("reference", "#" + id);
        p.organization().ifPresent(inst -> {
            ObjectNode org = role.putObject("organization");
            org.putObject("identifier").put("system", CodeSystems.ID_NAT_STRUCT).put("value", inst.idNat());
            inst.name().filter(n -> !n.isEmpty()).ifPresent(n -> org.put("display", n));
        });
        a.role().ifPresent(c -> role.putArray("code").add(FhirJson.concept(c)));
        p.specialty().ifPresent(c -> role.putArray("specialty").add(FhirJson.concept(c)));
        return "#" + roleId;
    }
}
