/**
 * The one HTTP exchange of every OpenDMP client (DMP, INSi, Pro Santé Connect) on java.net.http:
 * a deadline per attempt that covers the whole answer, size limits, request ids kept across
 * retries, {@code Retry-After}, backoff with jitter, and the one retry rule. Not API: exported only
 * to the SDK's own modules.
 */
package fr.opendmp.core.transport.internal.http;
