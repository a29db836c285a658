package fr.opendmp.core.transport.internal.fhir;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.opendmp.core.document.Deposit;
import fr.opendmp.core.document.DocumentContent;
import fr.opendmp.core.document.UniqueIds;
import fr.opendmp.core.ins.Ins;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes the ITI-65 transaction Bundle of a deposit (TD2) or a replacement (TD2.1): SubmissionSet
 * List, DocumentReferences, the FHIRPath patch superseding the replaced document, Binaries and an
 * optional Folder. Not API.
 */
public final class TransactionBundleWriter {

    /** The provide-document-bundle profile. */
    public static final String BUNDLE_PROFILE =
            "https://interop.esante.gouv.fr/ig/fhir/pdsm/StructureDefinition/pdsm-comprehensive-provide-document-bundle";
    /** The SubmissionSet profile. */
    public static final String SUBMISSION_SET_PROFILE =
            "https://interop.esante.gouv.fr/ig/fhir/pdsm/StructureDefinition/pdsm-submissionset-comprehensive";
    /** The Folder profile. */
    public static final String FOLDER_PROFILE =
            "https://interop.esante.gouv.fr/ig/fhir/pdsm/StructureDefinition/pdsm-folder-comprehensive";
    private static final String MHD = "https://profiles.ihe.net/ITI/MHD/StructureDefinition/";
    private static final String LIST_TYPES = "https://profiles.ihe.net/ITI/MHD/CodeSystem/MHDlistTypes";

    /**
     * What the writer needs besides the deposit.
     *
     * @param sourceOid the OID of the sending software instance (SubmissionSet sourceId)
     * @param submissionUniqueId the SubmissionSet uniqueId
     * @param submissionTime the submission time
     * @param replacesId the entryUUID of the replaced document (TD2.1), if any
     * @param options DocumentReference options
     */
    public record Context(String sourceOid, String submissionUniqueId, OffsetDateTime submissionTime,
            Optional<String> replacesId, DocumentReferenceWriter.Options options) {
    }

    private TransactionBundleWriter() {
    }

    /** @return the transaction Bundle */
    public static ObjectNode write(Deposit deposit, Ins ins, Context ctx) {
        ObjectNode bundle = FhirJson.object().put("resourceType", "Bundle");
        bundle.set("meta", ResourceWriter.profile(BUNDLE_PROFILE));
        bundle.put("type", "transaction");
        ArrayNode entries = bundle.putArray("entry");
        String listUrl = urn();
        List<String> docUrls = new ArrayList<>();
        List<String> binUrls = new ArrayList<>();
        for (int i = 0; i < deposit.documents().size(); i++) {
            docUrls.add(urn());
            binUrls.add(urn());
        }
        add(entries, listUrl, submissionSet(deposit, ins, ctx, docUrls), "POST", "List");
        for (int i = 0; i < deposit.documents().size(); i++) {
            add(entries, docUrls.get(i), DocumentReferenceWriter.write(deposit.documents().get(i), ins,
                    Optional.of(binUrls.get(i)), ctx.replacesId(), ctx.options()), "POST", "DocumentReference");
        }
        ctx.replacesId().ifPresent(x -> add(entries, urn(), supersedePatch(), "PATCH", "DocumentReference/" + x));
        for (int i = 0; i < deposit.documents().size(); i++) {
            DocumentContent doc = deposit.documents().get(i);
            ObjectNode binary = FhirJson.object().put("resourceType", "Binary")
                    .put("contentType", doc.metadata().contentType());
            binary.set("data", FhirJson.base64(doc.content()));
            add(entries, binUrls.get(i), binary, "POST", "Binary");
        }
        deposit.folderTitle().ifPresent(title -> add(entries, urn(), folder(deposit, ins, ctx, docUrls, title),
                "POST", "List"));
        return bundle;
    }

    private static ObjectNode submissionSet(Deposit deposit, Ins ins, Context ctx, List<String> docUrls) {
        ObjectNode list = FhirJson.object().put("resourceType", "List");
        list.set("meta", ResourceWriter.profile(SUBMISSION_SET_PROFILE));
        ArrayNode contained = list.putArray("contained");
        contained.add(ResourceWriter.sourcePatient(ins));
        String sourceRef = ResourceWriter.addAuthor(contained, deposit.submissionAuthor(), "author");
        ArrayNode ext = list.putArray("extension");
        ext.addObject().put("url", MHD + "ihe-designationType")
                .set("valueCodeableConcept", FhirJson.concept(deposit.documents().get(0).metadata().classCode()));
        ext.addObject().put("url", MHD + "ihe-sourceId").putObject("valueIdentifier")
                .put("system", UniqueIds.SYSTEM).put("value", "urn:oid:" + ctx.sourceOid());
        ext.addObject().put("url", MHD + "ihe-sourcePatientId").putObject("valueReference")
                .put("reference", "#" + ResourceWriter.PATIENT_SOURCE);
        list.putArray("identifier").addObject().put("use", "usual").put("system", UniqueIds.SYSTEM)
                .put("value", ctx.submissionUniqueId());
        list.put("status", "current").put("mode", "working");
        list.putObject("code").putArray("coding").addObject().put("system", LIST_TYPES).put("code", "submissionset");
        deposit.submissionTitle().ifPresent(t -> list.put("title", t));
        list.set("subject", ResourceWriter.subject(ins));
        list.put("date", FhirDates.format(ctx.submissionTime()));
        list.putObject("source").put("reference", sourceRef);
        ArrayNode items = list.putArray("entry");
        docUrls.forEach(u -> items.addObject().putObject("item").put("reference", u));
        return list;
    }

    private static ObjectNode folder(Deposit deposit, Ins ins, Context ctx, List<String> docUrls, String title) {
        ObjectNode list = FhirJson.object().put("resourceType", "List");
        list.set("meta", ResourceWriter.profile(FOLDER_PROFILE));
        list.putArray("extension").addObject().put("url", MHD + "ihe-designationType")
                .set("valueCodeableConcept", FhirJson.concept(deposit.documents().get(0).metadata().classCode()));
        list.putArray("identifier").addObject().put("use", "usual").put("system", UniqueIds.SYSTEM)
                .put("value", UniqueIds.randomOid());
        list.put("status", "current").put("mode", "working").put("title", title);
        list.putObject("code").putArray("coding").addObject().put("system", LIST_TYPES).put("code", "folder");
        list.set("subject", ResourceWriter.subject(ins));
        list.put("date", FhirDates.format(ctx.submissionTime()));
        ArrayNode items = list.putArray("entry");
        docUrls.forEach(u -> items.addObject().putObject("item").put("reference", u));
        return list;
    }

    private static ObjectNode supersedePatch() {
        ObjectNode params = FhirJson.object().put("resourceType", "Parameters");
        ArrayNode part = params.putArray("parameter").addObject().put("name", "operation").putArray("part");
        part.addObject().put("name", "type").put("valueCode", "replace");
        part.addObject().put("name", "path").put("valueString", "DocumentReference.status");
        part.addObject().put("name", "value").put("valueCode", "superseded");
        return params;
    }

    private static void add(ArrayNode entries, String fullUrl, ObjectNode resource, String method, String url) {
        ObjectNode e = entries.addObject().put("fullUrl", fullUrl);
        e.set("resource", resource);
        e.putObject("request").put("method", method).put("url", url);
    }

    private static String urn() {
        return "urn:uuid:" + UUID.randomUUID();
    }
}
