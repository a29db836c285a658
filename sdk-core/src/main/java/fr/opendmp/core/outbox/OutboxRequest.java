package fr.opendmp.core.outbox;

import fr.opendmp.core.document.DocumentMetadata;
import fr.opendmp.core.ins.PatientIdentity;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A document to queue: the patient's local id and identity (qualified or not yet), the metadata and
 * the content, the structure that deposits it and, when the document must be made once the INS is
 * known (a CDA), the name of the {@link DocumentRenderer} that makes it.
 *
 * <pre>{@code
 * outbox.enqueue(OutboxRequest.builder().localPatientId("IPP-42").patient(provisional)
 *     .document(metadata, pdfBytes).renderer("cda-n1-pdf").build());
 * }</pre>
 *
 * @param localPatientId the patient's id in the application (IPP)
 * @param patient the patient's identity as known now
 * @param metadata the document's metadata (its uniqueId is the item's key and never changes)
 * @param content the document's bytes, or the renderer's source (copied)
 * @param structureId the depositing structure, when not the outbox's default
 * @param renderer the renderer's name, if the document is made once the identity is qualified
 */
public record OutboxRequest(String localPatientId, PatientIdentity patient, DocumentMetadata metadata,
        byte[] content, Optional<String> structureId, Optional<String> renderer) {

    /**
     * Checks every part and copies the content.
     *
     * @param localPatientId the local patient id
     * @param patient the patient
     * @param metadata the metadata
     * @param content the content
     * @param structureId the structure id
     * @param renderer the renderer
     */
    public OutboxRequest {
        Objects.requireNonNull(localPatientId, "localPatientId");
        if (localPatientId.isBlank() || localPatientId.length() > 200) {
            throw new IllegalArgumentException("a local patient id is 1 to 200 characters");
        }
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(metadata, "metadata");
        content = Objects.requireNonNull(content, "content").clone();
        if (content.length == 0) {
            throw new IllegalArgumentException("document " + metadata.uniqueId() + " is empty");
        }
        Objects.requireNonNull(structureId, "structureId");
        Objects.requireNonNull(renderer, "renderer");
    }

    /** @return a copy of the content */
    @Override
    public byte[] content() {
        return content.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OutboxRequest r && localPatientId.equals(r.localPatientId) && patient.equals(r.patient)
                && metadata.equals(r.metadata) && Arrays.equals(content, r.content)
                && structureId.equals(r.structureId) && renderer.equals(r.renderer);
    }

    @Override
    public int hashCode() {
        return Objects.hash(metadata.uniqueId(), Arrays.hashCode(content));
    }

    /** Never prints the identity or the content. */
    @Override
    public String toString() {
        return "OutboxRequest[" + metadata.uniqueId() + ", identity " + patient.status().code() + ", "
                + content.length + " bytes" + renderer.map(r -> ", renderer " + r).orElse("") + "]";
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link OutboxRequest}; each setting may be given once. Not thread-safe. */
    public static final class Builder {
        private String localPatientId;
        private PatientIdentity patient;
        private DocumentMetadata metadata;
        private byte[] content;
        private String structureId;
        private String renderer;

        private Builder() {
        }

        private static void once(Object current, String name) {
            if (current != null) {
                throw new IllegalStateException("outbox request: " + name + " was already set");
            }
        }

        /**
         * @param value the value
         * @return this; the patient's id in the application (IPP)
         */
        public Builder localPatientId(String value) {
            once(localPatientId, "localPatientId");
            localPatientId = Objects.requireNonNull(value, "localPatientId");
            return this;
        }

        /**
         * @param value the value
         * @return this; the patient's identity, QUALIFIEE or not yet
         */
        public Builder patient(PatientIdentity value) {
            once(patient, "patient");
            patient = Objects.requireNonNull(value, "patient");
            return this;
        }

        /**
         * @param meta the meta
         * @param bytes the bytes
         * @return this; the document: its metadata and bytes (or the renderer's source)
         */
        public Builder document(DocumentMetadata meta, byte[] bytes) {
            once(metadata, "document");
            metadata = Objects.requireNonNull(meta, "metadata");
            content = Objects.requireNonNull(bytes, "content").clone();
            return this;
        }

        /**
         * @param value the value
         * @return this; the depositing structure (default: the outbox's)
         */
        public Builder structureId(String value) {
            once(structureId, "structureId");
            structureId = Objects.requireNonNull(value, "structureId");
            return this;
        }

        /**
         * @param value the value
         * @return this; the name of the renderer that makes the document once the identity is qualified
         */
        public Builder renderer(String value) {
            once(renderer, "renderer");
            renderer = Objects.requireNonNull(value, "renderer");
            return this;
        }

        /** @return the request */
        public OutboxRequest build() {
            if (localPatientId == null || patient == null || metadata == null) {
                throw new IllegalArgumentException("outbox request: localPatientId, patient and document are required");
            }
            return new OutboxRequest(localPatientId, patient, metadata, content, Optional.ofNullable(structureId),
                    Optional.ofNullable(renderer));
        }
    }
}
