package fr.opendmp.examples.consult;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opendmp.examples.fakes.EmbeddedFakes;
import fr.opendmp.examples.transcript.Transcript;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ConsultationReadingTest {

    @ParameterizedTest
    @EnumSource(EmbeddedFakes.Wire.class)
    void aVaccinationAndALabResultDepositedAsCdaAreReadBackAsValues(EmbeddedFakes.Wire wire) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        Transcript transcript = new Transcript(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try (EmbeddedFakes fakes = EmbeddedFakes.start(wire)) {
            ConsultationReading.run(fakes, transcript, OffsetDateTime.parse("2026-11-23T10:00:00+01:00"));
        }
        assertThat(transcript.steps()).hasSize(4).allSatisfy(s -> assertThat(s.ok()).as(s.name()).isTrue());
        String text = buffer.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("68747507 on 2026-11-22, dose 2").contains("3016-3 = 1.950 m[IU]/L (ref 0.270 m[IU]/L–4.200 m[IU]/L)");
        assertThat(text).doesNotContain("MARTIN").doesNotContainPattern("[12]\\d{14}");
    }
}
