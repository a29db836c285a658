package fr.opendmp.examples.gp;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opendmp.examples.fakes.EmbeddedFakes;
import fr.opendmp.examples.transcript.Transcript;
import fr.opendmp.testkit.dmp.AccessEvent;
import fr.opendmp.testkit.dmp.AuthMode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class GpPracticeJourneyTest {

    @Test
    void carteVitaleToQualifiedIdentityThenVsmAndItsReplacementLeaveOneCurrentDocument() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        Transcript transcript = new Transcript(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try (EmbeddedFakes fakes = EmbeddedFakes.start()) {
            GpPracticeJourney.run(fakes, transcript, OffsetDateTime.parse("2026-11-23T10:00:00+01:00"));

            assertThat(fakes.dmp().auth()).as("signed VIHF over mTLS").isEqualTo(AuthMode.VERIFY);
            assertThat(fakes.dmp().baseUri().getScheme()).isEqualTo("https");
            assertThat(transcript.steps()).hasSize(10).allSatisfy(s -> assertThat(s.ok()).as(s.name()).isTrue());
            assertThat(fakes.dmp().documentCount()).as("v1 kept as superseded, v2 current").isEqualTo(2);
            assertThat(fakes.dmp().history()).extracting(AccessEvent::idNatPs).containsOnly(GpPracticeJourney.GP.idNat());
            assertThat(fakes.insi().calls()).extracting(c -> c.operation()).containsExactly("rechercherInsAvecCarteVitale");
        }
        assertThat(transcript.depositedCount()).isEqualTo(2);
        assertThat(transcript.foundCount()).isEqualTo(1);
        assertThat(transcript.retrievedCount()).isEqualTo(1);
        String text = buffer.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("QUALIFIEE", "version 2").doesNotContain("MARTIN", "CAMILLE", "DURAND", "1987-10-12");
        assertThat(text).doesNotContainPattern("[12]\\d{14}");
    }

    @Test
    void anInsiOutageStopsTheJourneyBeforeAnyDeposit() {
        Transcript transcript = new Transcript(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try (EmbeddedFakes fakes = EmbeddedFakes.start()) {
            fakes.insi().failNext(fr.opendmp.testkit.insi.FakeInsi.Fault.UNAVAILABLE, 5);

            GpPracticeJourney.run(fakes, transcript, OffsetDateTime.parse("2026-11-23T10:00:00+01:00"));

            assertThat(transcript.allOk()).isFalse();
            assertThat(fakes.dmp().documentCount()).isZero();
        }
        assertThat(transcript.steps()).last().satisfies(s -> assertThat(s.name()).startsWith("journey stopped"));
        assertThat(transcript.depositedCount()).isZero();
    }
}
