package fr.opendmp.core.error;

/**
 * The client's {@link fr.opendmp.core.credentials.CredentialsProvider} could not make the
 * credential of a request, so nothing was sent (client side). The cause is the
 * provider's {@link CredentialsException}; retryable when it says so (an identity provider that
 * did not answer), otherwise the certificate, key or login must be fixed first.
 */
public class CredentialsUnavailableException extends DmpClientException {

    private static final long serialVersionUID = 1L;

    /**
     * @param cause the provider's failure (its message never holds a key or a token)
     */
    public CredentialsUnavailableException(CredentialsException cause) {
        super("the credentials provider could not make the credential: " + cause.getMessage(),
                new Details(cause.retryable(), cause.retryable()
                        ? "retry later; if it persists, check the identity provider's availability"
                        : "fix the certificate, key or login the message names (the credentials doctor helps:"
                                + " java -jar opendmp-doctor.jar), then retry",
                        java.util.Optional.empty(), java.util.Optional.empty(), java.util.List.of()),
                cause);
    }
}
