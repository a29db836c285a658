package fr.opendmp.core.transport.internal.fhir;

import fr.opendmp.core.code.Code;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the client reads of a DocumentReference, filled by {@link DocumentReferenceParser}. Not API. */
final class DocumentReferenceFields {

    /** A contained author-like resource (Practitioner, PractitionerRole, Device, Patient…). */
    static final class Actor {
        String idNat;
        String family;
        String given;
        Code specialty;
        Code role;
        String organizationId;
        String organizationName;
        String practitionerRef;
        String practitionerLocalRef;
    }

    /** A reference: local {@code #id} and/or an identifier value. */
    record Ref(String reference, String identifierValue) {
    }

    String resourceType;
    String id;
    String versionId;
    String lastUpdated;
    boolean archived;
    String masterIdentifier;
    String usualIdentifier;
    String officialIdentifier;
    String status;
    Code type;
    Code category;
    String subjectReference;
    String subjectSystem;
    String subjectValue;
    String date;
    final List<Ref> authors = new ArrayList<>();
    Ref authenticator;
    String description;
    final List<Code> securityLabels = new ArrayList<>();
    String contentType;
    String language;
    String url;
    Long size;
    String hash;
    String title;
    String creation;
    Code format;
    final List<Code> events = new ArrayList<>();
    String periodStart;
    String periodEnd;
    Code facilityType;
    Code practiceSetting;
    final Map<String, Actor> contained = new HashMap<>();
}
