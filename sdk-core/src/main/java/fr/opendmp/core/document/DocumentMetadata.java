package fr.opendmp.core.document;

import fr.opendmp.core.code.Code;
import fr.opendmp.core.code.CodeSystems;
import fr.opendmp.core.document.internal.ValueSets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The metadata of a document (XDS DocumentEntry / FHIR DocumentReference), as the producer sets it.
 *
 * <pre>{@code
 * DocumentMetadata m = DocumentMetadata.builder()
 *     .uniqueId("1.2.250.1.999.1.2.3")
 *     .type(DocumentType.CR_CONSULTATION)          // class and format default from the type
 *     .title("CR de consultation")
 *     .facilityType(Code.of(CodeSystems.TRE_R02, "SA07"))
 *     .practiceSetting(Code.of(CodeSystems.PRACTICE_SETTING, "AMBULATOIRE"))
 *     .creationTime(now).serviceStart(now)
 *     .author(Author.of("810001234567"))
 *     .build();
 * }</pre>
 *
 * <p>The class is derived from the type by the ANS tables ({@link TypeClassTable#ans()}) unless
 * given. {@link Builder#build()} checks the codes against the ANS value sets of the
 * {@linkplain Builder#target(DocumentTarget) target} (by default the DMP: the type must be in
 * JDV_J66, the class in JDV_J57 and equal to the one the tables give) unless
 * {@link ValueSetCheck#LENIENT} is asked. A refused type is a {@link DocumentTypeException}.
 *
 * @param uniqueId the uniqueId ({@code urn:oid:…} / {@code urn:uuid:…})
 * @param type typeCode
 * @param classCode classCode
 * @param format formatCode
 * @param facilityType healthcareFacilityTypeCode
 * @param practiceSetting practiceSettingCode
 * @param title the title
 * @param contentType the mime type of the content
 * @param language the language ({@code fr-FR})
 * @param creationTime when the producer created the document
 * @param serviceStart start of the act
 * @param serviceEnd end of the act, if any
 * @param authors the authors (at least one)
 * @param legalAuthenticator the legal authenticator, if any
 * @param confidentiality the confidentiality level
 * @param visibility the DMP visibility flags
 * @param description comments, if any
 * @param events the documented acts (eventCodeList)
 */
public record DocumentMetadata(String uniqueId, Code type, Code classCode, Code format, Code facilityType,
        Code practiceSetting, String title, String contentType, String language, OffsetDateTime creationTime,
        OffsetDateTime serviceStart, Optional<OffsetDateTime> serviceEnd, List<Author> authors,
        Optional<Author> legalAuthenticator, Confidentiality confidentiality, Set<Visibility> visibility,
        Optional<String> description, List<Code> events) {

    /**
     * Checks presence of every part and copies collections.
     * @param uniqueId the uniqueId ({@code urn:oid:…} / {@code urn:uuid:…})
     * @param type typeCode
     * @param classCode classCode
     * @param format formatCode
     * @param facilityType healthcareFacilityTypeCode
     * @param practiceSetting practiceSettingCode
     * @param title the title
     * @param contentType the mime type of the content
     * @param language the language ({@code fr-FR})
     * @param creationTime when the producer created the document
     * @param serviceStart start of the act
     * @param serviceEnd end of the act, if any
     * @param authors the authors (at least one)
     * @param legalAuthenticator the legal authenticator, if any
     * @param confidentiality the confidentiality level
     * @param visibility the DMP visibility flags
     * @param description comments, if any
     * @param events the documented acts (eventCodeList)
     */
    public DocumentMetadata {
        uniqueId = UniqueIds.normalise(uniqueId);
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(classCode, "classCode");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(facilityType, "facilityType");
        Objects.requireNonNull(practiceSetting, "practiceSetting");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(creationTime, "creationTime");
        Objects.requireNonNull(serviceStart, "serviceStart");
        Objects.requireNonNull(serviceEnd, "serviceEnd");
        Objects.requireNonNull(legalAuthenticator, "legalAuthenticator");
        Objects.requireNonNull(confidentiality, "confidentiality");
        Objects.requireNonNull(description, "description");
        authors = List.copyOf(authors);
        visibility = visibility.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(visibility));
        events = List.copyOf(events);
        if (authors.isEmpty()) {
            throw new IllegalArgumentException("a document needs at least one author");
        }
        if (title.isBlank()) {
            throw new IllegalArgumentException("a document needs a title");
        }
    }

    /**
     * Masked: the free texts (title, description) and the documented acts (events) may carry health
     * data, so only their presence is shown; ids, codes of type/class/format and authors (masked)
     * are shown.
     */
    @Override
    public String toString() {
        return "DocumentMetadata[" + uniqueId + ", type " + type.code() + ", class " + classCode.code() + ", format "
                + format.code() + ", title ***" + (description.isPresent() ? ", description ***" : "") + ", events="
                + events.size() + ", authors " + authors + ", " + confidentiality + ", " + visibility + "]";
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link DocumentMetadata}; not thread-safe. */
    public static final class Builder {

        private final Set<String> given = new HashSet<>();

        private void once(String setting) {
            if (!given.add(setting)) {
                throw new IllegalStateException(setting + " was already set");
            }
        }

        private String uniqueId;
        private Code type;
        private DocumentType documentType;
        private Code classCode;
        private Code format;
        private Code facilityType;
        private Code practiceSetting;
        private String title;
        private String contentType;
        private String language = "fr-FR";
        private OffsetDateTime creationTime;
        private OffsetDateTime serviceStart;
        private OffsetDateTime serviceEnd;
        private final List<Author> authors = new ArrayList<>();
        private Author legalAuthenticator;
        private Confidentiality confidentiality = Confidentiality.NORMAL;
        private final Set<Visibility> visibility = EnumSet.noneOf(Visibility.class);
        private String description;
        private final List<Code> events = new ArrayList<>();
        private TypeClassTable classes = TypeClassTable.ans();
        private ValueSetCheck check = ValueSetCheck.STRICT;
        private DocumentTarget target = DocumentTarget.DMP;

        private Builder() {
        }

        /**
         * @param value the unique id
         * @return this; the uniqueId (OID, UUID or their URN)
         */
        public Builder uniqueId(String value) {
            once("uniqueId");
            this.uniqueId = value;
            return this;
        }

        /**
         * @param value the type
         * @return this; a common type: also gives the default class, format and mime type
         */
        public Builder type(DocumentType value) {
            once("type");
            this.documentType = value;
            this.type = value.code();
            return this;
        }

        /**
         * @param value the type
         * @return this; any J07 type code (then set the class, format and content type)
         */
        public Builder type(Code value) {
            once("type");
            this.documentType = null;
            this.type = value;
            return this;
        }

        /**
         * @param value the class code
         * @return this; the class, when the type is not in the ANS tables (a strict check refuses a
         *     class that differs from the one the tables give for a known type)
         */
        public Builder classCode(Code value) {
            once("classCode");
            this.classCode = value;
            return this;
        }

        /**
         * @param value the type class table
         * @return this; the table used to derive the class from the type
         */
        public Builder typeClassTable(TypeClassTable value) {
            once("typeClassTable");
            this.classes = Objects.requireNonNull(value, "typeClassTable");
            return this;
        }

        /**
         * @param value the format
         * @return this; the format code
         */
        public Builder format(Code value) {
            once("format");
            this.format = value;
            return this;
        }

        /**
         * @param value the facility type
         * @return this; the care setting type (J02)
         */
        public Builder facilityType(Code value) {
            once("facilityType");
            this.facilityType = value;
            return this;
        }

        /**
         * @param value the practice setting
         * @return this; the practice setting (J04)
         */
        public Builder practiceSetting(Code value) {
            once("practiceSetting");
            this.practiceSetting = value;
            return this;
        }

        /**
         * @param value the title
         * @return this; the title
         */
        public Builder title(String value) {
            once("title");
            this.title = value;
            return this;
        }

        /**
         * @param value the content type
         * @return this; the mime type of the content
         */
        public Builder contentType(String value) {
            once("contentType");
            this.contentType = value;
            return this;
        }

        /**
         * @param value the language
         * @return this; the language (default {@code fr-FR})
         */
        public Builder language(String value) {
            once("language");
            this.language = value;
            return this;
        }

        /**
         * @param value the creation time
         * @return this; creation time of the document
         */
        public Builder creationTime(OffsetDateTime value) {
            once("creationTime");
            this.creationTime = value;
            return this;
        }

        /**
         * @param value the service start
         * @return this; start of the act
         */
        public Builder serviceStart(OffsetDateTime value) {
            once("serviceStart");
            this.serviceStart = value;
            return this;
        }

        /**
         * @param value the service end
         * @return this; end of the act
         */
        public Builder serviceEnd(OffsetDateTime value) {
            once("serviceEnd");
            this.serviceEnd = value;
            return this;
        }

        /**
         * @param value the author
         * @return this; adds an author
         */
        public Builder author(Author value) {
            this.authors.add(Objects.requireNonNull(value, "author"));
            return this;
        }

        /**
         * @param value the legal authenticator
         * @return this; the legal authenticator
         */
        public Builder legalAuthenticator(Author value) {
            once("legalAuthenticator");
            this.legalAuthenticator = value;
            return this;
        }

        /**
         * @param value the confidentiality
         * @return this; the confidentiality level (default normal)
         */
        public Builder confidentiality(Confidentiality value) {
            once("confidentiality");
            this.confidentiality = Objects.requireNonNull(value, "confidentiality");
            return this;
        }

        /**
         * @param value the visibility
         * @return this; adds a visibility flag
         */
        public Builder visibility(Visibility value) {
            this.visibility.add(Objects.requireNonNull(value, "visibility"));
            return this;
        }

        /**
         * @param value the description
         * @return this; comments
         */
        public Builder description(String value) {
            once("description");
            this.description = value;
            return this;
        }

        /**
         * @param value the event
         * @return this; adds a documented act
         */
        public Builder event(Code value) {
            this.events.add(Objects.requireNonNull(value, "event"));
            return this;
        }

        /**
         * @param value the value set check
         * @return this; how strictly the codes are checked (default strict)
         */
        public Builder valueSetCheck(ValueSetCheck value) {
            once("valueSetCheck");
            this.check = Objects.requireNonNull(value, "valueSetCheck");
            return this;
        }

        /**
         * Where the document goes, which decides the value sets a strict check uses: the DMP (the
         * default: type in JDV_J66, class in JDV_J57) or another CI-SIS exchange (type in JDV_J07,
         * class in JDV_J06). Not checked in {@link ValueSetCheck#LENIENT} mode.
         *
         * @param value the target
         * @return this
         */
        public Builder target(DocumentTarget value) {
            once("target");
            this.target = Objects.requireNonNull(value, "target");
            return this;
        }

        /**
         * @return the metadata
         * @throws DocumentTypeException if no class can be derived for the type, or (strict check)
         *     the target does not accept the type, or the class given is not the type's class
         * @throws IllegalArgumentException naming the missing or invalid element
         */
        public DocumentMetadata build() {
            require(uniqueId, "uniqueId");
            require(type, "type");
            Code cls = classCode != null ? classCode : classes.requireClassOf(type);
            Code fmt = format != null ? format : documentType != null ? documentType.defaultFormat() : null;
            String mime = contentType != null ? contentType
                    : documentType != null ? documentType.defaultContentType() : null;
            require(fmt, "format");
            require(mime, "contentType");
            require(facilityType, "facilityType");
            require(practiceSetting, "practiceSetting");
            require(title, "title");
            require(creationTime, "creationTime");
            if (check == ValueSetCheck.STRICT) {
                classes.checkType(type, target);
                Code expected = classes.requireClassOf(type);
                if (!expected.equals(cls)) {
                    throw new DocumentTypeException(DocumentTypeException.Reason.CLASS_MISMATCH, type,
                            "has class " + expected.code() + " in the ANS tables (" + classes.version()
                                    + "), not " + cls.code());
                }
                if (!classes.acceptsClass(cls, target)) {
                    throw new IllegalArgumentException("document metadata: classCode " + cls.system() + "|"
                            + cls.code() + " is not in " + (target == DocumentTarget.DMP
                                    ? "JDV_J57-ClassCode-DMP" : "JDV_J06-XdsClassCode-CISIS"));
                }
                checkIn(ValueSets.FORMAT, fmt, "format");
                checkIn(ValueSets.FACILITY, facilityType, "facilityType");
                checkIn(ValueSets.PRACTICE, practiceSetting, "practiceSetting");
            }
            return new DocumentMetadata(uniqueId, type, cls, fmt, facilityType, practiceSetting, title, mime,
                    language, creationTime, serviceStart != null ? serviceStart : creationTime,
                    Optional.ofNullable(serviceEnd), authors, Optional.ofNullable(legalAuthenticator),
                    confidentiality, visibility, Optional.ofNullable(description), events);
        }

        private static void require(Object value, String name) {
            if (value == null) {
                throw new IllegalArgumentException("document metadata: " + name + " is required");
            }
        }

        private static void checkIn(String valueSet, Code code, String name) {
            if (!ValueSets.contains(valueSet, code)) {
                throw new IllegalArgumentException("document metadata: " + name + " " + code.system() + "|"
                        + code.code() + " is not in " + valueSet
                        + " (use valueSetCheck(LENIENT) only for codes the DMP is known to accept)");
            }
        }
    }
}
