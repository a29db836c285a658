package fr.opendmp.core.transport;

/**
 * The wire protocol a {@code DmpClient} speaks: the DMP's FHIR interface ({@link FhirTransport},
 * in sdk-core) or DMPi (SOAP / IHE XDS.b, in sdk-xds). A transport is a description (endpoint,
 * protocol options); the client opens it once on the resources it shares with its derived
 * clients. Implementations are immutable.
 */
public interface DmpTransport {

    /** @return the protocol's name, for messages ({@code FHIR}, {@code DMPi}) */
    String name();

    /**
     * Opens the transport's operations on the client's resources.
     *
     * @param context the shared HTTP client, credentials and settings
     * @return the operations, thread-safe
     */
    DmpOperations open(TransportContext context);
}
