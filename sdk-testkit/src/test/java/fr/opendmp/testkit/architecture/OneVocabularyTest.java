package fr.opendmp.testkit.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One vocabulary across modules (issue 16): a professional, an organisation and a coded value are
 * modelled once, in {@code core.party} and {@code core.code}, and the IdNat / TRE OIDs are written
 * once, in {@code CodeSystems}. The test kit's tests see every SDK module, so they check all of them.
 */
class OneVocabularyTest {

    private static final Set<String> PARTY_IDS = Set.of("idNat", "idNatPs", "idNatStruct", "nameId", "structureId",
            "nationalId");
    private static final Set<String> PARTY_NAMES = Set.of("name", "familyName", "givenName", "givenNames",
            "displayName");

    /**
     * Views of what a fake reads on the wire, kept apart from the SDK's types on purpose: the fakes
     * are written from the specification, not from the client, so that the two check each other.
     */
    private static final Map<String, String> WIRE_VIEWS = Map.of(
            "fr.opendmp.testkit.auth.VerifiedCaller", "the VIHF attributes as the fake's verifier reads them",
            "fr.opendmp.testkit.auth.VerifiedCaller$Role", "a VIHF role as the fake's verifier reads it",
            "fr.opendmp.testkit.psc.SeededProfessional", "an account of the fake Pro Santé Connect, as its userinfo",
            "fr.opendmp.auth.psc.PsIdentity", "Pro Santé Connect's userinfo as received; toProfessional() maps it");

    private static final Pattern OID_LITERAL = Pattern.compile(
            "\"[^\"\\n]*1\\.2\\.250\\.1\\.71\\.(4\\.2\\.[1245]|1\\.2\\.7)(?![0-9.])[^\"\\n]*\"");

    @Test
    void noPublicTypeOfTheSdkModelsAProfessionalAnOrganisationOrACodeOutsideTheVocabularyPackages()
            throws Exception {
        List<String> repeated = new ArrayList<>();
        for (String name : sdkClassNames()) {
            if (name.startsWith("fr.opendmp.core.party.") || name.startsWith("fr.opendmp.core.code.")
                    || WIRE_VIEWS.containsKey(name)) {
                continue;
            }
            Class<?> type;
            try {
                type = Class.forName(name, false, getClass().getClassLoader());
            } catch (LinkageError optionalDependencyMissing) {
                continue;
            }
            if (!type.isRecord() || !Modifier.isPublic(type.getModifiers())) {
                continue;
            }
            Set<String> components = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                    .collect(Collectors.toSet());
            boolean party = components.stream().anyMatch(PARTY_IDS::contains)
                    && components.stream().anyMatch(PARTY_NAMES::contains);
            boolean code = components.contains("code")
                    && (components.contains("system") || components.contains("codeSystem"))
                    && (components.contains("display") || components.contains("displayName"));
            if (party || code) {
                repeated.add(name + " " + components);
            }
        }
        assertThat(repeated).as("professional, organisation and code live in core.party and core.code only")
                .isEmpty();
    }

    @Test
    void theIdNatAndProfessionOidsAreWrittenOnlyInCodeSystems() throws IOException {
        List<String> literals = new ArrayList<>();
        for (Path root : sdkSourceRoots()) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    if (file.toString().replace(File.separatorChar, '/').contains("fr/opendmp/core/code/")) {
                        continue;
                    }
                    List<String> lines = Files.readAllLines(file);
                    for (int i = 0; i < lines.size(); i++) {
                        String line = lines.get(i).strip();
                        if (!line.startsWith("*") && !line.startsWith("//") && OID_LITERAL.matcher(line).find()) {
                            literals.add(root.relativize(file) + ":" + (i + 1));
                        }
                    }
                }
            }
        }
        assertThat(literals).as("IdNat_PS, IdNat_Struct, TRE_G15, TRE_R38, TRE_R02 OIDs outside CodeSystems")
                .isEmpty();
    }

    @Test
    void theGuardSeesEverySdkModuleAndRecognisesARepeatedModel() throws Exception {
        assertThat(sdkClassNames()).contains("fr.opendmp.core.party.Professional", "fr.opendmp.cda.read.CdaHeader",
                "fr.opendmp.auth.vihf.Vihf", "fr.opendmp.xds.XdsTransport", "fr.opendmp.testkit.dmp.FakeProfessional");
        assertThat(sdkSourceRoots()).hasSize(5);
        assertThat(OID_LITERAL.matcher("String ps = \"urn:oid:1.2.250.1.71.4.2.1\";").find()).isTrue();
        assertThat(OID_LITERAL.matcher("String x = \"1.2.250.1.71.4.2.10\";").find()).isFalse();
    }

    /** The SDK modules' classes on the class path: {@code target/classes} or the module's jar in {@code target}. */
    static List<Path> sdkClassRoots() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).map(Path::of)
                .filter(p -> p.endsWith(Path.of("target", "classes"))
                        || p.getFileName().toString().endsWith(".jar") && p.getParent().endsWith("target"))
                .filter(p -> moduleDir(p).getFileName().toString().startsWith("sdk-"))
                .toList();
    }

    private static Path moduleDir(Path classRoot) {
        return classRoot.toAbsolutePath().getParent().getParent();
    }

    private static List<String> sdkClassNames() {
        List<String> names = new ArrayList<>();
        for (Path root : sdkClassRoots()) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> files = Files.walk(root)) {
                    files.map(f -> root.relativize(f).toString().replace(File.separatorChar, '/'))
                            .forEach(names::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else {
                try (JarFile jar = new JarFile(root.toFile())) {
                    jar.stream().map(JarEntry::getName).forEach(names::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return names.stream()
                .filter(n -> n.endsWith(".class") && !n.endsWith("module-info.class") && !n.endsWith("package-info.class")
                        && !n.startsWith("META-INF/"))
                .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
                .distinct().toList();
    }

    private static List<Path> sdkSourceRoots() {
        return sdkClassRoots().stream().map(p -> moduleDir(p).resolve(Path.of("src", "main", "java")))
                .filter(Files::isDirectory).distinct().toList();
    }
}
