package fr.opendmp.testkit.ca;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TestCaTest {

    static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    static MutableClock clock;
    static TestCa ca;

    @BeforeAll
    static void create() {
        clock = MutableClock.now();
        ca = TestCa.create("OpenDMP TEST IGC Santé", clock);
    }

    @Test
    void structureCertificatesHaveTheIgcSanteDnAndTheirUsages() throws Exception {
        X509Certificate auth = ca.structureAuthClient("10B0167011", "Centre Hospitalier de Test").certificate();
        X509Certificate sign = ca.structureSign("10B0167011", "Centre Hospitalier de Test").certificate();

        assertThat(auth.getSubjectX500Principal().getName())
                .isEqualTo("CN=DMP AUTH_CLI,OU=10B0167011,O=Centre Hospitalier de Test,ST=Paris (75),C=FR");
        assertThat(auth.getExtendedKeyUsage()).containsExactly(CLIENT_AUTH);
        assertThat(auth.getKeyUsage()[0]).as("digitalSignature").isTrue();
        assertThat(sign.getSubjectX500Principal().getName()).startsWith("CN=DMP SIGN,OU=10B0167011");
        assertThat(sign.getKeyUsage()[1]).as("nonRepudiation").isTrue();
        assertThat(sign.getExtendedKeyUsage()).isNull();
        assertThat(auth.getIssuerX500Principal()).isEqualTo(ca.intermediate().getSubjectX500Principal());
        auth.verify(ca.intermediate().getPublicKey());
        ca.intermediate().verify(ca.root().getPublicKey());
    }

    @Test
    void serverCertificateNamesLocalhostAndLoopbackAddress() throws Exception {
        X509Certificate server = ca.server().certificate();

        Collection<List<?>> names = server.getSubjectAlternativeNames();
        assertThat(names.stream().map(n -> String.valueOf(n.get(1))).toList()).containsExactlyInAnyOrder("localhost", "127.0.0.1");
        assertThat(server.getExtendedKeyUsage()).containsExactly(SERVER_AUTH);
    }

    @Test
    void professionalCertificateCarriesIdNatSurnameAndGivenName() {
        String dn = ca.professional("899700366240", "TEST", "Paul").certificate().getSubjectX500Principal()
                .getName("RFC2253", java.util.Map.of("2.5.4.42", "GN", "2.5.4.4", "SN"));

        assertThat(dn).startsWith("CN=899700366240,GN=Paul,SN=TEST,OU=");
    }

    @Test
    void validityVariantsAreRelativeToTheCaClock() {
        Instant now = clock.instant();
        X509Certificate expired = ca.issue(CertificateProfile.ORG_AUTH_CLI).expired().issue().certificate();
        X509Certificate future = ca.issue(CertificateProfile.ORG_AUTH_CLI).notYetValid().issue().certificate();

        assertThat(expired.getNotAfter().toInstant()).isBefore(now);
        assertThat(future.getNotBefore().toInstant()).isAfter(now);
        assertThat(Duration.between(now, future.getNotBefore().toInstant())).isLessThanOrEqualTo(Duration.ofDays(1));
    }

    @Test
    void wrongUsageSwapsTheExtendedKeyUsage() throws Exception {
        X509Certificate wrong = ca.issue(CertificateProfile.ORG_AUTH_CLI).wrongUsage().issue().certificate();

        assertThat(wrong.getExtendedKeyUsage()).containsExactly(SERVER_AUTH);
    }

    @Test
    void revokedCertificatesAreListedInTheSignedCrl() throws Exception {
        IssuedCertificate revoked = ca.issue(CertificateProfile.ORG_SIGN).revoked().issue();
        IssuedCertificate good = ca.structureSign("10B0167011", "CH");
        IssuedCertificate laterRevoked = ca.structureSign("10B0167011", "CH");
        ca.revoke(laterRevoked.certificate());

        var crl = ca.crl();
        crl.verify(ca.intermediate().getPublicKey());
        assertThat(crl.isRevoked(revoked.certificate())).isTrue();
        assertThat(crl.isRevoked(laterRevoked.certificate())).isTrue();
        assertThat(crl.isRevoked(good.certificate())).isFalse();
    }

    @Test
    void pemOutputsHaveTheExpectedBlocks() {
        IssuedCertificate cert = ca.structureSign("10B0167011", "CH");

        assertThat(cert.chainPem()).contains("BEGIN CERTIFICATE");
        assertThat(cert.chainPem().split("BEGIN CERTIFICATE", -1)).hasSize(4);
        assertThat(cert.privateKeyPem()).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(cert.traditionalPrivateKeyPem()).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        assertThat(cert.encryptedPrivateKeyPem("pw".toCharArray())).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
    }
}
