package fr.opendmp.core.search;

/**
 * Whether a search lists the signature entries of the patient's record.
 *
 * <p>A DMPi deposit (TD2.1, IHE ITI-41) sends, besides its documents, the XAdES signature of the
 * submission as one more document entry, as IHE Document Digital Signature (DSG,
 * {@code https://profiles.ihe.net/ITI/DSG/}) describes it: classCode
 * {@code urn:oid:1.3.6.1.4.1.19376.1.2.1.1.1} "Digital Signature" (ANS NOS TRE_A10, accepted by
 * the DMP in JDV_J57-ClassCode-DMP), typeCode {@code E1762} "Full Document", formatCode
 * {@code http://www.w3.org/2000/09/xmldsig#}. The DMP's integration guide for software vendors
 * ("Service DMP intégré aux LPS", DMPi) and its example TD2.1 submission mask this entry to other
 * professionals and make it invisible to the patient: only its author sees it, and it is no
 * clinical document. The client recognises it by that classCode, whatever transport listed it
 * ({@link fr.opendmp.core.document.DocumentEntry#isSignature()}), so a record reads the same over
 * FHIR and over DMPi.
 *
 * <p>The strategy is applied by the client to every page of a search, to the stream of every page
 * and to the record view. A lookup by uniqueId ({@code findByUniqueId}) and a retrieval are never
 * filtered: a signature document asked for by name is given. The total a page announces is the
 * service's, which counts the signature entries its caller may see, shown or not.
 */
public enum SignatureEntries {
    /** Signature entries are dropped from every search page (the default). */
    HIDE,
    /** Signature entries are listed like the documents they sign. */
    SHOW
}
