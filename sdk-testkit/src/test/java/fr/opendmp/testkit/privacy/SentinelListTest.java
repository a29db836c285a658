package fr.opendmp.testkit.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opendmp.core.fuzz.Sentinels;
import fr.opendmp.testkit.auth.SignedTestCredentials;
import fr.opendmp.testkit.insi.FakeInsiPopulation;
import fr.opendmp.testkit.insi.InsiPerson;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The privacy sentinels (sdk-core's {@code privacy/sentinels.txt}, read by the tests and by the
 * build's TRACE capture check) name every person of the test kit: a new patient or professional
 * cannot slip past the privacy checks.
 */
class SentinelListTest {

    @Test
    void everyPersonOfTheFakeInsiAndTheTestProfessionalIsASentinel() {
        List<String> expected = new ArrayList<>();
        for (InsiPerson p : FakeInsiPopulation.all()) {
            expected.add(p.ins().value().substring(0, 13));
            p.history().forEach(f -> expected.add(f.ins().value().substring(0, 13)));
            expected.add(p.birthName());
            expected.add(p.firstNames());
            expected.add(p.birthDate());
        }
        expected.add(FakeInsiPopulation.UNKNOWN_TO_INSI.birthName());
        expected.add(FakeInsiPopulation.UNKNOWN_TO_INSI.birthDate());
        expected.add(SignedTestCredentials.doctor().displayName().orElseThrow());
        assertThat(Sentinels.all()).containsAll(expected);
    }
}
