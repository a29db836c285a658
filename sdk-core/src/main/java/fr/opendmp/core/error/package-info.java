/**
 * The one error root of OpenDMP: {@link fr.opendmp.core.error.DmpException}, with a client-side
 * branch ({@link fr.opendmp.core.error.DmpClientException}: detected by the SDK, nothing usable was
 * exchanged) and a service-side branch ({@link fr.opendmp.core.error.DmpServiceException}: the
 * service refused, failed or answered something unusable). Every error is unchecked, says whether a
 * retry may succeed, carries the service's request id and issues when there are any, and a hint of
 * what to do next. This package imports no other package of the SDK.
 */
package fr.opendmp.core.error;
