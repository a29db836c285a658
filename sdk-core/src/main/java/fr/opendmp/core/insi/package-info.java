/**
 * The INSi teleservice client: search an INS by traits or by Carte Vitale data, verify a stored
 * INS, and walk an identity to {@link fr.opendmp.core.ins.IdentityStatus#QUALIFIEE} with
 * {@link fr.opendmp.core.insi.Qualification}. SOAP 1.2 over mutual TLS; credentials through the
 * {@link fr.opendmp.core.credentials.CredentialsProvider} SPI. Nothing here logs a trait or an INS.
 */
package fr.opendmp.core.insi;
