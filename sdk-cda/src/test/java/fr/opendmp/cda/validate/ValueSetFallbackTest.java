package fr.opendmp.cda.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.opendmp.cda.Fixtures;
import fr.opendmp.cda.validate.internal.ValueSetFallback;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValueSetFallbackTest {

    @Test
    void theMissingTypeCodeValueSetIsGeneratedFromItsSvsSource(@TempDir Path pkg) throws Exception {
        Path shared = Fixtures.ansPackage().orElse(null);
        assumeTrue(shared != null, "shared ANS package absent");
        Files.createDirectories(pkg.resolve("jeuxDeValeurs"));
        Files.copy(shared.resolve("jeuxDeValeurs/JDV_J07_XdsTypeCode_CISIS.xml"),
                pkg.resolve("jeuxDeValeurs/JDV_J07_XdsTypeCode_CISIS.xml"));
        Path include = pkg.resolve("schematrons/profils/structurationMinimale/include");
        Files.createDirectories(include);

        String generated = ValueSetFallback.forMissing(include.resolve(ValueSetFallback.MISSING_FILE)).orElseThrow();

        String shipped = Files.readString(shared.resolve(
                "schematrons/profils/structurationMinimale/include/" + ValueSetFallback.MISSING_FILE));
        assertThat(generated).contains("<concept code=\"SYNTH\" codeSystem=\"1.2.250.1.213.1.1.4.12\"/>",
                "<concept code=\"11490-0\" codeSystem=\"2.16.840.1.113883.6.1\"/>");
        assertThat(count(generated)).isEqualTo(count(shipped)).isGreaterThan(100);
    }

    @Test
    void anExistingFileOrAnotherNameIsLeftToNormalResolution(@TempDir Path dir) throws Exception {
        Path present = dir.resolve(ValueSetFallback.MISSING_FILE);
        Files.writeString(present, "<valueSets/>");
        assertThat(ValueSetFallback.forMissing(present)).isEmpty();
        assertThat(ValueSetFallback.forMissing(dir.resolve("voc-other.xml"))).isEmpty();
    }

    private static long count(String xml) {
        return xml.lines().filter(l -> l.contains("<concept ")).count();
    }
}
