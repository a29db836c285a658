package fr.opendmp.examples.hospital;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opendmp.core.access.AccessMode;
import fr.opendmp.examples.fakes.EmbeddedFakes;
import fr.opendmp.examples.transcript.Transcript;
import fr.opendmp.testkit.dmp.AccessEvent;
import fr.opendmp.testkit.dmp.AuthMode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class HospitalJourneyTest {

    @Test
    void dischargeDepositConsultationAndBrisDeGlaceByABlockedProfessionalAllHappenAndAreTraced() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        Transcript transcript = new Transcript(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try (EmbeddedFakes fakes = EmbeddedFakes.start()) {
            HospitalJourney.run(fakes, transcript, OffsetDateTime.parse("2026-11-23T10:00:00+01:00"));

            assertThat(fakes.dmp().auth()).as("signed VIHF over mTLS").isEqualTo(AuthMode.VERIFY);
            assertThat(fakes.dmp().baseUri().getScheme()).isEqualTo("https");
            assertThat(transcript.steps()).hasSize(9).allSatisfy(s -> assertThat(s.ok()).as(s.name()).isTrue());
            assertThat(fakes.dmp().documentCount()).isEqualTo(5);
            assertThat(fakes.dmp().history()).filteredOn(e -> e.idNatPs().equals(HospitalJourney.EMERGENCY.idNatPs()))
                    .anySatisfy((AccessEvent e) -> {
                        assertThat(e.mode()).isEqualTo(AccessMode.BRIS_DE_GLACE);
                        assertThat(e.reason()).contains(HospitalJourney.BRIS_DE_GLACE_REASON);
                        assertThat(e.succeeded()).isTrue();
                    });
        }
        assertThat(transcript.depositedCount()).isEqualTo(5);
        assertThat(transcript.retrievedCount()).isEqualTo(3);
        assertThat(transcript.expectedRefusalCount()).isEqualTo(1);
        String text = buffer.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("BLOCKED", "newest first").doesNotContain("CASANOVA");
        assertThat(text).doesNotContainPattern("[12]\\d{14}");
    }
}
