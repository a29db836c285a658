package fr.opendmp.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The privacy capture of issue 19 works: the tests log at TRACE into the module's capture, and the
 * build's check ({@code build/privacy/TraceCaptureCheck.java}) fails on a capture quoting a sentinel.
 */
class TraceCaptureTest {

    @Test
    void everyLoggerWritesAtTraceIntoTheModulesCapture() throws IOException {
        String marker = "trace-capture-" + UUID.randomUUID();
        LoggerFactory.getLogger("fr.opendmp.core.fuzz.TraceCaptureTest").trace(marker);
        Path capture = Path.of(System.getProperty("org.slf4j.simpleLogger.logFile"));
        assertThat(Files.readString(capture, StandardCharsets.UTF_8)).contains("TRACE").contains(marker);
    }

    @Test
    void theBuildsCheckFailsOnACaptureQuotingASentinelAndPassesACleanOne(@TempDir Path dir) throws Exception {
        Path leaking = Files.writeString(dir.resolve("leaking.log"),
                "[main] DEBUG fr.opendmp.x - found Ins[***]\n[main] TRACE fr.opendmp.x - patient TESTDMP\n");
        Path clean = Files.writeString(dir.resolve("clean.log"), "[main] TRACE fr.opendmp.x - found Ins[***]\n");
        assertThat(check(leaking)).isEqualTo(1);
        assertThat(check(clean)).isZero();
        assertThat(check(dir.resolve("absent.log"))).as("tests skipped: nothing to check").isZero();
    }

    private static int check(Path capture) throws Exception {
        Path root = Path.of(System.getProperty("opendmp.root"));
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                root.resolve("build/privacy/TraceCaptureCheck.java").toString(), capture.toString(),
                root.resolve("sdk-core/src/test/resources/privacy/sentinels.txt").toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }

    @Test
    void theSentinelsCoverTheTestIdentitiesOfTheSdkTests() {
        assertThat(Sentinels.all()).contains("2791199134009", "TESTDMP", "1979-11-13", "OPENDMP-BODY-SENTINEL");
        assertThat(List.of("279119913400976", "TESTDMP", "1979-11-13")).allSatisfy(
                v -> assertThat(Sentinels.foundIn("x " + v + " y")).isNotEmpty());
    }
}
