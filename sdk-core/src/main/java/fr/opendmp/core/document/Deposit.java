package fr.opendmp.core.document;

import fr.opendmp.core.ins.IdentityNotQualifiedException;
import fr.opendmp.core.ins.Ins;
import fr.opendmp.core.ins.PatientIdentity;
import fr.opendmp.core.party.Organization;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What to deposit in a patient's DMP (TD2): one document (sent as ITI-105) or several, or a folder
 * (sent as one ITI-65 transaction bundle).
 *
 * <pre>{@code
 * Deposit d = Deposit.builder().patient(identity).document(metadata, cdaBytes).build();
 * }</pre>
 *
 * @param patient the patient's identity (must be qualified by INSi)
 * @param documents the documents (at least one)
 * @param submissionAuthor the author of the submission set (default: first author of the first document)
 * @param submissionTitle the submission set title, if any
 * @param folderTitle when present, the documents are also put in a new folder with this title
 * @param custodian the organisation responsible for the documents (PDSm {@code custodian}; default:
 *     the institution of the submission author, when known)
 */
public record Deposit(PatientIdentity patient, List<DocumentContent> documents, Author submissionAuthor,
        Optional<String> submissionTitle, Optional<String> folderTitle, Optional<Organization> custodian) {

    /**
     * Checks every part.
     * @param patient the patient's identity (must be qualified by INSi)
     * @param documents the documents (at least one)
     * @param submissionAuthor the author of the submission set (default: first author of the first document)
     * @param submissionTitle the submission set title, if any
     * @param folderTitle when present, the documents are also put in a new folder with this title
     * @param custodian the organisation responsible for the documents (PDSm {@code custodian}; default: the
     *     institution of the submission author, when known)
     */
    public Deposit {
        Objects.requireNonNull(patient, "patient");
        documents = List.copyOf(documents);
        Objects.requireNonNull(submissionAuthor, "submissionAuthor");
        Objects.requireNonNull(submissionTitle, "submissionTitle");
        Objects.requireNonNull(folderTitle, "folderTitle");
        Objects.requireNonNull(custodian, "custodian");
        if (documents.isEmpty()) {
            throw new IllegalArgumentException("a deposit needs at least one document");
        }
        if (documents.stream().map(d -> d.metadata().uniqueId()).distinct().count() != documents.size()) {
            throw new IllegalArgumentException("two documents of a deposit share a uniqueId");
        }
    }

    /**
     * @return the qualified INS of the patient
     * @throws IdentityNotQualifiedException if the identity is not qualified (nothing is sent)
     */
    public Ins ins() {
        return patient.requireQualified();
    }

    /** @return whether this deposit goes as one ITI-105 DocumentReference (one document, no folder) */
    public boolean isSimple() {
        return documents.size() == 1 && folderTitle.isEmpty();
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Deposit}; not thread-safe. */
    public static final class Builder {

        private final Set<String> given = new HashSet<>();

        private void once(String setting) {
            if (!given.add(setting)) {
                throw new IllegalStateException(setting + " was already set");
            }
        }

        private PatientIdentity patient;
        private final List<DocumentContent> documents = new ArrayList<>();
        private Author submissionAuthor;
        private String submissionTitle;
        private String folderTitle;
        private Organization custodian;

        private Builder() {
        }

        /**
         * @param value the patient
         * @return this; the patient (qualified identity)
         */
        public Builder patient(PatientIdentity value) {
            once("patient");
            this.patient = value;
            return this;
        }

        /**
         * @param metadata the metadata
         * @param bytes the bytes
         * @return this; adds a document
         */
        public Builder document(DocumentMetadata metadata, byte[] bytes) {
            documents.add(new DocumentContent(metadata, bytes));
            return this;
        }

        /**
         * @param value the document
         * @return this; adds a document
         */
        public Builder document(DocumentContent value) {
            documents.add(Objects.requireNonNull(value, "document"));
            return this;
        }

        /**
         * @param value the submission author
         * @return this; the submission set author
         */
        public Builder submissionAuthor(Author value) {
            once("submissionAuthor");
            this.submissionAuthor = value;
            return this;
        }

        /**
         * @param value the submission title
         * @return this; the submission set title
         */
        public Builder submissionTitle(String value) {
            once("submissionTitle");
            this.submissionTitle = value;
            return this;
        }

        /**
         * @param title the title
         * @return this; put the documents in a new folder with this title (forces ITI-65)
         */
        public Builder folder(String title) {
            once("folder");
            this.folderTitle = title;
            return this;
        }

        /**
         * @param value the custodian
         * @return this; the custodian organisation (default: the submission author's institution)
         */
        public Builder custodian(Organization value) {
            once("custodian");
            this.custodian = value;
            return this;
        }

        /** @return the deposit */
        public Deposit build() {
            if (patient == null) {
                throw new IllegalArgumentException("deposit: patient is required");
            }
            if (documents.isEmpty()) {
                throw new IllegalArgumentException("deposit: at least one document is required");
            }
            Author author = submissionAuthor != null ? submissionAuthor
                    : documents.get(0).metadata().authors().get(0);
            return new Deposit(patient, documents, author, Optional.ofNullable(submissionTitle),
                    Optional.ofNullable(folderTitle),
                    custodian != null ? Optional.of(custodian) : author.professional().organization());
        }
    }
}
