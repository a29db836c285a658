package fr.opendmp.auth.provider;

import fr.opendmp.auth.vihf.DmpiVihfOptions;
import fr.opendmp.auth.vihf.VihfIssuer;
import fr.opendmp.core.credentials.DocumentSigner;
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
 *
 * <p>For DMPi (SOAP), give also the VIHF issuer whose assertions go in {@code wsse:Security}
 * ({@link Builder#soapVihf(VihfIssuer)}, with the {@link DmpiVihfOptions} strategies) and the
 * signer of the submissions' XAdES signature ({@link Builder#documentSigner(DocumentSigner)}, e.g.
 * {@link KeyDocumentSigner#of(fr.opendmp.auth.keys.KeyMaterial)} on the ORG SIGN key):
 *
 * <pre>{@code
 * CredentialsProvider dmpi = AuthCredentialsProvider.builder()
 *         .sslContext(MutualTls.builder().clientKey(authCli).trust(igcSante).build())
 *         .soapVihf(issuer)
 *         .documentSigner(KeyDocumentSigner.of(orgSign))
 *         .build();
 * }</pre>
 */
public final class AuthCredentialsProvider implements CredentialsProvider {

    private final Optional<SSLContext> sslContext;
    private final Optional<CredentialSource> source;
    private final CredentialPlacement placement;
    private final AccessModeHeaders accessModeHeaders;
    private final Optional<VihfIssuer> soapVihf;
    private final DmpiVihfOptions dmpiOptions;
    private final Optional<DocumentSigner> documentSigner;

    private AuthCredentialsProvider(Builder b) {
        this.soapVihf = Optional.ofNullable(b.soapVihf);
        this.dmpiOptions = b.dmpiOptions != null ? b.dmpiOptions : DmpiVihfOptions.DEFAULTS;
        this.documentSigner = Optional.ofNullable(b.documentSigner);
        this.sslContext = Optional.ofNullable(b.sslContext);
        this.source = Optional.ofNullable(b.source);
        this.placement = b.placement != null ? b.placement : new BearerTokenPlacement();
        this.accessModeHeaders = b.accessModeHeaders != null ? b.accessModeHeaders : AccessModeHeaders.defaults();
        if (sslContext.isEmpty() && source.isEmpty() && soapVihf.isEmpty()) {
            throw new IllegalStateException("give a TLS context, a credential source (or SOAP VIHF issuer), or both");
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

    /**
     * The DMPi VIHF of the request, per the {@link DmpiVihfOptions}, when a SOAP VIHF issuer was
     * given.
     */
    @Override
    public Optional<byte[]> soapSecurity(CredentialRequest request) {
        Objects.requireNonNull(request, "request");
        return soapVihf.map(issuer -> issuer.issueForDmpi(request, dmpiOptions).xml());
    }

    /** The XAdES signer of DMPi submissions, when one was given. */
    @Override
    public Optional<DocumentSigner> documentSigner() {
        return documentSigner;
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
        private VihfIssuer soapVihf;
        private DmpiVihfOptions dmpiOptions;
        private DocumentSigner documentSigner;

        private Builder() {
        }

        /**
         * @param value the issuer of the VIHFs placed in DMPi's {@code wsse:Security}
         * @return this builder
         */
        public Builder soapVihf(VihfIssuer value) {
            if (soapVihf != null) {
                throw new IllegalStateException("soapVihf was already set");
            }
            soapVihf = Objects.requireNonNull(value, "soapVihf");
            return this;
        }

        /**
         * @param value how the DMPi VIHF is written (default {@link DmpiVihfOptions#DEFAULTS})
         * @return this builder
         */
        public Builder dmpiVihfOptions(DmpiVihfOptions value) {
            if (dmpiOptions != null) {
                throw new IllegalStateException("dmpiVihfOptions was already set");
            }
            dmpiOptions = Objects.requireNonNull(value, "dmpiVihfOptions");
            return this;
        }

        /**
         * @param value the signer of DMPi submissions (XAdES), with a signature key (never the TLS one)
         * @return this builder
         */
        public Builder documentSigner(DocumentSigner value) {
            if (documentSigner != null) {
                throw new IllegalStateException("documentSigner was already set");
            }
            documentSigner = Objects.requireNonNull(value, "documentSigner");
            return this;
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
