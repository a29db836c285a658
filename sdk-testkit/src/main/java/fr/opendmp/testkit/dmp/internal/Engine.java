package fr.opendmp.testkit.dmp.internal;

import fr.opendmp.testkit.dmp.CdaHeaderReader;
import fr.opendmp.testkit.dmp.DefaultAuthorization;
import fr.opendmp.testkit.dmp.FakeProfessional;
import fr.opendmp.testkit.dmp.MetadataVersionIdentity;
import fr.opendmp.testkit.dmp.Validation;
import java.time.Clock;
import java.util.Optional;

/**
 * Everything a running fake holds: state, services, faults.
 *
 * @param store state
 * @param callers credential reading
 * @param patients TD02
 * @param deposits TD2/TD2.1
 * @param searches TD3.1 / ITI-66
 * @param retrievals TD3.2
 * @param patches TD3.3
 * @param faults injected faults
 * @param rules access rules
 * @param maxBodyBytes request body limit
 * @param clock time source
 */
public record Engine(DmpStore store, CallerReader callers, PatientLookup patients, Deposits deposits,
        Searches searches, Retrievals retrievals, Patches patches, Faults faults, AccessRules rules,
        long maxBodyBytes, Clock clock) {

    /** Wires an engine. */
    public static Engine create(Validation validation, DefaultAuthorization defaultAuthorization,
            FakeProfessional defaultProfessional, CredentialVerifier verifier, CdaHeaderReader cdaReader,
            boolean feedingProfile, boolean brisDeGlaceOverridesBlock, long maxBodyBytes, Clock clock) {
        return create(validation, defaultAuthorization, defaultProfessional, verifier, Optional.empty(), cdaReader,
                feedingProfile, brisDeGlaceOverridesBlock, maxBodyBytes, clock);
    }

    /** Wires an engine; {@code vihfCallers} present = AuthMode.VERIFY. */
    public static Engine create(Validation validation, DefaultAuthorization defaultAuthorization,
            FakeProfessional defaultProfessional, CredentialVerifier verifier, Optional<VihfCallers> vihfCallers,
            CdaHeaderReader cdaReader, boolean feedingProfile, boolean brisDeGlaceOverridesBlock, long maxBodyBytes,
            Clock clock) {
        return create(validation, defaultAuthorization, defaultProfessional, verifier, vihfCallers, cdaReader,
                feedingProfile, brisDeGlaceOverridesBlock, maxBodyBytes, clock, MetadataVersionIdentity.NEW_ENTRY_UUID);
    }

    /** Wires an engine; {@code vihfCallers} present = AuthMode.VERIFY; {@code identity}: metadata versions. */
    public static Engine create(Validation validation, DefaultAuthorization defaultAuthorization,
            FakeProfessional defaultProfessional, CredentialVerifier verifier, Optional<VihfCallers> vihfCallers,
            CdaHeaderReader cdaReader, boolean feedingProfile, boolean brisDeGlaceOverridesBlock, long maxBodyBytes,
            Clock clock, MetadataVersionIdentity identity) {
        DmpStore store = new DmpStore(defaultAuthorization);
        AccessRules rules = new AccessRules(store, feedingProfile, brisDeGlaceOverridesBlock);
        return new Engine(store, new CallerReader(defaultProfessional, verifier, vihfCallers), new PatientLookup(store, rules),
                new Deposits(store, rules, validation, cdaReader, clock), new Searches(store, rules, validation),
                new Retrievals(store, rules), new Patches(store, rules, clock, validation, identity), new Faults(), rules,
                maxBodyBytes, clock);
    }
}
