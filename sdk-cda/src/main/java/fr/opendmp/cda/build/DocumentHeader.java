package fr.opendmp.cda.build;

import fr.opendmp.core.code.CodeSystems;
import fr.opendmp.cda.build.internal.HeaderParties;
import fr.opendmp.core.party.Organization;
import fr.opendmp.core.party.Professional;
import fr.opendmp.cda.InstanceId;
import fr.opendmp.core.code.Code;
import fr.opendmp.core.ins.IdentityNotQualifiedException;
import fr.opendmp.core.ins.IdentityTraits;
import fr.opendmp.core.ins.Ins;
import fr.opendmp.core.ins.PatientIdentity;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The CI-SIS header shared by every model built by {@link CdaDocuments}: patient (qualified INS and
 * traits), authors, custodian, legal authenticator, documented act, encounter and facility,
 * dates with time zone, setId/version and replacement of an earlier version. Confidentiality is
 * always {@code N} (masking is XDS metadata, not CDA).
 *
 * <pre>{@code
 * DocumentHeader h = DocumentHeader.builder()
 *     .patient(identity)                        // must be QUALIFIEE
 *     .author(doctor).custodian(structure)
 *     .practiceSetting(Code.of(CodeSystems.PRACTICE_SETTING, "AMBULATOIRE", "Ambulatoire"))
 *     .facilityType(Code.of(CodeSystems.TRE_R02, "SA07", "Cabinet individuel de ville"))
 *     .documentId(InstanceId.of("1.2.250.1.999.1.7")).setId(InstanceId.of("1.2.250.1.999.1"))
 *     .effectiveTime(OffsetDateTime.parse("2024-05-02T10:15:30+02:00"))
 *     .build();
 * }</pre>
 *
 * <p>Deterministic: with {@code documentId}, {@code setId} and {@code effectiveTime} (or a fixed
 * {@code clock}) set, the same input gives the same bytes. Immutable; {@link #toString()} is masked.
 */
public final class DocumentHeader {

    /** The zone used to write times when only a clock is given. */
    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final Ins ins;
    private final IdentityTraits traits;
    private final Optional<InstanceId> localPatientId;
    private final InstanceId documentId;
    private final InstanceId setId;
    private final int versionNumber;
    private final Optional<InstanceId> replacedDocumentId;
    private final Optional<Code> documentType;
    private final Optional<String> title;
    private final OffsetDateTime effectiveTime;
    private final List<Professional> authors;
    private final Organization custodian;
    private final Professional legalAuthenticator;
    private final Optional<Professional> primaryCarePhysician;
    private final Optional<Code> serviceEventCode;
    private final OffsetDateTime serviceStart;
    private final Optional<OffsetDateTime> serviceEnd;
    private final Code practiceSetting;
    private final Code facilityType;
    private final Optional<Code> encounterCode;
    private final OffsetDateTime encounterStart;
    private final Optional<OffsetDateTime> encounterEnd;

    private DocumentHeader(Builder b, Ins ins, OffsetDateTime now) {
        this.ins = ins;
        this.traits = b.identity.traits();
        this.localPatientId = Optional.ofNullable(b.localPatientId);
        this.documentId = b.documentId != null ? b.documentId : InstanceId.randomOid();
        this.setId = b.setId != null ? b.setId : InstanceId.randomOid();
        this.versionNumber = b.versionNumber;
        this.replacedDocumentId = Optional.ofNullable(b.replacedDocumentId);
        this.documentType = Optional.ofNullable(b.documentType);
        this.title = Optional.ofNullable(b.title);
        this.effectiveTime = now;
        this.authors = List.copyOf(b.authors);
        this.custodian = b.custodian;
        this.legalAuthenticator = b.legalAuthenticator != null ? b.legalAuthenticator : b.authors.get(0);
        this.primaryCarePhysician = Optional.ofNullable(b.primaryCarePhysician);
        this.serviceEventCode = Optional.ofNullable(b.serviceEventCode);
        this.serviceStart = b.serviceStart != null ? b.serviceStart : now;
        this.serviceEnd = Optional.ofNullable(b.serviceEnd);
        this.practiceSetting = b.practiceSetting;
        this.facilityType = b.facilityType;
        this.encounterCode = Optional.ofNullable(b.encounterCode);
        this.encounterStart = b.encounterStart != null ? b.encounterStart : serviceStart;
        this.encounterEnd = b.encounterEnd != null ? Optional.of(b.encounterEnd) : serviceEnd;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the patient's INS (qualified identity) */
    public Ins ins() {
        return ins;
    }

    /** @return the patient's traits */
    public IdentityTraits traits() {
        return traits;
    }

    /** @return the local patient id (IPP), if any */
    public Optional<InstanceId> localPatientId() {
        return localPatientId;
    }

    /** @return the id of this version */
    public InstanceId documentId() {
        return documentId;
    }

    /** @return the id common to all versions */
    public InstanceId setId() {
        return setId;
    }

    /** @return the version number (1 for a first version) */
    public int versionNumber() {
        return versionNumber;
    }

    /** @return the id of the version this one replaces, if any */
    public Optional<InstanceId> replacedDocumentId() {
        return replacedDocumentId;
    }

    /** @return the document type for models that do not fix it (N1), if set */
    public Optional<Code> documentType() {
        return documentType;
    }

    /** @return the title, if set (models have a default) */
    public Optional<String> title() {
        return title;
    }

    /** @return the creation time, with offset */
    public OffsetDateTime effectiveTime() {
        return effectiveTime;
    }

    /** @return the authors (at least one) */
    public List<Professional> authors() {
        return authors;
    }

    /** @return the custodian */
    public Organization custodian() {
        return custodian;
    }

    /** @return the legal authenticator (the first author unless set) */
    public Professional legalAuthenticator() {
        return legalAuthenticator;
    }

    /** @return the médecin traitant, if given */
    public Optional<Professional> primaryCarePhysician() {
        return primaryCarePhysician;
    }

    /** @return the documented act code, if set (models have a default) */
    public Optional<Code> serviceEventCode() {
        return serviceEventCode;
    }

    /** @return start of the documented act */
    public OffsetDateTime serviceStart() {
        return serviceStart;
    }

    /** @return end of the documented act, if any */
    public Optional<OffsetDateTime> serviceEnd() {
        return serviceEnd;
    }

    /** @return practice setting (J04) */
    public Code practiceSetting() {
        return practiceSetting;
    }

    /** @return healthcare facility type (J02) */
    public Code facilityType() {
        return facilityType;
    }

    /** @return the encounter type code, if any */
    public Optional<Code> encounterCode() {
        return encounterCode;
    }

    /** @return start of the encounter */
    public OffsetDateTime encounterStart() {
        return encounterStart;
    }

    /** @return end of the encounter, if any */
    public Optional<OffsetDateTime> encounterEnd() {
        return encounterEnd;
    }

    /** Masked: only ids. */
    @Override
    public String toString() {
        return "DocumentHeader[" + documentId + ", v" + versionNumber + ", " + ins + "]";
    }

    /** Builds a {@link DocumentHeader}; each setting may be given once, authors added. Not thread-safe. */
    public static final class Builder {

        private final Set<String> given = new HashSet<>();

        private void once(String setting) {
            if (!given.add(setting)) {
                throw new IllegalStateException(setting + " was already set");
            }
        }

        private PatientIdentity identity;
        private InstanceId localPatientId;
        private InstanceId documentId;
        private InstanceId setId;
        private int versionNumber = 1;
        private InstanceId replacedDocumentId;
        private Code documentType;
        private String title;
        private OffsetDateTime effectiveTime;
        private Clock clock = Clock.system(PARIS);
        private final List<Professional> authors = new ArrayList<>();
        private Organization custodian;
        private Professional legalAuthenticator;
        private Professional primaryCarePhysician;
        private Code serviceEventCode;
        private OffsetDateTime serviceStart;
        private OffsetDateTime serviceEnd;
        private Code practiceSetting;
        private Code facilityType;
        private Code encounterCode;
        private OffsetDateTime encounterStart;
        private OffsetDateTime encounterEnd;

        private Builder() {
        }

        /**
         * @param value the patient
         * @return this; the patient, whose identity must be QUALIFIEE ({@link #build()} checks it)
         */
        public Builder patient(PatientIdentity value) {
            once("patient");
            this.identity = Objects.requireNonNull(value, "patient");
            return this;
        }

        /**
         * @param value the local patient id
         * @return this; the local patient id (IPP: root = the producer's OID for patient ids)
         */
        public Builder localPatientId(InstanceId value) {
            once("localPatientId");
            this.localPatientId = Objects.requireNonNull(value, "localPatientId");
            return this;
        }

        /**
         * @param value the document id
         * @return this; the id of this version (default: a new {@code 2.25.} UUID OID)
         */
        public Builder documentId(InstanceId value) {
            once("documentId");
            this.documentId = Objects.requireNonNull(value, "documentId");
            return this;
        }

        /**
         * @param value the set id
         * @return this; the id common to all versions (default: a new {@code 2.25.} UUID OID)
         */
        public Builder setId(InstanceId value) {
            once("setId");
            this.setId = Objects.requireNonNull(value, "setId");
            return this;
        }

        /**
         * Makes this document replace an earlier version: same setId, version + 1, and a
         * {@code relatedDocument @typeCode="RPLC"}. May be given once, and not with {@link #setId}.
         *
         * @param previousId the id of the replaced version
         * @param previousSetId its setId
         * @param previousVersion its version number
         * @return this
         */
        public Builder replaces(InstanceId previousId, InstanceId previousSetId, int previousVersion) {
            once("replaces");
            once("setId");
            if (previousVersion < 1) {
                throw new IllegalArgumentException("a version number is at least 1");
            }
            this.replacedDocumentId = Objects.requireNonNull(previousId, "previousId");
            this.setId = Objects.requireNonNull(previousSetId, "previousSetId");
            this.versionNumber = previousVersion + 1;
            return this;
        }

        /**
         * @param value the document type
         * @return this; the document type (J07), needed by N1 documents; VSM and LDL-SES fix their own
         */
        public Builder documentType(Code value) {
            once("documentType");
            this.documentType = Objects.requireNonNull(value, "documentType");
            return this;
        }

        /**
         * @param value the title
         * @return this; the title (default: the model's)
         */
        public Builder title(String value) {
            once("title");
            this.title = Objects.requireNonNull(value, "title");
            return this;
        }

        /**
         * @param value the effective time
         * @return this; the creation time (default: now from the clock, to the second)
         */
        public Builder effectiveTime(OffsetDateTime value) {
            once("effectiveTime");
            this.effectiveTime = Objects.requireNonNull(value, "effectiveTime");
            return this;
        }

        /**
         * @param value the clock
         * @return this; the clock for the default creation time (a test seam)
         */
        public Builder clock(Clock value) {
            once("clock");
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * @param value the author
         * @return this; adds an author (at least one)
         */
        public Builder author(Professional value) {
            this.authors.add(HeaderParties.writable(Objects.requireNonNull(value, "author"), "author"));
            return this;
        }

        /**
         * @param value the custodian
         * @return this; the custodian organisation
         */
        public Builder custodian(Organization value) {
            once("custodian");
            this.custodian = HeaderParties.writable(Objects.requireNonNull(value, "custodian"), "custodian");
            return this;
        }

        /**
         * @param value the legal authenticator
         * @return this; the legal authenticator (default: the first author)
         */
        public Builder legalAuthenticator(Professional value) {
            once("legalAuthenticator");
            this.legalAuthenticator = HeaderParties.writable(Objects.requireNonNull(value, "legalAuthenticator"),
                    "legal authenticator");
            return this;
        }

        /**
         * @param value the primary care physician
         * @return this; the médecin traitant (participant INF/PCP; expected by VSM 1.4)
         */
        public Builder primaryCarePhysician(Professional value) {
            once("primaryCarePhysician");
            this.primaryCarePhysician = HeaderParties.writable(
                    Objects.requireNonNull(value, "primaryCarePhysician"), "primary care physician");
            return this;
        }

        /**
         * @param value the service event code
         * @return this; the documented act code (N1; VSM and LDL-SES fix their own)
         */
        public Builder serviceEventCode(Code value) {
            once("serviceEventCode");
            this.serviceEventCode = Objects.requireNonNull(value, "serviceEventCode");
            return this;
        }

        /**
         * @param value the service start
         * @return this; start of the documented act (default: the creation time)
         */
        public Builder serviceStart(OffsetDateTime value) {
            once("serviceStart");
            this.serviceStart = Objects.requireNonNull(value, "serviceStart");
            return this;
        }

        /**
         * @param value the service end
         * @return this; end of the documented act
         */
        public Builder serviceEnd(OffsetDateTime value) {
            once("serviceEnd");
            this.serviceEnd = Objects.requireNonNull(value, "serviceEnd");
            return this;
        }

        /**
         * @param value the practice setting
         * @return this; the practice setting (J04, e.g. AMBULATOIRE, ETABLISSEMENT)
         */
        public Builder practiceSetting(Code value) {
            once("practiceSetting");
            this.practiceSetting = Objects.requireNonNull(value, "practiceSetting");
            return this;
        }

        /**
         * @param value the facility type
         * @return this; the healthcare facility type (J02, e.g. SA07)
         */
        public Builder facilityType(Code value) {
            once("facilityType");
            this.facilityType = Objects.requireNonNull(value, "facilityType");
            return this;
        }

        /**
         * @param value the encounter code
         * @return this; the encounter type (e.g. EXTERNE, 1.2.250.1.213.1.1.4.2.291)
         */
        public Builder encounterCode(Code value) {
            once("encounterCode");
            this.encounterCode = Objects.requireNonNull(value, "encounterCode");
            return this;
        }

        /**
         * @param start the start
         * @param end the end
         * @return this; the encounter period (default: the documented act's)
         */
        public Builder encounter(OffsetDateTime start, OffsetDateTime end) {
            once("encounter");
            this.encounterStart = Objects.requireNonNull(start, "start");
            this.encounterEnd = end;
            return this;
        }

        /**
         * @return the header
         * @throws CdaBuildException naming the missing element, or {@code IDENTITY_NOT_QUALIFIED}
         */
        public DocumentHeader build() {
            require(identity, "patient");
            require(custodian, "custodian");
            require(practiceSetting, "practiceSetting");
            require(facilityType, "facilityType");
            if (authors.isEmpty()) {
                throw new CdaBuildException(CdaBuildException.Reason.MISSING_ELEMENT, "at least one author is required");
            }
            Ins ins;
            try {
                ins = identity.requireQualified();
            } catch (IdentityNotQualifiedException e) {
                throw new CdaBuildException(CdaBuildException.Reason.IDENTITY_NOT_QUALIFIED,
                        "the patient identity is " + identity.status() + ": only a QUALIFIEE identity may carry"
                                + " its INS in a document", e);
            }
            OffsetDateTime now = effectiveTime != null ? effectiveTime
                    : OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
            return new DocumentHeader(this, ins, now);
        }

        private static void require(Object value, String name) {
            if (value == null) {
                throw new CdaBuildException(CdaBuildException.Reason.MISSING_ELEMENT, name + " is required");
            }
        }
    }
}
