package fr.opendmp.core.transport.internal.fhir;

import fr.opendmp.core.code.CodeSystems;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.opendmp.core.code.Code;
import fr.opendmp.core.document.ContentHash;
import fr.opendmp.core.document.DocumentContent;
import fr.opendmp.core.document.DocumentMetadata;
import fr.opendmp.core.document.UniqueIds;
import fr.opendmp.core.document.Visibility;
import fr.opendmp.core.ins.Ins;
import java.util.List;
import java.util.Optional;

/** Writes the DocumentReference of a deposit (ITI-65 comprehensive or ITI-105 simplified). Not API. */
public final class DocumentReferenceWriter {

    /** Comprehensive DocumentReference profile. */
    public static final String COMPREHENSIVE =
            "https://interop.esante.gouv.fr/ig/fhir/pdsm/StructureDefinition/pdsm-comprehensive-document-reference";
    /** Simplified publish profile (ITI-105). */
    public static final String SIMPLIFIED =
            "https://interop.esante.gouv.fr/ig/fhir/pdsm/StructureDefinition/pdsm-simplified-publish";

    /**
     * Open point options of the wire format.
     *
     * @param uniqueIdAlsoAsIdentifier whether to repeat the uniqueId in {@code identifier} (use usual)
     * @param custodian the custodian organisation, if known (PDSm 1..1, absent from the DMP examples)
     */
    public record Options(boolean uniqueIdAlsoAsIdentifier, Optional<fr.opendmp.core.party.Organization> custodian) {
        /** @return options without identifier copy nor custodian (the ANS examples' shape) */
        public static Options plain() {
            return new Options(false, Optional.empty());
        }
    }

    private DocumentReferenceWriter() {
    }

    /**
     * @param doc the document
     * @param ins the patient
     * @param binaryUrl the Binary's fullUrl in the bundle (ITI-65), or empty for ITI-105 (inline data)
     * @param replacesId the entryUUID of the document this one replaces, if any
     * @param options open-point options
     * @return the DocumentReference
     */
    public static ObjectNode write(DocumentContent doc, Ins ins, Optional<String> binaryUrl,
            Optional<String> replacesId, Options options) {
        DocumentMetadata m = doc.metadata();
        ObjectNode dr = FhirJson.object().put("resourceType", "DocumentReference");
        dr.set("meta", ResourceWriter.profile(binaryUrl.isPresent() ? COMPREHENSIVE : SIMPLIFIED));
        ArrayNode contained = dr.putArray("contained");
        contained.add(ResourceWriter.sourcePatient(ins));
        List<String> authorRefs = ResourceWriter.addAuthors(contained, m.authors(), "author");
        Optional<String> authenticatorRef = m.legalAuthenticator()
                .map(a -> ResourceWriter.addAuthor(contained, a, "authenticator"));
        dr.putObject("masterIdentifier").put("system", UniqueIds.SYSTEM).put("value", m.uniqueId());
        if (options.uniqueIdAlsoAsIdentifier()) {
            dr.putArray("identifier").addObject().put("use", "usual").put("system", UniqueIds.SYSTEM)
                    .put("value", m.uniqueId());
        }
        dr.put("status", "current");
        replacesId.ifPresent(x -> dr.putArray("relatesTo").addObject().put("code", "replaces")
                .putObject("target").put("reference", "DocumentReference/" + x));
        dr.set("type", FhirJson.concept(m.type()));
        dr.putArray("category").add(FhirJson.concept(m.classCode()));
        dr.set("subject", ResourceWriter.subject(ins));
        dr.put("date", FhirDates.format(m.creationTime()));
        ArrayNode author = dr.putArray("author");
        authorRefs.forEach(r -> author.addObject().put("reference", r));
        dr.putObject("authenticator").put("reference", authenticatorRef.orElse(authorRefs.get(0)));
        options.custodian().ifPresent(c -> {
            ObjectNode custodian = dr.putObject("custodian");
            custodian.putObject("identifier").put("system", CodeSystems.ID_NAT_STRUCT).put("value", c.idNat());
            c.name().filter(n -> !n.isEmpty()).ifPresent(n -> custodian.put("display", n));
        });
        m.description().ifPresent(d -> dr.put("description", d));
        ArrayNode labels = dr.putArray("securityLabel");
        labels.add(FhirJson.concept(m.confidentiality().toCode()));
        for (Visibility v : m.visibility()) {
            labels.add(FhirJson.concept(v.toCode()));
        }
        ObjectNode content = dr.putArray("content").addObject();
        ObjectNode attachment = content.putObject("attachment");
        attachment.put("contentType", m.contentType()).put("language", m.language());
        if (binaryUrl.isPresent()) {
            attachment.put("url", binaryUrl.get());
        } else {
            attachment.set("data", FhirJson.base64(doc.content()));
        }
        attachment.put("size", doc.size()).put("hash", ContentHash.sha1Base64(doc.content())).put("title", m.title())
                .put("creation", FhirDates.format(m.creationTime()));
        content.set("format", FhirJson.coding(m.format()));
        ObjectNode context = dr.putObject("context");
        if (!m.events().isEmpty()) {
            ArrayNode events = context.putArray("event");
            for (Code e : m.events()) {
                events.add(FhirJson.concept(e));
            }
        }
        ObjectNode period = context.putObject("period").put("start", FhirDates.format(m.serviceStart()));
        m.serviceEnd().ifPresent(e -> period.put("end", FhirDates.format(e)));
        context.putObject("sourcePatientInfo").put("reference", "#" + ResourceWriter.PATIENT_SOURCE);
        context.set("facilityType", FhirJson.concept(m.facilityType()));
        context.set("practiceSetting", FhirJson.concept(m.practiceSetting()));
        return dr;
    }
}
