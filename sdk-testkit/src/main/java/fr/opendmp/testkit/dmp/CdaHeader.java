package fr.opendmp.testkit.dmp;

import java.util.Objects;
import java.util.Optional;

/**
 * What the fake takes from a CDA header to complete an ITI-105 deposit.
 *
 * @param typeSystemOid {@code ClinicalDocument/code/@codeSystem}
 * @param typeCode {@code ClinicalDocument/code/@code}
 * @param title {@code ClinicalDocument/title}
 */
public record CdaHeader(Optional<String> typeSystemOid, Optional<String> typeCode, Optional<String> title) {

    /** Checks the fields are present. */
    public CdaHeader {
        Objects.requireNonNull(typeSystemOid, "typeSystemOid");
        Objects.requireNonNull(typeCode, "typeCode");
        Objects.requireNonNull(title, "title");
    }

    /** @return a header with nothing known */
    public static CdaHeader empty() {
        return new CdaHeader(Optional.empty(), Optional.empty(), Optional.empty());
    }
}
