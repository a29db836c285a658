package fr.opendmp.core.insi.internal;

/** Names of the INSi SOAP protocol (CNAM INSi teleservice). Not API. */
public final class InsiProtocol {

    /** SOAP 1.2 envelope namespace. */
    public static final String SOAP = "http://www.w3.org/2003/05/soap-envelope";
    /** WS-Addressing namespace. */
    public static final String WSA = "http://www.w3.org/2005/08/addressing";
    /** ContexteBAM namespace (unsure: as seen in public clients). */
    public static final String CTXBAM = "urn:siram:bam:ctxbam";
    /** ContexteLPS namespace (unsure: as seen in public clients). */
    public static final String CTXLPS = "urn:siram:lps:ctxlps";
    /** SIRAM namespace of fault details ({@code Erreur}). */
    public static final String SIRAM = "urn:siram";
    /** Namespace of the search-by-traits request. */
    public static final String REC_SANS = "http://www.cnamts.fr/INSiRecSans";
    /** Namespace of the search-by-Vitale request. */
    public static final String REC_VIT = "http://www.cnamts.fr/INSiRecVit";
    /** Namespace of the response. */
    public static final String RESULTAT = "http://www.cnamts.fr/INSiResultat";
    /** WS-Addressing action prefix. */
    public static final String ACTION_PREFIX = "urn:ServiceIdentiteCertifiee:1.0.0:";
    /** Operation: search with traits (also used to verify). */
    public static final String OP_TRAITS = "rechercherInsAvecTraitsIdentite";
    /** Operation: search with Carte Vitale data. */
    public static final String OP_VITALE = "rechercherInsAvecCarteVitale";

    private InsiProtocol() {
    }
}
