package fr.opendmp.auth.vihf;

import fr.opendmp.core.access.AccessContext;
import fr.opendmp.core.caller.AuthenticationMode;
import fr.opendmp.core.party.Organization;
import fr.opendmp.core.party.Professional;
import fr.opendmp.core.ins.Ins;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The content of a VIHF before signing, checked. Built by {@link VihfBuilder}; signed by
 * {@link VihfSigner}.
 *
 * @param id the assertion {@code ID} (an NCName)
 * @param issueInstant {@code IssueInstant}
 * @param notOnOrAfter end of validity ({@code Conditions/@NotOnOrAfter})
 * @param authnInstant when the user logged in
 * @param authnContextClassRef the SAML authentication context class
 * @param mode {@code Authentification_Mode}
 * @param profile the service profile (Ressource_URN, version)
 * @param professional who calls: its name, profession and specialty (checked by {@link VihfBuilder})
 * @param structure the structure the call is made for, with its activity sector
 * @param software the calling software
 * @param patient the patient (the {@code resource-id}), if any
 * @param access the access mode and reason
 * @param authnContextDecl the AIR declaration ({@code AuthnContextDecl}, e.g. {@code CONF_EXI_PGSSIS});
 *     where it goes exactly is unsure (ANS CI-SIS "Volet transport synchrone pour client lourd")
 * @param confidentialityCode the {@code confidentiality-code} for the "secret connection" feature, if
 *     used (value format unsure)
 */
public record Vihf(String id, Instant issueInstant, Instant notOnOrAfter, Instant authnInstant,
        String authnContextClassRef, AuthenticationMode mode, VihfProfile profile, Professional professional,
        Organization structure, Software software, Optional<Ins> patient, AccessContext access,
        Optional<String> authnContextDecl, Optional<String> confidentialityCode) {

    /**
     * Checks presence and the ordering of instants.
     * @param id the assertion {@code ID} (an NCName)
     * @param issueInstant {@code IssueInstant}
     * @param notOnOrAfter end of validity ({@code Conditions/@NotOnOrAfter})
     * @param authnInstant when the user logged in
     * @param authnContextClassRef the SAML authentication context class
     * @param mode {@code Authentification_Mode}
     * @param profile the service profile (Ressource_URN, version)
     * @param professional who calls
     * @param structure the structure the call is made for
     * @param software the calling software
     * @param patient the patient (the {@code resource-id}), if any
     * @param access the access mode and reason
     * @param authnContextDecl the AIR declaration ({@code AuthnContextDecl}, e.g. {@code CONF_EXI_PGSSIS});
     *     where it goes exactly is unsure (ANS CI-SIS "Volet transport synchrone pour client lourd")
     * @param confidentialityCode the {@code confidentiality-code} for the "secret connection" feature, if
     *     used (value format unsure)
     */
    public Vihf {
        Require.text(id, "id");
        if (!id.matches("[A-Za-z_][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("the assertion ID must be an NCName: " + id);
        }
        Objects.requireNonNull(issueInstant, "issueInstant");
        Objects.requireNonNull(notOnOrAfter, "notOnOrAfter");
        Objects.requireNonNull(authnInstant, "authnInstant");
        Require.text(authnContextClassRef, "authnContextClassRef");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(profile, "profile");
        Require.vihfProfessional(Objects.requireNonNull(professional, "professional"));
        Require.vihfStructure(Objects.requireNonNull(structure, "structure"));
        Objects.requireNonNull(software, "software");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(authnContextDecl, "authnContextDecl");
        Objects.requireNonNull(confidentialityCode, "confidentialityCode");
        if (authnContextDecl.isPresent() && mode != AuthenticationMode.INDIRECTE_RENFORCEE) {
            throw new IllegalArgumentException("an AuthnContextDecl (AIR declaration) goes with INDIRECTE_RENFORCEE only");
        }
        if (!notOnOrAfter.isAfter(issueInstant)) {
            throw new IllegalArgumentException("notOnOrAfter must be after issueInstant");
        }
        if (profile.patientRequired() && patient.isEmpty()) {
            throw new IllegalArgumentException("a " + profile.resourceUrn() + " VIHF needs the patient's INS");
        }
    }
}
