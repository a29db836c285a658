package fr.opendmp.core.transport.internal.http;

import fr.opendmp.core.transport.RetryPolicy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LogMaskingTest {

    @Test
    void insInAQueryStringIsMaskedWhetherEncodedOrNot() {
        assertThat(LogMasking.mask("/fhir/Patient?identifier=urn%3Aoid%3A1.2.250.1.213.1.4.8%7C279119913400976"))
                .isEqualTo("/fhir/Patient?identifier=urn%3Aoid%3A1.2.250.1.213.1.4.8%7C***");
        assertThat(LogMasking.mask("/fhir/DocumentReference?patient.identifier=urn:oid:1.2.250.1.213.1.4.8|279119913400976"))
                .doesNotContain("279119913400976");
        assertThat(LogMasking.mask("/fhir/DocumentReference/abc-123")).isEqualTo("/fhir/DocumentReference/abc-123");
    }

    @Test
    void backoffDoublesUpToItsCap() {
        RetryPolicy p = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(300), Duration.ofSeconds(1));
        assertThat(p.backoff(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(p.backoff(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(p.backoff(3)).isEqualTo(Duration.ofMillis(300));
    }
}
