package fr.opendmp.core.document;

import java.util.Objects;

/**
 * The two identifiers of a stored document: the DMP's entryUUID ({@code DocumentReference.id},
 * changes at each metadata change) and the producer's uniqueId ({@code masterIdentifier}, never
 * changes).
 *
 * @param entryUuid the server id of the DocumentReference
 * @param uniqueId the uniqueId, {@code urn:oid:…} or {@code urn:uuid:…}
 */
public record DocumentId(String entryUuid, String uniqueId) {

    /**
     * Checks both parts.
     * @param entryUuid the server id of the DocumentReference
     * @param uniqueId the uniqueId, {@code urn:oid:…} or {@code urn:uuid:…}
     */
    public DocumentId {
        Objects.requireNonNull(entryUuid, "entryUuid");
        uniqueId = UniqueIds.normalise(uniqueId);
        if (entryUuid.isBlank()) {
            throw new IllegalArgumentException("entryUuid is blank");
        }
    }
}
