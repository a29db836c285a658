package fr.opendmp.examples.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opendmp.core.outbox.OutboxOutcome;
import fr.opendmp.core.outbox.OutboxState;
import fr.opendmp.examples.fakes.EmbeddedFakes;
import fr.opendmp.examples.transcript.Transcript;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmergencyOutboxJourneyTest {
    @TempDir
    Path dir;

    @Test
    void theLetterWaitsTwoDaysForTheQualifiedIdentityThenIsDepositedOnceWithTheInsInItsHeader() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        Transcript transcript = new Transcript(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        EmergencyOutboxJourney.Result result;
        try (EmbeddedFakes fakes = EmbeddedFakes.start()) {
            result = EmergencyOutboxJourney.run(fakes, transcript, OffsetDateTime.parse("2026-11-21T03:10:00+01:00"),
                    dir);
            assertThat(fakes.dmp().documentCount()).isEqualTo(1);
        }
        assertThat(transcript.steps()).hasSize(4).allSatisfy(s -> assertThat(s.ok()).as(s.name() + ": " + s.outcome())
                .isTrue());
        assertThat(result.whileWaiting().pending()).isEqualTo(1);
        assertThat(result.whileWaiting().oldestPendingAge()).isEqualTo(Duration.ofDays(2));
        assertThat(result.outcomes()).extracting(OutboxOutcome::state)
                .containsExactly(OutboxState.WAITING_QUALIFICATION, OutboxState.SENT);
        assertThat(result.finalItem().rendered()).isTrue();
        assertThat(new String(result.finalItem().content(), StandardCharsets.UTF_8))
                .as("the CDA was built with the INS in its header")
                .contains("extension=\"" + fr.opendmp.testkit.insi.FakeInsiPopulation.ORDINARY.ins().value() + "\"");
        assertThat(buffer.toString(StandardCharsets.UTF_8)).doesNotContainPattern("[12]\\d{14}")
                .doesNotContain("MARTIN");
    }
}
