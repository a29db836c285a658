package fr.opendmp.examples.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TranscriptTest {

    @Test
    void aThrowingStepFailsWithItsExceptionTypeButNeverPrintsTheMessage() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        Transcript transcript = new Transcript(new PrintStream(buffer, true, StandardCharsets.UTF_8));

        transcript.step("ok step", () -> Transcript.Check.expect(true, "fine"));
        transcript.step("throwing step", () -> {
            throw new IllegalStateException("patient MARTIN 279119913400976");
        });

        assertThat(transcript.allOk()).isFalse();
        assertThat(transcript.steps()).extracting(Transcript.StepResult::ok).containsExactly(true, false);
        assertThat(buffer.toString(StandardCharsets.UTF_8)).contains("unexpected IllegalStateException")
                .doesNotContain("MARTIN", "279119913400976");
    }

    @Test
    void theSummaryLineCountsStepsAndEveryCounter() {
        Transcript transcript = new Transcript(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        transcript.step("a", () -> Transcript.Check.expect(true, ""));
        transcript.step("b", () -> Transcript.Check.expect(false, ""));
        transcript.deposited(2);
        transcript.found(3);
        transcript.retrieved(1);
        transcript.expectedRefusal();

        assertThat(transcript.summary())
                .isEqualTo("1/2 steps ok · 2 deposited · 3 found · 1 retrieved · 1 refusals as expected");
    }
}
