package fr.opendmp.core.search;

import fr.opendmp.core.code.Code;
import fr.opendmp.core.document.DocumentStatus;
import fr.opendmp.core.document.TypeClassTable;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Criteria of a document search (TD3.1a). With no criteria
 * ({@code DocumentQuery.builder().build()}) it finds every current, non-archived document, the
 * signature entries of DMPi submissions hidden ({@link SignatureEntries}).
 *
 * <pre>{@code
 * DocumentQuery q = DocumentQuery.builder()
 *     .type(DocumentType.CR_BIOLOGIE.code())
 *     .serviceFrom(OffsetDateTime.now().minusYears(2))
 *     .pageSize(50)
 *     .build();
 * }</pre>
 *
 * @param statuses the statuses wanted (default {@code current})
 * @param archived archived documents only ({@code true}), non-archived only ({@code false}), or
 *     the server's default (empty)
 * @param types typeCodes (OR)
 * @param classes classCodes (OR)
 * @param formats formatCodes (OR)
 * @param practiceSettings practiceSettingCodes (OR)
 * @param facilityTypes healthcareFacilityTypeCodes (OR)
 * @param createdFrom creationTime ≥
 * @param createdTo creationTime ≤
 * @param serviceFrom service period ≥
 * @param serviceTo service period ≤
 * @param authorIdNat author's IdNat_PS
 * @param pageSize the page size ({@code _count}), if set
 * @param signatureEntries whether the signature entries of DMPi submissions are listed (applied by
 *     the client, not sent)
 */
public record DocumentQuery(Set<DocumentStatus> statuses, Optional<Boolean> archived, List<Code> types,
        List<Code> classes, List<Code> formats, List<Code> practiceSettings, List<Code> facilityTypes,
        Optional<OffsetDateTime> createdFrom, Optional<OffsetDateTime> createdTo,
        Optional<OffsetDateTime> serviceFrom, Optional<OffsetDateTime> serviceTo, Optional<String> authorIdNat,
        Optional<Integer> pageSize, SignatureEntries signatureEntries) {

    /**
     * Checks and copies.
     * @param statuses the statuses wanted (default {@code current})
     * @param archived archived documents only ({@code true}), non-archived only ({@code false}), or the
     *     server's default (empty)
     * @param types typeCodes (OR)
     * @param classes classCodes (OR)
     * @param formats formatCodes (OR)
     * @param practiceSettings practiceSettingCodes (OR)
     * @param facilityTypes healthcareFacilityTypeCodes (OR)
     * @param createdFrom creationTime ≥
     * @param createdTo creationTime ≤
     * @param serviceFrom service period ≥
     * @param serviceTo service period ≤
     * @param authorIdNat author's IdNat_PS
     * @param pageSize the page size ({@code _count}), if set
     * @param signatureEntries whether the signature entries of DMPi submissions are listed
     * @throws IllegalArgumentException if it asks for the signature class and hides signature entries
     */
    public DocumentQuery {
        statuses = Set.copyOf(statuses);
        Objects.requireNonNull(archived, "archived");
        types = List.copyOf(types);
        classes = List.copyOf(classes);
        formats = List.copyOf(formats);
        practiceSettings = List.copyOf(practiceSettings);
        facilityTypes = List.copyOf(facilityTypes);
        Objects.requireNonNull(createdFrom, "createdFrom");
        Objects.requireNonNull(createdTo, "createdTo");
        Objects.requireNonNull(serviceFrom, "serviceFrom");
        Objects.requireNonNull(serviceTo, "serviceTo");
        Objects.requireNonNull(authorIdNat, "authorIdNat");
        Objects.requireNonNull(pageSize, "pageSize");
        Objects.requireNonNull(signatureEntries, "signatureEntries");
        if (signatureEntries == SignatureEntries.HIDE
                && classes.stream().anyMatch(DocumentQuery::isSignatureClass)) {
            throw new IllegalArgumentException("a query for the signature class would list nothing with its"
                    + " signature entries hidden: use signatureEntries(SignatureEntries.SHOW)");
        }
        if (statuses.isEmpty()) {
            throw new IllegalArgumentException("a query needs at least one status");
        }
        if (statuses.contains(DocumentStatus.ENTERED_IN_ERROR)) {
            throw new IllegalArgumentException("deleted documents cannot be searched");
        }
        pageSize.ifPresent(n -> {
            if (n < 1 || n > 1000) {
                throw new IllegalArgumentException("pageSize must be 1..1000, got " + n);
            }
        });
    }

    private static boolean isSignatureClass(Code c) {
        return c.code().equals(TypeClassTable.SIGNATURE.code());
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link DocumentQuery}; not thread-safe. */
    public static final class Builder {

        private final Set<String> given = new HashSet<>();

        private void once(String setting) {
            if (!given.add(setting)) {
                throw new IllegalStateException(setting + " was already set");
            }
        }

        private final Set<DocumentStatus> statuses = EnumSet.noneOf(DocumentStatus.class);
        private Boolean archived;
        private final List<Code> types = new ArrayList<>();
        private final List<Code> classes = new ArrayList<>();
        private final List<Code> formats = new ArrayList<>();
        private final List<Code> practiceSettings = new ArrayList<>();
        private final List<Code> facilityTypes = new ArrayList<>();
        private OffsetDateTime createdFrom;
        private OffsetDateTime createdTo;
        private OffsetDateTime serviceFrom;
        private OffsetDateTime serviceTo;
        private String authorIdNat;
        private Integer pageSize;
        private SignatureEntries signatureEntries;

        private Builder() {
        }

        /**
         * @param value the status
         * @return this; adds a status (current, superseded)
         */
        public Builder status(DocumentStatus value) {
            statuses.add(Objects.requireNonNull(value, "status"));
            return this;
        }

        /**
         * @param value whether archived
         * @return this; archived only (true) or non-archived only (false)
         */
        public Builder archived(boolean value) {
            once("archived");
            archived = value;
            return this;
        }

        /**
         * @param value the type
         * @return this; adds a type
         */
        public Builder type(Code value) {
            types.add(Objects.requireNonNull(value, "type"));
            return this;
        }

        /**
         * @param value the class code
         * @return this; adds a class
         */
        public Builder classCode(Code value) {
            classes.add(Objects.requireNonNull(value, "classCode"));
            return this;
        }

        /**
         * @param value the format
         * @return this; adds a format
         */
        public Builder format(Code value) {
            formats.add(Objects.requireNonNull(value, "format"));
            return this;
        }

        /**
         * @param value the practice setting
         * @return this; adds a practice setting
         */
        public Builder practiceSetting(Code value) {
            practiceSettings.add(Objects.requireNonNull(value, "practiceSetting"));
            return this;
        }

        /**
         * @param value the facility type
         * @return this; adds a facility type
         */
        public Builder facilityType(Code value) {
            facilityTypes.add(Objects.requireNonNull(value, "facilityType"));
            return this;
        }

        /**
         * @param value the created from
         * @return this; created at or after
         */
        public Builder createdFrom(OffsetDateTime value) {
            once("createdFrom");
            createdFrom = value;
            return this;
        }

        /**
         * @param value the created to
         * @return this; created at or before
         */
        public Builder createdTo(OffsetDateTime value) {
            once("createdTo");
            createdTo = value;
            return this;
        }

        /**
         * @param value the service from
         * @return this; act at or after
         */
        public Builder serviceFrom(OffsetDateTime value) {
            once("serviceFrom");
            serviceFrom = value;
            return this;
        }

        /**
         * @param value the service to
         * @return this; act at or before
         */
        public Builder serviceTo(OffsetDateTime value) {
            once("serviceTo");
            serviceTo = value;
            return this;
        }

        /**
         * @param idNatPs the professional's national identifier (IdNat_PS)
         * @return this; written by this professional (IdNat_PS)
         */
        public Builder author(String idNatPs) {
            once("author");
            authorIdNat = idNatPs;
            return this;
        }

        /**
         * @param value the page size
         * @return this; page size
         */
        public Builder pageSize(int value) {
            once("pageSize");
            pageSize = value;
            return this;
        }

        /**
         * @param value {@link SignatureEntries#SHOW} to list the signature entries of DMPi
         *     submissions, {@link SignatureEntries#HIDE} to drop them
         * @return this; default {@code HIDE}, or {@code SHOW} when a class asked for is the signature
         *     class ({@link TypeClassTable#SIGNATURE})
         */
        public Builder signatureEntries(SignatureEntries value) {
            once("signatureEntries");
            signatureEntries = Objects.requireNonNull(value, "signatureEntries");
            return this;
        }

        /**
         * @return the query (status current when none was given)
         * @throws IllegalArgumentException if a setting is out of range, or the signature class is
         *     asked for with its entries hidden
         */
        public DocumentQuery build() {
            Set<DocumentStatus> s = statuses.isEmpty() ? EnumSet.of(DocumentStatus.CURRENT) : statuses;
            SignatureEntries signatures = signatureEntries != null ? signatureEntries
                    : classes.stream().anyMatch(DocumentQuery::isSignatureClass) ? SignatureEntries.SHOW
                    : SignatureEntries.HIDE;
            return new DocumentQuery(s, Optional.ofNullable(archived), types, classes, formats, practiceSettings,
                    facilityTypes, Optional.ofNullable(createdFrom), Optional.ofNullable(createdTo),
                    Optional.ofNullable(serviceFrom), Optional.ofNullable(serviceTo), Optional.ofNullable(authorIdNat),
                    Optional.ofNullable(pageSize), signatures);
        }
    }
}
