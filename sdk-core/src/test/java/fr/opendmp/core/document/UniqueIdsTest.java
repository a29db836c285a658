package fr.opendmp.core.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UniqueIdsTest {

    private static final Pattern OID_GRAMMAR = Pattern.compile("[0-2](\\.(0|[1-9][0-9]*))+");

    @ParameterizedTest
    @ValueSource(strings = {"1.2.250.1.213.1.4.8", "2.25.210984984534025482280718856332320022448", "0.0", "1.2.0.3"})
    void anOidBecomesAnUrnOid(String oid) {
        assertThat(UniqueIds.normalise(oid)).isEqualTo("urn:oid:" + oid);
        assertThat(UniqueIds.normalise("urn:oid:" + oid)).isEqualTo("urn:oid:" + oid);
    }

    @ParameterizedTest
    @ValueSource(strings = {"3.1", "1", "1.", "1..2", "1.02", ".1.2", "1.2.", "1.2a", "urn:oid:1.2^ext", "1.2.250^x"})
    void aStringOutsideTheOidGrammarIsRefused(String value) {
        assertThatThrownBy(() -> UniqueIds.normalise(value)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theHandWrittenOidCheckAgreesWithTheGrammarOnRandomStrings() {
        Random random = new Random(7);
        String alphabet = "0123.a";
        for (int n = 0; n < 20_000; n++) {
            StringBuilder sb = new StringBuilder();
            int length = 1 + random.nextInt(10);
            for (int i = 0; i < length; i++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = sb.toString();
            assertThat(UniqueIds.isOid(s, 0)).as(s).isEqualTo(OID_GRAMMAR.matcher(s).matches());
        }
    }
}
