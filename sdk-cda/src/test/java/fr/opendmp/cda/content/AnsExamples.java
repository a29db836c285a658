package fr.opendmp.cda.content;

import fr.opendmp.cda.read.CdaDocument;
import fr.opendmp.cda.read.CdaReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** The ANS examples copied into the test resources ({@code /ans-examples}, see its README). */
final class AnsExamples {

    private AnsExamples() {
    }

    /** @return the names of the examples matching, sorted */
    static List<String> names(Predicate<String> filter) {
        try (Stream<Path> files = Files.list(Path.of(AnsExamples.class.getResource("/ans-examples/README.md").toURI())
                .getParent())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".xml")).filter(filter)
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the bytes of an example */
    static byte[] bytes(String name) {
        try (InputStream in = AnsExamples.class.getResourceAsStream("/ans-examples/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing ANS example " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return an example read */
    static CdaDocument read(String name) {
        return CdaReader.read(bytes(name));
    }

    /** @return an example as text, to be altered into a hostile input */
    static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    /** @return an altered text read back */
    static CdaDocument parse(String xml) {
        return CdaReader.read(xml.getBytes(StandardCharsets.UTF_8));
    }

    /** @return whether a name is an N1 example */
    static boolean isN1(String name) {
        return name.contains("Niveau-1") || name.contains("CDA-R2-N1") || name.startsWith("TLM-CR");
    }
}
