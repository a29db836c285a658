package fr.opendmp.auth.doctor;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The doctor's diagnosis of one file.
 *
 * @param file the file name
 * @param format {@code PKCS#12} or {@code PEM}
 * @param hasPrivateKey whether a usable private key was found
 * @param certificate what the leaf certificate is, if one could be read
 * @param chainStatus the chain verification in plain words
 * @param findings general problems (wrong password, key not matching…)
 * @param verdicts one verdict per service
 */
public record DoctorReport(String file, String format, boolean hasPrivateKey, Optional<CertificateFacts> certificate,
        String chainStatus, List<String> findings, List<ServiceVerdict> verdicts) {

    /**
     * Checks presence.
     * @param file the file name
     * @param format {@code PKCS#12} or {@code PEM}
     * @param hasPrivateKey whether a usable private key was found
     * @param certificate what the leaf certificate is, if one could be read
     * @param chainStatus the chain verification in plain words
     * @param findings general problems (wrong password, key not matching…)
     * @param verdicts one verdict per service
     */
    public DoctorReport {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(chainStatus, "chainStatus");
        findings = List.copyOf(findings);
        verdicts = List.copyOf(verdicts);
    }

    /**
     * @param service the service
     * @return the verdict for a service
     */
    public ServiceVerdict verdict(Service service) {
        return verdicts.stream().filter(v -> v.service() == service).findFirst().orElseThrow();
    }

    /**
     * @return whether the file is usable for at least one service
     */
    public boolean usableForSomething() {
        return verdicts.stream().anyMatch(ServiceVerdict::usable);
    }

    /**
     * @return the report in plain words, one fact per line
     */
    public String toText() {
        StringBuilder out = new StringBuilder();
        out.append(file).append(" (").append(format).append(")\n");
        certificate.ifPresentOrElse(c -> {
            out.append("  What it is : ").append(c.type().description()).append('\n');
            out.append("  Subject    : ").append(c.subject()).append('\n');
            c.structureId().ifPresent(s -> out.append("  Structure  : ").append(s).append(" (OU)\n"));
            c.professionalId().ifPresent(p -> out.append("  IdNat_PS   : ").append(p).append('\n'));
            out.append("  Issuer     : ").append(c.issuer()).append('\n');
            out.append("  Valid      : from ").append(c.notBefore()).append(" to ").append(c.notAfter()).append('\n');
            out.append("  Key        : ").append(c.keyAlgorithm())
                    .append(hasPrivateKey ? ", private key present" : ", NO private key").append('\n');
            out.append("  Key usages : ").append(c.keyUsages().isEmpty() ? "(none stated)" : String.join(", ", c.keyUsages()))
                    .append('\n');
            out.append("  Ext. usages: ").append(c.extendedKeyUsages().isEmpty() ? "(none stated)"
                    : String.join(", ", c.extendedKeyUsages())).append('\n');
            out.append("  Chain      : ").append(c.chainLength()).append(" certificate(s) in the file; ")
                    .append(chainStatus).append('\n');
        }, () -> out.append("  No certificate could be read.\n"));
        for (String finding : findings) {
            out.append("  PROBLEM    : ").append(finding).append('\n');
        }
        for (ServiceVerdict verdict : verdicts) {
            out.append("  ").append(verdict.usable() ? "[OK] " : "[NO] ").append(verdict.service().label()).append('\n');
            for (String problem : verdict.problems()) {
                out.append("       - ").append(problem).append('\n');
            }
        }
        return out.toString();
    }
}
