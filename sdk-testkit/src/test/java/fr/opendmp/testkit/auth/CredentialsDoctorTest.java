package fr.opendmp.testkit.auth;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opendmp.auth.doctor.CertificateType;
import fr.opendmp.auth.doctor.CredentialsDoctor;
import fr.opendmp.auth.doctor.DoctorCommand;
import fr.opendmp.auth.doctor.DoctorReport;
import fr.opendmp.auth.doctor.Service;
import fr.opendmp.auth.keys.TrustAnchors;
import fr.opendmp.testkit.ca.CertificateProfile;
import fr.opendmp.testkit.ca.IssuedCertificate;
import fr.opendmp.testkit.ca.TestCa;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsDoctorTest {

    static final char[] PASSWORD = "doctor-Pa55".toCharArray();
    static TestCa ca;
    static TestCa foreign;
    static CredentialsDoctor doctor;

    @TempDir
    Path dir;

    @BeforeAll
    static void setUp() {
        ca = TestCa.create("OpenDMP TEST IGC Santé");
        foreign = TestCa.create("Foreign CA");
        doctor = CredentialsDoctor.create(Optional.of(TrustAnchors.of(List.of(ca.root()))), Clock.systemUTC());
    }

    DoctorReport examineP12(IssuedCertificate certificate) {
        return doctor.examine(certificate.writePkcs12(dir.resolve("cert.p12"), PASSWORD), Optional.of(PASSWORD));
    }

    @Test
    void authClientIsRecognisedAndUsableForTlsButNotForSigning() {
        DoctorReport report = examineP12(ca.structureAuthClient("10B0167011", "Centre Hospitalier de Test"));

        assertThat(report.certificate()).hasValueSatisfying(c -> {
            assertThat(c.type()).isEqualTo(CertificateType.ORG_AUTH_CLI);
            assertThat(c.structureId()).contains("10B0167011");
            assertThat(c.extendedKeyUsages()).contains("clientAuth");
            assertThat(c.chainLength()).isEqualTo(3);
        });
        assertThat(report.chainStatus()).startsWith("verified");
        assertThat(report.verdict(Service.TLS_CLIENT).usable()).isTrue();
        assertThat(report.verdict(Service.INSI).usable()).isTrue();
        assertThat(report.verdict(Service.VIHF_SIGNING).usable()).isFalse();
        assertThat(report.verdict(Service.VIHF_SIGNING).problems()).anyMatch(p -> p.contains("ORG SIGN"));
        assertThat(report.toText()).contains("structure TLS client certificate (ORG AUTH_CLI)")
                .contains("[OK] TLS client").contains("[NO] VIHF signing");
    }

    @Test
    void signCertificateIsUsableForVihfSigningOnly() {
        DoctorReport report = examineP12(ca.structureSign("10B0167011", "Centre Hospitalier de Test"));

        assertThat(report.certificate().orElseThrow().type()).isEqualTo(CertificateType.ORG_SIGN);
        assertThat(report.verdict(Service.VIHF_SIGNING).usable()).isTrue();
        assertThat(report.verdict(Service.TLS_CLIENT).usable()).isFalse();
    }

    @Test
    void professionalCardCertificateShowsTheIdNat() {
        DoctorReport report = examineP12(ca.professional("899700366240", "TEST", "Paul"));

        assertThat(report.certificate().orElseThrow().type()).isEqualTo(CertificateType.PP_AUTH);
        assertThat(report.certificate().orElseThrow().professionalId()).contains("899700366240");
        assertThat(report.verdict(Service.TLS_CLIENT).usable()).isTrue();
    }

    @Test
    void serverCertificateIsRecognisedAndUsableForNoClientService() {
        DoctorReport report = examineP12(ca.server());

        assertThat(report.certificate().orElseThrow().type()).isEqualTo(CertificateType.SERVER);
        assertThat(report.usableForSomething()).isFalse();
    }

    @Test
    void expiredCertificateIsSaidExpiredForEveryService() {
        DoctorReport report = examineP12(ca.issue(CertificateProfile.ORG_AUTH_CLI).expired().issue());

        assertThat(report.verdict(Service.TLS_CLIENT).problems()).anyMatch(p -> p.contains("expired"));
        assertThat(report.verdict(Service.TLS_CLIENT).usable()).isFalse();
    }

    @Test
    void wrongUsageIsExplained() {
        DoctorReport report = examineP12(ca.issue(CertificateProfile.ORG_AUTH_CLI).wrongUsage().issue());

        assertThat(report.verdict(Service.TLS_CLIENT).usable()).isFalse();
    }

    @Test
    void foreignChainDoesNotVerify() {
        DoctorReport report = examineP12(foreign.structureAuthClient("10B0167011", "X"));

        assertThat(report.chainStatus()).startsWith("DOES NOT VERIFY");
        assertThat(report.verdict(Service.TLS_CLIENT).usable()).isFalse();
    }

    @Test
    void wrongPasswordIsAFindingAndNeverPrinted() {
        Path p12 = ca.structureAuthClient("10B0167011", "X").writePkcs12(dir.resolve("cert.p12"), PASSWORD);

        DoctorReport report = doctor.examine(p12, Optional.of("guess-123".toCharArray()));

        assertThat(report.findings()).anyMatch(f -> f.contains("password"));
        assertThat(report.toText()).doesNotContain("guess-123").doesNotContain(new String(PASSWORD));
        assertThat(report.usableForSomething()).isFalse();
    }

    @Test
    void pemCertificateWithoutKeyIsDescribedAndSaysTheKeyIsMissing() {
        IssuedCertificate cert = ca.structureSign("10B0167011", "X");
        Path pem = IssuedCertificate.write(dir.resolve("sign.pem"), cert.chainPem());

        DoctorReport report = doctor.examine(pem, Optional.empty());

        assertThat(report.format()).isEqualTo("PEM");
        assertThat(report.hasPrivateKey()).isFalse();
        assertThat(report.certificate().orElseThrow().type()).isEqualTo(CertificateType.ORG_SIGN);
        assertThat(report.verdict(Service.VIHF_SIGNING).problems()).anyMatch(p -> p.contains("no private key"));
    }

    @Test
    void commandLineReadsThePasswordFromTheEnvironmentAndNeverEchoesIt() {
        Path p12 = ca.structureAuthClient("10B0167011", "X").writePkcs12(dir.resolve("cert.p12"), PASSWORD);
        Path roots = IssuedCertificate.write(dir.resolve("roots.pem"), ca.rootPem());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = DoctorCommand.run(new String[] {p12.toString(), "--password-env", "P12_PASSWORD", "--trust",
            roots.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("P12_PASSWORD", new String(PASSWORD)),
                () -> { throw new AssertionError("must not prompt"); });

        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(code).isZero();
        assertThat(text).contains("ORG AUTH_CLI").contains("10B0167011").contains("verified");
        assertThat(text + err.toString(StandardCharsets.UTF_8)).doesNotContain(new String(PASSWORD));
    }

    @Test
    void commandLinePromptsWhenNoVariableIsGivenAndFailsWithoutConsole() {
        Path p12 = ca.structureAuthClient("10B0167011", "X").writePkcs12(dir.resolve("cert.p12"), PASSWORD);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int prompted = DoctorCommand.run(new String[] {p12.toString()}, new PrintStream(out), new PrintStream(err),
                Map.of(), () -> Optional.of(PASSWORD.clone()));
        int noConsole = DoctorCommand.run(new String[] {p12.toString()}, new PrintStream(out), new PrintStream(err),
                Map.of(), Optional::empty);

        assertThat(prompted).isZero();
        assertThat(noConsole).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--password-env");
    }

    @Test
    void commandLineRefusesUnknownArguments() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        assertThat(DoctorCommand.run(new String[] {"--password", "x"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err), Map.of(), Optional::empty)).isEqualTo(2);
    }
}
