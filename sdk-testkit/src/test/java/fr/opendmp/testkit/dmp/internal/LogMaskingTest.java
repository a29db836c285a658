package fr.opendmp.testkit.dmp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogMaskingTest {

    @Test
    void aCorsicaBornInsWith2BInTheDepartmentIsMaskedInAnEncodedQuery() {
        String line = LogMasking.mask("GET /fhir/DocumentReference?patient.identifier=urn%3Aoid%3A1.2.250.1.213.1.4.10%7C"
                + "180032B03304091&status=current");

        assertThat(line).doesNotContain("180032B03304091").contains("%7C1************91&status");
    }

    @Test
    void aCorsicaBornInsWith2AIsMaskedAndAnOidIsLeftAlone() {
        String line = LogMasking.mask("1.2.250.1.213.1.4.8|279032A12345678");

        assertThat(line).isEqualTo("1.2.250.1.213.1.4.8|2************78");
    }

    @Test
    void aMainlandInsIsStillMasked() {
        assertThat(LogMasking.mask("x|279119913400976|y")).isEqualTo("x|2************76|y");
    }
}
