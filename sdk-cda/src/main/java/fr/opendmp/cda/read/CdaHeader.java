package fr.opendmp.cda.read;

import fr.opendmp.cda.InstanceId;
import fr.opendmp.core.code.Code;
import fr.opendmp.core.party.Organization;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The typed header of a CDA document. Missing elements are empty rather than errors, so that an
 * incomplete document can still be read and then reported by the validator.
 *
 * @param templateIds every {@code ClinicalDocument/templateId} (root, extension)
 * @param id the document instance id
 * @param code the document type ({@code code})
 * @param title the title
 * @param effectiveTime the creation time
 * @param confidentialityCode {@code confidentialityCode/@code} (N, R, V)
 * @param languageCode {@code languageCode/@code}
 * @param setId the id shared by all versions
 * @param versionNumber the version number
 * @param patient the patient
 * @param authors the authors
 * @param custodian the custodian organisation
 * @param legalAuthenticator the legal authenticator
 * @param serviceEvents the documented acts
 * @param encounterStart {@code encompassingEncounter/effectiveTime/low}
 * @param encounterEnd {@code encompassingEncounter/effectiveTime/high}
 * @param facilityType {@code encompassingEncounter/location/healthCareFacility/code}
 * @param replacedDocumentId {@code relatedDocument[@typeCode='RPLC']/parentDocument/id}
 */
public record CdaHeader(List<InstanceId> templateIds, Optional<InstanceId> id, Optional<Code> code,
        Optional<String> title, Optional<OffsetDateTime> effectiveTime, Optional<String> confidentialityCode,
        Optional<String> languageCode, Optional<InstanceId> setId, Optional<Integer> versionNumber,
        Optional<CdaPatient> patient, List<CdaParticipant> authors, Optional<Organization> custodian,
        Optional<CdaParticipant> legalAuthenticator, List<CdaServiceEvent> serviceEvents,
        Optional<OffsetDateTime> encounterStart, Optional<OffsetDateTime> encounterEnd,
        Optional<Code> facilityType, Optional<InstanceId> replacedDocumentId) {

    /**
     * Checks presence and copies the lists.
     * @param templateIds every {@code ClinicalDocument/templateId} (root, extension)
     * @param id the document instance id
     * @param code the document type ({@code code})
     * @param title the title
     * @param effectiveTime the creation time
     * @param confidentialityCode {@code confidentialityCode/@code} (N, R, V)
     * @param languageCode {@code languageCode/@code}
     * @param setId the id shared by all versions
     * @param versionNumber the version number
     * @param patient the patient
     * @param authors the authors
     * @param custodian the custodian organisation
     * @param legalAuthenticator the legal authenticator
     * @param serviceEvents the documented acts
     * @param encounterStart {@code encompassingEncounter/effectiveTime/low}
     * @param encounterEnd {@code encompassingEncounter/effectiveTime/high}
     * @param facilityType {@code encompassingEncounter/location/healthCareFacility/code}
     * @param replacedDocumentId {@code relatedDocument[@typeCode='RPLC']/parentDocument/id}
     */
    public CdaHeader {
        templateIds = List.copyOf(templateIds);
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(effectiveTime, "effectiveTime");
        Objects.requireNonNull(confidentialityCode, "confidentialityCode");
        Objects.requireNonNull(languageCode, "languageCode");
        Objects.requireNonNull(setId, "setId");
        Objects.requireNonNull(versionNumber, "versionNumber");
        Objects.requireNonNull(patient, "patient");
        authors = List.copyOf(authors);
        Objects.requireNonNull(custodian, "custodian");
        Objects.requireNonNull(legalAuthenticator, "legalAuthenticator");
        serviceEvents = List.copyOf(serviceEvents);
        Objects.requireNonNull(encounterStart, "encounterStart");
        Objects.requireNonNull(encounterEnd, "encounterEnd");
        Objects.requireNonNull(facilityType, "facilityType");
        Objects.requireNonNull(replacedDocumentId, "replacedDocumentId");
    }

    /**
     * @param root the root
     * @return whether a templateId with this root is declared
     */
    public boolean hasTemplate(String root) {
        return templateIds.stream().anyMatch(t -> t.root().equals(root));
    }

    /** Masked: ids and document type only; the title, the patient and the names never. */
    @Override
    public String toString() {
        return "CdaHeader[" + id.map(InstanceId::toString).orElse("no id") + ", "
                + code.map(Code::code).orElse("no code") + ", title " + (title.isPresent() ? "***" : "none") + ", "
                + patient.map(CdaPatient::toString).orElse("no patient") + ", authors=" + authors.size() + "]";
    }
}
