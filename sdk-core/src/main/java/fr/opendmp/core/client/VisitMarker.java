package fr.opendmp.core.client;

import fr.opendmp.core.document.DocumentEntry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a caller had seen of a patient's record at a visit, for "since last visit": an opaque,
 * compact string the vendor stores per patient and caller ({@link #value()}) and gives back at the
 * next visit. It holds a short digest of each current document's uniqueId, never an identifier in
 * clear: a document added or replaced since is one whose digest it lacks. It works over every
 * transport, whatever dates the service keeps.
 *
 * @param value the stored form ({@code v1:} followed by the digests)
 */
public record VisitMarker(String value) {

    private static final String PREFIX = "v1:";
    private static final int DIGEST_CHARS = 12;

    /**
     * Checks the form.
     *
     * @param value the stored form
     */
    public VisitMarker {
        Objects.requireNonNull(value, "value");
        if (!value.startsWith(PREFIX) || (value.length() - PREFIX.length()) % DIGEST_CHARS != 0) {
            throw new IllegalArgumentException("not a visit marker of this SDK (expected v1:…)");
        }
    }

    /**
     * @param seen the documents the visit saw
     * @return the marker of that visit
     */
    public static VisitMarker of(Collection<DocumentEntry> seen) {
        Set<String> digests = new TreeSet<>();
        for (DocumentEntry e : seen) {
            digests.add(digest(e.uniqueId()));
        }
        return new VisitMarker(PREFIX + String.join("", digests));
    }

    /**
     * @param entry a document of the record
     * @return whether the visit this marker records had seen it
     */
    public boolean saw(DocumentEntry entry) {
        return digests().contains(digest(entry.uniqueId()));
    }

    /**
     * @param entries the documents of the record now
     * @return those the visit this marker records had not seen, in their order
     */
    public List<DocumentEntry> unseen(List<DocumentEntry> entries) {
        Set<String> seen = digests();
        return entries.stream().filter(e -> !seen.contains(digest(e.uniqueId()))).toList();
    }

    private Set<String> digests() {
        Set<String> out = new HashSet<>();
        for (int i = PREFIX.length(); i < value.length(); i += DIGEST_CHARS) {
            out.add(value.substring(i, i + DIGEST_CHARS));
        }
        return out;
    }

    private static String digest(String uniqueId) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(uniqueId.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(h).substring(0, DIGEST_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** @return the number of documents it records; never their identifiers */
    @Override
    public String toString() {
        return "VisitMarker[" + (value.length() - PREFIX.length()) / DIGEST_CHARS + " documents]";
    }
}
