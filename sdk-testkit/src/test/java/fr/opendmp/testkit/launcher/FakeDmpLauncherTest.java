package fr.opendmp.testkit.launcher;

import fr.opendmp.core.code.CodeSystems;
import fr.opendmp.core.code.Code;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opendmp.auth.keys.KeyMaterials;
import fr.opendmp.auth.keys.TrustAnchors;
import fr.opendmp.auth.provider.AuthCredentialsProvider;
import fr.opendmp.auth.provider.CredentialSource;
import fr.opendmp.auth.provider.SamlHeaderPlacement;
import fr.opendmp.auth.tls.MutualTls;
import fr.opendmp.core.caller.AuthenticationMode;
import fr.opendmp.core.party.Professional;
import fr.opendmp.auth.vihf.Software;
import fr.opendmp.core.party.Organization;
import fr.opendmp.auth.vihf.VihfIssuer;
import fr.opendmp.auth.vihf.VihfSigner;
import fr.opendmp.core.access.AccessContext;
import fr.opendmp.core.credentials.CredentialRequest;
import fr.opendmp.core.credentials.CredentialsProvider;
import fr.opendmp.core.ins.Ins;
import fr.opendmp.testkit.auth.SignedTestCredentials;
import fr.opendmp.testkit.dmp.AuthMode;
import fr.opendmp.testkit.dmp.FakeDmp;
import fr.opendmp.testkit.dmp.Validation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher parses its options, applies a seed file, prints the base URL and writes its credentials. */
class FakeDmpLauncherTest {

    @Test
    void startsWithSeedFileAndPrintsBaseUrl(@TempDir Path dir) throws Exception {
        Path seed = dir.resolve("seed.json");
        Files.writeString(seed, "{\"patients\":[{\"ins\":\"279119913400976\",\"dmp\":\"none\"}]}");
        try (FakeDmp dmp = FakeDmpLauncher.start(new String[] {"--port", "0", "--seed", seed.toString(),
            "--auth", "off", "--validation", "lenient"})) {
            assertThat(dmp.validation()).isEqualTo(Validation.LENIENT);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            FakeDmpLauncher.print(dmp, new PrintStream(out, true, StandardCharsets.UTF_8));
            assertThat(out.toString(StandardCharsets.UTF_8)).contains(dmp.baseUri().toString());
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(dmp.baseUri()
                    + "/Patient?identifier=urn%3Aoid%3A1.2.250.1.213.1.4.8%7C279119913400976")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.body()).contains("\"total\":0");
        }
    }

    @Test
    void authVerifyWritesCredentialsThatAnotherProcessCanUseToGet200(@TempDir Path dir) throws Exception {
        Path credentials = dir.resolve("creds");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (FakeDmp dmp = FakeDmpLauncher.start(new String[] {"--port", "0", "--auth", "verify",
            "--credentials-dir", credentials.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8))) {
            String printed = out.toString(StandardCharsets.UTF_8);
            assertThat(dmp.auth()).isEqualTo(AuthMode.VERIFY);
            assertThat(printed).contains(dmp.baseUri().toString()).contains(credentials.toAbsolutePath().toString())
                    .doesNotContain("PRIVATE KEY");
            Matcher m = Pattern.compile("PKCS#12 password: ([0-9a-f]+)").matcher(printed);
            assertThat(m.find()).isTrue();
            char[] password = m.group(1).toCharArray();
            assertThat(printed.split(m.group(1), -1)).as("the password is printed once").hasSize(2);
            assertThat(credentials.resolve("client.p12")).exists();
            assertThat(credentials.resolve("sign.p12")).exists();
            assertThat(Files.readString(credentials.resolve("ca.pem"))).startsWith("-----BEGIN CERTIFICATE-----");

            // what another process does with the three files, using sdk-auth only
            SSLContext tls = MutualTls.builder()
                    .clientKey(KeyMaterials.fromPkcs12(credentials.resolve("client.p12"), password, Optional.empty()))
                    .trust(TrustAnchors.fromPem(List.of(credentials.resolve("ca.pem")))).build();
            VihfIssuer issuer = VihfIssuer.builder()
                    .signer(new VihfSigner(KeyMaterials.fromPkcs12(credentials.resolve("sign.p12"), password,
                            Optional.empty())))
                    .professional(Professional.of("899700777701", "Jean", "EXTERNE").withProfession(Code.of(CodeSystems.TRE_G15, "10", "Médecin"))
                .withSpecialty(Code.of(CodeSystems.TRE_R38, "SM26", "Médecine générale")))
                    .structure(Organization.of(SignedTestCredentials.STRUCTURE_ID).withSector(Code.of(CodeSystems.TRE_R02, "SA07", "Secteur SA07")))
                    .software(new Software("Other process", "1.0", "TEST", Optional.empty()))
                    .mode(AuthenticationMode.INDIRECTE_RENFORCEE).build();
            CredentialsProvider provider = AuthCredentialsProvider.builder().sslContext(tls)
                    .source(CredentialSource.vihf(issuer)).placement(SamlHeaderPlacement.iheSaml()).build();
            String header = provider.headers(CredentialRequest.dmp(Ins.nir("279119913400976"), AccessContext.normal()))
                    .get("Authorization").get(0);
            HttpResponse<String> r = HttpClient.newBuilder().sslContext(tls).build().send(HttpRequest.newBuilder(
                    URI.create(dmp.baseUri() + "/Patient?identifier=urn%3Aoid%3A1.2.250.1.213.1.4.8%7C279119913400976"))
                    .header("Authorization", header).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("\"total\":1");
        }
    }

    @Test
    void helpPrintsTheUsageAndExitsZero() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), FakeDmpLauncher.class.getName(), "--help")
                .redirectErrorStream(true).start();
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(printed).startsWith("usage: java -jar opendmp-fake-dmp.jar").contains("--bind")
                .contains("--credentials-dir").doesNotContain("Fake DMP listening");
        assertThat(FakeDmpLauncher.wantsHelp(new String[] {"-h"})).isTrue();
    }

    @Test
    void credentialsGoByDefaultOutsideTheWorkingDirectoryReadableByTheirOwnerOnly() throws Exception {
        Path cwdCredentials = Path.of("fake-dmp-credentials");
        boolean existedBefore = Files.exists(cwdCredentials);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (FakeDmp dmp = FakeDmpLauncher.start(new String[] {"--port", "0"},
                new PrintStream(out, true, StandardCharsets.UTF_8))) {
            Path dir = FakeDmpLauncher.defaultCredentialsDir(dmp.port());
            try {
                assertThat(dir.toAbsolutePath().startsWith(Path.of("").toAbsolutePath())).isFalse();
                assertThat(dir.getParent()).isEqualTo(Path.of(System.getProperty("java.io.tmpdir")));
                assertThat(dir.resolve("client.p12")).exists();
                assertThat(Files.readString(dir.resolve("admin-token"))).isEqualTo(dmp.adminToken().orElseThrow());
                assertThat(out.toString(StandardCharsets.UTF_8)).contains(dir.toAbsolutePath().toString())
                        .doesNotContain(dmp.adminToken().get());
                if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                            Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
                }
                assertThat(Files.exists(cwdCredentials)).as("nothing written in the working directory")
                        .isEqualTo(existedBefore);
            } finally {
                try (var files = Files.list(dir)) {
                    for (Path f : files.toList()) {
                        Files.delete(f);
                    }
                }
                Files.delete(dir);
            }
        }
    }

    @Test
    void bindChoosesTheListeningAddressAndDefaultsToTheLoopback(@TempDir Path dir) throws Exception {
        try (FakeDmp dmp = FakeDmpLauncher.start(new String[] {"--auth", "off", "--credentials-dir", dir.toString()})) {
            assertThat(dmp.baseUri().getHost()).isEqualTo("127.0.0.1");
            assertThat(dmp.adminToken()).isEmpty();
        }
        try (FakeDmp dmp = FakeDmpLauncher.start(new String[] {"--auth", "off", "--bind", "127.0.0.2",
            "--credentials-dir", dir.toString()})) {
            assertThat(dmp.baseUri().getHost()).isEqualTo("127.0.0.2");
            assertThat(dmp.adminToken()).as("still the loopback: admin API open in OFF mode").isEmpty();
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(dmp.baseUri()
                    + "/Patient?identifier=urn%3Aoid%3A1.2.250.1.213.1.4.8%7C279119913400976")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
        }
        assertThatThrownBy(() -> FakeDmpLauncher.start(new String[] {"--bind", "no such host.invalid"}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesUnknownOptionsAndAuthOn() {
        assertThatThrownBy(() -> FakeDmpLauncher.start(new String[] {"--bogus", "1"}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FakeDmpLauncher.start(new String[] {"--auth", "on"}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
