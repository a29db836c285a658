package fr.opendmp.testkit.dmp.internal;

import fr.opendmp.core.access.AccessMode;
import fr.opendmp.testkit.dmp.CallerKind;
import fr.opendmp.testkit.dmp.FakeProfessional;
import java.util.Optional;

/**
 * Who is calling, as read from the credential.
 *
 * @param professional identity, structure, profession, authentication mode
 * @param mode access mode
 * @param reason bris de glace reason
 * @param patientIns the patient the credential is for (matricule), if any
 */
public record Caller(FakeProfessional professional, AccessMode mode, Optional<String> reason,
        Optional<String> patientIns) {

    /** @return the caller's IdNat_PS */
    public String id() {
        return professional.idNatPs();
    }

    /** @return professional, patient or legal representative */
    public CallerKind kind() {
        return professional.kind();
    }
}
