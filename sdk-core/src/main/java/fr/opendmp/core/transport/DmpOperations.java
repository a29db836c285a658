package fr.opendmp.core.transport;

import fr.opendmp.core.access.AccessStatus;
import fr.opendmp.core.access.AuthorizationChange;
import fr.opendmp.core.access.AuthorizationFilter;
import fr.opendmp.core.access.AuthorizedPatient;
import fr.opendmp.core.access.AuthorizedPatientsBy;
import fr.opendmp.core.access.DmpAdministrativeData;
import fr.opendmp.core.access.PatientAuthorization;
import fr.opendmp.core.caller.Caller;
import fr.opendmp.core.document.Deposit;
import fr.opendmp.core.document.DepositReceipt;
import fr.opendmp.core.document.DocumentEntry;
import fr.opendmp.core.document.DocumentId;
import fr.opendmp.core.document.RetrievedDocument;
import fr.opendmp.core.error.DmpException;
import fr.opendmp.core.error.OperationNotSupportedException;
import fr.opendmp.core.ins.Ins;
import fr.opendmp.core.search.DocumentQuery;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The DMP operations one transport performs, each for the caller given: the SPI behind
 * {@code DmpClient}. The client does what is common to every transport (identity and INS OID
 * checks, caches, the deposit's idempotency, the patient and integrity checks of what comes back);
 * a transport maps each operation to its wire protocol and each failure to the
 * {@link DmpException} hierarchy, with {@code retryable()} set by the one retry rule of
 * {@link RetryPolicy}. An operation the protocol does not offer throws
 * {@link fr.opendmp.core.error.OperationNotSupportedException}. Thread-safe.
 */
public interface DmpOperations extends AutoCloseable {

    /**
     * The DMP's state and the caller's rights for this patient (TD0.2 / TD02).
     *
     * @param ins the patient
     * @param caller who asks, in which mode
     * @return the access status
     */
    AccessStatus access(Ins ins, Caller caller);

    /**
     * Sends a deposit once (TD2.1), or a replacement (TD2.1b) when {@code replaces} is present. The
     * client retries it, after looking its uniqueIds up, when the error is retryable.
     *
     * @param deposit the documents and the patient
     * @param replaces the document replaced, if any
     * @param caller who deposits
     * @return the receipt
     */
    DepositReceipt depositOnce(Deposit deposit, Optional<DocumentId> replaces, Caller caller);

    /**
     * The first page of a search (TD3.1a).
     *
     * @param ins the patient
     * @param query the criteria
     * @param caller who searches
     * @return the first page
     */
    TransportPage search(Ins ins, DocumentQuery query, Caller caller);

    /**
     * The page behind a continuation token of an earlier page.
     *
     * @param ins the patient
     * @param next the token
     * @param caller who searches
     * @return the page
     */
    TransportPage page(Ins ins, String next, Caller caller);

    /**
     * The document with this uniqueId in the patient's DMP, metadata only (TD3.1b).
     *
     * @param ins the patient
     * @param uniqueId the document's uniqueId
     * @param caller who asks
     * @return the entry, if the DMP has it and the caller may see it
     */
    Optional<DocumentEntry> findByUniqueId(Ins ins, String uniqueId, Caller caller);

    /**
     * A document's content (TD3.2), unchecked: the client checks its size and hash.
     *
     * @param entry the document's entry
     * @param caller who reads
     * @return the content
     */
    RetrievedDocument retrieve(DocumentEntry entry, Caller caller);

    /**
     * Changes a document's metadata (TD3.3), only if the DMP still holds the entry's version.
     *
     * @param entry the entry as last read
     * @param update the change
     * @param caller who changes it
     * @return the entry after the change
     */
    DocumentEntry update(DocumentEntry entry, MetadataUpdate update, Caller caller);

    /**
     * @return the protocol's name for messages ({@code FHIR}, {@code DMPi}); the default names no
     *     protocol
     */
    default String transportName() {
        return "this";
    }

    /**
     * Adds or removes the caller's authorization, or its médecin traitant role (DMPi TD0.3). The
     * default: not offered.
     *
     * @param ins the patient
     * @param change the change
     * @param caller who changes its own rights
     * @throws OperationNotSupportedException if the transport does not offer it
     */
    default void setAuthorization(Ins ins, AuthorizationChange change, Caller caller) {
        throw new OperationNotSupportedException("setAuthorization (TD0.3)", transportName());
    }

    /**
     * The patients the caller (or its structure) is authorized on, since a date (DMPi TD0.4). The
     * default: not offered.
     *
     * @param since the earliest date
     * @param by which date is compared
     * @param caller who asks
     * @return the patients
     * @throws OperationNotSupportedException if the transport does not offer it
     */
    default List<AuthorizedPatient> authorizedPatients(Instant since, AuthorizedPatientsBy by, Caller caller) {
        throw new OperationNotSupportedException("authorizedPatients (TD0.4)", transportName());
    }

    /**
     * The professionals a patient authorized or blocked (DMPi TD1.6). The default: not offered.
     *
     * @param ins the patient
     * @param filter which professionals
     * @param caller who asks
     * @return the professionals
     * @throws OperationNotSupportedException if the transport does not offer it
     */
    default List<PatientAuthorization> authorizations(Ins ins, AuthorizationFilter filter, Caller caller) {
        throw new OperationNotSupportedException("authorizations (TD1.6)", transportName());
    }

    /**
     * The DMP's administrative data and the patient's oppositions (DMPi TD1.3a). The default: not
     * offered.
     *
     * @param ins the patient
     * @param caller who asks
     * @return the administrative data
     * @throws OperationNotSupportedException if the transport does not offer it
     */
    default DmpAdministrativeData administrativeData(Ins ins, Caller caller) {
        throw new OperationNotSupportedException("administrativeData (TD1.3a)", transportName());
    }

    /** Releases what the operations hold of their own (never the shared HTTP client). */
    @Override
    void close();
}
