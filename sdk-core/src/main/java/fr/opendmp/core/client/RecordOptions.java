package fr.opendmp.core.client;

import fr.opendmp.core.search.DocumentQuery;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How {@link DmpView#openRecord(fr.opendmp.core.ins.Ins, RecordOptions)} opens a patient's record.
 *
 * @param query the documents listed (default: current documents, one page of up to 200, the signature
 *     entries of DMPi submissions hidden as in every query that does not show them)
 * @param prefetch how many of the newest documents are fetched at once, in parallel (default 3)
 * @param lastVisit the marker the vendor stored at the caller's last visit, if any
 */
public record RecordOptions(DocumentQuery query, int prefetch, Optional<VisitMarker> lastVisit) {

    /**
     * Checks every part.
     *
     * @param query the documents listed
     * @param prefetch how many of the newest documents are fetched at once
     * @param lastVisit the marker stored at the caller's last visit, if any
     */
    public RecordOptions {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(lastVisit, "lastVisit");
        if (prefetch < 0 || prefetch > 50) {
            throw new IllegalArgumentException("prefetch is 0 to 50, got " + prefetch);
        }
    }

    /** @return the defaults */
    public static RecordOptions defaults() {
        return builder().build();
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link RecordOptions}; each setting may be given once. */
    public static final class Builder {
        private final Set<String> given = new HashSet<>();
        private DocumentQuery query = DocumentQuery.builder().pageSize(200).build();
        private int prefetch = 3;
        private VisitMarker lastVisit;

        private Builder() {
        }

        private void once(String name) {
            if (!given.add(name)) {
                throw new IllegalStateException(name + " was already set");
            }
        }

        /**
         * @param value the documents listed
         * @return this builder
         */
        public Builder query(DocumentQuery value) {
            once("query");
            query = Objects.requireNonNull(value, "query");
            return this;
        }

        /**
         * @param value how many of the newest documents are fetched at once (0 to 50)
         * @return this builder
         */
        public Builder prefetch(int value) {
            once("prefetch");
            prefetch = value;
            return this;
        }

        /**
         * @param value the marker stored at the caller's last visit ("since last visit")
         * @return this builder
         */
        public Builder lastVisit(VisitMarker value) {
            once("lastVisit");
            lastVisit = Objects.requireNonNull(value, "lastVisit");
            return this;
        }

        /** @return the options */
        public RecordOptions build() {
            return new RecordOptions(query, prefetch, Optional.ofNullable(lastVisit));
        }
    }
}
