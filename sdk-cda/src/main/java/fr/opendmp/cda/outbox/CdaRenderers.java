package fr.opendmp.cda.outbox;

import fr.opendmp.cda.InstanceId;
import fr.opendmp.cda.build.BuiltDocument;
import fr.opendmp.cda.build.CdaDocuments;
import fr.opendmp.cda.build.DocumentHeader;
import fr.opendmp.cda.deposit.CdaDeposits;
import fr.opendmp.core.document.DocumentContent;
import fr.opendmp.core.document.DocumentMetadata;
import fr.opendmp.core.document.UniqueIds;
import fr.opendmp.core.error.InvalidInputException;
import fr.opendmp.core.outbox.DocumentRenderer;
import fr.opendmp.core.outbox.OutboxItem;
import java.util.List;
import java.util.Objects;

/**
 * {@link DocumentRenderer}s that build a CDA once the patient's identity is QUALIFIEE.
 *
 * <pre>{@code
 * DepositOutbox outbox = DepositOutbox.builder().store(store).dmp(dmp)
 *     .renderer("cda-n1-pdf", CdaRenderers.n1Pdf(item -> myHeaders.forDocument(item.uniqueId())))
 *     .build();
 * outbox.enqueue(OutboxRequest.builder().localPatientId(ipp).patient(provisional)
 *     .document(metadata, letterPdf).renderer("cda-n1-pdf").build());
 * }</pre>
 *
 * <p>The built CDA goes through the same path as any CDA deposit ({@link CdaDeposits#prepare}): the
 * patient check (a header that names another patient is refused, and the item is refused with
 * reason {@code RENDER_FAILED}) and the metadata derived from the header; the queued metadata's
 * confidentiality, visibility and description are kept.
 */
public final class CdaRenderers {

    private CdaRenderers() {
    }

    /**
     * A CI-SIS N1 CDA whose body is the queued PDF (the item's content).
     *
     * @param headers the header of each item, without patient nor document id
     * @return the renderer
     */
    public static DocumentRenderer n1Pdf(HeaderTemplate headers) {
        Objects.requireNonNull(headers, "headers");
        return (item, qualified) -> {
            DocumentHeader header = headers.header(item).patient(qualified).documentId(documentId(item)).build();
            BuiltDocument built = CdaDocuments.n1Pdf(header, item.content());
            byte[] bytes = built.toBytes();
            // the same path as any CDA deposit: the patient check, and the metadata the header gives
            DocumentMetadata derived = CdaDeposits.defaults().prepare(qualified, List.of(bytes)).build().documents()
                    .get(0).metadata();
            DocumentMetadata queued = item.metadata();
            DocumentMetadata metadata = new DocumentMetadata(derived.uniqueId(), derived.type(), derived.classCode(),
                    derived.format(), derived.facilityType(), derived.practiceSetting(), derived.title(),
                    derived.contentType(), derived.language(), derived.creationTime(), derived.serviceStart(),
                    derived.serviceEnd(), derived.authors(), derived.legalAuthenticator(), queued.confidentiality(),
                    queued.visibility(), queued.description(), derived.events());
            return new DocumentContent(metadata, bytes);
        };
    }

    private static InstanceId documentId(OutboxItem item) {
        String id = UniqueIds.normalise(item.uniqueId());
        if (!id.startsWith("urn:oid:")) {
            throw new InvalidInputException("a CDA rendered by the outbox needs an OID uniqueId (urn:oid:…)",
                    "give the document an OID uniqueId: it becomes the CDA's id");
        }
        return InstanceId.of(id.substring("urn:oid:".length()));
    }
}
