package fr.opendmp.cda.content;

import fr.opendmp.cda.content.internal.KosParser;
import java.util.List;
import java.util.Objects;

/**
 * An imaging manifest (DICOM Key Object Selection, DMP type {@code IMG-KOS}, {@code application/dicom})
 * read into the studies, series and instances it points to, and where to reach them at the source:
 * each series' Retrieve Location UID and Retrieve URL, each instance's SOP class. Reads DICOM Part 10
 * files in explicit or implicit VR little endian; a truncated or inconsistent file gives what was
 * read before the fault plus an {@link Unreadable} naming it.
 *
 * <pre>{@code
 * KosManifest kos = KosManifest.read(dicomBytes);
 * kos.studies().get(0).series().get(0).retrieveLocationUid();   // the imaging source
 * }</pre>
 *
 * @param studies the studies of the Current Requested Procedure Evidence Sequence (0040,A375)
 * @param unreadable what could not be read, and why
 */
public record KosManifest(List<ImagingStudy> studies, List<Unreadable> unreadable) {

    /** The largest manifest read (a KOS is kilobytes). */
    public static final int MAX_BYTES = 16 * 1024 * 1024;

    /**
     * Copies the lists.
     *
     * @param studies the studies
     * @param unreadable the unreadable
     */
    public KosManifest {
        studies = List.copyOf(studies);
        unreadable = List.copyOf(unreadable);
    }

    /**
     * Reads a KOS manifest.
     *
     * @param dicom the DICOM Part 10 bytes
     * @return the studies it references
     * @throws ContentKindException if the bytes are not a DICOM Part 10 file, are larger than
     *     {@link #MAX_BYTES}, or use a transfer syntax other than little endian (explicit or implicit VR)
     */
    public static KosManifest read(byte[] dicom) {
        Objects.requireNonNull(dicom, "dicom");
        return KosParser.parse(dicom);
    }

    /** Masked: counts only. */
    @Override
    public String toString() {
        return "KosManifest[studies=" + studies.size() + ", unreadable=" + unreadable.size() + "]";
    }
}
