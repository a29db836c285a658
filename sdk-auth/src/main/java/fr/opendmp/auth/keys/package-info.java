/**
 * Keys and certificates: loading a private key and its certificate chain from PKCS#12, PEM or a
 * PKCS#11 token (CPS card, HSM), and trust anchors, with clear, typed errors.
 */
package fr.opendmp.auth.keys;
