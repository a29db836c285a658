package fr.opendmp.examples.cda;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opendmp.core.party.Organization;
import fr.opendmp.core.party.Professional;
import fr.opendmp.core.client.DmpClient;
import fr.opendmp.core.document.DocumentEntry;
import fr.opendmp.core.ins.IdentityTraits;
import fr.opendmp.core.ins.Ins;
import fr.opendmp.core.ins.InsMatricule;
import fr.opendmp.core.ins.InsOid;
import fr.opendmp.core.ins.InsOidPolicy;
import fr.opendmp.core.ins.PatientIdentity;
import fr.opendmp.core.ins.Sex;
import fr.opendmp.core.search.DocumentQuery;
import fr.opendmp.testkit.dmp.FakeDmp;
import fr.opendmp.testkit.dmp.FakeProfessional;
import fr.opendmp.testkit.junit.FakeDmpTest;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

@FakeDmpTest
class VsmAndDischargeLetterTest {

    private static final Ins TEST_PATIENT = Ins.of(InsMatricule.parse("279035121518989"), InsOid.NIR_TEST);
    private static final Organization CABINET = Organization.of("2801234567", "Cabinet");
    private static final Professional GP = Professional.of("801234567897", "Stéphane", "MEDIONI")
            .withOrganization(CABINET);

    @Test
    void aVsmAndALettreDeLiaisonBuiltFromRecordsAreDepositedTogetherAndFoundWithTheirTypes(FakeDmp fake) throws Exception {
        PatientIdentity patient = PatientIdentity.qualified(IdentityTraits.builder().birthName("PAT-TROIS")
                .birthFirstNames("DOMINIQUE").birthDate("1979-03-28").sex(Sex.F).birthPlaceCode("51215").build(),
                TEST_PATIENT);
        try (DmpClient dmp = DmpClient.builder().endpoint(fake.baseUri())
                .credentials(fake.credentials(FakeProfessional.doctor(GP.idNat())))
                .software("ExampleLPS", "1.0", "TEST-EXAMPLE").sourceId("1.2.250.1.999.42")
                .insOidPolicy(InsOidPolicy.TEST).build()) {

            VsmAndDischargeLetter.depositBoth(dmp, patient, GP, CABINET,
                    Organization.of("1750000000", "Hôpital"), OffsetDateTime.parse("2026-06-12T10:00:00+02:00"));

            List<DocumentEntry> found = dmp.documents().search(TEST_PATIENT, DocumentQuery.builder().build()).entries();
            assertThat(found).extracting(e -> e.type().code()).containsExactlyInAnyOrder("SYNTH", "11490-0");
        }
        assertThat(fake.documentCount()).isEqualTo(2);
    }
}
