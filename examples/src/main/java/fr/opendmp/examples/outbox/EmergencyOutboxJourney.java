package fr.opendmp.examples.outbox;

import fr.opendmp.cda.InstanceId;
import fr.opendmp.cda.build.DocumentHeader;
import fr.opendmp.core.party.Organization;
import fr.opendmp.core.party.Professional;
import fr.opendmp.cda.outbox.CdaRenderers;
import fr.opendmp.core.client.DmpClient;
import fr.opendmp.core.document.Author;
import fr.opendmp.core.code.Code;
import fr.opendmp.core.code.CodeSystems;
import fr.opendmp.core.document.DocumentMetadata;
import fr.opendmp.core.document.DocumentType;
import fr.opendmp.core.ins.PatientIdentity;
import fr.opendmp.core.outbox.DepositOutbox;
import fr.opendmp.core.outbox.JdbcOutboxStore;
import fr.opendmp.core.outbox.OutboxItem;
import fr.opendmp.core.outbox.OutboxMetrics;
import fr.opendmp.core.outbox.OutboxOutcome;
import fr.opendmp.core.outbox.OutboxRequest;
import fr.opendmp.core.outbox.OutboxState;
import fr.opendmp.examples.fakes.EmbeddedFakes;
import fr.opendmp.examples.transcript.Transcript;
import fr.opendmp.testkit.dmp.FakePatient;
import fr.opendmp.testkit.dmp.FakeProfessional;
import fr.opendmp.testkit.insi.FakeInsiPopulation;
import fr.opendmp.testkit.insi.InsiPerson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Journey (issue 19): an unconscious patient without papers is admitted to the emergency room; the
 * discharge letter is written before anyone knows who the patient is. The DPI queues it in the
 * deposit outbox with the declared (provisional) identity: nothing is sent, nothing is lost. Two
 * days later the identity cell qualifies the identity (INSi + identity document); the outbox
 * builds the CDA with the INS in its header and deposits it, once.
 *
 * <p>The clock is a fake one: the two days pass in a moment.
 */
public final class EmergencyOutboxJourney {

    static final Organization HOSPITAL = Organization.of("10B0167011", "Centre Hospitalier de Test");
    static final Professional URGENTIST = Professional.of("810004567890", "Paul", "TEST-URGENCES")
            .withOrganization(HOSPITAL);
    static final FakeProfessional URGENCES = FakeProfessional.doctor(URGENTIST.idNat());
    static final String LOCAL_PATIENT_ID = "IPP-URG-0001";
    static final String LETTER_UID = "urn:oid:1.2.250.1.999.1.19.1";
    private static final InsiPerson PATIENT = FakeInsiPopulation.ORDINARY;
    private static final Code FACILITY = Code.of(CodeSystems.TRE_R02, "SA01", "Etablissement public de santé");
    private static final Code SETTING = Code.of(CodeSystems.PRACTICE_SETTING, "ETABLISSEMENT", "Etablissement de santé");

    private EmergencyOutboxJourney() {
    }

    /** A clock the journey moves by hand. */
    static final class ManualClock extends Clock {
        private volatile Instant now;

        ManualClock(Instant start) {
            now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return DocumentHeader.PARIS;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    /** What the journey saw: every outcome, and the metrics while the letter waited. */
    public record Result(List<OutboxOutcome> outcomes, OutboxMetrics whileWaiting, OutboxItem finalItem) {
    }

    /**
     * @param fakes the embedded fake DMP and INSi
     * @param transcript where the steps are told
     * @param admission when the patient arrived
     * @param storeDir where the outbox keeps its H2 file
     * @return what happened
     */
    public static Result run(EmbeddedFakes fakes, Transcript transcript, OffsetDateTime admission, Path storeDir) {
        ManualClock clock = new ManualClock(admission.toInstant());
        List<OutboxOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        fakes.dmp().seedPatient(FakePatient.open(PATIENT.ins().value()));
        OutboxMetrics[] waiting = new OutboxMetrics[1];
        try (DmpClient dmp = fakes.dmpClient(URGENCES);
                DepositOutbox outbox = DepositOutbox.builder().store(JdbcOutboxStore.h2(storeDir)).dmp(dmp).clock(clock)
                        .structureId("10B0167011").listener(outcomes::add)
                        .renderer("cda-n1-pdf", CdaRenderers.n1Pdf(item -> header(admission))).build()) {
            transcript.section("Journey 4 - emergency room: a letter for a patient nobody can identify yet");
            PatientIdentity declared = PatientIdentity.provisional(PATIENT.traits());
            // the fake may already hold other journeys' documents (the demo): count from here
            int before = fakes.dmp().documentCount();
            int[] afterSend = new int[1];
            transcript.step("1. queue the discharge letter, provisional identity", () -> {
                OutboxItem queued = outbox.enqueue(OutboxRequest.builder().localPatientId(LOCAL_PATIENT_ID)
                        .patient(declared).document(metadata(admission), letterPdf()).renderer("cda-n1-pdf").build());
                outbox.drainOnce();
                return Transcript.Check.expect(queued.state() == OutboxState.WAITING_QUALIFICATION
                        && fakes.dmp().documentCount() == before, "kept, " + queued.state() + ", nothing sent");
            });
            clock.advance(Duration.ofDays(2));
            transcript.step("2. two days later: the operators see why it waits", () -> {
                waiting[0] = outbox.metrics();
                List<OutboxItem> pending = outbox.pending();
                return Transcript.Check.expect(pending.size() == 1 && waiting[0].oldestPendingAge().toDays() == 2,
                        pending.size() + " pending (" + pending.get(0).reason().orElse("?") + "), oldest "
                                + waiting[0].oldestPendingAge().toDays() + " days");
            });
            transcript.section("Journey 4 - identity cell: the identity is qualified (INSi + identity document)");
            PatientIdentity qualified = PatientIdentity.qualified(PATIENT.traits(), PATIENT.ins());
            transcript.step("3. qualified: the letter built with the INS, deposited",
                    () -> {
                        List<OutboxItem> ready = outbox.identityQualified(LOCAL_PATIENT_ID, qualified);
                        outbox.drainOnce();
                        OutboxItem sent = outbox.find(LETTER_UID).orElseThrow();
                        if (sent.state() == OutboxState.SENT) {
                            transcript.deposited(1);
                        }
                        afterSend[0] = fakes.dmp().documentCount();
                        return Transcript.Check.expect(ready.size() == 1 && sent.state() == OutboxState.SENT
                                && afterSend[0] > before && dmp.documents().findByUniqueId(PATIENT.ins(), LETTER_UID)
                                        .isPresent(), sent.state() + " after " + sent.attempts() + " attempt(s)");
                    });
            transcript.step("4. run again: nothing is sent twice", () -> {
                outbox.retryNow(LETTER_UID);
                outbox.drainOnce();
                return Transcript.Check.expect(fakes.dmp().documentCount() == afterSend[0],
                        "still 1 letter in the DMP");
            });
            return new Result(List.copyOf(outcomes), waiting[0], outbox.find(LETTER_UID).orElseThrow());
        }
    }

    static DocumentHeader.Builder header(OffsetDateTime admission) {
        return DocumentHeader.builder().author(URGENTIST).custodian(HOSPITAL)
                .localPatientId(InstanceId.of("1.2.250.1.999.2", LOCAL_PATIENT_ID))
                .setId(InstanceId.of("1.2.250.1.999.1.19")).effectiveTime(admission.plusHours(6))
                .documentType(DocumentType.LETTRE_LIAISON_SORTIE.code()).title("Lettre de liaison à la sortie")
                .serviceStart(admission).serviceEnd(admission.plusHours(5))
                .practiceSetting(SETTING).facilityType(FACILITY);
    }

    static DocumentMetadata metadata(OffsetDateTime admission) {
        return DocumentMetadata.builder().uniqueId(LETTER_UID).type(DocumentType.LETTRE_LIAISON_SORTIE)
                .title("Lettre de liaison à la sortie").facilityType(FACILITY).practiceSetting(SETTING)
                .creationTime(admission.plusHours(6)).serviceStart(admission)
                .author(Author.of(URGENTIST.idNat())).build();
    }

    static byte[] letterPdf() {
        return ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
                + "trailer<</Root 1 0 R>>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** Runs the journey on the embedded fakes and prints it. */
    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("opendmp-outbox-journey");
        try (EmbeddedFakes fakes = EmbeddedFakes.start()) {
            Transcript transcript = new Transcript(System.out);
            run(fakes, transcript, OffsetDateTime.parse("2026-11-21T03:10:00+01:00"), dir);
            System.out.println(transcript.summary());
        }
    }
}
