package com.example.vendor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.opendmp.core.access.AccessMode;
import fr.opendmp.core.client.DmpClient;
import fr.opendmp.core.document.Author;
import fr.opendmp.core.code.Code;
import fr.opendmp.core.code.CodeSystems;
import fr.opendmp.core.document.Deposit;
import fr.opendmp.core.document.DocumentMetadata;
import fr.opendmp.core.document.DocumentType;
import fr.opendmp.core.party.Organization;
import fr.opendmp.core.party.Professional;
import fr.opendmp.core.document.UniqueIds;
import fr.opendmp.core.ins.IdentityTraits;
import fr.opendmp.core.ins.Ins;
import fr.opendmp.core.ins.PatientIdentity;
import fr.opendmp.core.ins.Sex;
import fr.opendmp.core.search.DocumentQuery;
import fr.opendmp.testkit.dmp.FakeDmp;
import fr.opendmp.testkit.dmp.FakeProfessional;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's sample (the same lines as sdk-testkit's ReadmeSampleTest), compiled and run by a
 * vendor-style project that gets OpenDMP from a Maven repository through the BOM.
 */
class ReadmeSampleTest {

    @Test
    void theReadmeSampleRunsFromThePublishedArtifacts() {
        IdentityTraits traits = IdentityTraits.builder().birthName("TESTDMP").birthFirstNames("ALICE")
                .birthDate("1979-11-13").sex(Sex.F).birthPlaceCode("99134").build();
        OffsetDateTime now = OffsetDateTime.parse("2026-06-12T10:00:00+02:00");
        byte[] cdaBytes = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><ClinicalDocument xmlns=\"urn:hl7-org:v3\">"
                + "<code code=\"11488-4\" codeSystem=\"2.16.840.1.113883.6.1\"/></ClinicalDocument>")
                .getBytes(StandardCharsets.UTF_8);
        List<byte[]> retrieved = new ArrayList<>();

        // ---- README sample starts here ----
        try (FakeDmp fake = FakeDmp.builder().start();
             DmpClient dmp = DmpClient.builder()
                     .endpoint(fake.baseUri())
                     .credentials(fake.credentials(FakeProfessional.doctor("810001234567")))
                     .software("MyLPS", "4.2", "HOMOLOGATION-ID")
                     .sourceId("1.2.250.1.999.42")
                     .build()) {

            PatientIdentity patient = PatientIdentity.qualified(traits, Ins.nir("279119913400976"));
            Ins ins = patient.requireQualified();

            if (dmp.access(ins, AccessMode.NORMAL).canDeposit()) {
                DocumentMetadata metadata = DocumentMetadata.builder()
                        .uniqueId(UniqueIds.random()).type(DocumentType.CR_CONSULTATION).title("CR de consultation")
                        .facilityType(Code.of(CodeSystems.TRE_R02, "SA07", "Cabinet individuel"))
                        .practiceSetting(Code.of(CodeSystems.PRACTICE_SETTING, "AMBULATOIRE", "Ambulatoire"))
                        .creationTime(now).serviceStart(now)
                        .author(Author.of(Professional.of("810001234567").withOrganization(Organization.of("1750000000", "Cabinet"))))
                        .build();
                dmp.documents().deposit(Deposit.builder().patient(patient).document(metadata, cdaBytes).build());
            }
            dmp.documents().stream(ins, DocumentQuery.builder().build()).forEach(entry -> {
                byte[] content = dmp.documents().retrieve(entry).bytes();
                retrieved.add(content);
            });
        }
        // ---- README sample ends here ----

        assertEquals(1, retrieved.size());
        assertArrayEquals(cdaBytes, retrieved.get(0));
    }
}
