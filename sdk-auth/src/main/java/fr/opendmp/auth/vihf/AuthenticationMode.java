package fr.opendmp.auth.vihf;

/** The VIHF {@code Authentification_Mode}: how the actor was authenticated. */
public enum AuthenticationMode {
    /** Direct: the professional's own card (or e-CPS) authenticates the call. */
    DIRECTE,
    /** Indirect: the structure authenticated its user locally and vouches for it (ORG SIGN). */
    INDIRECTE,
    /** Indirect reinforced (AIR): local authentication meeting PGSSI-S; allows consultation. */
    INDIRECTE_RENFORCEE
}
