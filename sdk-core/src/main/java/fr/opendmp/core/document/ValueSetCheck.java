package fr.opendmp.core.document;

/** How strictly {@link DocumentMetadata} checks its codes against the CI-SIS value sets. */
public enum ValueSetCheck {
    /** Every code must be in its value set (what homologation expects). The default. */
    STRICT,
    /** Codes are not checked (metadata read from the DMP, the ANS examples' SNOMED codes). */
    LENIENT
}
