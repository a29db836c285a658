package fr.opendmp.core.transport.internal.fhir;

import fr.opendmp.core.party.Professional;
import fr.opendmp.core.party.Organization;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import fr.opendmp.core.error.DmpException;
import fr.opendmp.core.error.MalformedResponseException;
import fr.opendmp.core.document.Author;
import fr.opendmp.core.code.Code;
import fr.opendmp.core.code.CodeSystems;
import fr.opendmp.core.document.Confidentiality;
import fr.opendmp.core.document.DocumentEntry;
import fr.opendmp.core.document.DocumentId;
import fr.opendmp.core.document.DocumentMetadata;
import fr.opendmp.core.document.DocumentStatus;
import fr.opendmp.core.document.UniqueIds;
import fr.opendmp.core.document.ValueSetCheck;
import fr.opendmp.core.document.Visibility;
import fr.opendmp.core.ins.Ins;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Maps a {@code DocumentReference} (tree) to a {@link DocumentEntry}. Lenient: codes are not
 * checked against the value sets, unknown elements are ignored; a missing required element is a
 * {@link MalformedResponseException} naming it. Not API.
 */
public final class DocumentReferenceReader {

    /** The isArchived extension URL. */
    public static final String IS_ARCHIVED =
            "https://interop.esante.gouv.fr/ig/fhir/pdsm/StructureDefinition/pdsm-ext-is-archived";

    private DocumentReferenceReader() {
    }

    /** @return the entry of a DocumentReference node */
    public static DocumentEntry read(JsonNode dr) {
        try (JsonParser p = FhirJson.parser(dr)) {
            p.nextToken();
            return assemble(DocumentReferenceParser.parse(p));
        } catch (IOException e) {
            throw malformed("unreadable DocumentReference: " + e.getClass().getSimpleName());
        }
    }

    /** Builds the entry from the streamed fields. */
    static DocumentEntry assemble(DocumentReferenceFields f) {
        if (!"DocumentReference".equals(f.resourceType)) {
            throw malformed("expected a DocumentReference, got " + (f.resourceType == null ? "nothing" : f.resourceType));
        }
        String id = present(f.id, "id");
        String uniqueId = f.masterIdentifier != null ? f.masterIdentifier : present(f.usualIdentifier, "masterIdentifier");
        OffsetDateTime date = FhirDates.parse(f.date).or(() -> FhirDates.parse(f.creation))
                .orElseThrow(() -> malformed("DocumentReference.date is missing"));
        DocumentMetadata.Builder m = DocumentMetadata.builder()
                .valueSetCheck(ValueSetCheck.LENIENT)
                .uniqueId(uniqueId)
                .type(present(f.type, "type"))
                .classCode(present(f.category, "category"))
                .format(present(f.format, "content.format"))
                .facilityType(present(f.facilityType, "context.facilityType"))
                .practiceSetting(present(f.practiceSetting, "context.practiceSetting"))
                .title(f.title != null ? f.title : present(f.description, "content.attachment.title"))
                .contentType(present(f.contentType, "content.attachment.contentType"))
                .language(f.language != null ? f.language : "fr-FR")
                .creationTime(date)
                .serviceStart(FhirDates.parse(f.periodStart).orElse(date));
        FhirDates.parse(f.periodEnd).ifPresent(m::serviceEnd);
        if (f.description != null) {
            m.description(f.description);
        }
        f.events.forEach(m::event);
        boolean anyAuthor = false;
        for (DocumentReferenceFields.Ref ref : f.authors) {
            Optional<Author> a = author(ref, f);
            if (a.isPresent()) {
                m.author(a.get());
                anyAuthor = true;
            }
        }
        if (!anyAuthor) {
            throw malformed("DocumentReference.author is missing or has no identifier");
        }
        if (f.authenticator != null) {
            author(f.authenticator, f).ifPresent(m::legalAuthenticator);
        }
        for (Code label : f.securityLabels) {
            if (CodeSystems.sameSystem(label.system(), CodeSystems.V3_CONFIDENTIALITY)) {
                Confidentiality.fromCode(label.code()).ifPresent(m::confidentiality);
            } else if (CodeSystems.sameSystem(label.system(), CodeSystems.TRE_A07)) {
                Visibility.fromCode(label.code()).ifPresent(m::visibility);
            }
        }
        DocumentMetadata metadata;
        try {
            metadata = m.build();
        } catch (IllegalArgumentException e) {
            throw malformed("DocumentReference " + id + ": " + e.getMessage());
        }
        DocumentStatus status = DocumentStatus.fromWire(f.status)
                .orElseThrow(() -> malformed("DocumentReference.status is missing or unknown"));
        DocumentId documentId;
        try {
            documentId = new DocumentId(id, uniqueId);
        } catch (IllegalArgumentException e) {
            throw malformed("DocumentReference " + id + ": " + e.getMessage());
        }
        return new DocumentEntry(documentId, Optional.ofNullable(f.officialIdentifier), metadata, status, f.archived,
                f.url != null ? f.url : "DocumentReference/" + id, Optional.ofNullable(f.size),
                Optional.ofNullable(f.hash), Optional.ofNullable(f.versionId), FhirDates.parse(f.lastUpdated),
                patient(f));
    }

    /** @return the value of the isArchived extension (false when absent) */
    public static boolean archived(JsonNode dr) {
        for (JsonNode ext : dr.path("extension")) {
            if (IS_ARCHIVED.equals(ext.path("url").asText())) {
                return ext.path("valueBoolean").asBoolean(false);
            }
        }
        return false;
    }

    private static Optional<Ins> patient(DocumentReferenceFields f) {
        String ref = f.subjectReference == null ? "" : f.subjectReference;
        String token = ref.startsWith("Patient?identifier=") ? ref.substring("Patient?identifier=".length())
                : f.subjectSystem + "|" + f.subjectValue;
        try {
            return Optional.of(Ins.fromFhirToken(token));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Author> author(DocumentReferenceFields.Ref ref, DocumentReferenceFields f) {
        DocumentReferenceFields.Actor actor = ref.reference() == null ? null : f.contained.get(ref.reference());
        String idNat = actor != null ? actor.idNat : ref.identifierValue();
        if (idNat == null || idNat.isBlank()) {
            return Optional.empty();
        }
        Professional a = Professional.of(idNat);
        if (actor == null) {
            return Optional.of(Author.of(a));
        }
        DocumentReferenceFields.Actor person = actor.family == null && actor.practitionerLocalRef != null
                ? f.contained.getOrDefault(actor.practitionerLocalRef, actor) : actor;
        if (person.family != null) {
            a = new Professional(idNat, Optional.empty(), Optional.ofNullable(person.given), Optional.of(person.family),
                    Optional.empty(), Optional.empty(), Optional.empty());
        }
        if (actor.specialty != null) {
            a = a.withSpecialty(actor.specialty);
        }
        if (actor.organizationId != null) {
            Organization org = Organization.of(actor.organizationId);
            a = a.withOrganization(actor.organizationName == null || actor.organizationName.isEmpty() ? org
                    : org.withName(actor.organizationName));
        }
        Author author = Author.of(a);
        return Optional.of(actor.role == null ? author : author.withRole(actor.role));
    }

    private static <T> T present(T value, String element) {
        if (value == null) {
            throw malformed("DocumentReference." + element + " is missing");
        }
        return value;
    }

    static MalformedResponseException malformed(String message) {
        return new MalformedResponseException(message, DmpException.Details.of(
                "the DMP answered with an unusable resource; report it with the request id"), null);
    }
}
