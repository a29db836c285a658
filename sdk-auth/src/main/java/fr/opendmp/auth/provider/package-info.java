/**
 * The credentials SPI implemented with this module's parts: the TLS context plus, per request, a
 * credential (signed VIHF or access token) placed on the HTTP request by a
 * {@link fr.opendmp.auth.provider.CredentialPlacement} strategy.
 */
package fr.opendmp.auth.provider;
