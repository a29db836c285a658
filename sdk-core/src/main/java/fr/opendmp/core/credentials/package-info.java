/**
 * The credentials SPI: a client asks a {@link fr.opendmp.core.credentials.CredentialsProvider}
 * for its TLS context and the headers of each request; {@code sdk-auth} and the test kit
 * implement it.
 */
package fr.opendmp.core.credentials;
