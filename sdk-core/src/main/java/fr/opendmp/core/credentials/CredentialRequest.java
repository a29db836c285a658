package fr.opendmp.core.credentials;

import fr.opendmp.core.access.AccessContext;
import fr.opendmp.core.ins.Ins;
import java.util.Objects;
import java.util.Optional;

/**
 * What a credential is asked for: the service called, the patient concerned (when there is one)
 * and the access mode. A VIHF or a token names the patient and the mode, so it is made per
 * request (and cached by the provider).
 *
 * @param service the teleservice called
 * @param patient the patient the request concerns, if any
 * @param access the access mode and its reason
 */
public record CredentialRequest(Service service, Optional<Ins> patient, AccessContext access) {

    /** The teleservices the SDK calls. */
    public enum Service {
        /** The DMP (FHIR interface). */
        DMP,
        /** The INSi identity teleservice. */
        INSI
    }

    /** Checks that every part is present. */
    public CredentialRequest {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(access, "access");
    }

    /** @return a DMP request for a patient in the given access mode */
    public static CredentialRequest dmp(Ins patient, AccessContext access) {
        return new CredentialRequest(Service.DMP, Optional.of(patient), access);
    }

    /** @return an INSi request (no patient known yet, normal mode) */
    public static CredentialRequest insi() {
        return new CredentialRequest(Service.INSI, Optional.empty(), AccessContext.normal());
    }
}
