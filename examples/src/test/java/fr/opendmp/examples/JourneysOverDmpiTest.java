package fr.opendmp.examples;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opendmp.examples.fakes.EmbeddedFakes;
import fr.opendmp.examples.gp.GpPracticeJourney;
import fr.opendmp.examples.hospital.HospitalJourney;
import fr.opendmp.examples.outbox.EmergencyOutboxJourney;
import fr.opendmp.examples.transcript.Transcript;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GP, hospital and emergency outbox journeys, unchanged, over DMPi (SOAP / XDS.b through sdk-xds) instead of
 * FHIR: what the demo runs with {@code -Dopendmp.transport=dmpi}.
 */
class JourneysOverDmpiTest {

    static final OffsetDateTime TODAY = OffsetDateTime.parse("2026-11-23T10:00:00+01:00");

    @Test
    void theGpJourneyDoesWhatItShouldOverDmpi() {
        Transcript transcript = new Transcript(new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));
        try (EmbeddedFakes fakes = EmbeddedFakes.start(EmbeddedFakes.Wire.DMPI)) {
            GpPracticeJourney.run(fakes, transcript, TODAY);
            assertThat(fakes.dmpEndpoint().getPath()).endsWith("/si-dmp-server/v2/services");
        }
        assertThat(transcript.steps()).hasSize(10).allSatisfy(s -> assertThat(s.ok()).as(s.name()).isTrue());
    }

    @Test
    void theHospitalJourneyDoesWhatItShouldOverDmpi() {
        Transcript transcript = new Transcript(new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));
        try (EmbeddedFakes fakes = EmbeddedFakes.start(EmbeddedFakes.Wire.DMPI)) {
            HospitalJourney.run(fakes, transcript, TODAY);
        }
        assertThat(transcript.steps()).hasSize(9).allSatisfy(s -> assertThat(s.ok()).as(s.name()).isTrue());
        assertThat(transcript.expectedRefusalCount()).isEqualTo(1);
    }

    @Test
    void theEmergencyOutboxJourneyAfterAnotherJourneyOnTheSameFakesDoesWhatItShouldOverDmpi(@TempDir Path dir) {
        Transcript transcript = new Transcript(new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));
        try (EmbeddedFakes fakes = EmbeddedFakes.start(EmbeddedFakes.Wire.DMPI)) {
            GpPracticeJourney.run(fakes, transcript, TODAY);
            int before = fakes.dmp().documentCount();
            EmergencyOutboxJourney.run(fakes, transcript, OffsetDateTime.parse("2026-11-21T03:10:00+01:00"), dir);
            // the letter and its submission's XAdES signature document
            assertThat(fakes.dmp().documentCount()).isEqualTo(before + 2);
        }
        assertThat(transcript.steps()).hasSize(14).allSatisfy(s -> assertThat(s.ok()).as(s.name() + ": " + s.outcome())
                .isTrue());
    }
}
