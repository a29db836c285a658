package fr.opendmp.core.transport.internal.http;

import fr.opendmp.core.error.DmpException;

/** Turns a service's error answer into the typed error of its protocol. Not API. */
@FunctionalInterface
public interface ErrorMapper {

    /**
     * @param result the non-2xx answer (or a 2xx one the protocol reads as a failure)
     * @param retryable the one retry rule's decision for this answer; the error must carry it
     * @return the error to throw
     */
    DmpException map(HttpResult result, boolean retryable);
}
