/**
 * Mutual TLS: an {@link javax.net.ssl.SSLContext} presenting the structure's certificate (ORG
 * AUTH_CLI, or a card) and trusting only the user-supplied IGC Santé chain. TLS 1.2 minimum,
 * hostname verification on, never "trust all".
 */
package fr.opendmp.auth.tls;
