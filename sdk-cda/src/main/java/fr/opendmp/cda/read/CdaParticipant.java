package fr.opendmp.cda.read;

import fr.opendmp.core.code.Code;
import fr.opendmp.core.party.Professional;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A professional's participation read from a CDA (author, legal authenticator, performer,
 * participant): the {@link Professional} (its IdNat_PS, names, J01 {@code code} as specialty, and
 * its represented or scoping organisation) with what belongs to the participation, not to the
 * person. A participation whose entity has no id extension names no professional and is not read.
 *
 * @param professional the professional
 * @param function its role toward the patient ({@code functionCode}, e.g. PCP), if any
 * @param time the time of the participation (author time, signature time), if any
 */
public record CdaParticipant(Professional professional, Optional<Code> function, Optional<OffsetDateTime> time) {

    /**
     * Checks presence.
     * @param professional the professional
     * @param function its role toward the patient, if any
     * @param time the time of the participation, if any
     */
    public CdaParticipant {
        Objects.requireNonNull(professional, "professional");
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(time, "time");
    }
}
