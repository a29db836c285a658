package fr.opendmp.testkit.dmp;

/** Whether logically deleted documents are found by searches (spec dmp-xds §11.3, open point 17). */
public enum DeletedDocuments {
    /**
     * Default. A deleted document is returned only to a search that asks for the Deleted status
     * (ITI-18 {@code $XDSDocumentEntryStatus} with {@code urn:asip:ci-sis:2010:StatusType:Deleted}, FHIR
     * {@code status=entered-in-error}), to the callers who could see it before (PDT-INF-526: "Documents
     * supprimés: oui").
     */
    HIDDEN_UNLESS_REQUESTED,
    /** A deleted document is never returned (dmp-fhir §13 "logical delete: not returned"). */
    ALWAYS_HIDDEN
}
