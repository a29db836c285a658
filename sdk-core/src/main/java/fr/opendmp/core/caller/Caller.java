package fr.opendmp.core.caller;

import fr.opendmp.core.access.AccessContext;
import java.util.Objects;
import java.util.Optional;

/**
 * Who makes a call and how: the professional and the access mode (with the bris de glace reason).
 * Given per call or per view ({@code dmp.as(caller)}); it travels to the credentials provider for
 * that request only (VIHF attributes, token exchange) and keys the client's caches. With no
 * professional, the credentials provider acts for the professional it was configured with.
 *
 * @param professional the professional, or empty for the credentials provider's own
 * @param access the access mode and its reason
 */
public record Caller(Optional<Professional> professional, AccessContext access) {

    private static final Caller DEFAULT = new Caller(Optional.empty(), AccessContext.normal());

    /**
     * Checks both parts.
     * @param professional the professional, or empty for the credentials provider's own
     * @param access the access mode and its reason
     */
    public Caller {
        Objects.requireNonNull(professional, "professional");
        Objects.requireNonNull(access, "access");
    }

    /** @return the credentials provider's own professional, in normal access */
    public static Caller provider() {
        return DEFAULT;
    }

    /**
     * @param access the access mode and its reason
     * @return the credentials provider's own professional, in this access mode
     */
    public static Caller provider(AccessContext access) {
        return new Caller(Optional.empty(), access);
    }

    /**
     * @param professional the professional, or empty for the credentials provider's own
     * @return this professional, in normal access
     */
    public static Caller of(Professional professional) {
        return new Caller(Optional.of(Objects.requireNonNull(professional, "professional")), AccessContext.normal());
    }

    /**
     * @param professional the professional, or empty for the credentials provider's own
     * @param access the access mode and its reason
     * @return this professional, in this access mode
     */
    public static Caller of(Professional professional, AccessContext access) {
        return new Caller(Optional.of(Objects.requireNonNull(professional, "professional")), access);
    }

    /**
     * @param newAccess the new access
     * @return the same professional in another access mode
     */
    public Caller with(AccessContext newAccess) {
        return new Caller(professional, newAccess);
    }
}
