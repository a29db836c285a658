package fr.opendmp.core.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.spi.ToolProvider;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * No package of sdk-core imports upward: the JDK's {@code jdeps} lists every package dependency of
 * the compiled classes, and each must point to the same concept or to one below it. A concept is a
 * package with its {@code internal} sub-packages; the layers, bottom first, are those of
 * docs/ARCHITECTURE.md.
 */
class PackageLayersTest {

    static final List<String> LAYERS = List.of("error", "xml", "code", "ins", "party", "document", "access", "caller", "credentials",
            "search", "transport", "insi", "client", "outbox");

    private static final Pattern EDGE = Pattern.compile("^\\s*(fr\\.opendmp\\.core\\.\\S+)\\s+->\\s+(fr\\.opendmp\\.core\\.\\S+)\\s");

    static int layer(String pkg) {
        String concept = pkg.substring("fr.opendmp.core.".length()).split("\\.")[0];
        int i = LAYERS.indexOf(concept);
        if (i < 0) {
            throw new AssertionError("package " + pkg + " belongs to no layer: add its concept to ARCHITECTURE.md"
                    + " and to LAYERS");
        }
        return i;
    }

    @Test
    void noPackageOfSdkCoreImportsUpward() {
        Path classes = Path.of("target", "classes");
        assertThat(Files.isDirectory(classes)).as("compiled classes at " + classes.toAbsolutePath()).isTrue();
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        StringWriter out = new StringWriter();
        String dependencies = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(p -> p.contains("jackson") || p.contains("caffeine") || p.contains("slf4j-api"))
                .collect(Collectors.joining(File.pathSeparator));
        int rc = jdeps.run(new PrintWriter(out), new PrintWriter(out), "--module-path", dependencies,
                "-verbose:package", "-filter:none", "--multi-release", "17", "-e", "fr\\.opendmp\\.core\\..*",
                classes.toString());
        assertThat(rc).as(out.toString()).isZero();
        List<String> edges = new ArrayList<>();
        List<String> upward = new ArrayList<>();
        for (String line : out.toString().split("\\R")) {
            Matcher m = EDGE.matcher(line);
            if (m.find()) {
                edges.add(m.group(1) + " -> " + m.group(2));
                if (layer(m.group(2)) > layer(m.group(1))) {
                    upward.add(m.group(1) + " -> " + m.group(2));
                }
            }
        }
        assertThat(edges).as("jdeps found the package graph").hasSizeGreaterThan(20);
        assertThat(upward).as("imports from a lower layer to a higher one").isEmpty();
    }
}
