package fr.opendmp.core.caller;

import fr.opendmp.core.access.AccessContext;
import fr.opendmp.core.party.Professional;
import java.util.Objects;
import java.util.Optional;

/**
 * Who makes a call and how: the professional, how it was authenticated, and the access mode (with
 * the bris de glace reason). Given per call or per view ({@code dmp.as(caller)}); it travels to the
 * credentials provider for that request only (VIHF attributes, token exchange) and keys the
 * client's caches. With no professional, the credentials provider acts for the professional it was
 * configured with.
 *
 * <p>A VIHF needs the professional's profession (and a specialty for physicians and pharmacists);
 * the credentials provider checks it when it signs. A professional without organisation acts for
 * the credentials provider's structure.
 *
 * @param professional the professional, or empty for the credentials provider's own
 * @param authenticationMode how the professional was authenticated; present exactly when the
 *     professional is
 * @param access the access mode and its reason
 */
public record Caller(Optional<Professional> professional, Optional<AuthenticationMode> authenticationMode,
        AccessContext access) {

    private static final Caller DEFAULT = new Caller(Optional.empty(), Optional.empty(), AccessContext.normal());

    /**
     * Checks every part.
     * @param professional the professional, or empty for the credentials provider's own
     * @param authenticationMode how the professional was authenticated; present exactly when the
     *     professional is
     * @param access the access mode and its reason
     */
    public Caller {
        Objects.requireNonNull(professional, "professional");
        Objects.requireNonNull(authenticationMode, "authenticationMode");
        Objects.requireNonNull(access, "access");
        if (professional.isPresent() != authenticationMode.isPresent()) {
            throw new IllegalArgumentException("a caller's professional and its authentication mode go together");
        }
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
        return new Caller(Optional.empty(), Optional.empty(), access);
    }

    /**
     * @param professional the professional
     * @param mode how the professional was authenticated
     * @return this professional, in normal access
     */
    public static Caller of(Professional professional, AuthenticationMode mode) {
        return of(professional, mode, AccessContext.normal());
    }

    /**
     * @param professional the professional
     * @param mode how the professional was authenticated
     * @param access the access mode and its reason
     * @return this professional, in this access mode
     */
    public static Caller of(Professional professional, AuthenticationMode mode, AccessContext access) {
        return new Caller(Optional.of(Objects.requireNonNull(professional, "professional")),
                Optional.of(Objects.requireNonNull(mode, "mode")), access);
    }

    /**
     * @param newAccess the new access
     * @return the same professional in another access mode
     */
    public Caller with(AccessContext newAccess) {
        return new Caller(professional, authenticationMode, newAccess);
    }
}
