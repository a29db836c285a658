package fr.opendmp.core.insi;

import fr.opendmp.core.error.DmpException;
import fr.opendmp.core.ins.IdentityDocument;
import fr.opendmp.core.ins.IdentityStatus;
import fr.opendmp.core.ins.IdentityTransitionException;
import fr.opendmp.core.ins.PatientIdentity;
import fr.opendmp.core.ins.TraitDifference;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Walks an identity through the RNIV qualification flow: refuse doubtful and fictitious
 * identities, retrieve the INS from INSi, compare the traits (exact equality after
 * normalisation, per-trait diff on mismatch), record the identity document checked, and reach
 * {@link IdentityStatus#QUALIFIEE} — or say why not.
 *
 * <pre>{@code
 * QualificationReport report = Qualification.with(insi).qualify(local,
 *         IdentityDocument.of(IdentityDocument.Type.PASSPORT, "operator-12", Instant.now()));
 * if (report.qualified()) { store(report.identity()); }
 * else { show(report.outcome(), report.differences()); }
 * }</pre>
 *
 * <p>The document is recorded even when INSi does not qualify the identity (it then becomes
 * {@link IdentityStatus#VALIDEE}). Thread-safe; holds no state between calls.
 */
public final class Qualification {

    /** Why the walk ended where it did. */
    public enum Outcome {
        /** INSi found one identity with coherent traits and the document was checked. */
        QUALIFIED,
        /** INSi traits differ: the INS is not accepted; send to the identity-vigilance cell. */
        TRAITS_MISMATCH,
        /** INSi found several identities (CR 02): ask for the birth place and all first names. */
        SEVERAL_CANDIDATES,
        /** INSi found no identity (CR 01): stays VALIDEE with the document; retry later. */
        NOT_FOUND,
        /** The identity is doubtful: INSi was not called. */
        DOUBTFUL,
        /** The identity is fictitious: INSi was not called. */
        FICTITIOUS,
        /** INSi failed technically: status unchanged by INSi; retry later if retryable. */
        INSI_FAILED
    }

    /**
     * One step of the walk, for the operator's screen or a transcript (no patient data).
     *
     * @param name what the step did
     * @param result its outcome in plain words
     * @param duration how long it took
     */
    public record Step(String name, String result, Duration duration) {
        /**
         * Checks each part.
         * @param name what the step did
         * @param result its outcome in plain words
         * @param duration how long it took
         */
        public Step {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(duration, "duration");
        }
    }

    /**
     * The end of a walk.
     *
     * @param outcome why it ended there
     * @param identity the identity reached (QUALIFIEE when {@link Outcome#QUALIFIED})
     * @param differences the per-trait diff ({@link Outcome#TRAITS_MISMATCH} only)
     * @param failure the INSi call's error ({@link Outcome#INSI_FAILED} only)
     * @param steps the steps taken, in order
     */
    public record QualificationReport(Outcome outcome, PatientIdentity identity, List<TraitDifference> differences,
            Optional<DmpException> failure, List<Step> steps) {
        /**
         * Checks and copies each part.
         * @param outcome why it ended there
         * @param identity the identity reached (QUALIFIEE when {@link Outcome#QUALIFIED})
         * @param differences the per-trait diff ({@link Outcome#TRAITS_MISMATCH} only)
         * @param failure the INSi call's error ({@link Outcome#INSI_FAILED} only)
         * @param steps the steps taken, in order
         */
        public QualificationReport {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(identity, "identity");
            differences = List.copyOf(differences);
            Objects.requireNonNull(failure, "failure");
            steps = List.copyOf(steps);
        }

        /** @return whether the identity reached QUALIFIEE */
        public boolean qualified() {
            return outcome == Outcome.QUALIFIED;
        }
    }

    private final InsiClient insi;
    private final Clock clock;

    private Qualification(InsiClient insi, Clock clock) {
        this.insi = Objects.requireNonNull(insi, "insi");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param insi the INSi client
     * @return a qualification helper using the system clock for step durations
     */
    public static Qualification with(InsiClient insi) {
        return new Qualification(insi, Clock.systemUTC());
    }

    /**
     * @param insi the INSi client
     * @param clock the clock for step durations (a test seam)
     * @return a qualification helper
     */
    public static Qualification with(InsiClient insi, Clock clock) {
        return new Qualification(insi, clock);
    }

    /**
     * Walks the identity to QUALIFIEE.
     *
     * @param local the local identity (its traits as checked on the document)
     * @param document the high-trust document the operator checked
     * @return the outcome, the identity reached, and the steps
     */
    public QualificationReport qualify(PatientIdentity local, IdentityDocument document) {
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(document, "document");
        List<Step> steps = new ArrayList<>();
        long t0 = clock.millis();
        if (local.isFictitious() || local.isDoubtful()) {
            Outcome o = local.isFictitious() ? Outcome.FICTITIOUS : Outcome.DOUBTFUL;
            steps.add(step("check attributes", "identity is " + o.name().toLowerCase(java.util.Locale.ROOT)
                    + ": INSi not called, stays PROVISOIRE", t0));
            return new QualificationReport(o, local, List.of(), Optional.empty(), steps);
        }
        steps.add(step("check attributes", "neither doubtful nor fictitious", t0));

        long t1 = clock.millis();
        InsiResult result;
        try {
            result = insi.search(local);
        } catch (DmpException e) {
            steps.add(step("INSi search", "technical failure " + e.getClass().getSimpleName()
                    + (e.retryable() ? " (retryable)" : ""), t1));
            PatientIdentity withDoc = recordDocument(local, document, steps);
            return new QualificationReport(Outcome.INSI_FAILED, withDoc, List.of(), Optional.of(e), steps);
        }
        steps.add(step("INSi search", "CR " + result.resultCode() + " (" + describe(result) + ")", t1));

        if (result instanceof InsiResult.NotFound) {
            PatientIdentity withDoc = recordDocument(local, document, steps);
            return new QualificationReport(Outcome.NOT_FOUND, withDoc, List.of(), Optional.empty(), steps);
        }
        if (result instanceof InsiResult.Multiple) {
            PatientIdentity withDoc = recordDocument(local.markHomonym(), document, steps);
            return new QualificationReport(Outcome.SEVERAL_CANDIDATES, withDoc, List.of(), Optional.empty(), steps);
        }
        InsiResult.Found found = (InsiResult.Found) result;
        long t2 = clock.millis();
        PatientIdentity retrieved;
        try {
            retrieved = local.withInsiRetrieval(found.identity());
        } catch (IdentityTransitionException e) {
            steps.add(step("compare traits", "mismatch on " + e.differences().stream()
                    .map(d -> d.trait().name()).toList() + ": INS not accepted", t2));
            PatientIdentity withDoc = recordDocument(local, document, steps);
            return new QualificationReport(Outcome.TRAITS_MISMATCH, withDoc, e.differences(), Optional.empty(), steps);
        }
        steps.add(step("compare traits", "coherent -> " + retrieved.status(), t2));
        PatientIdentity qualified = recordDocument(retrieved, document, steps);
        return new QualificationReport(Outcome.QUALIFIED, qualified, List.of(), Optional.empty(), steps);
    }

    private PatientIdentity recordDocument(PatientIdentity identity, IdentityDocument document, List<Step> steps) {
        long t = clock.millis();
        PatientIdentity checked = identity.withDocumentChecked(document);
        steps.add(step("record document", document.type() + document.parentDocument().map(p -> " + parent " + p)
                .orElse("") + " checked -> " + checked.status(), t));
        return checked;
    }

    private static String describe(InsiResult r) {
        if (r instanceof InsiResult.Found f) {
            return "one identity, " + f.identity().ins().oid() + ", " + f.history().size() + " former matricule(s)";
        }
        return r instanceof InsiResult.Multiple ? "several identities" : "no identity";
    }

    private Step step(String name, String result, long startMillis) {
        return new Step(name, result, Duration.ofMillis(Math.max(0, clock.millis() - startMillis)));
    }
}
