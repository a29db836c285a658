package fr.opendmp.testkit.internal;

import fr.opendmp.auth.keys.KeyMaterial;
import fr.opendmp.auth.keys.TrustAnchors;
import fr.opendmp.auth.tls.MutualTls;
import fr.opendmp.testkit.ca.CertificateProfile;
import fr.opendmp.testkit.ca.IssuedCertificate;
import fr.opendmp.testkit.ca.TestCa;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;

/**
 * Certificates a {@link TestCa} issued for a structure (ORG AUTH_CLI + ORG SIGN) or a professional
 * card (PP AUTH + PP SIGN), issued once per CA and key and then reused, with their client TLS
 * contexts. A cache (key generation is slow); the issued certificates are never changed.
 * Kept for the life of the JVM (test CAs are few). Thread-safe.
 */
public final class KeyCache {

    private static final Map<TestCa, KeyCache> BY_CA = new ConcurrentHashMap<>();

    /**
     * A TLS key and a VIHF signing key.
     *
     * @param tls the TLS client certificate (ORG AUTH_CLI or PP AUTH)
     * @param signing the VIHF signing certificate (ORG SIGN or PP SIGN)
     * @param clientSslContext a client TLS context with {@code tls}, trusting the CA root only
     */
    public record Keys(IssuedCertificate tls, IssuedCertificate signing, SSLContext clientSslContext) {
        /** Checks presence. */
        public Keys {
            Objects.requireNonNull(tls, "tls");
            Objects.requireNonNull(signing, "signing");
            Objects.requireNonNull(clientSslContext, "clientSslContext");
        }

        /** @return the signing key material */
        public KeyMaterial signingKey() {
            return signing.keyMaterial();
        }
    }

    private final TestCa ca;
    private final Map<String, Keys> structures = new ConcurrentHashMap<>();
    private final Map<String, Keys> cards = new ConcurrentHashMap<>();

    private KeyCache(TestCa ca) {
        this.ca = ca;
    }

    /** @return the cache of this CA (one per CA in the JVM) */
    public static KeyCache of(TestCa ca) {
        Objects.requireNonNull(ca, "ca");
        return BY_CA.computeIfAbsent(ca, KeyCache::new);
    }

    /** @return the ORG AUTH_CLI and ORG SIGN certificates of a structure ({@code OU} = its id) */
    public Keys structure(String structureId) {
        return structures.computeIfAbsent(structureId, id -> {
            IssuedCertificate tls = ca.structureAuthClient(id, "Structure de test " + id);
            IssuedCertificate sign = ca.structureSign(id, "Structure de test " + id);
            return new Keys(tls, sign, client(tls));
        });
    }

    /** @return the card certificates (PP AUTH, PP SIGN) of a professional ({@code CN} = IdNat_PS) */
    public Keys card(String idNatPs, String surname, String givenName) {
        return cards.computeIfAbsent(idNatPs, id -> {
            IssuedCertificate tls = ca.professional(id, surname, givenName);
            IssuedCertificate sign = ca.issue(CertificateProfile.PP_SIGN).professional(id, surname, givenName).issue();
            return new Keys(tls, sign, client(tls));
        });
    }

    private SSLContext client(IssuedCertificate tls) {
        return MutualTls.builder().clientKey(tls.keyMaterial()).trust(TrustAnchors.of(List.of(ca.root()))).build();
    }
}
