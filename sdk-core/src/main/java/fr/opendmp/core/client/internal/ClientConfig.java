package fr.opendmp.core.client.internal;

import fr.opendmp.core.ins.InsOidPolicy;

import fr.opendmp.core.client.DeleteStrategy;
import fr.opendmp.core.credentials.CredentialsProvider;
import fr.opendmp.core.transport.http.HttpSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The resolved settings of a client. Not API.
 *
 * @param endpoint the DMP FHIR base
 * @param credentials the credentials provider
 * @param http transport settings
 * @param maxResponseBytes limit of a JSON answer
 * @param maxDocumentBytes limit of a retrieved document
 * @param sourceOid the software instance OID (SubmissionSet sourceId), if set
 * @param accessCacheTtl TTL of cached access statuses (zero = no cache)
 * @param searchCacheTtl TTL of cached search pages (zero = no cache)
 * @param cacheSize maximum entries of each cache
 * @param deleteStrategy the TD3.3c wire form
 * @param uniqueIdAlsoAsIdentifier whether deposits repeat the uniqueId in {@code identifier}
 * @param insOidPolicy which INS OIDs may reach the service
 */
public record ClientConfig(URI endpoint, CredentialsProvider credentials, HttpSettings http, long maxResponseBytes,
        long maxDocumentBytes, Optional<String> sourceOid, Duration accessCacheTtl, Duration searchCacheTtl,
        long cacheSize, DeleteStrategy deleteStrategy, boolean uniqueIdAlsoAsIdentifier,
        InsOidPolicy insOidPolicy) {
}
