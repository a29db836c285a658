package fr.opendmp.core.ins;

/** Whether a matricule INS is a NIR or a waiting number (NIA): only the OID can say. */
public enum MatriculeKind {
    /** Numéro d'inscription au répertoire (INSEE). */
    NIR,
    /** Numéro identifiant d'attente, for a person whose NIR is not issued yet. */
    NIA
}
