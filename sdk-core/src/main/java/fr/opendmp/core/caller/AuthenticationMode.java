package fr.opendmp.core.caller;

/** How the professional was authenticated (VIHF {@code Authentification_Mode}). */
public enum AuthenticationMode {
    /** Direct: the professional's own card (or e-CPS) authenticates the call. */
    DIRECTE,
    /** Indirect: the structure authenticated its user locally and vouches for it (ORG SIGN). */
    INDIRECTE,
    /** Indirect reinforced (AIR): local authentication meeting the PGSSI-S; allows consultation. */
    INDIRECTE_RENFORCEE
}
