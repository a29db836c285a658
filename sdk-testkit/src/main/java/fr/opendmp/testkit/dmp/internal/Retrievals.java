package fr.opendmp.testkit.dmp.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;

/** TD3.2 (ITI-68): raw bytes, or a Binary resource with {@code Accept: application/fhir+json}. */
public final class Retrievals {
    private final DmpStore store;
    private final AccessRules rules;

    /** Creates the service. */
    public Retrievals(DmpStore store, AccessRules rules) {
        this.store = store;
        this.rules = rules;
    }

    /** What to send back. */
    public record Content(String patientIns, String contentType, byte[] body) {
    }

    /**
     * @param binaryKey {@code <id>} for Binary, {@code Bundle/<id>} for a FHIR document
     * @param accept the Accept header ("" when absent)
     */
    public Content retrieve(String binaryKey, String accept, Caller caller) {
        return store.read(() -> {
            caller.patientIns().ifPresent(ins -> rules.checkRecord(caller, ins, true));
            StoredDocument d = store.documentByBinary(binaryKey).orElseThrow(() -> FhirException.of(404, "not-found",
                    "BINARY_NOT_FOUND", "no such Binary", ""));
            rules.checkRecord(caller, d.patientIns(), true);
            if (!rules.visible(caller, d)) {
                throw FhirException.of(404, "not-found", "BINARY_NOT_FOUND", "no such Binary", "");
            }
            String mime = d.contentType();
            boolean fhirJson = accept.contains("application/fhir+json") || accept.contains("application/json");
            if (fhirJson && !mime.equals("application/fhir+json")) {
                ObjectNode binary = Json.object();
                binary.put("resourceType", "Binary");
                binary.put("id", binaryKey);
                binary.put("contentType", mime);
                binary.put("data", Base64.getEncoder().encodeToString(d.content()));
                return new Content(d.patientIns(), "application/fhir+json", Json.bytes(binary));
            }
            if (!accept.isEmpty() && !accept.contains("*/*") && !accept.contains(mime) && !fhirJson) {
                throw FhirException.of(406, "not-supported", "NOT_ACCEPTABLE",
                        "the document is " + mime + "; the server does not convert formats", "");
            }
            return new Content(d.patientIns(), mime, d.content());
        });
    }
}
