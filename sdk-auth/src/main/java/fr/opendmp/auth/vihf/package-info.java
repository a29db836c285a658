/**
 * The VIHF: the SAML 2.0 assertion naming the professional, the structure, the patient and the
 * access mode of a DMP or INSi call ({@link fr.opendmp.auth.vihf.VihfBuilder}), signed with
 * enveloped XML-DSig ({@link fr.opendmp.auth.vihf.VihfSigner}), and issued per request with a cache
 * ({@link fr.opendmp.auth.vihf.VihfIssuer}).
 */
package fr.opendmp.auth.vihf;
