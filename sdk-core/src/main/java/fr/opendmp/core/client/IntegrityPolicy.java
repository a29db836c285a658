package fr.opendmp.core.client;

/**
 * What a retrieval requires of the entry's size and hash before the content is handed over.
 * The DMP's metadata makes both mandatory, so the default refuses content it cannot check.
 */
public enum IntegrityPolicy {
    /** Size and SHA-1 must both be declared and match (the default). */
    REQUIRE_SIZE_AND_HASH,
    /** Check what the entry declares; content with neither is handed over unchecked. */
    CHECK_WHEN_DECLARED
}
