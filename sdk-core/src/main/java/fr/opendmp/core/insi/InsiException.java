package fr.opendmp.core.insi;

import fr.opendmp.core.client.DmpException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A technical failure of an INSi call (or a call the SDK refused to make). The identity status
 * must stay unchanged. {@link #kind()} says what happened, {@link #retryable()} whether the same
 * call may succeed later, {@link #faultCode()} the service's error code when it sent one. The
 * message holds no trait and no INS.
 */
public class InsiException extends DmpException {

    /** What went wrong. */
    public enum Kind {
        /** The service answered with a SOAP fault (see {@link #faultCode()}). */
        SOAP_FAULT,
        /** No answer in time. */
        TIMEOUT,
        /** Connection refused, reset, TLS failure. */
        CONNECTION,
        /** HTTP 503/429: the service is down or throttling. */
        UNAVAILABLE,
        /** Another HTTP error without a SOAP fault. */
        HTTP_ERROR,
        /** The answer is not a readable INSi answer (or is larger than the limit). */
        MALFORMED_RESPONSE,
        /** The SDK refused to call INSi for this identity (doubtful or fictitious). */
        IDENTITY_REFUSED,
        /** The credentials could not be produced. */
        CREDENTIALS
    }

    private static final long serialVersionUID = 1L;

    private final Kind kind;
    private final Optional<String> faultCode;

    /**
     * @param kind what went wrong
     * @param message what happened (no health data)
     * @param faultCode the service's error code, if any
     * @param details side, retryability, hint, HTTP status, request id
     * @param cause the underlying failure, or {@code null}
     */
    public InsiException(Kind kind, String message, Optional<String> faultCode, Details details, Throwable cause) {
        super(message, details, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.faultCode = Objects.requireNonNull(faultCode, "faultCode");
    }

    /** @return what went wrong */
    public Kind kind() {
        return kind;
    }

    /** @return the error code in the SOAP fault ({@code Erreur/@code} or the fault subcode), if any */
    public Optional<String> faultCode() {
        return faultCode;
    }

    static InsiException of(Kind kind, String message, boolean retryable, Side side, String hint,
            Optional<Integer> httpStatus, String requestId, Optional<String> faultCode, Throwable cause) {
        return new InsiException(kind, message, faultCode,
                new Details(side, retryable, hint, httpStatus, Optional.ofNullable(requestId), List.of()), cause);
    }
}
