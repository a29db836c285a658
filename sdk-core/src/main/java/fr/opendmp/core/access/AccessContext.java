package fr.opendmp.core.access;

import java.util.Objects;
import java.util.Optional;

/**
 * The access mode of a call with, for bris de glace, the reason the professional gave.
 *
 * @param mode the access mode
 * @param reason the reason, required for {@link AccessMode#BRIS_DE_GLACE}
 */
public record AccessContext(AccessMode mode, Optional<String> reason) {

    private static final AccessContext NORMAL = new AccessContext(AccessMode.NORMAL, Optional.empty());
    private static final AccessContext CENTRE_REGULATION =
            new AccessContext(AccessMode.CENTRE_REGULATION, Optional.empty());

    /**
     * Checks that bris de glace carries a non-blank reason.
     * @param mode the access mode
     * @param reason the reason, required for {@link AccessMode#BRIS_DE_GLACE}
     */
    public AccessContext {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(reason, "reason");
        if (mode == AccessMode.BRIS_DE_GLACE && reason.map(String::isBlank).orElse(true)) {
            throw new IllegalArgumentException(
                    "bris de glace needs a reason: it is traced and shown to the patient");
        }
    }

    /** @return ordinary access */
    public static AccessContext normal() {
        return NORMAL;
    }

    /**
     * @param reason the reason, required for {@link AccessMode#BRIS_DE_GLACE}
     * @return emergency access with its reason (traced, notified to the patient)
     */
    public static AccessContext brisDeGlace(String reason) {
        return new AccessContext(AccessMode.BRIS_DE_GLACE, Optional.of(Objects.requireNonNull(reason, "reason")));
    }

    /** @return the mode only: the reason is free text a professional typed, never printed */
    @Override
    public String toString() {
        return "AccessContext[" + mode + (reason.isPresent() ? ", reason ***" : "") + "]";
    }

    /** @return access from a centre de régulation (SAMU) */
    public static AccessContext centreRegulation() {
        return CENTRE_REGULATION;
    }
}
