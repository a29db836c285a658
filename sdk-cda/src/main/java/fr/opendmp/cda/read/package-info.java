/** Secure reading of CDA R2 documents into a typed header and body access. */
package fr.opendmp.cda.read;
