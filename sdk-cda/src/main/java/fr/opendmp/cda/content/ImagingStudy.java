package fr.opendmp.cda.content;

import fr.opendmp.core.code.Code;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A DICOM study an imaging report (FR-DICOM-Examen-imagerie, DICOM Part 20 Study Act) or a KOS
 * manifest refers to, with its series and instances and the address to reach the images at the source.
 *
 * @param studyUid the Study Instance UID
 * @param time when the study was done, if given
 * @param series the series
 */
public record ImagingStudy(String studyUid, Optional<ClinicalTime> time, List<Series> series) {

    /**
     * Checks presence, copies the list.
     *
     * @param studyUid the study uid
     * @param time the time
     * @param series the series
     */
    public ImagingStudy {
        Objects.requireNonNull(studyUid, "studyUid");
        Objects.requireNonNull(time, "time");
        series = List.copyOf(series);
    }

    /**
     * @return the first address to reach the images at the source: an instance's WADO URL, else a
     *     series' retrieve URL, if any
     */
    public Optional<String> address() {
        return series.stream().flatMap(s -> s.instances().stream()).flatMap(i -> i.address().stream()).findFirst()
                .or(() -> series.stream().flatMap(s -> s.retrieveUrl().stream()).findFirst());
    }

    /** Masked: counts only (UIDs identify the patient's study). */
    @Override
    public String toString() {
        return "ImagingStudy[uid ***, series=" + series.size() + "]";
    }

    /**
     * A series of a study (DICOM Part 20 Series Act).
     *
     * @param seriesUid the Series Instance UID
     * @param modality the modality (DCM, e.g. CT), if given
     * @param retrieveLocationUid the source holding the images (a KOS's Retrieve Location UID, the
     *     imaging document source's repository id in XDS-I), if given
     * @param retrieveUrl the series' retrieve URL (a KOS's Retrieve URL, WADO-RS), if given
     * @param instances the SOP instances referred to
     */
    public record Series(String seriesUid, Optional<Code> modality, Optional<String> retrieveLocationUid,
            Optional<String> retrieveUrl, List<Instance> instances) {

        /**
         * Checks presence, copies the list.
         *
         * @param seriesUid the series uid
         * @param modality the modality
         * @param retrieveLocationUid the retrieve location uid
         * @param retrieveUrl the retrieve url
         * @param instances the instances
         */
        public Series {
            Objects.requireNonNull(seriesUid, "seriesUid");
            Objects.requireNonNull(modality, "modality");
            Objects.requireNonNull(retrieveLocationUid, "retrieveLocationUid");
            Objects.requireNonNull(retrieveUrl, "retrieveUrl");
            instances = List.copyOf(instances);
        }

        /** Masked: counts only. */
        @Override
        public String toString() {
            return "Series[uid ***" + (retrieveUrl.isPresent() ? ", url ***" : "") + ", instances=" + instances.size()
                    + "]";
        }
    }

    /**
     * A SOP instance (DICOM Part 20 SOP Instance Observation).
     *
     * @param sopInstanceUid the SOP Instance UID
     * @param sopClass the SOP class (DCMUID), if given
     * @param address the address of the object at the source (WADO URL, whitespace removed), if given
     */
    public record Instance(String sopInstanceUid, Optional<Code> sopClass, Optional<String> address) {

        /**
         * Checks presence.
         *
         * @param sopInstanceUid the sop instance uid
         * @param sopClass the sop class
         * @param address the address
         */
        public Instance {
            Objects.requireNonNull(sopInstanceUid, "sopInstanceUid");
            Objects.requireNonNull(sopClass, "sopClass");
            Objects.requireNonNull(address, "address");
        }

        /** Masked. */
        @Override
        public String toString() {
            return "Instance[uid ***" + (address.isPresent() ? ", address ***" : "") + "]";
        }
    }
}
