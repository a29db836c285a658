package fr.opendmp.examples.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdentityWalkthroughTest {

    @Test
    void everyStepDoesWhatItShouldAndTheTranscriptMasksPatientData() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        List<IdentityWalkthrough.StepResult> steps;
        try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            steps = IdentityWalkthrough.run(out);
        }
        String transcript = buffer.toString(StandardCharsets.UTF_8);
        assertThat(steps).hasSize(10).allSatisfy(s -> assertThat(s.ok()).as(s.name()).isTrue());
        assertThat(transcript).contains("10/10 steps").contains("QUALIFIEE").contains("MATRICULE_CHANGED")
                .doesNotContain("MARTIN", "CAMILLE", "DUPONT", "MULLER", "1987-10-12", "1975-03-14", "49007");
        assertThat(transcript).doesNotContainPattern("[12]\\d{12}\\d{2}");
    }
}
