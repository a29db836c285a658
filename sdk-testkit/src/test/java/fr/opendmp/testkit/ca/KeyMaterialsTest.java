package fr.opendmp.testkit.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opendmp.auth.keys.KeyMaterial;
import fr.opendmp.auth.keys.KeyMaterialException;
import fr.opendmp.auth.keys.KeyMaterialException.Reason;
import fr.opendmp.auth.keys.KeyMaterials;
import fr.opendmp.auth.keys.TrustAnchors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyMaterialsTest {

    static final char[] PASSWORD = "s3cret-Pa55".toCharArray();
    static TestCa ca;
    static TestCa foreign;
    static IssuedCertificate authCli;
    static IssuedCertificate other;

    @TempDir
    Path dir;

    @BeforeAll
    static void issue() {
        ca = TestCa.create("OpenDMP TEST IGC Santé");
        foreign = TestCa.create("Foreign CA");
        authCli = ca.structureAuthClient("10B0167011", "Centre Hospitalier de Test");
        other = ca.structureSign("10B0167011", "Centre Hospitalier de Test");
    }

    static void assertNoSecretIn(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            assertThat(message.contains(new String(PASSWORD))).as("password in message").isFalse();
            assertThat(message.contains("PRIVATE KEY")).as("key in message").isFalse();
        }
    }

    @Test
    void pkcs12WithItsPasswordGivesKeyAndWholeChainLeafFirst() {
        Path p12 = authCli.writePkcs12(dir.resolve("auth.p12"), PASSWORD);

        KeyMaterial key = KeyMaterials.fromPkcs12(p12, PASSWORD, Optional.empty());

        assertThat(key.certificate()).isEqualTo(authCli.certificate());
        assertThat(key.chain()).containsExactly(authCli.certificate(), ca.intermediate(), ca.root());
        assertThat(key.toString()).contains("CN=DMP AUTH_CLI").doesNotContain("modulus");
    }

    @Test
    void pkcs12WithAWrongPasswordSaysSoWithoutThePassword() {
        Path p12 = authCli.writePkcs12(dir.resolve("auth.p12"), PASSWORD);

        assertThatThrownBy(() -> KeyMaterials.fromPkcs12(p12, "wrong".toCharArray(), Optional.empty()))
                .isInstanceOfSatisfying(KeyMaterialException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.WRONG_PASSWORD);
                    assertThat(e.getMessage()).contains("auth.p12").doesNotContain("wrong");
                    assertNoSecretIn(e);
                });
    }

    @Test
    void pkcs12WithOnlyCertificatesSaysThePrivateKeyIsMissing() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("cert", authCli.certificate());
        Path p12 = dir.resolve("certonly.p12");
        try (var out = Files.newOutputStream(p12)) {
            store.store(out, PASSWORD);
        }

        assertThatThrownBy(() -> KeyMaterials.fromPkcs12(p12, PASSWORD, Optional.empty()))
                .isInstanceOfSatisfying(KeyMaterialException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.MISSING_PRIVATE_KEY));
    }

    @Test
    void unknownAliasListsTheEntries() {
        Path p12 = authCli.writePkcs12(dir.resolve("auth.p12"), PASSWORD);

        assertThatThrownBy(() -> KeyMaterials.fromPkcs12(p12, PASSWORD, Optional.of("nope")))
                .isInstanceOfSatisfying(KeyMaterialException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.ALIAS_NOT_FOUND);
                    assertThat(e.getMessage()).contains("key");
                });
    }

    @Test
    void notAPkcs12FileIsUnreadable() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.p12"), "not a key store");

        assertThatThrownBy(() -> KeyMaterials.fromPkcs12(junk, PASSWORD, Optional.empty()))
                .isInstanceOfSatisfying(KeyMaterialException.class,
                        e -> assertThat(e.reason()).isIn(Reason.UNREADABLE, Reason.WRONG_PASSWORD));
    }

    @Test
    void pemWithCombinedChainAndPkcs8KeyInAnyOrderLoads() {
        Path pem = IssuedCertificate.write(dir.resolve("all.pem"),
                ca.rootPem() + authCli.privateKeyPem() + authCli.chainPem());

        KeyMaterial key = KeyMaterials.fromPem(List.of(pem), Optional.empty());

        assertThat(key.chain()).containsExactly(authCli.certificate(), ca.intermediate(), ca.root(), ca.root())
                .startsWith(authCli.certificate());
    }

    @Test
    void pemWithSeparateFilesAndTraditionalKeyLoads() {
        Path cert = IssuedCertificate.write(dir.resolve("cert.pem"), authCli.certificatePem());
        Path key = IssuedCertificate.write(dir.resolve("key.pem"), authCli.traditionalPrivateKeyPem());

        assertThat(KeyMaterials.fromPem(List.of(cert, key), Optional.empty()).certificate())
                .isEqualTo(authCli.certificate());
    }

    @Test
    void encryptedPkcs8KeyNeedsTheRightPassword() {
        Path cert = IssuedCertificate.write(dir.resolve("cert.pem"), authCli.chainPem());
        Path key = IssuedCertificate.write(dir.resolve("key.pem"), authCli.encryptedPrivateKeyPem(PASSWORD));

        assertThat(KeyMaterials.fromPem(List.of(cert, key), Optional.of(PASSWORD)).certificate())
                .isEqualTo(authCli.certificate());
        assertThatThrownBy(() -> KeyMaterials.fromPem(List.of(cert, key), Optional.of("bad".toCharArray())))
                .isInstanceOfSatisfying(KeyMaterialException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.WRONG_PASSWORD);
                    assertNoSecretIn(e);
                });
        assertThatThrownBy(() -> KeyMaterials.fromPem(List.of(cert, key), Optional.empty()))
                .isInstanceOfSatisfying(KeyMaterialException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_PASSWORD));
    }

    @Test
    void pemWithoutKeySaysThePrivateKeyIsMissing() {
        Path cert = IssuedCertificate.write(dir.resolve("cert.pem"), authCli.chainPem());

        assertThatThrownBy(() -> KeyMaterials.fromPem(List.of(cert), Optional.empty()))
                .isInstanceOfSatisfying(KeyMaterialException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.MISSING_PRIVATE_KEY));
    }

    @Test
    void keyOfAnotherCertificateIsAMismatch() {
        Path cert = IssuedCertificate.write(dir.resolve("cert.pem"), authCli.certificatePem());
        Path key = IssuedCertificate.write(dir.resolve("key.pem"), other.privateKeyPem());

        assertThatThrownBy(() -> KeyMaterials.fromPem(List.of(cert, key), Optional.empty()))
                .isInstanceOfSatisfying(KeyMaterialException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.KEY_CERTIFICATE_MISMATCH));
    }

    @Test
    void expiredAndNotYetValidCertificatesAreRefusedWithTheirDates() {
        KeyMaterial expired = ca.issue(CertificateProfile.ORG_AUTH_CLI).expired().issue().keyMaterial();
        KeyMaterial future = ca.issue(CertificateProfile.ORG_AUTH_CLI).notYetValid().issue().keyMaterial();

        assertThatThrownBy(() -> expired.requireValidAt(Instant.now()))
                .isInstanceOfSatisfying(KeyMaterialException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.CERTIFICATE_EXPIRED);
                    assertThat(e.getMessage()).contains("expired on");
                });
        assertThatThrownBy(() -> future.requireValidAt(Instant.now()))
                .isInstanceOfSatisfying(KeyMaterialException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.CERTIFICATE_NOT_YET_VALID));
    }

    @Test
    void chainVerifiesAgainstItsRootAndNotAgainstAForeignOne() {
        TrustAnchors trusted = TrustAnchors.of(List.of(ca.root()));
        TrustAnchors wrong = TrustAnchors.of(List.of(foreign.root()));

        trusted.verify(authCli.chain(), Instant.now());
        assertThatThrownBy(() -> wrong.verify(authCli.chain(), Instant.now()))
                .isInstanceOfSatisfying(KeyMaterialException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.CHAIN_INVALID);
                    assertThat(e.getMessage()).contains("does not verify");
                });
    }

    @Test
    void revokedCertificateFailsTheChainWhenTheCrlIsGiven() {
        IssuedCertificate revoked = ca.issue(CertificateProfile.ORG_AUTH_CLI).revoked().issue();
        TrustAnchors withCrl = TrustAnchors.of(List.of(ca.root())).withCrls(List.of(ca.crl()));

        assertThatThrownBy(() -> withCrl.verify(List.of(revoked.certificate(), ca.intermediate()), Instant.now()))
                .isInstanceOfSatisfying(KeyMaterialException.class, e -> assertThat(e.getMessage()).contains("revoked"));
    }

    @Test
    void trustAnchorsLoadFromPem() {
        Path roots = IssuedCertificate.write(dir.resolve("roots.pem"), ca.rootPem());

        assertThat(TrustAnchors.fromPem(List.of(roots)).certificates()).containsExactly(ca.root());
    }
}
