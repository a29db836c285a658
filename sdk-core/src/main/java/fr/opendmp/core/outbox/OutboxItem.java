package fr.opendmp.core.outbox;

import fr.opendmp.core.document.DocumentMetadata;
import fr.opendmp.core.ins.PatientIdentity;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One document kept by the outbox, as the store holds it: what to send (metadata, content, the
 * patient's identity) and where it stands (state, reason, attempts, next attempt, lease).
 *
 * <p>The uniqueId never changes: it is the key of the item in the store and the key of the
 * deposit's idempotency at the DMP, so a resend after a crash finds the stored document instead of
 * storing a second copy. {@link #toString()} shows ids, state and reason only, never the identity,
 * the title or the content.
 *
 * @param uniqueId the document's uniqueId (the item's key)
 * @param structureId the structure that deposits it (the rate limit applies per structure)
 * @param localPatientId the patient's id in the application (IPP), to find a patient's items
 * @param state where the item stands
 * @param reason why it waits, was refused or cancelled (a code such as {@code NO_AUTHORIZATION},
 *     {@code UNAVAILABLE}, {@code MERGED}), when there is one
 * @param note the operator's note or the SDK's message for that reason (never health data)
 * @param patient the patient's identity, as it was when queued or as qualified since
 * @param metadata the document's metadata
 * @param content the document's bytes (copied); before rendering, the renderer's source
 * @param renderer the name of the {@link DocumentRenderer} that makes the document once the identity
 *     is qualified, when the content is not sent as it is
 * @param rendered whether the content is final (always true without a renderer)
 * @param attempts how many times the worker took the item to send it
 * @param createdAt when the item was queued
 * @param updatedAt when the item last changed
 * @param nextAttemptAt when the worker may take it next
 * @param receipt the ids the DMP gave (entryUUIDs), once sent
 * @param leaseOwner the worker that holds the item while sending it, if any
 * @param leaseUntil until when that worker holds it
 * @param version the store's optimistic version (incremented by every write)
 */
public record OutboxItem(String uniqueId, String structureId, String localPatientId, OutboxState state,
        Optional<String> reason, Optional<String> note, PatientIdentity patient, DocumentMetadata metadata,
        byte[] content, Optional<String> renderer, boolean rendered, int attempts, Instant createdAt,
        Instant updatedAt, Instant nextAttemptAt, Optional<String> receipt, Optional<String> leaseOwner,
        Optional<Instant> leaseUntil, long version) {

    /**
     * Checks every part and copies the content.
     *
     * @param uniqueId the unique id
     * @param structureId the structure id
     * @param localPatientId the local patient id
     * @param state the state
     * @param reason the reason
     * @param note the note
     * @param patient the patient
     * @param metadata the metadata
     * @param content the content
     * @param renderer the renderer
     * @param rendered the rendered
     * @param attempts the attempts
     * @param createdAt the created at
     * @param updatedAt the updated at
     * @param nextAttemptAt the next attempt at
     * @param receipt the receipt
     * @param leaseOwner the lease owner
     * @param leaseUntil the lease until
     * @param version the version
     */
    public OutboxItem {
        Objects.requireNonNull(uniqueId, "uniqueId");
        Objects.requireNonNull(structureId, "structureId");
        Objects.requireNonNull(localPatientId, "localPatientId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(metadata, "metadata");
        content = Objects.requireNonNull(content, "content").clone();
        Objects.requireNonNull(renderer, "renderer");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(receipt, "receipt");
        Objects.requireNonNull(leaseOwner, "leaseOwner");
        Objects.requireNonNull(leaseUntil, "leaseUntil");
        if (!metadata.uniqueId().equals(uniqueId)) {
            throw new IllegalArgumentException("an outbox item's uniqueId is its document's uniqueId");
        }
        if (content.length == 0) {
            throw new IllegalArgumentException("outbox item " + uniqueId + " has no content");
        }
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must not be negative");
        }
    }

    /** @return a copy of the content */
    @Override
    public byte[] content() {
        return content.clone();
    }

    /**
     * @param newState the new state
     * @param newReason the reason, if any
     * @param newNote the note, if any
     * @param at when
     * @return this item in another state (lease and version unchanged: the store manages them)
     */
    public OutboxItem with(OutboxState newState, Optional<String> newReason, Optional<String> newNote, Instant at) {
        return new OutboxItem(uniqueId, structureId, localPatientId, newState, newReason, newNote, patient, metadata,
                content, renderer, rendered, attempts, createdAt, at, nextAttemptAt, receipt, leaseOwner, leaseUntil,
                version);
    }

    /**
     * @param at the at
     * @return this item with another next attempt time
     */
    public OutboxItem withNextAttempt(Instant at) {
        return new OutboxItem(uniqueId, structureId, localPatientId, state, reason, note, patient, metadata, content,
                renderer, rendered, attempts, createdAt, updatedAt, at, receipt, leaseOwner, leaseUntil, version);
    }

    /**
     * @param identity the identity
     * @return this item with another patient identity
     */
    public OutboxItem withPatient(PatientIdentity identity) {
        return new OutboxItem(uniqueId, structureId, localPatientId, state, reason, note, identity, metadata, content,
                renderer, rendered, attempts, createdAt, updatedAt, nextAttemptAt, receipt, leaseOwner, leaseUntil,
                version);
    }

    /**
     * @param finalMetadata the final metadata
     * @param finalContent the final content
     * @return this item with its final, rendered document
     */
    public OutboxItem withRendered(DocumentMetadata finalMetadata, byte[] finalContent) {
        return new OutboxItem(uniqueId, structureId, localPatientId, state, reason, note, patient, finalMetadata,
                finalContent, renderer, true, attempts, createdAt, updatedAt, nextAttemptAt, receipt, leaseOwner,
                leaseUntil, version);
    }

    /**
     * @param ids the ids
     * @return this item with the DMP's receipt
     */
    public OutboxItem withReceipt(String ids) {
        return new OutboxItem(uniqueId, structureId, localPatientId, state, reason, note, patient, metadata, content,
                renderer, rendered, attempts, createdAt, updatedAt, nextAttemptAt, Optional.of(ids), leaseOwner,
                leaseUntil, version);
    }

    /**
     * @param now the now
     * @return whether a worker holds the item at {@code now}
     */
    public boolean leasedAt(Instant now) {
        return leaseUntil.map(now::isBefore).orElse(false);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OutboxItem other && uniqueId.equals(other.uniqueId) && version == other.version
                && state == other.state && Arrays.equals(content, other.content)
                && patient.equals(other.patient) && metadata.equals(other.metadata);
    }

    @Override
    public int hashCode() {
        return Objects.hash(uniqueId, version, state);
    }

    /** Ids, state, reason and counters only: never the identity, the title or the content. */
    @Override
    public String toString() {
        return "OutboxItem[" + uniqueId + ", structure " + structureId + ", patient ref " + localPatientId.hashCode()
                + ", " + state + reason.map(r -> " (" + r + ")").orElse("") + ", attempts " + attempts
                + ", identity " + patient.status().code() + ", " + content.length + " bytes, v" + version + "]";
    }
}
