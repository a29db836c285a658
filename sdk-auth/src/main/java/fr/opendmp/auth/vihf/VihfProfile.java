package fr.opendmp.auth.vihf;

/**
 * What differs between services for the VIHF: the {@code Ressource_URN}, the {@code VIHF_Version}
 * and whether a patient is required.
 *
 * @param resourceUrn {@code Ressource_URN}, {@code urn:dmp} for the DMP
 * @param version {@code VIHF_Version} (3.0 in every sample, 4.0 in a 2024 mapping table: unsure,
 *     hence configurable)
 * @param patientRequired whether every request must name a patient
 * @param legacyModeAcces whether to also write the older {@code Mode_Acces} attribute beside the
 *     purpose of use (unsure whether still accepted; default off)
 */
public record VihfProfile(String resourceUrn, String version, boolean patientRequired, boolean legacyModeAcces) {

    /** The DMP: {@code urn:dmp}, version 3.0, patient required. */
    public static final VihfProfile DMP = new VihfProfile("urn:dmp", "3.0", true, false);

    /**
     * INSi: the INSi VIHF values are not public (unsure); the defaults here are a guess to override.
     */
    public static final VihfProfile INSI = new VihfProfile("urn:insi", "3.0", false, false);

    /**
     * Checks the parts.
     * @param resourceUrn {@code Ressource_URN}, {@code urn:dmp} for the DMP
     * @param version {@code VIHF_Version} (3.0 in every sample, 4.0 in a 2024 mapping table: unsure, hence
     *     configurable)
     * @param patientRequired whether every request must name a patient
     * @param legacyModeAcces whether to also write the older {@code Mode_Acces} attribute beside the
     *     purpose of use (unsure whether still accepted; default off)
     */
    public VihfProfile {
        Require.text(resourceUrn, "resourceUrn");
        Require.text(version, "version");
    }

    /**
     * @param newVersion the new version
     * @return a copy with another VIHF_Version
     */
    public VihfProfile withVersion(String newVersion) {
        return new VihfProfile(resourceUrn, newVersion, patientRequired, legacyModeAcces);
    }

    /** @return a copy that also writes the legacy {@code Mode_Acces} attribute */
    public VihfProfile withLegacyModeAcces() {
        return new VihfProfile(resourceUrn, version, patientRequired, true);
    }
}
