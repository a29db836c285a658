/**
 * HTTP transport of the DMP client (java.net.http): timeouts, size limits, request ids, retries.
 * Not API: these types may change; use {@link fr.opendmp.core.client.DmpClient}.
 */
package fr.opendmp.core.transport.http;
