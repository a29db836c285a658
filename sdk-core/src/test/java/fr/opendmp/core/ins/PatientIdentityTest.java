package fr.opendmp.core.ins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opendmp.core.error.DmpException;
import fr.opendmp.core.ins.IdentityTransitionException.Reason;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PatientIdentityTest {

    private static final String NUMBER = "2871049007123";
    private static final Ins INS = Ins.of(InsMatricule.of(NUMBER, InsMatricule.computeKey(NUMBER)), InsOid.NIR_TEST);
    private static final IdentityTraits LOCAL = IdentityTraits.builder().birthName("Martin")
            .birthFirstNames("Camille Sophie").birthDate("1987-10-12").sex(Sex.F).birthPlaceCode("49007")
            .usedName("Durand").build();
    private static final InsIdentity ANSWER = new InsIdentity(INS, List.of(), "MARTIN", "CAMILLE SOPHIE", "F",
            "1987-10-12", Optional.of("49007"));
    private static final IdentityDocument PASSPORT = IdentityDocument.of(IdentityDocument.Type.PASSPORT, "op-7",
            Instant.parse("2026-01-02T10:00:00Z"));

    @Test
    void provisionalIdentityIsRefusedForExchangesWithAClientSideNonRetryableError() {
        PatientIdentity p = PatientIdentity.provisional(LOCAL);
        assertThatThrownBy(p::requireQualified).isInstanceOfSatisfying(IdentityNotQualifiedException.class, e -> {
            assertThat(e).isInstanceOf(DmpException.class);
            assertThat(e.side()).isEqualTo(DmpException.Side.CLIENT);
            assertThat(e.retryable()).isFalse();
            assertThat(e.hint()).contains("INSi").contains("identity document");
            assertThat(e.status()).isEqualTo(IdentityStatus.PROVISOIRE);
            assertThat(e.getMessage()).contains("IDENTITY_NOT_QUALIFIED").doesNotContain("MARTIN", "1987");
        });
    }

    @Test
    void insiRetrievalThenDocumentReachesQualifiedAndRequireQualifiedGivesTheIns() {
        PatientIdentity recup = PatientIdentity.provisional(LOCAL).withInsiRetrieval(ANSWER);
        assertThat(recup.status()).isEqualTo(IdentityStatus.RECUPEREE);
        assertThatThrownBy(recup::requireQualified).isInstanceOf(IdentityNotQualifiedException.class);
        PatientIdentity qual = recup.withDocumentChecked(PASSPORT);
        assertThat(qual.status()).isEqualTo(IdentityStatus.QUALIFIEE);
        assertThat(qual.requireQualified()).isEqualTo(INS);
        assertThat(qual.documentCheck()).contains(PASSPORT);
        assertThat(qual.traits().usedName()).contains("DURAND");
    }

    @Test
    void documentThenInsiRetrievalAlsoReachesQualified() {
        PatientIdentity vali = PatientIdentity.provisional(LOCAL).withDocumentChecked(PASSPORT);
        assertThat(vali.status()).isEqualTo(IdentityStatus.VALIDEE);
        assertThat(vali.withInsiRetrieval(ANSWER).status()).isEqualTo(IdentityStatus.QUALIFIEE);
    }

    @Test
    void mismatchingInsiTraitsAreRefusedWithAPerTraitDiffAndTheIdentityIsUnchanged() {
        PatientIdentity p = PatientIdentity.provisional(LOCAL);
        InsIdentity other = new InsIdentity(INS, List.of(), "MARTIN", "CAMILLE", "F", "1987-10-12",
                Optional.of("49007"));
        assertThatThrownBy(() -> p.withInsiRetrieval(other)).isInstanceOfSatisfying(IdentityTransitionException.class,
                e -> {
                    assertThat(e.reason()).isEqualTo(Reason.TRAITS_MISMATCH);
                    assertThat(e.differences()).extracting(TraitDifference::trait)
                            .containsExactly(Trait.BIRTH_FIRST_NAMES);
                    assertThat(e.getMessage()).doesNotContain("CAMILLE");
                });
        assertThat(p.status()).isEqualTo(IdentityStatus.PROVISOIRE);
        assertThat(p.ins()).isEmpty();
    }

    @Test
    void doubtfulOrFictitiousIdentityIsForcedProvisionalAndRefusesPromotion() {
        PatientIdentity qual = PatientIdentity.qualified(LOCAL, INS);
        PatientIdentity doubtful = qual.markDoubtful();
        assertThat(doubtful.status()).isEqualTo(IdentityStatus.PROVISOIRE);
        assertThat(doubtful.ins()).isEmpty();
        assertThatThrownBy(() -> doubtful.withInsiRetrieval(ANSWER))
                .isInstanceOfSatisfying(IdentityTransitionException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.DOUBTFUL));
        PatientIdentity fictitious = PatientIdentity.provisional(LOCAL).markFictitious();
        assertThatThrownBy(() -> fictitious.withDocumentChecked(PASSPORT))
                .isInstanceOfSatisfying(IdentityTransitionException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.FICTITIOUS));
        assertThatThrownBy(fictitious::requireQualified).hasMessageContaining("fictitious");
        assertThat(doubtful.clearDoubtful().status()).isEqualTo(IdentityStatus.PROVISOIRE);
    }

    @Test
    void downgradesFollowTheRniv() {
        PatientIdentity qual = PatientIdentity.provisional(LOCAL).withInsiRetrieval(ANSWER).withDocumentChecked(PASSPORT);
        assertThat(qual.withInsiVerificationFailed().status()).isEqualTo(IdentityStatus.VALIDEE);
        assertThat(qual.withInsiVerificationFailed().ins()).isEmpty();
        assertThat(qual.withDocumentRefuted().status()).isEqualTo(IdentityStatus.RECUPEREE);
        assertThat(qual.withDocumentRefuted().withInsiVerificationFailed().status())
                .isEqualTo(IdentityStatus.PROVISOIRE);
        PatientIdentity editedStrict = qual.withTraits(LOCAL.toBuilder().birthDate("1987-10-13").build());
        assertThat(editedStrict.status()).isEqualTo(IdentityStatus.VALIDEE);
        PatientIdentity editedUsed = qual.withTraits(LOCAL.toBuilder().usedName("Petit").build());
        assertThat(editedUsed.status()).isEqualTo(IdentityStatus.QUALIFIEE);
        assertThat(qual.markHomonym().status()).isEqualTo(IdentityStatus.QUALIFIEE);
    }

    @Test
    void matriculeChangeNeedsTheCurrentInsInTheNewHistory() {
        String nirNumber = "1907099350088";
        Ins nir = Ins.of(InsMatricule.of(nirNumber, InsMatricule.computeKey(nirNumber)), InsOid.NIR_TEST);
        InsIdentity moved = new InsIdentity(nir, List.of(HistoricalIns.of(INS)), "MARTIN", "CAMILLE SOPHIE", "F",
                "1987-10-12", Optional.of("49007"));
        PatientIdentity qual = PatientIdentity.provisional(LOCAL).withInsiRetrieval(ANSWER).withDocumentChecked(PASSPORT);
        PatientIdentity changed = qual.withMatriculeChanged(moved);
        assertThat(changed.requireQualified()).isEqualTo(nir);
        InsIdentity unrelated = new InsIdentity(nir, List.of(), "MARTIN", "CAMILLE SOPHIE", "F", "1987-10-12",
                Optional.of("49007"));
        assertThatThrownBy(() -> qual.withMatriculeChanged(unrelated))
                .isInstanceOfSatisfying(IdentityTransitionException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNRELATED_MATRICULE));
        assertThatThrownBy(() -> PatientIdentity.provisional(LOCAL).withMatriculeChanged(moved))
                .isInstanceOfSatisfying(IdentityTransitionException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NOT_RETRIEVED));
    }

    @Test
    void storedStatusNeedingAnInsWithoutOneIsRefused() {
        assertThatThrownBy(() -> PatientIdentity.stored(LOCAL, Optional.empty(), IdentityStatus.QUALIFIEE))
                .isInstanceOfSatisfying(IdentityTransitionException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.INCONSISTENT));
        assertThat(PatientIdentity.stored(LOCAL, Optional.empty(), IdentityStatus.VALIDEE).status())
                .isEqualTo(IdentityStatus.VALIDEE);
    }

    @Test
    void qualifiedFactoryFromAnInsiAnswerUsesTheInsiTraits() {
        PatientIdentity p = PatientIdentity.qualified(ANSWER, PASSPORT);
        assertThat(p.status()).isEqualTo(IdentityStatus.QUALIFIEE);
        assertThat(p.traits()).isEqualTo(ANSWER.traits());
        assertThat(p.insiAnswer()).contains(ANSWER);
    }

    @Test
    void minorDocumentsNeedAParentIdentityDocument() {
        assertThatThrownBy(() -> IdentityDocument.of(IdentityDocument.Type.BIRTH_CERTIFICATE, "op", Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parent");
        assertThatThrownBy(() -> IdentityDocument.forMinor(IdentityDocument.Type.FAMILY_BOOKLET,
                IdentityDocument.Type.BIRTH_CERTIFICATE, "op", Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdentityDocument.of(IdentityDocument.Type.PASSPORT, " ", Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(IdentityDocument.forMinor(IdentityDocument.Type.BIRTH_CERTIFICATE,
                IdentityDocument.Type.NATIONAL_ID_CARD, "op", Instant.EPOCH).parentDocument())
                .contains(IdentityDocument.Type.NATIONAL_ID_CARD);
    }

    @Test
    void toStringOfIdentityAndAnswerMasksTraitsAndIns() {
        PatientIdentity qual = PatientIdentity.qualified(ANSWER, PASSPORT);
        String s = qual + " " + ANSWER + " " + ANSWER.ins();
        assertThat(s).doesNotContain("MARTIN", "CAMILLE", "1987", "49007", NUMBER).contains("QUALIFIEE");
    }

    @Test
    void insiAnswerWithUnreadableTraitsIsRefusedAtConstruction() {
        assertThatThrownBy(() -> new InsIdentity(INS, List.of(), "MART1N", "CAMILLE", "F", "1987-10-12",
                Optional.empty())).isInstanceOf(InvalidTraitException.class);
    }
}
