package fr.opendmp.examples;

import fr.opendmp.examples.consult.ConsultationReading;
import fr.opendmp.examples.fakes.EmbeddedFakes;
import fr.opendmp.examples.gp.GpPracticeJourney;
import fr.opendmp.examples.hospital.HospitalJourney;
import fr.opendmp.examples.identity.IdentityWalkthrough;
import fr.opendmp.examples.outbox.EmergencyOutboxJourney;
import fr.opendmp.examples.transcript.Transcript;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;

/**
 * The OpenDMP demo, run by {@code mvn -B -q -DskipTests -Pdemo verify}: the identity walk-through,
 * then journey 1 (GP practice), journey 2 (hospital), journey 3 (consultation read as values) and the
 * emergency outbox journey (a letter queued for an unidentified patient, deposited once the identity is
 * qualified two days later on a fake clock), against the embedded fake INSi and fake DMP, printing a masked transcript and a summary line. It returns normally (exit 0) only if every
 * step did what it should; otherwise it throws, so the build fails.
 */
public final class Demo {

    private Demo() {
    }

    /** @return a new temporary directory for the outbox's H2 file */
    private static Path outboxDirectory() {
        try {
            return Files.createTempDirectory("opendmp-demo-outbox");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param args ignored
     * @throws IllegalStateException if a step did not do what it should
     */
    public static void main(String[] args) {
        // The fakes answer small responses at once instead of waiting ~40 ms for a delayed ACK.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        Transcript transcript = new Transcript(System.out);
        try (EmbeddedFakes fakes = EmbeddedFakes.start()) {
            transcript.section("Embedded fakes: INSi " + fakes.insi().baseUri() + ", DMP " + fakes.dmpEndpoint() + " (" + fakes.wire() + ")"
                    + ", credentials " + fakes.dmp().auth() + " (mTLS + signed VIHF)");
            IdentityWalkthrough.run(fakes, transcript);
            GpPracticeJourney.run(fakes, transcript);
            HospitalJourney.run(fakes, transcript);
            ConsultationReading.run(fakes, transcript);
            EmergencyOutboxJourney.run(fakes, transcript, OffsetDateTime.parse("2026-11-21T03:10:00+01:00"),
                    outboxDirectory());
        }
        transcript.printSummary();
        if (!transcript.allOk()) {
            throw new IllegalStateException(transcript.steps().stream().filter(s -> !s.ok()).count()
                    + " demo step(s) did not do what they should");
        }
    }
}
