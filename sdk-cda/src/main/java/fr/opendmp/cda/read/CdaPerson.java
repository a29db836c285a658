package fr.opendmp.cda.read;

import fr.opendmp.cda.InstanceId;
import fr.opendmp.core.code.Code;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A health professional read from a CDA header (author, legal authenticator, performer,
 * participant). {@link #toString()} masks the names.
 *
 * @param id the professional's id (IdNat_PS: root {@code 1.2.250.1.71.4.2.1}), if any
 * @param code profession/specialty (J01 code), if any
 * @param functionCode role toward the patient (e.g. PCP), if any
 * @param prefix name prefix, if any
 * @param givenNames given names
 * @param familyName family name, if any
 * @param organization the organisation the person acts for, if any
 * @param time the time of the participation (author time, signature time), if any
 */
public record CdaPerson(Optional<InstanceId> id, Optional<Code> code, Optional<Code> functionCode,
        Optional<String> prefix, List<String> givenNames, Optional<String> familyName,
        Optional<CdaOrganization> organization, Optional<OffsetDateTime> time) {

    /**
     * Checks presence and copies the list.
     * @param id the professional's id (IdNat_PS: root {@code 1.2.250.1.71.4.2.1}), if any
     * @param code profession/specialty (J01 code), if any
     * @param functionCode role toward the patient (e.g. PCP), if any
     * @param prefix name prefix, if any
     * @param givenNames given names
     * @param familyName family name, if any
     * @param organization the organisation the person acts for, if any
     * @param time the time of the participation (author time, signature time), if any
     */
    public CdaPerson {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(functionCode, "functionCode");
        Objects.requireNonNull(prefix, "prefix");
        givenNames = List.copyOf(givenNames);
        Objects.requireNonNull(familyName, "familyName");
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(time, "time");
    }

    /** Names masked. */
    @Override
    public String toString() {
        return "CdaPerson[" + id.map(InstanceId::toString).orElse("no id") + ", names ***]";
    }
}
