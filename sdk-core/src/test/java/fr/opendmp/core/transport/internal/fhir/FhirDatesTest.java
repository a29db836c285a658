package fr.opendmp.core.transport.internal.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FhirDatesTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-06-12T10:00:00Z", "2026-06-12T10:00:00+02:00", "2026-06-12T10:00:00-03:30",
            "2026-06-12T10:00:00.5Z", "2026-06-12T10:00:00.123+01:00", "2026-11-23T08:42:03.123456789Z",
            "2024-02-29T23:59:59.000001-00:00"})
    void everyDateTimeShapeGivesTheInstantJavaTimeGives(String value) {
        assertThat(FhirDates.parse(value)).contains(OffsetDateTime.parse(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-06-12T10:00:00", "2026-06-12T10:00:00.1234567891Z",
            "2026-02-30T10:00:00Z", "2026-06-12T25:00:00Z", "2026-06-12T10:00:00+2:00", "2026-06-12T1O:00:00Z",
            "2026-06-12 10:00:00Z", "not a date"})
    void aMalformedDateTimeIsEmptyNeverAnException(String value) {
        assertThat(FhirDates.parse(value)).isEmpty();
    }
}
