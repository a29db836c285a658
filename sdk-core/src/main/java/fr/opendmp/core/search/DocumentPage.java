package fr.opendmp.core.search;

import fr.opendmp.core.error.OutcomeIssue;
import fr.opendmp.core.document.DocumentEntry;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of search results. {@link #next()} fetches the following page (a network call).
 * Immutable; the fetcher is the client's.
 */
public final class DocumentPage {

    private final List<DocumentEntry> entries;
    private final Optional<Integer> total;
    private final Optional<String> nextUrl;
    private final List<OutcomeIssue> warnings;
    private final PageFetcher fetcher;

    /**
     * @param entries the documents of this page
     * @param total the total announced by the server, if any
     * @param nextUrl the next link, if any
     * @param warnings the server's warnings (searchset OperationOutcome)
     * @param fetcher how to fetch the next page
     */
    public DocumentPage(List<DocumentEntry> entries, Optional<Integer> total, Optional<String> nextUrl,
            List<OutcomeIssue> warnings, PageFetcher fetcher) {
        this.entries = List.copyOf(entries);
        this.total = Objects.requireNonNull(total, "total");
        this.nextUrl = Objects.requireNonNull(nextUrl, "nextUrl");
        this.warnings = List.copyOf(warnings);
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    }

    /** @return the documents of this page */
    public List<DocumentEntry> entries() {
        return entries;
    }

    /**
     * @return the total the server announced, if any; it counts the signature entries the caller
     *     may see even when the query hides them ({@link SignatureEntries})
     */
    public Optional<Integer> total() {
        return total;
    }

    /** @return the server's warnings for this search */
    public List<OutcomeIssue> warnings() {
        return warnings;
    }

    /** @return whether there is a next page */
    public boolean hasNext() {
        return nextUrl.isPresent();
    }

    /**
     * @return the next page
     * @throws NoSuchElementException if this is the last page
     */
    public DocumentPage next() {
        return fetcher.fetch(nextUrl.orElseThrow(() -> new NoSuchElementException("this is the last page")));
    }

    @Override
    public String toString() {
        return "DocumentPage[" + entries.size() + " entries, next " + hasNext() + "]";
    }
}
