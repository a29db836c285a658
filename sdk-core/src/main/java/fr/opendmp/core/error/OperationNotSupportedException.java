package fr.opendmp.core.error;

/**
 * The client's transport does not offer this operation (for example an operation of the DMPi web
 * services that the DMP's FHIR interface has no equivalent for). Nothing was sent.
 */
public class OperationNotSupportedException extends DmpClientException {

    private static final long serialVersionUID = 1L;

    /**
     * @param operation the operation asked for
     * @param transport the transport's name (e.g. {@code FHIR}, {@code DMPi})
     */
    public OperationNotSupportedException(String operation, String transport) {
        super(operation + " is not offered by the " + transport + " transport",
                Details.of("use a transport that offers it (the DMPi transport offers every DMP operation)"), null);
    }
}
