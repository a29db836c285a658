package fr.opendmp.testkit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.opendmp.cda.deposit.CdaDeposits;
import fr.opendmp.cda.read.CdaParseException;
import fr.opendmp.core.client.DmpClient;
import fr.opendmp.core.document.Deposit;
import fr.opendmp.core.document.DocumentEntry;
import fr.opendmp.core.document.DocumentMetadata;
import fr.opendmp.core.ins.IdentityTraits;
import fr.opendmp.core.ins.Ins;
import fr.opendmp.core.ins.InsMatricule;
import fr.opendmp.core.ins.InsOid;
import fr.opendmp.core.ins.InsOidPolicy;
import fr.opendmp.core.ins.PatientIdentity;
import fr.opendmp.core.ins.Sex;
import fr.opendmp.core.search.DocumentQuery;
import fr.opendmp.core.transport.RetryPolicy;
import fr.opendmp.testkit.dmp.FakeDmp;
import fr.opendmp.testkit.dmp.FakePatient;
import fr.opendmp.testkit.dmp.FakeProfessional;
import fr.opendmp.testkit.junit.FakeDmpTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CDA → metadata → deposit → search: every ANS CDA example deposited through the fake DMP reads
 * back field for field equal to the metadata derived from its header (authors with their names,
 * roles and institutions, events, facility, practice setting, dates, codes).
 */
@FakeDmpTest
class CdaRoundTripTest {

    /** The patient of the ANS examples (test INS, fictitious traits). */
    static final PatientIdentity PATIENT = PatientIdentity.qualified(IdentityTraits.builder().birthName("PAT-TROIS")
            .birthFirstNames("DOMINIQUE MARIE-LOUISE").birthDate("1979-03-28").sex(Sex.F).birthPlaceCode("51215")
            .build(), Ins.of(InsMatricule.parse("279035121518989"), InsOid.NIR_TEST));
    static final FakeProfessional DEPOSITOR = FakeProfessional.doctor("810001234567");

    static Stream<Path> ansCdaVectors() throws IOException {
        Path dir = Path.of(System.getProperty("opendmp.shared", "../shared"), "vectors", "cda");
        assumeTrue(Files.isDirectory(dir), "skipped: the ANS CDA examples are read from " + dir.toAbsolutePath()
                + " (../shared beside the checkout), absent here");
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> xml = files.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
            return xml.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ansCdaVectors")
    void anAnsCdaExampleReadsBackFieldForFieldAsDerivedFromItsHeader(Path vector, FakeDmp fake)
            throws IOException, CdaParseException {
        fake.seedProfessional(DEPOSITOR).seedPatient(FakePatient.open(PATIENT.requireQualified().value()));
        Deposit deposit = CdaDeposits.of(PATIENT, Files.readAllBytes(vector)).build();
        DocumentMetadata derived = deposit.documents().get(0).metadata();
        try (DmpClient dmp = DmpClient.builder().endpoint(fake.baseUri()).credentials(fake.credentials(DEPOSITOR))
                .software("OpenDMP-e2e", "0.1", "TEST-OPENDMP").sourceId("1.2.250.1.999.42")
                .insOidPolicy(InsOidPolicy.TEST)
                .retryPolicy(new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(1)))
                .build()) {
            dmp.documents().deposit(deposit);
            List<DocumentEntry> found = dmp.documents().searchAll(PATIENT.requireQualified(),
                    DocumentQuery.builder().build());
            assertThat(found).hasSize(1);
            DocumentMetadata back = found.get(0).metadata();
            assertThat(back).usingRecursiveComparison().isEqualTo(derived);
        }
    }
}
