package fr.opendmp.testkit.dmp;

import fr.opendmp.core.access.AccessMode;
import fr.opendmp.core.ins.InsMatricule;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of the fake's access history (who, when, what, which mode, outcome).
 *
 * @param at when the request was handled
 * @param idNatPs the caller's IdNat_PS
 * @param patientIns the patient concerned, if any (15-character matricule)
 * @param action the transaction, e.g. {@code TD02}, {@code TD2}, {@code TD3.1}, {@code TD3.2}, {@code TD3.3}
 * @param mode the access mode of the credential
 * @param reason the bris de glace reason, if any
 * @param status the HTTP status answered
 * @param ruleIds the rule ids of the refusal or of the warnings (empty when plainly accepted)
 */
public record AccessEvent(Instant at, String idNatPs, Optional<String> patientIns, String action,
        AccessMode mode, Optional<String> reason, int status, List<String> ruleIds) {

    /**
     * Checks every field is present.
     * @param at when the request was handled
     * @param idNatPs the caller's IdNat_PS
     * @param patientIns the patient concerned, if any (15-character matricule)
     * @param action the transaction, e.g. {@code TD02}, {@code TD2}, {@code TD3.1}, {@code TD3.2}, {@code
     *     TD3.3}
     * @param mode the access mode of the credential
     * @param reason the bris de glace reason, if any
     * @param status the HTTP status answered
     * @param ruleIds the rule ids of the refusal or of the warnings (empty when plainly accepted)
     */
    public AccessEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(idNatPs, "idNatPs");
        Objects.requireNonNull(patientIns, "patientIns");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(reason, "reason");
        ruleIds = List.copyOf(ruleIds);
    }

    /** @return whether the request succeeded (2xx) */
    public boolean succeeded() {
        return status >= 200 && status < 300;
    }

    /** Masked: no INS in clear. */
    @Override
    public String toString() {
        String masked = patientIns.map(p -> InsMatricule.isValid(p) ? InsMatricule.parse(p).masked() : "***")
                .orElse("-");
        return "AccessEvent[" + at + ", " + idNatPs + ", " + masked + ", " + action + ", " + mode + ", "
                + status + ", " + ruleIds + "]";
    }
}
