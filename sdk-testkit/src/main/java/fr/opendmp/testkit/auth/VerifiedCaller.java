package fr.opendmp.testkit.auth;

import fr.opendmp.core.access.AccessMode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who called, as a verified VIHF says. {@link #toString()} masks the display name and the patient.
 *
 * @param nameId {@code Subject/NameID} (IdNat_PS or structure-local id)
 * @param displayName {@code subject-id}
 * @param authenticationMode {@code Authentification_Mode}
 * @param structureId {@code Identifiant_Structure}, if any
 * @param secteurActivite {@code Secteur_Activite}
 * @param roles the roles, profession first
 * @param accessMode the access mode (purpose of use)
 * @param accessReason the bris de glace reason, if any
 * @param patientCx the patient {@code resource-id} in CX form, if any
 * @param resourceUrn {@code Ressource_URN}
 * @param software {@code LPS_Nom} {@code LPS_Version}
 * @param homologationId {@code LPS_ID_HOMOLOGATION_DMP}
 * @param assertionId the assertion ID
 * @param signerSubject the signing certificate's subject DN
 * @param notOnOrAfter the end of validity, if stated
 * @param warnings non-blocking remarks (e.g. an AudienceRestriction present)
 */
public record VerifiedCaller(String nameId, String displayName, String authenticationMode, Optional<String> structureId,
        String secteurActivite, List<Role> roles, AccessMode accessMode, Optional<String> accessReason,
        Optional<String> patientCx, String resourceUrn, String software, String homologationId, String assertionId,
        String signerSubject, Optional<Instant> notOnOrAfter, List<String> warnings) {

    /**
     * A VIHF role value.
     *
     * @param code the code
     * @param codeSystem the code system OID
     * @param displayName the display name
     */
    public record Role(String code, String codeSystem, String displayName) {
    }

    /**
     * Copies the lists.
     * @param nameId {@code Subject/NameID} (IdNat_PS or structure-local id)
     * @param displayName the display name
     * @param authenticationMode {@code Authentification_Mode}
     * @param structureId {@code Identifiant_Structure}, if any
     * @param secteurActivite {@code Secteur_Activite}
     * @param roles the roles, profession first
     * @param accessMode the access mode (purpose of use)
     * @param accessReason the bris de glace reason, if any
     * @param patientCx the patient {@code resource-id} in CX form, if any
     * @param resourceUrn {@code Ressource_URN}
     * @param software {@code LPS_Nom} {@code LPS_Version}
     * @param homologationId {@code LPS_ID_HOMOLOGATION_DMP}
     * @param assertionId the assertion ID
     * @param signerSubject the signing certificate's subject DN
     * @param notOnOrAfter the end of validity, if stated
     * @param warnings non-blocking remarks (e.g. an AudienceRestriction present)
     */
    public VerifiedCaller {
        Objects.requireNonNull(nameId, "nameId");
        roles = List.copyOf(roles);
        warnings = List.copyOf(warnings);
    }

    /**
     * @return the profession code (the first role)
     */
    public String profession() {
        return roles.get(0).code();
    }

    /** Masks the display name and the patient. */
    @Override
    public String toString() {
        return "VerifiedCaller[" + nameId + ", " + authenticationMode + ", structure " + structureId.orElse("-")
                + ", roles " + roles.stream().map(Role::code).toList() + ", " + accessMode + ", patient "
                + (patientCx.isPresent() ? "***" : "-") + "]";
    }
}
