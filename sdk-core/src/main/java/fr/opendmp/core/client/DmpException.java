package fr.opendmp.core.client;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The root of every error the SDK raises for a DMP or INSi call.
 *
 * <p>Each error says which side failed ({@link Side#CLIENT}: nothing was sent or the answer could
 * not be used; {@link Side#SERVICE}: the service refused or failed), whether retrying the same call
 * may succeed, the service's request id when there is one, the {@code OperationOutcome} issues,
 * and a hint of what to do next. Subclasses name the cause (access refused, not found,
 * conflict, invalid request, unavailable, identity not qualified…).
 */
public class DmpException extends RuntimeException {

    /** Which side of the exchange failed. */
    public enum Side {
        /** Detected by the SDK: invalid input, unusable answer, network failure. */
        CLIENT,
        /** Reported by the service (HTTP error, OperationOutcome). */
        SERVICE
    }

    private static final long serialVersionUID = 1L;

    private final Side side;
    private final boolean retryable;
    private final String hint;
    private final Optional<Integer> httpStatus;
    private final Optional<String> requestId;
    private final List<OutcomeIssue> issues;

    /**
     * @param message what happened (never an INS, a name, a birth date or a document body)
     * @param details side, retryability, hint, status, request id and issues
     * @param cause the underlying failure, or {@code null} when there is none
     */
    protected DmpException(String message, Details details, Throwable cause) {
        super(message + (details.hint().isEmpty() ? "" : " — " + details.hint()), cause);
        this.side = details.side();
        this.retryable = details.retryable();
        this.hint = details.hint();
        this.httpStatus = details.httpStatus();
        this.requestId = details.requestId();
        this.issues = details.issues();
    }

    /** @return which side failed */
    public Side side() {
        return side;
    }

    /** @return whether the same call may succeed if retried later */
    public boolean retryable() {
        return retryable;
    }

    /** @return what to do next, in plain words */
    public String hint() {
        return hint;
    }

    /** @return the HTTP status of the service's answer, if there was one */
    public Optional<Integer> httpStatus() {
        return httpStatus;
    }

    /** @return the service's request id (for support tickets), if known */
    public Optional<String> requestId() {
        return requestId;
    }

    /** @return the OperationOutcome issues (empty when the service sent none) */
    public List<OutcomeIssue> issues() {
        return issues;
    }

    /**
     * What an error carries besides its message.
     *
     * @param side which side failed
     * @param retryable whether retrying may succeed
     * @param hint what to do next ("" when nothing useful can be said)
     * @param httpStatus the HTTP status, if any
     * @param requestId the service's request id, if any
     * @param issues the OperationOutcome issues
     */
    public record Details(Side side, boolean retryable, String hint, Optional<Integer> httpStatus,
            Optional<String> requestId, List<OutcomeIssue> issues) {

        /** Checks every part and copies the issues. */
        public Details {
            Objects.requireNonNull(side, "side");
            Objects.requireNonNull(hint, "hint");
            Objects.requireNonNull(httpStatus, "httpStatus");
            Objects.requireNonNull(requestId, "requestId");
            issues = List.copyOf(issues);
        }

        /** @return details of a client-side error that retrying will not fix */
        public static Details client(String hint) {
            return new Details(Side.CLIENT, false, hint, Optional.empty(), Optional.empty(), List.of());
        }
    }
}
