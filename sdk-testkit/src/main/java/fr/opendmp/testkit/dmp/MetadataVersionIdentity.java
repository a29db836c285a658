package fr.opendmp.testkit.dmp;

/**
 * What a metadata change (mask, unmask, visibility: an ITI-57 new version, or a FHIR PATCH of
 * {@code securityLabel}) does to a document's identity, on both protocols of the fake (spec dmp-xds
 * §16.4, open point 21).
 */
public enum MetadataVersionIdentity {
    /**
     * Default. As IHE ITI-57 and the PDSM4DMP annex: the change makes a new version with a new
     * entryUUID ({@code DocumentReference.id}), the same logical id ({@code lid}, FHIR
     * {@code identifier}) and version + 1; the previous version becomes Deprecated
     * ({@code superseded}). A FHIR PATCH answers the new version (new id).
     */
    NEW_ENTRY_UUID,
    /**
     * The change is made in place (same entryUUID and {@code DocumentReference.id}, {@code meta.versionId}
     * + 1), as the FHIR fake did before DMPi; an ITI-57 new version is then also applied in place.
     */
    KEEP_ID
}
