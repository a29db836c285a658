package fr.opendmp.auth.psc;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * The endpoints of a Pro Santé Connect realm, read from its discovery document.
 *
 * @param issuer the issuer (checked against the {@code iss} of ID tokens)
 * @param authorizationEndpoint the browser authorization endpoint
 * @param tokenEndpoint the token endpoint
 * @param userinfoEndpoint the userinfo endpoint
 * @param jwksUri the signing keys
 * @param cibaEndpoint the CIBA backchannel authentication endpoint, if advertised
 */
public record PscConfiguration(URI issuer, URI authorizationEndpoint, URI tokenEndpoint, URI userinfoEndpoint,
        URI jwksUri, Optional<URI> cibaEndpoint) {

    /** The non-standard discovery path of PSC, relative to the issuer. */
    public static final String DISCOVERY_PATH = "/.well-known/wallet-openid-configuration";

    /** Production issuer (realm esante-wallet). */
    public static final URI PRODUCTION_ISSUER = URI.create("https://auth.esw.esante.gouv.fr/auth/realms/esante-wallet");
    /** Test ("bac à sable") issuer. */
    public static final URI SANDBOX_ISSUER = URI.create("https://auth.bas.psc.esante.gouv.fr/auth/realms/esante-wallet");

    /**
     * Checks presence.
     * @param issuer the issuer (checked against the {@code iss} of ID tokens)
     * @param authorizationEndpoint the browser authorization endpoint
     * @param tokenEndpoint the token endpoint
     * @param userinfoEndpoint the userinfo endpoint
     * @param jwksUri the signing keys
     * @param cibaEndpoint the CIBA backchannel authentication endpoint, if advertised
     */
    public PscConfiguration {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(authorizationEndpoint, "authorizationEndpoint");
        Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
        Objects.requireNonNull(userinfoEndpoint, "userinfoEndpoint");
        Objects.requireNonNull(jwksUri, "jwksUri");
        Objects.requireNonNull(cibaEndpoint, "cibaEndpoint");
    }

    /**
     * @param issuer the issuer (checked against the {@code iss} of ID tokens)
     * @return the discovery URI of an issuer
     */
    public static URI discoveryUri(URI issuer) {
        String base = issuer.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + DISCOVERY_PATH);
    }
}
