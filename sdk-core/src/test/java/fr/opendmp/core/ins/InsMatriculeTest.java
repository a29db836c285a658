package fr.opendmp.core.ins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opendmp.core.ins.InvalidMatriculeException.Reason;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class InsMatriculeTest {

    record Vector(String number, String key, boolean valid, String note) {
        @Override
        public String toString() {
            return note; // the test name shows the note, never the number
        }
    }

    static List<Vector> sharedVectors() throws IOException {
        try (var in = InsMatriculeTest.class.getResourceAsStream("/vectors/ins/examples.csv");
                var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",", 4))
                    .map(f -> new Vector(f[0], f[1], f[2].equals("yes"), f[3]))
                    .collect(Collectors.toList());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sharedVectors")
    void sharedVectorGivesTheStatedAnswerThroughOfAndIsValid(Vector v) {
        assertThat(InsMatricule.isValid(v.number() + v.key())).isEqualTo(v.valid());
        if (v.valid()) {
            assertThat(InsMatricule.of(v.number(), v.key()).value()).isEqualTo(v.number() + v.key());
        } else {
            assertThatThrownBy(() -> InsMatricule.of(v.number(), v.key()))
                    .isInstanceOf(InvalidMatriculeException.class);
        }
    }

    @ParameterizedTest(name = "worked example {index}")
    @CsvSource({
        "1681249123078,61", "2030813055301,04", "283072A041105,14", "191012B096024,71",
        "1020597302101,83", "2791199134009,76", "2360663220836,56", "1090763220834,89",
        "2090763220834,39", "180032B020401,23"})
    void computesTheKeyOfEverySpecWorkedExample(String number, String key) {
        assertThat(InsMatricule.computeKey(number)).isEqualTo(key);
    }

    @Test
    void parseAcceptsSpacesDotsAndLowerCaseAndReturnsTheCanonicalForm() {
        assertThat(InsMatricule.parse("2 83 07 2a 041 105 14").value()).isEqualTo("283072A04110514");
        assertThat(InsMatricule.parse("2.79.11.99.134.009.76").value()).isEqualTo("279119913400976");
    }

    @Test
    void ofRefusesNonCanonicalInput() {
        assertThatThrownBy(() -> InsMatricule.of("283072a041105", "14"))
                .isInstanceOf(InvalidMatriculeException.class)
                .extracting(e -> ((InvalidMatriculeException) e).reason()).isEqualTo(Reason.CHARACTERS);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource({
        "168124912307855, KEY_MISMATCH",
        "16812491230785, LENGTH",
        "168144912307893, IMPOSSIBLE_MONTH",
        "168004912307893, IMPOSSIBLE_MONTH",
        "16812491230X840, CHARACTERS",
        "1681A4912307840, CHARACTERS",
        "568124912307840, TYPE_DIGIT",
        "16812491230780A, KEY_FORMAT",
        "168124912307898, KEY_FORMAT",
        "168124912307800, KEY_FORMAT"})
    void eachBrokenRuleGivesItsReasonWithoutEchoingTheNumber(String text, Reason reason) {
        assertThatThrownBy(() -> InsMatricule.parse(text))
                .isInstanceOfSatisfying(InvalidMatriculeException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.getMessage()).doesNotContain(text).doesNotContain(text.substring(0, 13));
                });
    }

    @Test
    void warnsOnLegacyTypeDigitAndFictitiousMonthWithoutRefusing() {
        String number = "3682549123078";
        InsMatricule m = InsMatricule.of(number, InsMatricule.computeKey(number));
        assertThat(m.warnings()).containsExactlyInAnyOrder(
                InsMatricule.Warning.LEGACY_TYPE_DIGIT, InsMatricule.Warning.FICTITIOUS_MONTH);
        assertThat(InsMatricule.parse("168124912307861").warnings()).isEmpty();
    }

    @Test
    void everyRandomNumberAcceptsExactlyItsComputedKey() {
        Random random = new Random(42);
        for (int i = 0; i < 2_000; i++) {
            String number = randomNumber(random);
            String key = InsMatricule.computeKey(number);
            assertThat(Integer.parseInt(key)).isBetween(1, 97);
            assertThat(InsMatricule.of(number, key).value()).isEqualTo(number + key);
            String other = String.format("%02d", 1 + (Integer.parseInt(key) + random.nextInt(96)) % 97);
            assertThatThrownBy(() -> InsMatricule.of(number, other))
                    .isInstanceOf(InvalidMatriculeException.class);
        }
    }

    @Test
    void toStringMasksTheNumber() {
        InsMatricule m = InsMatricule.parse("279119913400976");
        assertThat(m.toString()).doesNotContain("2791199134009").contains("2************76");
        assertThat(Ins.nir("279119913400976").toString()).doesNotContain("2791199134009");
    }

    @Test
    void insGivesItsFhirTokenUrnAndCxForms() {
        Ins ins = Ins.of(InsMatricule.parse("279119913400976"), InsOid.NIR_TEST);
        assertThat(ins.fhirIdentifier()).isEqualTo("urn:oid:1.2.250.1.213.1.4.10|279119913400976");
        assertThat(ins.cx()).isEqualTo("279119913400976^^^&1.2.250.1.213.1.4.10&ISO^NH");
        assertThat(Ins.fromFhirToken(ins.fhirIdentifier())).isEqualTo(ins);
        assertThatThrownBy(() -> Ins.fromFhirToken("urn:oid:1.2.250.1.213.1.4.2|279119913400976"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an INS OID");
    }

    private static String randomNumber(Random random) {
        StringBuilder sb = new StringBuilder();
        sb.append(1 + random.nextInt(2));
        sb.append(String.format("%02d", random.nextInt(100)));
        sb.append(String.format("%02d", 1 + random.nextInt(12)));
        int place = random.nextInt(10);
        if (place == 0) {
            sb.append(random.nextBoolean() ? "2A" : "2B").append(String.format("%03d", random.nextInt(1000)));
        } else {
            sb.append(String.format("%05d", random.nextInt(100_000)));
        }
        sb.append(String.format("%03d", random.nextInt(1000)));
        return sb.toString();
    }
}
