package fr.opendmp.testkit.dmp.internal.dmpi;

import fr.opendmp.testkit.dmp.DeletedDocuments;
import fr.opendmp.testkit.dmp.Validation;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The DMPi options of a fake (spec dmp-xds §17.4).
 *
 * @param validation STRICT or LENIENT (example defects)
 * @param repositoryUniqueId the repository OID
 * @param deletedDocuments whether deleted documents are found when asked for
 * @param requireSignatureEntry whether an ITI-41 needs its XAdES signature entry (STRICT only)
 * @param trustRoot the test CA root the XAdES signer must chain to (empty: chain not checked, AuthMode.OFF)
 * @param strictServicePath whether an Action sent to another service's path is refused
 * @param senderFaultStatus the HTTP status of a fault (500 or 400)
 * @param aliases extra service path → service key (patients, habilitations, patientsSpecific, registry, repository)
 * @param xadesSignerMustMatchVihf whether (with a trusted root) the XAdES signer must be the VIHF's
 *        professional (certificate CN) or structure (certificate OU)
 * @param issuers the intermediate certificates the DMP knows (as it knows the IGC Santé's): a
 *        signature whose KeyInfo carries the signer only, as the DMP's examples do, still chains
 */
public record DmpiSettings(Validation validation, String repositoryUniqueId, DeletedDocuments deletedDocuments,
        boolean requireSignatureEntry, Optional<X509Certificate> trustRoot, boolean strictServicePath,
        int senderFaultStatus, Map<String, String> aliases, boolean xadesSignerMustMatchVihf,
        List<X509Certificate> issuers) {

    /** Copies the aliases and issuers. */
    public DmpiSettings {
        aliases = Map.copyOf(aliases);
        issuers = List.copyOf(issuers);
    }

    /** The aliases seen in the official kit's configuration. */
    public static final Map<String, String> KIT_ALIASES = Map.of("patient", "patients", "PatientSpecific", "patientsSpecific",
            "Habilitation", "habilitations", "DocumentRegistry_Service", "registry",
            "DocumentRepository_Service", "repository");
}
