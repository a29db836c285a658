package fr.opendmp.cda.deposit;

import fr.opendmp.cda.metadata.CdaMetadata;
import fr.opendmp.cda.read.CdaDocument;
import fr.opendmp.cda.read.CdaParseException;
import fr.opendmp.cda.read.CdaReader;
import fr.opendmp.core.document.Deposit;
import fr.opendmp.core.ins.Ins;
import fr.opendmp.core.ins.PatientIdentity;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Turns CI-SIS CDA documents into a DMP deposit, safely: each document is read once, its patient
 * is checked against the deposit's qualified identity (INS and strict traits), its metadata is
 * derived from the header in memory ({@link CdaMetadata}, no second parse), and the first
 * document's custodian becomes the deposit's custodian when it has an IdNat_Struct.
 *
 * <pre>{@code
 * Deposit deposit = CdaDeposits.of(patient, vsmBytes, letterBytes).build();
 * dmp.documents().deposit(deposit);
 * }</pre>
 *
 * <p>Every check runs before the deposit exists, so a refused document is never sent. Do not
 * change the patient of the returned builder: the documents were checked against this one.
 * Immutable and thread-safe.
 */
public final class CdaDeposits {

    private static final CdaDeposits DEFAULT = builder().build();

    private final CdaReader reader;
    private final CdaMetadata metadata;

    private CdaDeposits(Builder b) {
        this.reader = b.reader;
        this.metadata = b.metadata;
    }

    /** @return a builder to choose the reader (size and depth limits) and the metadata derivation */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the default deposit path ({@link CdaReader#defaults()}, {@link CdaMetadata#derive}) */
    public static CdaDeposits defaults() {
        return DEFAULT;
    }

    /**
     * Like {@link #prepare(PatientIdentity, List)} with the defaults.
     *
     * @param patient the qualified identity of the patient whose DMP receives the documents
     * @param cdas the CDA documents, in submission order (at least one)
     * @return a deposit builder holding each document with its derived metadata
     * @throws CdaParseException if a document cannot be read
     * @throws CdaPatientMismatchException if a document names another patient
     * @throws fr.opendmp.core.ins.IdentityNotQualifiedException if the identity is not qualified
     * @throws fr.opendmp.cda.metadata.CdaMetadataException if a header lacks what the metadata needs
     * @throws fr.opendmp.core.document.DocumentTypeException if a type is unknown or not accepted by the DMP
     */
    public static Deposit.Builder of(PatientIdentity patient, byte[]... cdas) throws CdaParseException {
        Objects.requireNonNull(cdas, "cdas");
        return DEFAULT.prepare(patient, List.of(cdas));
    }

    /**
     * Reads each document once, checks its patient, derives its metadata and adds it to a deposit.
     *
     * @param patient the qualified identity of the patient whose DMP receives the documents
     * @param cdas the CDA documents, in submission order (at least one)
     * @return a deposit builder holding each document with its derived metadata, the patient and
     *     (when the first document has one) the custodian
     * @throws CdaParseException if a document cannot be read (too large, too deep, DOCTYPE, not a CDA)
     * @throws CdaPatientMismatchException if a document names another patient: says which fields differ
     * @throws fr.opendmp.core.ins.IdentityNotQualifiedException if the identity is not qualified
     * @throws fr.opendmp.cda.metadata.CdaMetadataException if a header lacks what the metadata needs
     * @throws fr.opendmp.core.document.DocumentTypeException if a type is unknown or not accepted by the DMP
     */
    public Deposit.Builder prepare(PatientIdentity patient, List<byte[]> cdas) throws CdaParseException {
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(cdas, "cdas");
        if (cdas.isEmpty()) {
            throw new IllegalArgumentException("a deposit needs at least one CDA document");
        }
        Ins ins = patient.requireQualified();
        Deposit.Builder builder = Deposit.builder().patient(patient);
        for (int i = 0; i < cdas.size(); i++) {
            byte[] bytes = Objects.requireNonNull(cdas.get(i), "cda");
            CdaDocument read = reader.parse(bytes);
            List<PatientField> diff = CdaPatientCheck.differences(read.header().patient(), patient.traits(), ins);
            if (!diff.isEmpty()) {
                throw new CdaPatientMismatchException(i, diff);
            }
            builder.document(metadata.toMetadata(read), bytes);
            if (i == 0) {
                CdaMetadata.custodian(read).ifPresent(builder::custodian);
            }
        }
        return builder;
    }

    /** Builds a {@link CdaDeposits}; each setting may be given once. Not thread-safe. */
    public static final class Builder {

        private final Set<String> given = new HashSet<>();

        private void once(String setting) {
            if (!given.add(setting)) {
                throw new IllegalStateException(setting + " was already set");
            }
        }

        private CdaReader reader = CdaReader.defaults();
        private CdaMetadata metadata = CdaMetadata.builder().build();

        private Builder() {
        }

        /**
         * @param value the reader
         * @return this; the reader (size and depth limits)
         */
        public Builder reader(CdaReader value) {
            once("reader");
            this.reader = Objects.requireNonNull(value, "reader");
            return this;
        }

        /**
         * @param value the metadata
         * @return this; the metadata derivation (content type, type→class table, value-set check, target)
         */
        public Builder metadata(CdaMetadata value) {
            once("metadata");
            this.metadata = Objects.requireNonNull(value, "metadata");
            return this;
        }

        /** @return the deposit path */
        public CdaDeposits build() {
            return new CdaDeposits(this);
        }
    }
}
