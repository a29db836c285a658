package fr.opendmp.examples.identity;

import static fr.opendmp.examples.transcript.Transcript.Check.expect;

import fr.opendmp.core.ins.IdentityDocument;
import fr.opendmp.core.ins.IdentityNotQualifiedException;
import fr.opendmp.core.ins.IdentityStatus;
import fr.opendmp.core.ins.IdentityTraits;
import fr.opendmp.core.ins.Ins;
import fr.opendmp.core.ins.InsMatricule;
import fr.opendmp.core.ins.InsOid;
import fr.opendmp.core.ins.PatientIdentity;
import fr.opendmp.core.insi.InsiClient;
import fr.opendmp.core.error.DmpException;
import fr.opendmp.core.insi.Qualification;
import fr.opendmp.core.insi.Qualification.Outcome;
import fr.opendmp.core.insi.Qualification.QualificationReport;
import fr.opendmp.core.insi.VerificationResult;
import fr.opendmp.examples.fakes.EmbeddedFakes;
import fr.opendmp.examples.transcript.Transcript;
import fr.opendmp.testkit.insi.FakeInsi;
import fr.opendmp.testkit.insi.FakeInsiPopulation;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The identity walk-through of a front desk, against the embedded fake INSi: qualify a patient
 * (INSi retrieval, trait comparison, identity document), handle homonyms, an unknown person, a
 * trait mismatch, a fictitious identity, a matricule change and an INSi outage.
 *
 * <p>Each step prints one line: whether it did what it should, what happened, how long it took and
 * the identity with every patient datum masked.
 */
public final class IdentityWalkthrough {

    private final EmbeddedFakes fakes;
    private final Transcript transcript;

    private IdentityWalkthrough(EmbeddedFakes fakes, Transcript transcript) {
        this.fakes = Objects.requireNonNull(fakes, "fakes");
        this.transcript = Objects.requireNonNull(transcript, "transcript");
    }

    /**
     * Runs the walk-through against the fake INSi (it changes one person's INS and fails two calls).
     *
     * @param fakes the services
     * @param transcript where the steps are written
     */
    public static void run(EmbeddedFakes fakes, Transcript transcript) {
        new IdentityWalkthrough(fakes, transcript).runAll();
    }

    private void runAll() {
        transcript.section("Identity walk-through (fake INSi, fictitious patients, data masked)");
        IdentityDocument idCard = IdentityDocument.of(IdentityDocument.Type.NATIONAL_ID_CARD, "front-desk-01",
                Instant.now());
        FakeInsi fake = fakes.insi();
        try (InsiClient insi = fakes.insiClient()) {
            Qualification qualification = Qualification.with(insi);

            IdentityTraits typedAtDesk = IdentityTraits.builder().birthName("martin").birthFirstNames("Camille  Sophie")
                    .sex("F").birthDate("1987-10-12").birthPlaceCode("49007").usedName("Durand").build();
            PatientIdentity[] qualified = new PatientIdentity[1];
            transcript.step("1. qualify a patient (CNI checked)", () -> {
                QualificationReport r = qualification.qualify(PatientIdentity.provisional(typedAtDesk), idCard);
                qualified[0] = r.identity();
                return expect(r.outcome() == Outcome.QUALIFIED && r.identity().status() == IdentityStatus.QUALIFIEE,
                        describe(r));
            });
            transcript.step("2. deposit guard on the qualified identity", () -> {
                Ins ins = qualified[0].requireQualified();
                return expect(ins.oid() == InsOid.NIR_TEST, "requireQualified() -> " + ins);
            });

            IdentityTraits homonym = IdentityTraits.builder().birthName("Dupont").birthFirstNames("Jean").sex("M")
                    .birthDate("1975-03-14").build();
            transcript.step("3. homonyms, no birth place", () -> {
                QualificationReport r = qualification.qualify(PatientIdentity.provisional(homonym), idCard);
                return expect(r.outcome() == Outcome.SEVERAL_CANDIDATES && r.identity().ins().isEmpty(), describe(r));
            });
            transcript.step("4. homonyms, birth place added", () -> {
                IdentityTraits withPlace = homonym.toBuilder().birthPlaceCode("69123").build();
                QualificationReport r = qualification.qualify(PatientIdentity.provisional(withPlace), idCard);
                return expect(r.outcome() == Outcome.QUALIFIED, describe(r));
            });

            PatientIdentity[] visitor = new PatientIdentity[1];
            transcript.step("5. foreign visitor unknown to INSi", () -> {
                QualificationReport r = qualification.qualify(
                        PatientIdentity.provisional(FakeInsiPopulation.UNKNOWN_TO_INSI), idCard);
                visitor[0] = r.identity();
                return expect(r.outcome() == Outcome.NOT_FOUND && r.identity().status() == IdentityStatus.VALIDEE,
                        describe(r));
            });
            transcript.step("6. deposit guard refuses the VALIDEE identity", () -> {
                try {
                    visitor[0].requireQualified();
                    return expect(false, "requireQualified() accepted a VALIDEE identity");
                } catch (IdentityNotQualifiedException e) {
                    transcript.expectedRefusal();
                    return expect(!e.retryable() && e.status() == IdentityStatus.VALIDEE,
                            IdentityNotQualifiedException.CODE + ", side " + e.side() + ", retryable " + e.retryable());
                }
            });

            transcript.step("7. trait mismatch (second first name missing)", () -> {
                IdentityTraits partial = IdentityTraits.builder().birthName("Martin").birthFirstNames("Camille")
                        .sex("F").birthDate("1987-10-12").birthPlaceCode("49007").build();
                QualificationReport r = qualification.qualify(PatientIdentity.provisional(partial), idCard);
                return expect(r.outcome() == Outcome.TRAITS_MISMATCH && r.identity().ins().isEmpty()
                        && !r.differences().isEmpty(), describe(r) + ", differs on "
                        + r.differences().stream().map(d -> d.trait().name()).toList());
            });

            transcript.step("8. fictitious identity (anonymous patient)", () -> {
                int before = fake.requestCount();
                QualificationReport r = qualification.qualify(
                        PatientIdentity.provisional(typedAtDesk).markFictitious(), idCard);
                return expect(r.outcome() == Outcome.FICTITIOUS && fake.requestCount() == before,
                        describe(r) + ", INSi calls: " + (fake.requestCount() - before));
            });

            transcript.step("9. NIA patient gets a NIR: verify detects MATRICULE_CHANGED", () -> {
                QualificationReport r = qualification.qualify(
                        PatientIdentity.provisional(FakeInsiPopulation.NIA_PATIENT.traits()), idCard);
                PatientIdentity nia = r.identity();
                String number = "2980499109517";
                Ins nir = Ins.of(InsMatricule.of(number, InsMatricule.computeKey(number)), InsOid.NIR_TEST);
                fake.changeActiveIns(nia.requireQualified(), nir);
                VerificationResult v = insi.verify(nia.insiAnswer().orElseThrow());
                if (!(v instanceof VerificationResult.MatriculeChanged changed)) {
                    return expect(false, "verify -> " + v.getClass().getSimpleName());
                }
                PatientIdentity moved = nia.withMatriculeChanged(changed.current());
                return expect(moved.requireQualified().oid() == InsOid.NIR_TEST,
                        "verify -> MATRICULE_CHANGED " + nia.requireQualified().oid() + " -> "
                                + moved.requireQualified().oid() + ", " + moved);
            });

            transcript.step("10. INSi down (503 twice): retried once, then a retryable error", () -> {
                fake.failNext(FakeInsi.Fault.UNAVAILABLE, 2);
                QualificationReport r = qualification.qualify(
                        PatientIdentity.provisional(FakeInsiPopulation.CORSICA_BORN.traits()), idCard);
                boolean retryable = r.failure().map(DmpException::retryable).orElse(false);
                return expect(r.outcome() == Outcome.INSI_FAILED && retryable
                        && r.identity().status() == IdentityStatus.VALIDEE,
                        describe(r) + ", " + r.failure().map(e -> e.getClass().getSimpleName() + " retryable=" + e.retryable()).orElse(""));
            });
        }
    }

    private static String describe(QualificationReport r) {
        return r.outcome() + " -> " + r.identity();
    }

}
