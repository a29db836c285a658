package fr.opendmp.testkit.insi;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opendmp.core.credentials.CredentialsProvider;
import fr.opendmp.core.ins.IdentityDocument;
import fr.opendmp.core.ins.IdentityStatus;
import fr.opendmp.core.ins.IdentityTraits;
import fr.opendmp.core.ins.PatientIdentity;
import fr.opendmp.core.ins.Trait;
import fr.opendmp.core.ins.TraitDifference;
import fr.opendmp.core.insi.InsiClient;
import fr.opendmp.core.insi.InsiException;
import fr.opendmp.core.insi.Qualification;
import fr.opendmp.core.insi.Qualification.Outcome;
import fr.opendmp.core.insi.Qualification.QualificationReport;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class QualificationAgainstFakeInsiTest {

    private static final IdentityDocument ID_CARD = IdentityDocument.of(IdentityDocument.Type.NATIONAL_ID_CARD,
            "operator-1", Instant.parse("2026-03-01T09:00:00Z"));

    private static FakeInsi fake;
    private static InsiClient client;
    private static Qualification qualification;

    @BeforeAll
    static void start() {
        fake = FakeInsi.builder().start();
        client = InsiClient.builder().endpoint(fake.baseUri()).credentials(fake.credentials())
                .software("OpenDMP-tests", "0.1", "TEST-AUTH-42").emitter("structure-test").maxRetries(0).build();
        qualification = Qualification.with(client);
    }

    @AfterAll
    static void stop() {
        client.close();
        fake.close();
    }

    @Test
    void coherentTraitsAndCheckedDocumentReachQualified() {
        IdentityTraits local = IdentityTraits.builder().birthName("Martin").birthFirstNames("Camille Sophie")
                .sex("F").birthDate("1987-10-12").birthPlaceCode("49007").usedName("Durand").build();
        QualificationReport r = qualification.qualify(PatientIdentity.provisional(local), ID_CARD);
        assertThat(r.outcome()).isEqualTo(Outcome.QUALIFIED);
        assertThat(r.qualified()).isTrue();
        assertThat(r.identity().requireQualified()).isEqualTo(FakeInsiPopulation.ORDINARY.ins());
        assertThat(r.identity().traits().usedName()).contains("DURAND");
        assertThat(r.steps()).extracting(Qualification.Step::name)
                .containsExactly("check attributes", "INSi search", "compare traits", "record document");
    }

    @Test
    void missingFirstNameAndBirthPlaceGiveAPerTraitDiffAndOnlyValidated() {
        IdentityTraits local = IdentityTraits.builder().birthName("Martin").birthFirstNames("Camille").sex("F")
                .birthDate("1987-10-12").build();
        QualificationReport r = qualification.qualify(PatientIdentity.provisional(local), ID_CARD);
        assertThat(r.outcome()).isEqualTo(Outcome.TRAITS_MISMATCH);
        assertThat(r.differences()).extracting(TraitDifference::trait)
                .containsExactly(Trait.BIRTH_FIRST_NAMES, Trait.BIRTH_PLACE);
        assertThat(r.identity().status()).isEqualTo(IdentityStatus.VALIDEE);
        assertThat(r.identity().ins()).isEmpty();
    }

    @Test
    void homonymsStopAtSeveralCandidatesNeverPickingOne() {
        IdentityTraits local = IdentityTraits.builder().birthName("Dupont").birthFirstNames("Jean").sex("M")
                .birthDate("1975-03-14").build();
        QualificationReport r = qualification.qualify(PatientIdentity.provisional(local), ID_CARD);
        assertThat(r.outcome()).isEqualTo(Outcome.SEVERAL_CANDIDATES);
        assertThat(r.identity().ins()).isEmpty();
        assertThat(r.identity().isHomonym()).isTrue();
    }

    @Test
    void personUnknownToInsiStaysValidated() {
        QualificationReport r = qualification.qualify(
                PatientIdentity.provisional(FakeInsiPopulation.UNKNOWN_TO_INSI), ID_CARD);
        assertThat(r.outcome()).isEqualTo(Outcome.NOT_FOUND);
        assertThat(r.identity().status()).isEqualTo(IdentityStatus.VALIDEE);
    }

    @Test
    void doubtfulIdentityIsRefusedWithoutCallingInsi() {
        int before = fake.requestCount();
        QualificationReport r = qualification.qualify(
                PatientIdentity.provisional(FakeInsiPopulation.ORDINARY.traits()).markDoubtful(), ID_CARD);
        assertThat(r.outcome()).isEqualTo(Outcome.DOUBTFUL);
        assertThat(r.identity().status()).isEqualTo(IdentityStatus.PROVISOIRE);
        assertThat(fake.requestCount()).isEqualTo(before);
    }

    @Test
    void insiFailureLeavesTheInsiFactUnsetAndSaysWhetherToRetry() {
        fake.failNext(FakeInsi.Fault.RECEIVER_FAULT);
        QualificationReport r = qualification.qualify(
                PatientIdentity.provisional(FakeInsiPopulation.ORDINARY.traits()), ID_CARD);
        assertThat(r.outcome()).isEqualTo(Outcome.INSI_FAILED);
        assertThat(r.failure()).hasValueSatisfying(e -> assertThat(e.retryable()).isTrue());
        assertThat(r.failure()).containsInstanceOf(InsiException.class);
        assertThat(r.identity().status()).isEqualTo(IdentityStatus.VALIDEE);
    }

    @Test
    void minorWithBirthCertificateAndParentIdIsQualified() {
        IdentityDocument minor = IdentityDocument.forMinor(IdentityDocument.Type.BIRTH_CERTIFICATE,
                IdentityDocument.Type.PASSPORT, "operator-2", Instant.parse("2026-03-01T09:00:00Z"));
        QualificationReport r = qualification.qualify(
                PatientIdentity.provisional(FakeInsiPopulation.TWIN_1.traits()), minor);
        assertThat(r.outcome()).isEqualTo(Outcome.QUALIFIED);
        assertThat(r.identity().documentCheck()).contains(minor);
    }
}
