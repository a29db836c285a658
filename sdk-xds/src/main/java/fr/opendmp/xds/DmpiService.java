package fr.opendmp.xds;

/**
 * The DMPi web services and their default paths under the base URL
 * ({@code https://<host>/si-dmp-server/v2/services}).
 */
public enum DmpiService {
    /** HL7v3 dossier services: TD0.2, TD1.3a. */
    PATIENTS("patients"),
    /** The patients the caller is authorized on: TD0.4. */
    PATIENTS_SPECIFIC("patientsSpecific"),
    /** Authorizations: TD0.3, TD1.6. */
    HABILITATIONS("habilitations"),
    /** XDS.b registry: ITI-18 (TD3.1), ITI-57 (TD3.3). */
    REGISTRY("registry"),
    /** XDS.b repository: ITI-41 (TD2.1), ITI-43 (TD3.2). */
    REPOSITORY("repository");

    private final String defaultPath;

    DmpiService(String defaultPath) {
        this.defaultPath = defaultPath;
    }

    /** @return the default path, relative to the base */
    public String defaultPath() {
        return defaultPath;
    }
}
