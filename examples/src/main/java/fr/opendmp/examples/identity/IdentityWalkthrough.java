package fr.opendmp.examples.identity;

import fr.opendmp.core.credentials.CredentialsProvider;
import fr.opendmp.core.ins.IdentityDocument;
import fr.opendmp.core.ins.IdentityNotQualifiedException;
import fr.opendmp.core.ins.IdentityStatus;
import fr.opendmp.core.ins.IdentityTraits;
import fr.opendmp.core.ins.Ins;
import fr.opendmp.core.ins.InsMatricule;
import fr.opendmp.core.ins.InsOid;
import fr.opendmp.core.ins.PatientIdentity;
import fr.opendmp.core.insi.InsiClient;
import fr.opendmp.core.insi.InsiException;
import fr.opendmp.core.insi.Qualification;
import fr.opendmp.core.insi.Qualification.Outcome;
import fr.opendmp.core.insi.Qualification.QualificationReport;
import fr.opendmp.core.insi.VerificationResult;
import fr.opendmp.testkit.insi.FakeInsi;
import fr.opendmp.testkit.insi.FakeInsiPopulation;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The identity walk-through of a front desk, against an embedded fake INSi: qualify a patient
 * (INSi retrieval, trait comparison, identity document), handle homonyms, an unknown person, a
 * trait mismatch, a fictitious identity, a matricule change and an INSi outage.
 *
 * <p>Each step prints one line: whether it did what it should, what happened, how long it took and
 * the identity with every patient datum masked.
 */
public final class IdentityWalkthrough {

    /**
     * One step of the transcript.
     *
     * @param name the step
     * @param ok whether it did what it should
     * @param outcome what happened (no patient data)
     * @param duration how long it took
     */
    public record StepResult(String name, boolean ok, String outcome, Duration duration) {
    }

    private final PrintStream out;
    private final Clock clock = Clock.systemUTC();
    private final List<StepResult> results = new ArrayList<>();

    private IdentityWalkthrough(PrintStream out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    /**
     * Runs the walk-through and prints its transcript.
     *
     * @param out where the transcript goes
     * @return every step, in order
     */
    public static List<StepResult> run(PrintStream out) {
        return new IdentityWalkthrough(out).runAll();
    }

    private List<StepResult> runAll() {
        out.println("== Identity walk-through (fake INSi, fictitious patients, data masked) ==");
        IdentityDocument idCard = IdentityDocument.of(IdentityDocument.Type.NATIONAL_ID_CARD, "front-desk-01",
                Instant.now(clock));
        try (FakeInsi fake = FakeInsi.builder().start();
                InsiClient insi = InsiClient.builder().endpoint(fake.baseUri())
                        .credentials(CredentialsProvider.none())
                        .software("OpenDMP-demo", "0.1.0", "DEMO-AUTH-0001").emitter("demo-structure")
                        .requestTimeout(Duration.ofSeconds(5)).build()) {
            Qualification qualification = Qualification.with(insi);

            IdentityTraits typedAtDesk = IdentityTraits.builder().birthName("martin").birthFirstNames("Camille  Sophie")
                    .sex("F").birthDate("1987-10-12").birthPlaceCode("49007").usedName("Durand").build();
            PatientIdentity[] qualified = new PatientIdentity[1];
            step("1. qualify a patient (CNI checked)", () -> {
                QualificationReport r = qualification.qualify(PatientIdentity.provisional(typedAtDesk), idCard);
                qualified[0] = r.identity();
                return expect(r.outcome() == Outcome.QUALIFIED && r.identity().status() == IdentityStatus.QUALIFIEE,
                        describe(r));
            });
            step("2. deposit guard on the qualified identity", () -> {
                Ins ins = qualified[0].requireQualified();
                return expect(ins.oid() == InsOid.NIR_TEST, "requireQualified() -> " + ins);
            });

            IdentityTraits homonym = IdentityTraits.builder().birthName("Dupont").birthFirstNames("Jean").sex("M")
                    .birthDate("1975-03-14").build();
            step("3. homonyms, no birth place", () -> {
                QualificationReport r = qualification.qualify(PatientIdentity.provisional(homonym), idCard);
                return expect(r.outcome() == Outcome.SEVERAL_CANDIDATES && r.identity().ins().isEmpty(), describe(r));
            });
            step("4. homonyms, birth place added", () -> {
                IdentityTraits withPlace = homonym.toBuilder().birthPlaceCode("69123").build();
                QualificationReport r = qualification.qualify(PatientIdentity.provisional(withPlace), idCard);
                return expect(r.outcome() == Outcome.QUALIFIED, describe(r));
            });

            PatientIdentity[] visitor = new PatientIdentity[1];
            step("5. foreign visitor unknown to INSi", () -> {
                QualificationReport r = qualification.qualify(
                        PatientIdentity.provisional(FakeInsiPopulation.UNKNOWN_TO_INSI), idCard);
                visitor[0] = r.identity();
                return expect(r.outcome() == Outcome.NOT_FOUND && r.identity().status() == IdentityStatus.VALIDEE,
                        describe(r));
            });
            step("6. deposit guard refuses the VALIDEE identity", () -> {
                try {
                    visitor[0].requireQualified();
                    return expect(false, "requireQualified() accepted a VALIDEE identity");
                } catch (IdentityNotQualifiedException e) {
                    return expect(!e.retryable() && e.status() == IdentityStatus.VALIDEE,
                            IdentityNotQualifiedException.CODE + ", side " + e.side() + ", retryable " + e.retryable());
                }
            });

            step("7. trait mismatch (second first name missing)", () -> {
                IdentityTraits partial = IdentityTraits.builder().birthName("Martin").birthFirstNames("Camille")
                        .sex("F").birthDate("1987-10-12").birthPlaceCode("49007").build();
                QualificationReport r = qualification.qualify(PatientIdentity.provisional(partial), idCard);
                return expect(r.outcome() == Outcome.TRAITS_MISMATCH && r.identity().ins().isEmpty()
                        && !r.differences().isEmpty(), describe(r) + ", differs on "
                        + r.differences().stream().map(d -> d.trait().name()).toList());
            });

            step("8. fictitious identity (anonymous patient)", () -> {
                int before = fake.requestCount();
                QualificationReport r = qualification.qualify(
                        PatientIdentity.provisional(typedAtDesk).markFictitious(), idCard);
                return expect(r.outcome() == Outcome.FICTITIOUS && fake.requestCount() == before,
                        describe(r) + ", INSi calls: " + (fake.requestCount() - before));
            });

            step("9. NIA patient gets a NIR: verify detects MATRICULE_CHANGED", () -> {
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

            step("10. INSi down (503 twice): retried once, then a retryable error", () -> {
                fake.failNext(FakeInsi.Fault.UNAVAILABLE, 2);
                QualificationReport r = qualification.qualify(
                        PatientIdentity.provisional(FakeInsiPopulation.CORSICA_BORN.traits()), idCard);
                boolean retryable = r.failure().map(InsiException::retryable).orElse(false);
                return expect(r.outcome() == Outcome.INSI_FAILED && retryable
                        && r.identity().status() == IdentityStatus.VALIDEE,
                        describe(r) + ", " + r.failure().map(e -> e.kind() + " retryable=" + e.retryable()).orElse(""));
            });
        }
        long ok = results.stream().filter(StepResult::ok).count();
        out.println("== " + ok + "/" + results.size() + " steps did what they should ==");
        return List.copyOf(results);
    }

    private record Check(boolean ok, String outcome) {
    }

    private static Check expect(boolean ok, String outcome) {
        return new Check(ok, outcome);
    }

    private static String describe(QualificationReport r) {
        return r.outcome() + " -> " + r.identity();
    }

    private void step(String name, Supplier<Check> body) {
        long start = clock.millis();
        Check check;
        try {
            check = body.get();
        } catch (RuntimeException e) {
            check = new Check(false, "unexpected " + e.getClass().getSimpleName());
        }
        Duration d = Duration.ofMillis(clock.millis() - start);
        StepResult result = new StepResult(name, check.ok(), check.outcome(), d);
        results.add(result);
        out.printf("[%s] %-62s %5d ms  %s%n", check.ok() ? " ok " : "FAIL", name, d.toMillis(), check.outcome());
    }
}
