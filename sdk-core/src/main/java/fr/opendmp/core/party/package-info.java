/**
 * The parties of the SDK: the one {@link fr.opendmp.core.party.Professional} and the one
 * {@link fr.opendmp.core.party.Organization}, used alike by a caller, a document's author, the CDA
 * builders and reader, the VIHF and the test kit.
 */
package fr.opendmp.core.party;
