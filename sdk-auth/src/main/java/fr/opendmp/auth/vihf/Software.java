package fr.opendmp.auth.vihf;

import java.util.Objects;
import java.util.Optional;

/**
 * The calling software (LPS), as the VIHF names it.
 *
 * @param name {@code LPS_Nom}
 * @param version {@code LPS_Version}
 * @param homologationId {@code LPS_ID_HOMOLOGATION_DMP}, issued by ANS/CNAM
 * @param instanceId {@code LPS_ID}, the installation id, if any
 */
public record Software(String name, String version, String homologationId, Optional<String> instanceId) {

    /**
     * Checks that name, version and homologation id are present.
     * @param name {@code LPS_Nom}
     * @param version {@code LPS_Version}
     * @param homologationId {@code LPS_ID_HOMOLOGATION_DMP}, issued by ANS/CNAM
     * @param instanceId {@code LPS_ID}, the installation id, if any
     */
    public Software {
        Require.text(name, "name");
        Require.text(version, "version");
        Require.text(homologationId, "homologationId");
        Objects.requireNonNull(instanceId, "instanceId");
    }
}
