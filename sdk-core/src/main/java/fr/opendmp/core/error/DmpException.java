package fr.opendmp.core.error;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The root of every error OpenDMP raises: DMP, INSi, Pro Santé Connect, credentials, CDA.
 *
 * <p>Two branches say which side failed, as types: {@link DmpClientException} (detected by the
 * SDK: invalid input, credentials that cannot be made, a network failure, nothing usable was
 * exchanged) and {@link DmpServiceException} (the service refused, failed, or answered something
 * that cannot be used). Each error also says whether the same call may succeed if retried
 * ({@link #retryable()}: the SDK's own retry decision, made in one place), the service's request
 * id, the issues the service returned, and a hint of what to do next. Messages never hold an INS,
 * a name, a birth date or a document body.
 */
public abstract class DmpException extends RuntimeException {

    /** Which side of the exchange failed; {@link #side()} follows the branch of the type. */
    public enum Side {
        /** Detected by the SDK: invalid input, credentials, network failure ({@link DmpClientException}). */
        CLIENT,
        /** Reported by the service, or its answer is unusable ({@link DmpServiceException}). */
        SERVICE
    }

    private static final long serialVersionUID = 1L;

    /** Serialized: see {@link #retryable()}. */
    private final boolean retryable;
    /** Serialized: see {@link #hint()}. */
    private final String hint;
    /** Serialized: see {@link #httpStatus()}. */
    private final Optional<Integer> httpStatus;
    /** Serialized: see {@link #requestId()}. */
    private final Optional<String> requestId;
    /** Serialized: see {@link #issues()}. */
    private final List<OutcomeIssue> issues;

    DmpException(String message, Details details, Throwable cause) {
        super(message + (details.hint().isEmpty() ? "" : " — " + details.hint()), cause);
        this.retryable = details.retryable();
        this.hint = details.hint();
        this.httpStatus = details.httpStatus();
        this.requestId = details.requestId();
        this.issues = details.issues();
    }

    /** @return which side failed */
    public abstract Side side();

    /** @return whether the same call may succeed if retried later (the SDK already retried when it could) */
    public boolean retryable() {
        return retryable;
    }

    /** @return what to do next, in plain words ("" when nothing useful can be said) */
    public String hint() {
        return hint;
    }

    /** @return the HTTP status of the service's answer, if there was one */
    public Optional<Integer> httpStatus() {
        return httpStatus;
    }

    /** @return the request id (the service's, else the one the SDK sent), for support tickets */
    public Optional<String> requestId() {
        return requestId;
    }

    /** @return the issues the service returned (empty when it sent none) */
    public List<OutcomeIssue> issues() {
        return issues;
    }

    /**
     * What an error carries besides its message and side.
     *
     * @param retryable whether retrying may succeed
     * @param hint what to do next ("" when nothing useful can be said)
     * @param httpStatus the HTTP status, if any
     * @param requestId the request id, if any
     * @param issues the service's issues
     */
    public record Details(boolean retryable, String hint, Optional<Integer> httpStatus, Optional<String> requestId,
            List<OutcomeIssue> issues) {

        /**
         * Checks every part and copies the issues.
         * @param retryable whether retrying may succeed
         * @param hint what to do next ("" when nothing useful can be said)
         * @param httpStatus the HTTP status, if any
         * @param requestId the request id, if any
         * @param issues the service's issues
         */
        public Details {
            Objects.requireNonNull(hint, "hint");
            Objects.requireNonNull(httpStatus, "httpStatus");
            Objects.requireNonNull(requestId, "requestId");
            issues = List.copyOf(issues);
        }

        /**
         * @param hint what to do next ("" when nothing useful can be said)
         * @return details of an error that retrying will not fix, with nothing but a hint
         */
        public static Details of(String hint) {
            return new Details(false, hint, Optional.empty(), Optional.empty(), List.of());
        }

        /**
         * @param hint what to do next ("" when nothing useful can be said)
         * @return details of an error that may pass, with nothing but a hint
         */
        public static Details retryable(String hint) {
            return new Details(true, hint, Optional.empty(), Optional.empty(), List.of());
        }

        /**
         * @param id the id
         * @return these details with the request id set
         */
        public Details withRequestId(String id) {
            return new Details(retryable, hint, httpStatus, Optional.of(id), issues);
        }
    }
}
