package fr.opendmp.core.credentials;

import fr.opendmp.core.access.AccessContext;
import fr.opendmp.core.caller.Caller;
import fr.opendmp.core.ins.Ins;
import java.util.Objects;
import java.util.Optional;

/**
 * What a credential is asked for: the service called, the patient concerned (when there is one)
 * and the caller (the professional, when the call names one, and the access mode). A VIHF or a
 * token names the professional, the patient and the mode, so it is made per request (and cached
 * by the provider under all three).
 *
 * @param service the teleservice called
 * @param patient the patient the request concerns, if any
 * @param caller who calls and how; with no professional, the provider acts for its own
 */
public record CredentialRequest(Service service, Optional<Ins> patient, Caller caller) {

    /** The teleservices the SDK calls. */
    public enum Service {
        /** The DMP (FHIR interface or DMPi). */
        DMP,
        /** The INSi identity teleservice. */
        INSI
    }

    /**
     * Checks that every part is present.
     * @param service the teleservice called
     * @param patient the patient the request concerns, if any
     * @param caller who calls and how; with no professional, the provider acts for its own
     */
    public CredentialRequest {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(caller, "caller");
    }

    /** @return the access mode and its reason */
    public AccessContext access() {
        return caller.access();
    }

    /**
     * @param patient the patient the request concerns, if any
     * @param caller who calls and how; with no professional, the provider acts for its own
     * @return a DMP request for a patient, made by this caller
     */
    public static CredentialRequest dmp(Ins patient, Caller caller) {
        return new CredentialRequest(Service.DMP, Optional.of(patient), caller);
    }

    /**
     * @param patient the patient the request concerns, if any
     * @param access the access
     * @return a DMP request for a patient in the given access mode, for the provider's own professional
     */
    public static CredentialRequest dmp(Ins patient, AccessContext access) {
        return dmp(patient, Caller.provider(access));
    }

    /** @return an INSi request (no patient known yet, normal mode, the provider's own professional) */
    public static CredentialRequest insi() {
        return new CredentialRequest(Service.INSI, Optional.empty(), Caller.provider());
    }
}
