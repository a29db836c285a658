package fr.opendmp.testkit.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opendmp.auth.vihf.VihfBuilder;
import fr.opendmp.cda.read.CdaReader;
import fr.opendmp.core.fuzz.Sentinels;
import fr.opendmp.core.ins.Ins;
import fr.opendmp.xds.XdsTransport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 19, privacy: every public record of every API package (sdk-core, sdk-cda, sdk-auth, sdk-xds)
 * built with the sentinel patient's INS, traits, birth date, body and free texts never prints them
 * in its {@code toString()}.
 */
class PublicRecordsToStringTest {

    /** One class of each published module: where its API classes are read from. */
    private static final List<Class<?>> MODULES = List.of(Ins.class, CdaReader.class, VihfBuilder.class,
            XdsTransport.class);

    @Test
    void noPublicRecordOfAnApiPackagePrintsTheHealthDataItHolds() {
        Map<String, List<String>> leaks = new TreeMap<>();
        List<String> built = new ArrayList<>();
        List<String> notBuilt = new ArrayList<>();
        for (Class<?> type : publicApiRecords()) {
            Optional<Object> value = SentinelRecords.build(type);
            if (value.isEmpty()) {
                notBuilt.add(type.getName());
                continue;
            }
            built.add(type.getName());
            List<String> found = Sentinels.foundIn(String.valueOf(value.get()));
            if (!found.isEmpty()) {
                leaks.put(type.getName(), found);
            }
        }
        System.out.printf("[privacy] public API records: %d built with sentinels and checked, %d not built: %s%n",
                built.size(), notBuilt.size(), notBuilt);
        assertThat(leaks).as("records whose toString() prints health data").isEmpty();
        assertThat(built).as("the sweep reaches the records that carry health data")
                .contains(Ins.class.getName(), "fr.opendmp.core.ins.IdentityTraits",
                        "fr.opendmp.core.ins.InsMatricule", "fr.opendmp.core.document.DocumentMetadata",
                        "fr.opendmp.core.document.Deposit")
                .hasSizeGreaterThan(2 * notBuilt.size());
    }

    static List<Class<?>> publicApiRecords() {
        List<Class<?>> records = new ArrayList<>();
        for (Class<?> anchor : MODULES) {
            for (String name : classNames(anchor)) {
                if (name.contains(".internal.") || name.endsWith("module-info") || name.endsWith("package-info")) {
                    continue;
                }
                try {
                    Class<?> c = Class.forName(name, false, anchor.getClassLoader());
                    if (c.isRecord() && Modifier.isPublic(c.getModifiers()) && enclosingArePublic(c)) {
                        records.add(c);
                    }
                } catch (ClassNotFoundException | LinkageError e) {
                    throw new AssertionError(name, e);
                }
            }
        }
        return records;
    }

    private static boolean enclosingArePublic(Class<?> c) {
        for (Class<?> e = c.getEnclosingClass(); e != null; e = e.getEnclosingClass()) {
            if (!Modifier.isPublic(e.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    private static List<String> classNames(Class<?> anchor) {
        try {
            Path location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                return classNamesUnder(location);
            }
            try (FileSystem jar = FileSystems.newFileSystem(location)) {
                return classNamesUnder(jar.getPath("/"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> classNamesUnder(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.map(p -> root.relativize(p).toString()).filter(p -> p.endsWith(".class"))
                    .filter(p -> p.startsWith("fr/") || p.startsWith("fr\\"))
                    .map(p -> p.substring(0, p.length() - ".class".length()).replace('/', '.').replace('\\', '.'))
                    .toList();
        }
    }
}
