package fr.opendmp.cda.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.opendmp.cda.Fixtures;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Saxon-HE and SchXslt are optional: loads the SDK in a class loader without them and checks that
 * validation still runs the built-in checks and the XSD, and reports the schematrons as skipped.
 */
class WithoutSaxonTest {

    @Test
    void withoutSaxonTheBuiltInChecksAndXsdRunAndSchematronsAreReportedSkipped() throws Exception {
        Path pkg = Fixtures.ansPackage().orElse(null);
        assumeTrue(pkg != null, "shared ANS package absent");
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String lower = entry.toLowerCase(java.util.Locale.ROOT);
            if (!lower.contains("saxon") && !lower.contains("schxslt") && !lower.contains("xmlresolver")) {
                urls.add(Path.of(entry).toUri().toURL());
            }
        }
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader())) {
            Class<?> validatorClass = loader.loadClass(CdaValidator.class.getName());
            assertThat((Boolean) validatorClass.getMethod("schematronAvailable").invoke(null)).isFalse();
            Object builder = validatorClass.getMethod("builder").invoke(null);
            builder.getClass().getMethod("ansPackage", Path.class).invoke(builder, pkg);
            Object validator = builder.getClass().getMethod("build").invoke(builder);
            Object report = validatorClass.getMethod("validate", byte[].class)
                    .invoke(validator, (Object) Fixtures.vector("VSM_1.4_2022.01.xml"));
            List<?> errors = (List<?>) report.getClass().getMethod("errors").invoke(report);
            List<?> run = (List<?>) report.getClass().getMethod("checksRun").invoke(report);
            List<?> skipped = (List<?>) report.getClass().getMethod("checksSkipped").invoke(report);
            assertThat(errors).isEmpty();
            assertThat(run).map(Object::toString).containsExactly("built-in", "xsd");
            assertThat(skipped).hasSize(2).allSatisfy(s -> assertThat(s.toString()).contains("not on the classpath"));
        }
    }
}
