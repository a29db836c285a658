package fr.opendmp.testkit.dmp;

import fr.opendmp.core.ins.InsMatricule;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A seeded patient. A well-formed INS that was never seeded has an open DMP.
 *
 * @param ins the 15-character matricule INS (key checked)
 * @param status open, closed or no DMP
 * @param closedOn closure date (closed DMP only)
 * @param closureReason closure reason code, e.g. {@code patient-demande} (closed DMP only)
 * @param attachedToMesp whether the DMP is attached to Mon espace santé
 * @param medecinTraitant IdNat_PS of the patient's médecin traitant DMP, if any
 * @param minor whether the patient is a minor (legal representatives' visibility rules)
 */
public record FakePatient(String ins, DmpStatus status, Optional<LocalDate> closedOn,
        Optional<String> closureReason, boolean attachedToMesp, Optional<String> medecinTraitant,
        boolean minor) {

    /**
     * Checks the INS (format and key) and the closure consistency.
     * @param ins the 15-character matricule INS (key checked)
     * @param status open, closed or no DMP
     * @param closedOn closure date (closed DMP only)
     * @param closureReason closure reason code, e.g. {@code patient-demande} (closed DMP only)
     * @param attachedToMesp whether the DMP is attached to Mon espace santé
     * @param medecinTraitant IdNat_PS of the patient's médecin traitant DMP, if any
     * @param minor whether the patient is a minor (legal representatives' visibility rules)
     */
    public FakePatient {
        Objects.requireNonNull(ins, "ins");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(closedOn, "closedOn");
        Objects.requireNonNull(closureReason, "closureReason");
        Objects.requireNonNull(medecinTraitant, "medecinTraitant");
        ins = InsMatricule.parse(ins).value();
        if (status != DmpStatus.CLOSED && (closedOn.isPresent() || closureReason.isPresent())) {
            throw new IllegalArgumentException("only a closed DMP has a closure date or reason");
        }
    }

    /**
     * @param ins the 15-character matricule INS (key checked)
     * @return a patient with an open DMP, not attached to Mon espace santé
     */
    public static FakePatient open(String ins) {
        return new FakePatient(ins, DmpStatus.OPEN, Optional.empty(), Optional.empty(), false, Optional.empty(), false);
    }

    /**
     * @param ins the 15-character matricule INS (key checked)
     * @param on the on
     * @param reason the reason
     * @return a patient whose DMP was closed on the given date for the given reason code
     */
    public static FakePatient closed(String ins, LocalDate on, String reason) {
        return new FakePatient(ins, DmpStatus.CLOSED, Optional.of(on), Optional.of(reason), false,
                Optional.empty(), false);
    }

    /**
     * @param ins the 15-character matricule INS (key checked)
     * @return a patient without DMP
     */
    public static FakePatient withoutDmp(String ins) {
        return new FakePatient(ins, DmpStatus.NONE, Optional.empty(), Optional.empty(), false, Optional.empty(), false);
    }

    /**
     * @param attached whether attached
     * @return the same patient, attached (or not) to Mon espace santé
     */
    public FakePatient withMonEspaceSante(boolean attached) {
        return new FakePatient(ins, status, closedOn, closureReason, attached, medecinTraitant, minor);
    }

    /**
     * @param idNatPs the professional's national identifier (IdNat_PS)
     * @return the same patient with this médecin traitant DMP (IdNat_PS)
     */
    public FakePatient withMedecinTraitant(String idNatPs) {
        return new FakePatient(ins, status, closedOn, closureReason, attachedToMesp, Optional.of(idNatPs), minor);
    }

    /**
     * @param isMinor whether is minor
     * @return the same patient, minor or not
     */
    public FakePatient withMinor(boolean isMinor) {
        return new FakePatient(ins, status, closedOn, closureReason, attachedToMesp, medecinTraitant, isMinor);
    }

    /** Masked: an INS never reaches a log line in clear. */
    @Override
    public String toString() {
        return "FakePatient[" + InsMatricule.parse(ins).masked() + ", " + status + "]";
    }
}
