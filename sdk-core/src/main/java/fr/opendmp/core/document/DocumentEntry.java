package fr.opendmp.core.document;

import fr.opendmp.core.code.Code;

import fr.opendmp.core.ins.Ins;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A document as the DMP holds it: its metadata plus what the DMP adds (ids, status, archive flag,
 * where to fetch the content, size and hash).
 *
 * @param id entryUUID and uniqueId
 * @param logicalId the logicalId (stable across metadata changes), if the server gives it
 * @param metadata the producer's metadata
 * @param status current, superseded or deleted
 * @param archived whether the document is archived (TD3.3d)
 * @param url where to retrieve the content ({@code Binary/…}, {@code Bundle/…} or absolute)
 * @param size the size in bytes of the raw content, if given
 * @param hash the base64 SHA-1 of the raw content, if given
 * @param versionId the server's version, if given
 * @param lastUpdated the server's last change, if given
 * @param patient the patient, when known (set by the client from the query)
 */
public record DocumentEntry(DocumentId id, Optional<String> logicalId, DocumentMetadata metadata,
        DocumentStatus status, boolean archived, String url, Optional<Long> size, Optional<String> hash,
        Optional<String> versionId, Optional<OffsetDateTime> lastUpdated, Optional<Ins> patient) {

    /**
     * Checks presence of every part.
     * @param id entryUUID and uniqueId
     * @param logicalId the logicalId (stable across metadata changes), if the server gives it
     * @param metadata the producer's metadata
     * @param status current, superseded or deleted
     * @param archived whether the document is archived (TD3.3d)
     * @param url where to retrieve the content ({@code Binary/…}, {@code Bundle/…} or absolute)
     * @param size the size in bytes of the raw content, if given
     * @param hash the base64 SHA-1 of the raw content, if given
     * @param versionId the server's version, if given
     * @param lastUpdated the server's last change, if given
     * @param patient the patient, when known (set by the client from the query)
     */
    public DocumentEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(logicalId, "logicalId");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(versionId, "versionId");
        Objects.requireNonNull(lastUpdated, "lastUpdated");
        Objects.requireNonNull(patient, "patient");
    }

    /** @return the uniqueId */
    public String uniqueId() {
        return id.uniqueId();
    }

    /** @return the type code */
    public Code type() {
        return metadata.type();
    }

    /** @return the title */
    public String title() {
        return metadata.title();
    }

    /** @return whether the document is masked to professionals */
    public boolean masked() {
        return metadata.visibility().contains(Visibility.MASQUE_PS);
    }

    /**
     * @return whether this is the signature document of a DMPi submission (classCode
     *     {@link TypeClassTable#SIGNATURE}, compared by code whatever the system's spelling), not a
     *     clinical document
     */
    public boolean isSignature() {
        return metadata.classCode().code().equals(TypeClassTable.SIGNATURE.code());
    }

    /**
     * @param ins the patient's INS
     * @return a copy bound to this patient
     */
    public DocumentEntry withPatient(Ins ins) {
        return new DocumentEntry(id, logicalId, metadata, status, archived, url, size, hash, versionId,
                lastUpdated, Optional.of(ins));
    }
}
