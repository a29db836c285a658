package fr.opendmp.cda.read;

import fr.opendmp.core.code.Code;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A documented act ({@code documentationOf/serviceEvent}).
 *
 * @param code the act code, if any
 * @param start {@code effectiveTime/low}, if any
 * @param end {@code effectiveTime/high}, if any
 * @param performers the performers ({@code performer/assignedEntity}) that name a professional
 * @param practiceSetting the first performer's organisation's {@code standardIndustryClassCode}, if
 *     any (read even when the performer or its organisation has no id)
 */
public record CdaServiceEvent(Optional<Code> code, Optional<OffsetDateTime> start, Optional<OffsetDateTime> end,
        List<CdaParticipant> performers, Optional<Code> practiceSetting) {

    /**
     * Checks presence and copies the list.
     * @param code the act code, if any
     * @param start {@code effectiveTime/low}, if any
     * @param end {@code effectiveTime/high}, if any
     * @param performers the performers ({@code performer/assignedEntity}) that name a professional
     * @param practiceSetting the first performer's organisation's {@code standardIndustryClassCode}, if any
     */
    public CdaServiceEvent {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        performers = List.copyOf(performers);
        Objects.requireNonNull(practiceSetting, "practiceSetting");
    }


    /** The act code masked (it tells what was done to the patient); times and performers (masked) shown. */
    @Override
    public String toString() {
        return "CdaServiceEvent[code " + (code.isPresent() ? "***" : "none") + ", " + start.map(Object::toString)
                .orElse("no start") + ", " + end.map(Object::toString).orElse("no end") + ", " + performers + "]";
    }
}
