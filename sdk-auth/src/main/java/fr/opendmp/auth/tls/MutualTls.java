package fr.opendmp.auth.tls;

import fr.opendmp.auth.keys.KeyMaterial;
import fr.opendmp.auth.keys.KeyMaterialException;
import fr.opendmp.auth.keys.TrustAnchors;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds the TLS context of a structure: its client certificate and the trust anchors of the
 * environment. The certificate is checked (validity, chain when it can be) when the context is
 * built, so a bad certificate fails at start-up with a clear message rather than as a handshake
 * failure.
 *
 * <p>A key on a PKCS#11 token (CPS card) can be used for TLS only if its SunPKCS11 provider is
 * installed ({@code Security.addProvider}): the JDK's TLS stack looks up signature providers
 * among the installed ones. That is the application's decision, not this library's.
 *
 * <pre>{@code
 * SSLContext tls = MutualTls.builder()
 *         .clientKey(KeyMaterials.fromPkcs12(p12, password, Optional.empty()))
 *         .trust(TrustAnchors.fromPem(List.of(igcSanteRoots)))
 *         .build();
 * }</pre>
 */
public final class MutualTls {

    /** The protocols allowed: TLS 1.3 and 1.2 (older ones are forbidden by the CI-SIS). */
    public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    private MutualTls() {
    }

    /**
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @return SSL parameters for a client: TLS 1.2+ only and HTTPS hostname verification on
     */
    public static SSLParameters clientParameters() {
        SSLParameters parameters = new SSLParameters();
        parameters.setProtocols(PROTOCOLS.toArray(String[]::new));
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        return parameters;
    }

    /** Builds a mutual-TLS {@link SSLContext}; each setting may be given once. */
    public static final class Builder {
        private KeyMaterial clientKey;
        private TrustAnchors trust;
        private Clock clock;

        private Builder() {
        }

        /**
         * @param clientKey the client certificate (ORG AUTH_CLI, or a card's authentication key)
         * @return this builder
         */
        public Builder clientKey(KeyMaterial clientKey) {
            if (this.clientKey != null) {
                throw new IllegalStateException("clientKey was already set");
            }
            this.clientKey = Objects.requireNonNull(clientKey, "clientKey");
            return this;
        }

        /**
         * @param trust the anchors the server certificate must chain to (IGC Santé, per environment)
         * @return this builder
         */
        public Builder trust(TrustAnchors trust) {
            if (this.trust != null) {
                throw new IllegalStateException("trust was already set");
            }
            this.trust = Objects.requireNonNull(trust, "trust");
            return this;
        }

        /**
         * @param clock the clock used to check the certificate's validity (default: system UTC)
         * @return this builder
         */
        public Builder clock(Clock clock) {
            if (this.clock != null) {
                throw new IllegalStateException("clock was already set");
            }
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @return the TLS context
         * @throws KeyMaterialException if the client certificate is expired, not yet valid or does not
         *     verify against the given anchors when its issuer is among them
         * @throws IllegalStateException if the trust anchors were not given
         */
        public SSLContext build() {
            if (trust == null) {
                throw new IllegalStateException("give the trust anchors (the IGC Santé chain of the environment):"
                        + " there is no trust-all option");
            }
            Clock effectiveClock = clock != null ? clock : Clock.systemUTC();
            try {
                KeyManager[] keyManagers = null;
                if (clientKey != null) {
                    clientKey.requireValidAt(effectiveClock.instant());
                    keyManagers = new KeyManager[] {new SingleKeyManager(clientKey)};
                }
                TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
                tmf.init(trust.toKeyStore());
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(keyManagers, tmf.getTrustManagers(), null);
                return context;
            } catch (GeneralSecurityException e) {
                throw new KeyMaterialException(KeyMaterialException.Reason.UNREADABLE,
                        "cannot build the TLS context: " + e.getMessage(), e);
            }
        }

        /**
         * @return the client key, if set (for tests of configuration)
         */
        Optional<KeyMaterial> clientKey() {
            return Optional.ofNullable(clientKey);
        }
    }
}
