package fr.opendmp.core.credentials;

/**
 * A credential could not be produced on the client side (certificate expired or unreadable,
 * token refused by the issuer…). The message says what to fix; it never holds a key or a token.
 */
public class CredentialsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and what to do */
    public CredentialsException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong and what to do
     * @param cause the underlying failure
     */
    public CredentialsException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * @return whether asking again later may succeed (an issuer that was unreachable); {@code false}
     *     by default: a certificate or a configuration must be fixed first
     */
    public boolean retryable() {
        return false;
    }
}
