package fr.opendmp.testkit.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.opendmp.testkit.dmp.FakeDmp;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A non-Java client (bash + curl) against the launcher in verified mode: it mints a VIHF through
 * {@code POST /admin/vihf}, then runs TD0.2 and an ITI-18 search (script
 * {@code src/test/resources/dmpi/curl-td02-and-search.sh}).
 */
class LauncherCurlDmpiTest {
    static final String INS = "279119913400976";

    private static boolean has(String command) {
        try {
            return new ProcessBuilder("sh", "-c", "command -v " + command).start().waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void curlMintsAVihfAndRunsTd02AndAFindDocumentsInVerifiedMode(@TempDir Path dir) throws Exception {
        assumeTrue(has("curl") && has("bash"), "curl and bash are needed for the non-Java client test: skipped");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (FakeDmp dmp = FakeDmpLauncher.start(new String[] {"--credentials-dir", dir.resolve("creds").toString()},
                new PrintStream(printed, true, StandardCharsets.UTF_8))) {
            String out = printed.toString(StandardCharsets.UTF_8);
            assertThat(out).contains("Fake DMPi listening: " + dmp.dmpiBaseUri() + System.lineSeparator());
            assertThat(dmp.dmpiBaseUri().toString()).endsWith("/si-dmp-server/v2/services");
            Path script = dir.resolve("client.sh");
            try (var in = getClass().getResourceAsStream("/dmpi/curl-td02-and-search.sh")) {
                Files.write(script, in.readAllBytes());
            }
            Process p = new ProcessBuilder("bash", script.toString(), dir.resolve("creds").toString(),
                    dmp.adminUri().toString(), dmp.dmpiBaseUri().toString(), INS).redirectErrorStream(true).start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(log).isZero();
            assertThat(log).contains("TD0.2 OK").contains("ITI-18 OK");
            assertThat(dmp.history()).extracting(e -> e.action()).contains("TD0.2", "TD3.1a");
        }
    }
}
