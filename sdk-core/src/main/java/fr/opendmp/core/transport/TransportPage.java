package fr.opendmp.core.transport;

import fr.opendmp.core.document.DocumentEntry;
import fr.opendmp.core.error.OutcomeIssue;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a search as a transport returns it.
 *
 * @param entries the documents of the page, in the service's order
 * @param total the total the service announced, if any
 * @param next the transport's token for the next page (a link, a query continuation), if any
 * @param warnings the service's warnings about the search
 */
public record TransportPage(List<DocumentEntry> entries, Optional<Integer> total, Optional<String> next,
        List<OutcomeIssue> warnings) {

    /**
     * Checks and copies every part.
     * @param entries the documents of the page, in the service's order
     * @param total the total the service announced, if any
     * @param next the transport's token for the next page (a link, a query continuation), if any
     * @param warnings the service's warnings about the search
     */
    public TransportPage {
        entries = List.copyOf(entries);
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(next, "next");
        warnings = List.copyOf(warnings);
    }
}
