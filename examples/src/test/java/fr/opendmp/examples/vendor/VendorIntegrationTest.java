package fr.opendmp.examples.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opendmp.core.access.AccessMode;
import fr.opendmp.core.error.AccessRefusal;
import fr.opendmp.core.error.AccessRefusedException;
import fr.opendmp.core.client.DmpClient;
import fr.opendmp.core.error.UnavailableException;
import fr.opendmp.core.document.Author;
import fr.opendmp.core.code.Code;
import fr.opendmp.core.code.CodeSystems;
import fr.opendmp.core.document.Deposit;
import fr.opendmp.core.document.DocumentEntry;
import fr.opendmp.core.document.DocumentMetadata;
import fr.opendmp.core.document.DocumentType;
import fr.opendmp.core.party.Organization;
import fr.opendmp.core.party.Professional;
import fr.opendmp.core.ins.IdentityTraits;
import fr.opendmp.core.ins.Ins;
import fr.opendmp.core.ins.PatientIdentity;
import fr.opendmp.core.ins.Sex;
import fr.opendmp.core.search.DocumentQuery;
import fr.opendmp.core.transport.RetryPolicy;
import fr.opendmp.testkit.dmp.AccessEvent;
import fr.opendmp.testkit.dmp.FakeDmp;
import fr.opendmp.testkit.dmp.FakePatient;
import fr.opendmp.testkit.dmp.FakeProfessional;
import fr.opendmp.testkit.dmp.Fault;
import fr.opendmp.testkit.junit.FakeDmpTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How a software vendor tests its DMP integration: the real {@link DmpClient} against the embedded
 * {@link FakeDmp} (strict validation, HTTPS with mTLS and a signed VIHF per request, as the real DMP
 * asks), started once per class and reset before each test by {@link FakeDmpTest}.
 * {@code dmp.credentials(professional)} gives the credentials the fake accepts; in production the
 * client gets its provider from sdk-auth instead. All data here is fictitious.
 */
@FakeDmpTest
class VendorIntegrationTest {

    private static final Ins PATIENT = Ins.nir("279119913400976");
    private static final FakeProfessional GP = FakeProfessional.doctor("810001234567");
    private static final FakeProfessional BLOCKED_DOCTOR = FakeProfessional.doctor("810009876543");

    private final FakeDmp dmp;

    VendorIntegrationTest(FakeDmp dmp) {
        this.dmp = dmp;
    }

    @BeforeEach
    void seed() {
        dmp.seedProfessional(GP).seedProfessional(BLOCKED_DOCTOR).seedPatient(FakePatient.open(PATIENT.value()));
    }

    @Test
    void aDepositedDocumentIsFoundAsCurrent() {
        try (DmpClient client = clientFor(GP)) {
            client.documents().deposit(consultationReport("urn:oid:1.2.250.1.999.1.1001"));

            List<DocumentEntry> found = client.documents().search(PATIENT, DocumentQuery.builder().build()).entries();

            assertThat(found).extracting(DocumentEntry::uniqueId).containsExactly("urn:oid:1.2.250.1.999.1.1001");
        }
    }

    @Test
    void aProfessionalBlockedByThePatientIsRefusedInNormalModeAndTheRefusalIsInTheHistory() {
        dmp.block(PATIENT.value(), BLOCKED_DOCTOR.idNatPs());
        try (DmpClient client = clientFor(BLOCKED_DOCTOR)) {
            assertThatThrownBy(() -> client.documents().search(PATIENT, DocumentQuery.builder().build()))
                    .isInstanceOfSatisfying(AccessRefusedException.class,
                            e -> assertThat(e.reason()).isEqualTo(AccessRefusal.BLOCKED));
        }
        assertThat(dmp.history()).anySatisfy((AccessEvent e) -> {
            assertThat(e.idNatPs()).isEqualTo(BLOCKED_DOCTOR.idNatPs());
            assertThat(e.mode()).isEqualTo(AccessMode.NORMAL);
            assertThat(e.succeeded()).isFalse();
        });
    }

    @Test
    void aTransient503WithRetryAfterIsRetriedAndTheSearchSucceeds() {
        try (DmpClient client = clientFor(GP)) {
            client.documents().deposit(consultationReport("urn:oid:1.2.250.1.999.1.1002"));
        }
        dmp.injectFault("/DocumentReference", Fault.status(503, Duration.ofSeconds(1)), 1);
        try (DmpClient noRetry = clientFor(GP, RetryPolicy.none())) {
            assertThatThrownBy(() -> noRetry.documents().search(PATIENT, DocumentQuery.builder().build()))
                    .isInstanceOfSatisfying(UnavailableException.class, e -> assertThat(e.retryable()).isTrue());
        }

        dmp.injectFault("/DocumentReference", Fault.status(503, Duration.ofSeconds(1)), 1);
        try (DmpClient client = clientFor(GP)) {
            List<DocumentEntry> found = client.documents().search(PATIENT, DocumentQuery.builder().build()).entries();

            assertThat(found).hasSize(1);
        }
    }

    private DmpClient clientFor(FakeProfessional who) {
        return clientFor(who, new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(2)));
    }

    private DmpClient clientFor(FakeProfessional who, RetryPolicy retries) {
        return DmpClient.builder().endpoint(dmp.baseUri()).credentials(dmp.credentials(who))
                .software("VendorLPS", "1.0", "TEST-VENDOR").sourceId("1.2.250.1.999.42")
                .retryPolicy(retries)
                .accessCacheTtl(Duration.ZERO)
                .build();
    }

    private static Deposit consultationReport(String uniqueId) {
        OffsetDateTime when = OffsetDateTime.of(2026, 6, 12, 10, 0, 0, 0, ZoneOffset.ofHours(2));
        DocumentMetadata metadata = DocumentMetadata.builder().uniqueId(uniqueId).type(DocumentType.CR_CONSULTATION)
                .title("CR de consultation")
                .facilityType(Code.of(CodeSystems.TRE_R02, "SA07", "Cabinet individuel"))
                .practiceSetting(Code.of(CodeSystems.PRACTICE_SETTING, "AMBULATOIRE", "Ambulatoire"))
                .creationTime(when).serviceStart(when)
                .author(Author.of(Professional.of(GP.idNatPs()).withOrganization(Organization.of("1750000000", "Cabinet"))))
                .build();
        IdentityTraits traits = IdentityTraits.builder().birthName("TESTDMP").birthFirstNames("ALICE")
                .birthDate("1979-11-13").sex(Sex.F).birthPlaceCode("99134").build();
        String cda = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ClinicalDocument xmlns=\"urn:hl7-org:v3\"><id root=\""
                + uniqueId.replace("urn:oid:", "")
                + "\"/><code code=\"11488-4\" codeSystem=\"2.16.840.1.113883.6.1\"/></ClinicalDocument>";
        return Deposit.builder().patient(PatientIdentity.qualified(traits, PATIENT))
                .document(metadata, cda.getBytes(StandardCharsets.UTF_8)).build();
    }
}
