package fr.opendmp.testkit.dmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The fakes are fast without the JVM property {@code sun.net.httpserver.nodelay}: they set it
 * themselves before the JVM's first JDK server. Measured in a fresh JVM started without the
 * property (this test JVM may already hold a JDK server made by another test): a small request's
 * median round trip on the loopback stays far below the ~40 ms that Nagle's algorithm plus the
 * client's delayed ACK would cost each one. The bound is generous for a loaded 2-core machine.
 */
class NoDelayTest {

    private static final long BOUND_MICROS = 20_000;

    @Test
    void aSmallRequestTakesLessThan20MsMedianWithoutTheJvmProperty() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", NoDelayProbe.class.getName()))
                .redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = read(p);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("probe finished").isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        Matcher median = Pattern.compile("median-micros=(\\d+)").matcher(out);
        assertThat(median.find()).as(out).isTrue();
        assertThat(out).contains("nodelay=true");
        assertThat(Long.parseLong(median.group(1))).as(out).isLessThan(BOUND_MICROS);
    }

    @Test
    void theFakesDefaultsTurnNagleOff() {
        assertThat(fr.opendmp.testkit.dmp.internal.HttpServerDefaults.defaults())
                .containsEntry("sun.net.httpserver.nodelay", "true");
    }

    private static String read(Process p) throws IOException {
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
