package fr.opendmp.core.ins;

import fr.opendmp.core.ins.IdentityTransitionException.Reason;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A patient's identity in the vendor's base: traits, the INS when INSi gave one, the RNIV status
 * and the attributes doubtful (douteuse) and fictitious (fictive).
 *
 * <p>Immutable: each transition returns a new identity. The status is a pure function of two facts
 * (I: retrieved from INSi with coherent traits; C: identity document checked) and the attributes
 * (doubtful or fictitious force {@link IdentityStatus#PROVISOIRE}). Illegal moves throw an
 * {@link IdentityTransitionException} and leave the identity unchanged.
 *
 * <pre>{@code
 * PatientIdentity p = PatientIdentity.provisional(traits)
 *     .withInsiRetrieval(found.identity())          // RECUPEREE (traits must match)
 *     .withDocumentChecked(IdentityDocument.of(PASSPORT, "op-12", now));  // QUALIFIEE
 * Ins ins = p.requireQualified();                   // every DMP deposit path calls this
 * }</pre>
 *
 * <p>{@link #toString()} masks traits and INS.
 */
public final class PatientIdentity {

    private final IdentityTraits traits;
    private final Optional<Ins> ins;
    private final Optional<InsIdentity> insiAnswer;
    private final boolean retrieved;
    private final boolean checked;
    private final Optional<IdentityDocument> document;
    private final boolean doubtful;
    private final boolean fictitious;
    private final boolean homonym;

    private PatientIdentity(IdentityTraits traits, Optional<Ins> ins, Optional<InsIdentity> insiAnswer,
            boolean retrieved, boolean checked, Optional<IdentityDocument> document, boolean doubtful,
            boolean fictitious, boolean homonym) {
        this.traits = Objects.requireNonNull(traits, "traits");
        this.ins = ins;
        this.insiAnswer = insiAnswer;
        this.retrieved = retrieved;
        this.checked = checked;
        this.document = document;
        this.doubtful = doubtful;
        this.fictitious = fictitious;
        this.homonym = homonym;
    }

    /**
     * @param traits the declared traits
     * @return a provisional identity (no INS, nothing checked)
     */
    public static PatientIdentity provisional(IdentityTraits traits) {
        return new PatientIdentity(traits, Optional.empty(), Optional.empty(), false, false, Optional.empty(),
                false, false, false);
    }

    /**
     * A qualified identity for data <b>already qualified in the vendor's base</b> (read back from
     * storage, or test fixtures). New identities must go through {@link #withInsiRetrieval} and
     * {@link #withDocumentChecked} instead.
     *
     * @param traits the stored traits
     * @param ins the stored INS
     * @return a {@link IdentityStatus#QUALIFIEE} identity
     */
    public static PatientIdentity qualified(IdentityTraits traits, Ins ins) {
        return new PatientIdentity(traits, Optional.of(Objects.requireNonNull(ins, "ins")), Optional.empty(),
                true, true, Optional.empty(), false, false, false);
    }

    /**
     * A qualified identity from an INSi answer and the identity document checked against its traits.
     *
     * @param answer the INSi answer (CR 00)
     * @param document the document checked
     * @return a {@link IdentityStatus#QUALIFIEE} identity whose traits are the INSi traits
     */
    public static PatientIdentity qualified(InsIdentity answer, IdentityDocument document) {
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(document, "document");
        return new PatientIdentity(answer.traits(), Optional.of(answer.ins()), Optional.of(answer), true, true,
                Optional.of(document), false, false, false);
    }

    /**
     * Reads back an identity stored with its status (no INSi answer nor document record kept).
     *
     * @param traits the stored traits
     * @param ins the stored INS, required for RECUPEREE and QUALIFIEE
     * @param status the stored status
     * @return the identity
     * @throws IdentityTransitionException ({@link Reason#INCONSISTENT}) if the status needs an INS
     *     that is absent
     */
    public static PatientIdentity stored(IdentityTraits traits, Optional<Ins> ins, IdentityStatus status) {
        Objects.requireNonNull(ins, "ins");
        Objects.requireNonNull(status, "status");
        if (status.retrievedFromInsi() && ins.isEmpty()) {
            throw new IdentityTransitionException(Reason.INCONSISTENT,
                    "status " + status.code() + " needs the INS that INSi returned", List.of());
        }
        return new PatientIdentity(traits, status.retrievedFromInsi() ? ins : Optional.empty(), Optional.empty(),
                status.retrievedFromInsi(), status.documentChecked(), Optional.empty(), false, false, false);
    }

    /** @return the traits (strict and used) */
    public IdentityTraits traits() {
        return traits;
    }

    /** @return the INS, present when the identity was retrieved from INSi (RECUPEREE or QUALIFIEE) */
    public Optional<Ins> ins() {
        return ins;
    }

    /** @return the INSi answer the identity was retrieved with, when it is known */
    public Optional<InsIdentity> insiAnswer() {
        return insiAnswer;
    }

    /** @return the document check on record, when it is known */
    public Optional<IdentityDocument> documentCheck() {
        return document;
    }

    /** @return the RNIV status, recomputed from the facts and attributes */
    public IdentityStatus status() {
        if (doubtful || fictitious) {
            return IdentityStatus.PROVISOIRE;
        }
        return IdentityStatus.of(retrieved, checked);
    }

    /** @return whether the identity is flagged doubtful (douteuse) */
    public boolean isDoubtful() {
        return doubtful;
    }

    /** @return whether the identity is flagged fictitious (fictive: anonymity, unknown patient…) */
    public boolean isFictitious() {
        return fictitious;
    }

    /** @return whether the identity is flagged homonym (no effect on the status) */
    public boolean isHomonym() {
        return homonym;
    }

    /**
     * The check every DMP exchange makes before any network call.
     *
     * @return the INS of a qualified identity
     * @throws IdentityNotQualifiedException if the status is not {@link IdentityStatus#QUALIFIEE}
     */
    public Ins requireQualified() {
        IdentityStatus status = status();
        if (status != IdentityStatus.QUALIFIEE || ins.isEmpty()) {
            String flags = (doubtful ? ", flagged doubtful" : "") + (fictitious ? ", flagged fictitious" : "");
            throw new IdentityNotQualifiedException(status,
                    "the patient's identity is " + status + " (" + status.code() + ")" + flags
                            + "; only a QUALIFIEE identity may carry its INS in exchanges");
        }
        return ins.get();
    }

    /**
     * PROVISOIRE → RECUPEREE, or VALIDEE → QUALIFIEE: an INSi answer (CR 00) whose traits match
     * the local strict traits exactly after normalisation. The local traits are kept as they are.
     *
     * @param answer the INSi answer
     * @return the identity with fact I
     * @throws IdentityTransitionException if doubtful, fictitious, or the traits differ (with the
     *     per-trait diff)
     */
    public PatientIdentity withInsiRetrieval(InsIdentity answer) {
        Objects.requireNonNull(answer, "answer");
        refuseIfFlagged("an INSi retrieval");
        List<TraitDifference> diffs = TraitDifference.between(traits, answer.traits());
        if (!diffs.isEmpty()) {
            throw new IdentityTransitionException(Reason.TRAITS_MISMATCH,
                    "the INSi traits differ on " + diffs.stream().map(d -> d.trait().name()).toList()
                            + ": do not accept the INS; send to the identity-vigilance cell", diffs);
        }
        return new PatientIdentity(traits, Optional.of(answer.ins()), Optional.of(answer), true, checked, document,
                doubtful, fictitious, homonym);
    }

    /**
     * PROVISOIRE → VALIDEE, or RECUPEREE → QUALIFIEE: the traits were checked against a
     * high-trust identity document.
     *
     * @param check the document, who checked it and when
     * @return the identity with fact C
     * @throws IdentityTransitionException if doubtful or fictitious
     */
    public PatientIdentity withDocumentChecked(IdentityDocument check) {
        Objects.requireNonNull(check, "check");
        refuseIfFlagged("a document check");
        return new PatientIdentity(traits, ins, insiAnswer, retrieved, true, Optional.of(check), doubtful,
                fictitious, homonym);
    }

    /**
     * A new INSi answer whose active INS replaced the current one (NIA → NIR, correction): the
     * current INS must be in the answer's history and the traits must still match.
     *
     * @param answer the new INSi answer
     * @return the identity with the new active INS
     * @throws IdentityTransitionException if not retrieved, unrelated matricule or traits differ
     */
    public PatientIdentity withMatriculeChanged(InsIdentity answer) {
        Objects.requireNonNull(answer, "answer");
        if (!retrieved || ins.isEmpty()) {
            throw new IdentityTransitionException(Reason.NOT_RETRIEVED,
                    "no INS to replace: retrieve the identity from INSi first", List.of());
        }
        if (!answer.knows(ins.get())) {
            throw new IdentityTransitionException(Reason.UNRELATED_MATRICULE,
                    "the new answer does not list the current INS in its history", List.of());
        }
        return withInsiRetrieval(answer);
    }

    /**
     * INSi verification failed or the traits are no longer coherent: fact I is lost
     * (QUALIFIEE → VALIDEE, RECUPEREE → PROVISOIRE) with the INS.
     *
     * @return the identity without fact I
     */
    public PatientIdentity withInsiVerificationFailed() {
        return new PatientIdentity(traits, Optional.empty(), Optional.empty(), false, checked, document, doubtful,
                fictitious, homonym);
    }

    /**
     * The document proved wrong: fact C is lost (QUALIFIEE → RECUPEREE, VALIDEE → PROVISOIRE).
     *
     * @return the identity without fact C
     */
    public PatientIdentity withDocumentRefuted() {
        return new PatientIdentity(traits, ins, insiAnswer, retrieved, false, Optional.empty(), doubtful,
                fictitious, homonym);
    }

    /**
     * A user edited the traits. Changing a strict trait of an INSi-derived identity loses fact I
     * (and the INS); changing only the used names keeps the status.
     *
     * @param edited the new traits
     * @return the identity with the new traits
     */
    public PatientIdentity withTraits(IdentityTraits edited) {
        Objects.requireNonNull(edited, "edited");
        boolean strictChanged = !edited.strict().equals(traits.strict());
        if (!strictChanged) {
            return new PatientIdentity(edited, ins, insiAnswer, retrieved, checked, document, doubtful, fictitious,
                    homonym);
        }
        return new PatientIdentity(edited, Optional.empty(), Optional.empty(), false, checked, document, doubtful,
                fictitious, homonym);
    }

    /**
     * Flags the identity doubtful: forced PROVISOIRE; the INSi retrieval and the document check are
     * dropped, so lifting the flag needs a new qualification.
     *
     * @return the flagged identity
     */
    public PatientIdentity markDoubtful() {
        return new PatientIdentity(traits, Optional.empty(), Optional.empty(), false, false, Optional.empty(), true,
                fictitious, homonym);
    }

    /**
     * Flags the identity fictitious (anonymous birth, anonymity request, unknown patient): forced
     * PROVISOIRE, INSi calls refused; the retrieval and the document check are dropped.
     *
     * @return the flagged identity
     */
    public PatientIdentity markFictitious() {
        return new PatientIdentity(traits, Optional.empty(), Optional.empty(), false, false, Optional.empty(),
                doubtful, true, homonym);
    }

    /** @return the identity without the doubtful flag (still PROVISOIRE until qualified again) */
    public PatientIdentity clearDoubtful() {
        return new PatientIdentity(traits, ins, insiAnswer, retrieved, checked, document, false, fictitious, homonym);
    }

    /** @return the identity flagged homonym (an attribute; the status is unchanged) */
    public PatientIdentity markHomonym() {
        return new PatientIdentity(traits, ins, insiAnswer, retrieved, checked, document, doubtful, fictitious, true);
    }

    private void refuseIfFlagged(String what) {
        if (fictitious) {
            throw new IdentityTransitionException(Reason.FICTITIOUS,
                    what + " is refused for a fictitious identity: it stays PROVISOIRE", List.of());
        }
        if (doubtful) {
            throw new IdentityTransitionException(Reason.DOUBTFUL,
                    what + " is refused for a doubtful identity: resolve the doubt and clear the flag first",
                    List.of());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PatientIdentity p && traits.equals(p.traits) && ins.equals(p.ins)
                && insiAnswer.equals(p.insiAnswer) && retrieved == p.retrieved && checked == p.checked
                && document.equals(p.document) && doubtful == p.doubtful && fictitious == p.fictitious
                && homonym == p.homonym;
    }

    @Override
    public int hashCode() {
        return Objects.hash(traits, ins, insiAnswer, retrieved, checked, document, doubtful, fictitious, homonym);
    }

    /** Masked: status and flags, never a trait nor the INS. */
    @Override
    public String toString() {
        return "PatientIdentity[" + status() + ", ins=" + ins.map(Ins::toString).orElse("none")
                + (doubtful ? ", doubtful" : "") + (fictitious ? ", fictitious" : "")
                + (homonym ? ", homonym" : "") + ", traits=***]";
    }
}
