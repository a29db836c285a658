package fr.opendmp.testkit.dmp.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A stored document: its rendered DocumentReference (never mutated once stored: a change stores a
 * new instance), its bytes (held once) and the fields search needs, extracted once.
 *
 * @param id entryUUID ({@code DocumentReference.id})
 * @param binaryId id of its Binary (or Bundle for a FHIR document)
 * @param patientIns patient matricule
 * @param uniqueId {@code masterIdentifier.value}
 * @param resource the DocumentReference as served
 * @param content the document bytes
 * @param fields search fields
 * @param version meta.versionId
 */
public record StoredDocument(String id, String binaryId, String patientIns, String uniqueId, ObjectNode resource,
        byte[] content, SearchFields fields, int version) {

    /** @return the FHIR status */
    public String status() {
        return resource.path("status").asText();
    }

    /** @return whether logically deleted (TD3.3c) */
    public boolean deleted() {
        return "entered-in-error".equals(status());
    }

    /** @return the document's mime type */
    public String contentType() {
        return resource.path("content").path(0).path("attachment").path("contentType").asText();
    }
}
