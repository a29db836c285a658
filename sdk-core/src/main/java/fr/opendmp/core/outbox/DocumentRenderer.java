package fr.opendmp.core.outbox;

import fr.opendmp.core.document.DocumentContent;
import fr.opendmp.core.ins.PatientIdentity;

/**
 * Makes the document to deposit once the patient's identity is QUALIFIEE (SPI): a CDA carries the
 * INS in its header, so a CDA queued for a patient without INS is built when the INS is known —
 * rebuilt from its model, never patched as text. sdk-cda implements it
 * ({@code fr.opendmp.cda.outbox.CdaRenderers}); an application may too.
 *
 * <p>The outbox calls it once per item, before the first send, and stores what it returns before
 * sending: every resend carries the same bytes, so the deposit's idempotency by content hash holds.
 */
@FunctionalInterface
public interface DocumentRenderer {

    /**
     * @param item the queued item: its metadata and its content as queued (the renderer's source)
     * @param qualified the patient's QUALIFIEE identity
     * @return the document to deposit; its uniqueId must be the item's
     */
    DocumentContent render(OutboxItem item, PatientIdentity qualified);
}
