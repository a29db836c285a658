package fr.opendmp.core.insi;

import fr.opendmp.core.error.DmpServiceException;
import java.util.Objects;
import java.util.Optional;

/**
 * INSi refused or failed the call with a SOAP fault, or answered a result code the SDK does not
 * know. The identity status must stay unchanged. {@link #faultCode()} is the service's error code;
 * {@link #retryable()} is true for a receiver fault (INSi failed), false for a sender fault (fix
 * the calling context or the traits). Other failures of an INSi call are the SDK's common errors:
 * {@link fr.opendmp.core.error.TransportException} (no answer),
 * {@link fr.opendmp.core.error.UnavailableException} (503, 429),
 * {@link fr.opendmp.core.error.MalformedResponseException} (an unreadable answer),
 * {@link fr.opendmp.core.error.InvalidInputException} (an identity INSi must not be asked about),
 * {@link fr.opendmp.core.error.CredentialsUnavailableException}. The message holds no trait and no INS.
 */
public class InsiException extends DmpServiceException {

    private static final long serialVersionUID = 1L;

    /** Serialized: see {@link #faultCode()}. */
    private final Optional<String> faultCode;

    /**
     * @param message what happened (no health data)
     * @param faultCode the service's error code, if any
     * @param details retryability, hint, HTTP status, request id
     * @param cause the underlying failure, or {@code null}
     */
    public InsiException(String message, Optional<String> faultCode, Details details, Throwable cause) {
        super(message, details, cause);
        this.faultCode = Objects.requireNonNull(faultCode, "faultCode");
    }

    /** @return the error code in the SOAP fault ({@code Erreur/@code} or the fault subcode), or the unknown result code */
    public Optional<String> faultCode() {
        return faultCode;
    }
}
