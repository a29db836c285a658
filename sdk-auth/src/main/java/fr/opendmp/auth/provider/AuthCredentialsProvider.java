package fr.opendmp.auth.provider;

import fr.opendmp.core.credentials.CredentialRequest;
import fr.opendmp.core.error.CredentialsException;
import fr.opendmp.core.credentials.CredentialsProvider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * The {@link CredentialsProvider} a {@code DmpClient} or {@code InsiClient} is given: the mutual-TLS
 * context and, per request, a credential placed on the request.
 *
 * <pre>{@code
 * CredentialsProvider credentials = AuthCredentialsProvider.builder()
 *         .sslContext(MutualTls.builder().clientKey(authCli).trust(igcSante).build())
 *         .source(CredentialSource.vihf(issuer))
 *         .placement(SamlHeaderPlacement.iheSaml())
 *         .build();
 * }</pre>
 */
public final class AuthCredentialsProvider implements CredentialsProvider {

    private final Optional<SSLContext> sslContext;
    private final Optional<CredentialSource> source;
    private final CredentialPlacement placement;
    private final AccessModeHeaders accessModeHeaders;

    private AuthCredentialsProvider(Builder b) {
        this.sslContext = Optional.ofNullable(b.sslContext);
        this.source = Optional.ofNullable(b.source);
        this.placement = b.placement != null ? b.placement : new BearerTokenPlacement();
        this.accessModeHeaders = b.accessModeHeaders != null ? b.accessModeHeaders : AccessModeHeaders.defaults();
        if (sslContext.isEmpty() && source.isEmpty()) {
            throw new IllegalStateException("give a TLS context, a credential source, or both");
        }
    }

    /**
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Optional<SSLContext> sslContext() {
        return sslContext;
    }

    @Override
    public Map<String, List<String>> headers(CredentialRequest request) {
        Objects.requireNonNull(request, "request");
        if (source.isEmpty()) {
            return Map.of();
        }
        Credential credential = source.get().credentialFor(request);
        try {
            Map<String, List<String>> headers = placement.headers(credential);
            if (credential instanceof Credential.AccessToken) {
                Map<String, List<String>> all = new LinkedHashMap<>(headers);
                all.putAll(accessModeHeaders.headers(request.access()));
                return all;
            }
            return headers;
        } catch (IllegalArgumentException e) {
            throw new CredentialsException("the credential placement " + placement.getClass().getSimpleName()
                    + " cannot carry this credential: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "AuthCredentialsProvider[tls " + (sslContext.isPresent() ? "mutual" : "default") + ", placement "
                + placement + "]";
    }

    /** Builds an {@link AuthCredentialsProvider}; each setting may be given once. */
    public static final class Builder {
        private SSLContext sslContext;
        private CredentialSource source;
        private CredentialPlacement placement;
        private AccessModeHeaders accessModeHeaders;

        private Builder() {
        }

        /**
         * @param value where the access mode and bris de glace reason travel beside an OAuth token
         *     (default {@link AccessModeHeaders#defaults()}; a VIHF carries them itself)
         * @return this builder
         */
        public Builder accessModeHeaders(AccessModeHeaders value) {
            if (accessModeHeaders != null) {
                throw new IllegalStateException("accessModeHeaders was already set");
            }
            accessModeHeaders = Objects.requireNonNull(value, "accessModeHeaders");
            return this;
        }

        /**
         * @param value the mTLS context (see {@code MutualTls})
         * @return this builder
         */
        public Builder sslContext(SSLContext value) {
            if (sslContext != null) {
                throw new IllegalStateException("sslContext was already set");
            }
            sslContext = Objects.requireNonNull(value, "sslContext");
            return this;
        }

        /**
         * @param value where each request's credential comes from
         * @return this builder
         */
        public Builder source(CredentialSource value) {
            if (source != null) {
                throw new IllegalStateException("source was already set");
            }
            source = Objects.requireNonNull(value, "source");
            return this;
        }

        /**
         * @param value where the credential travels (default Bearer)
         * @return this builder
         */
        public Builder placement(CredentialPlacement value) {
            if (placement != null) {
                throw new IllegalStateException("placement was already set");
            }
            placement = Objects.requireNonNull(value, "placement");
            return this;
        }

        /**
         * @return the provider
         */
        public AuthCredentialsProvider build() {
            return new AuthCredentialsProvider(this);
        }
    }
}
