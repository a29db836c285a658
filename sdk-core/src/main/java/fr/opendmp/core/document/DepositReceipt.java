package fr.opendmp.core.document;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The DMP's acknowledgement of a deposit.
 *
 * @param documents the stored documents (entryUUID + uniqueId), in the order of the deposit
 * @param submissionSetId the SubmissionSet id (ITI-65 only)
 * @param recovered true when the answer was lost and the client found the documents already stored
 *     (no second copy was sent)
 * @param requestId the request id of the exchange, if known
 */
public record DepositReceipt(List<DocumentId> documents, Optional<String> submissionSetId, boolean recovered,
        Optional<String> requestId) {

    /**
     * Checks and copies.
     * @param documents the stored documents (entryUUID + uniqueId), in the order of the deposit
     * @param submissionSetId the SubmissionSet id (ITI-65 only)
     * @param recovered true when the answer was lost and the client found the documents already stored (no
     *     second copy was sent)
     * @param requestId the request id of the exchange, if known
     */
    public DepositReceipt {
        documents = List.copyOf(documents);
        Objects.requireNonNull(submissionSetId, "submissionSetId");
        Objects.requireNonNull(requestId, "requestId");
    }
}
