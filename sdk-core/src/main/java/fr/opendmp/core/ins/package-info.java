/**
 * The INS (Identité Nationale de Santé): matricule and OID, identity traits, RNIV identity
 * statuses. Everything here masks health identifiers in {@code toString()}.
 */
package fr.opendmp.core.ins;
