package fr.opendmp.testkit.dmp.internal;

import com.fasterxml.jackson.databind.JsonNode;
import fr.opendmp.core.ins.InsMatricule;
import fr.opendmp.core.ins.InsOid;
import java.util.Optional;

/** Resolves a patient reference or INS token to a checked matricule. */
public final class PatientRefs {
    private PatientRefs() {
    }

    /**
     * Resolves {@code subject} (conditional reference {@code Patient?identifier=sys|ins} or
     * {@code subject.identifier}) to the matricule, or throws 422 naming the element.
     */
    public static String fromReference(JsonNode ref, String expression) {
        if (Json.isEmpty(ref)) {
            throw FhirException.of(422, "required", "REQUIRED", "the patient reference is missing", expression);
        }
        String reference = ref.path("reference").asText("");
        if (reference.startsWith("Patient?identifier=")) {
            return fromToken(reference.substring("Patient?identifier=".length()), 422, expression + ".reference");
        }
        JsonNode id = ref.path("identifier");
        if (id.hasNonNull("value")) {
            return fromToken(id.path("system").asText("") + "|" + id.path("value").asText(), 422,
                    expression + ".identifier");
        }
        throw FhirException.of(422, "invalid", "UNRESOLVED_PATIENT",
                "the patient reference must be Patient?identifier=<INS system>|<INS> or an identifier", expression);
    }

    /** Parses an INS token {@code system|value}; refuses an unknown system or a bad key with {@code status}. */
    public static String fromToken(String token, int status, String expression) {
        int bar = token.indexOf('|');
        String system = bar < 0 ? "" : token.substring(0, bar);
        String value = bar < 0 ? token : token.substring(bar + 1);
        Optional<InsOid> oid = InsOid.find(system);
        if (oid.isEmpty()) {
            throw FhirException.of(status, "value", "INVALID_INS",
                    "the patient identifier system must be an INS OID (urn:oid:1.2.250.1.213.1.4.8 or .9)", expression);
        }
        if (!InsMatricule.isValid(value)) {
            throw FhirException.of(status, "value", "INVALID_INS",
                    "the INS is not a valid matricule (15 characters with a correct key)", expression);
        }
        return InsMatricule.parse(value).value();
    }
}
