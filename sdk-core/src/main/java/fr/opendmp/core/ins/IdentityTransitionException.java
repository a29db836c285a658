package fr.opendmp.core.ins;

import java.util.List;
import java.util.Objects;

/**
 * An RNIV status transition was refused: the identity is doubtful or fictitious, the INSi traits
 * do not match, or the move makes no sense from the current state. The identity is unchanged.
 *
 * <p>The message never holds a trait value; {@link #differences()} gives the per-trait diff for the
 * identity-vigilance screen.
 */
public final class IdentityTransitionException extends IllegalStateException {

    /** Why the transition was refused. */
    public enum Reason {
        /** The identity is flagged doubtful (douteuse): it must stay PROVISOIRE. */
        DOUBTFUL,
        /** The identity is flagged fictitious (fictive): it must stay PROVISOIRE. */
        FICTITIOUS,
        /** The INSi traits differ from the local traits after normalisation. */
        TRAITS_MISMATCH,
        /** The move needs an INSi retrieval the identity does not have. */
        NOT_RETRIEVED,
        /** The new INSi answer does not know the current INS (not a matricule change). */
        UNRELATED_MATRICULE,
        /** Stored data is inconsistent (e.g. status RECUPEREE or QUALIFIEE without an INS). */
        INCONSISTENT
    }

    private static final long serialVersionUID = 1L;

    /** Serialized: see {@link #reason()}. */
    private final Reason reason;
    private final transient List<TraitDifference> differences;

    /**
     * @param reason why
     * @param message what to do (no trait value)
     * @param differences the per-trait differences (for {@link Reason#TRAITS_MISMATCH})
     */
    public IdentityTransitionException(Reason reason, String message, List<TraitDifference> differences) {
        super(reason + ": " + message);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.differences = List.copyOf(differences);
    }

    /** @return why the transition was refused */
    public Reason reason() {
        return reason;
    }

    /** @return the traits that differ (empty unless {@link Reason#TRAITS_MISMATCH}) */
    public List<TraitDifference> differences() {
        return differences == null ? List.of() : differences;
    }
}
