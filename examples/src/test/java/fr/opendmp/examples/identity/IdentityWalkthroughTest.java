package fr.opendmp.examples.identity;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opendmp.examples.fakes.EmbeddedFakes;
import fr.opendmp.examples.transcript.Transcript;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class IdentityWalkthroughTest {

    @Test
    void everyStepDoesWhatItShouldAndTheTranscriptMasksPatientData() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        Transcript transcript = new Transcript(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try (EmbeddedFakes fakes = EmbeddedFakes.start()) {
            IdentityWalkthrough.run(fakes, transcript);
        }
        String text = buffer.toString(StandardCharsets.UTF_8);
        assertThat(transcript.steps()).hasSize(10).allSatisfy(s -> assertThat(s.ok()).as(s.name()).isTrue());
        assertThat(text).contains("QUALIFIEE").contains("MATRICULE_CHANGED")
                .doesNotContain("MARTIN", "CAMILLE", "DUPONT", "MULLER", "1987-10-12", "1975-03-14", "49007");
        assertThat(text).doesNotContainPattern("[12]\\d{12}\\d{2}");
    }
}
