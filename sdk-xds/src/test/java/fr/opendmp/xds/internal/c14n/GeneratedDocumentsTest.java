package fr.opendmp.xds.internal.c14n;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opendmp.core.fuzz.Fuzz;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/**
 * On documents drawn by {@link RandomDocuments}, our canonical form is the JDK's byte for byte, and
 * a document one refuses the other refuses too ({@code -Dopendmp.fuzz.tries}, {@code
 * -Dopendmp.fuzz.seed} as for every property).
 */
class GeneratedDocumentsTest {

    @Test
    void aGeneratedDocumentHasTheJdksCanonicalForm() {
        int[] refusedByBoth = new int[1];
        Fuzz.theory().forAll(SourceDSL.longs().all()).checkAssert(seed -> {
            byte[] xml = RandomDocuments.draw(seed);
            Optional<byte[]> jdk = JdkCanonical.of(xml);
            Optional<byte[]> ours = JdkCanonical.ours(xml);
            assertThat(ours.isPresent()).as("ours and the JDK accept the same document (seed %d)", seed)
                    .isEqualTo(jdk.isPresent());
            if (jdk.isPresent()) {
                CanonicalXmlTest.assertSameAsJdk("document of seed " + seed, xml);
            } else {
                refusedByBoth[0]++;
            }
        });
        assertThat(refusedByBoth[0]).as("most generated documents are well-formed").isLessThan(Fuzz.TRIES / 2);
    }

    @Test
    void theGeneratorDrawsDifferentDocumentsFromDifferentSeedsAndTheSameFromOne() {
        assertThat(RandomDocuments.draw(1)).isEqualTo(RandomDocuments.draw(1));
        assertThat(Arrays.equals(RandomDocuments.draw(1), RandomDocuments.draw(2))).isFalse();
    }
}
