package fr.opendmp.cda.outbox;

import fr.opendmp.cda.build.DocumentHeader;
import fr.opendmp.core.outbox.OutboxItem;

/**
 * Gives the header of a queued CDA, everything set but the patient and the document id: the
 * renderer sets the patient to the qualified identity and the document id to the item's uniqueId.
 * The application keeps its header data (authors, custodian, encounter…) and rebuilds the builder
 * from it for the item; it is called once per item, when the identity is qualified.
 */
@FunctionalInterface
public interface HeaderTemplate {

    /**
     * @param item the queued item (uniqueId, metadata, local patient id)
     * @return a new header builder for it
     */
    DocumentHeader.Builder header(OutboxItem item);
}
