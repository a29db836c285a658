package fr.opendmp.auth.doctor;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the doctor read from the leaf certificate.
 *
 * @param type the recognised IGC Santé type
 * @param subject the subject DN (RFC 2253)
 * @param issuer the issuer DN (RFC 2253)
 * @param structureId the {@code OU} (Struct_IdNat), if any
 * @param professionalId the IdNat_PS (CN of a PP certificate), if any
 * @param notBefore start of validity
 * @param notAfter end of validity
 * @param keyUsages key usages, e.g. {@code digitalSignature}
 * @param extendedKeyUsages extended key usages, e.g. {@code clientAuth}
 * @param keyAlgorithm the public key algorithm and size, e.g. {@code RSA 2048}
 * @param chainLength how many certificates the file holds in the chain
 */
public record CertificateFacts(CertificateType type, String subject, String issuer, Optional<String> structureId,
        Optional<String> professionalId, Instant notBefore, Instant notAfter, List<String> keyUsages,
        List<String> extendedKeyUsages, String keyAlgorithm, int chainLength) {

    /**
     * Checks presence.
     * @param type the recognised IGC Santé type
     * @param subject the subject DN (RFC 2253)
     * @param issuer the issuer DN (RFC 2253)
     * @param structureId the {@code OU} (Struct_IdNat), if any
     * @param professionalId the IdNat_PS (CN of a PP certificate), if any
     * @param notBefore start of validity
     * @param notAfter end of validity
     * @param keyUsages key usages, e.g. {@code digitalSignature}
     * @param extendedKeyUsages extended key usages, e.g. {@code clientAuth}
     * @param keyAlgorithm the public key algorithm and size, e.g. {@code RSA 2048}
     * @param chainLength how many certificates the file holds in the chain
     */
    public CertificateFacts {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(structureId, "structureId");
        Objects.requireNonNull(professionalId, "professionalId");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        keyUsages = List.copyOf(keyUsages);
        extendedKeyUsages = List.copyOf(extendedKeyUsages);
        Objects.requireNonNull(keyAlgorithm, "keyAlgorithm");
    }
}
