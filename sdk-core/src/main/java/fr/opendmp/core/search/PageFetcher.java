package fr.opendmp.core.search;

/** Fetches the page behind a {@code next} link; implemented by the client. */
@FunctionalInterface
public interface PageFetcher {
    /**
     * @param nextUrl the server's next link
     * @return the next page
     */
    DocumentPage fetch(String nextUrl);
}
