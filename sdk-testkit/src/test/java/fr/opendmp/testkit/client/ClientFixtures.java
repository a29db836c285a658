package fr.opendmp.testkit.client;

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
import fr.opendmp.core.transport.RetryPolicy;
import fr.opendmp.testkit.dmp.FakeDmp;
import fr.opendmp.testkit.dmp.FakeProfessional;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Consumer;

/** Fictitious patient, professionals, documents and clients for the end-to-end tests. */
final class ClientFixtures {

    static final Ins INS = Ins.nir("279119913400976");
    static final FakeProfessional AUTHOR = FakeProfessional.doctor("810001234567");
    static final FakeProfessional OTHER = FakeProfessional.doctor("810009876543");

    private ClientFixtures() {
    }

    static DmpClient client(FakeDmp fake, FakeProfessional who) {
        return client(fake, who, b -> { });
    }

    static DmpClient client(FakeDmp fake, FakeProfessional who, Consumer<DmpClient.Builder> extra) {
        DmpClient.Builder b = DmpClient.builder().endpoint(fake.baseUri()).credentials(fake.credentials(who))
                .software("OpenDMP-e2e", "0.1", "TEST-OPENDMP").sourceId("1.2.250.1.999.42")
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(2)))
                .accessCacheTtl(Duration.ZERO);
        extra.accept(b);
        return b.build();
    }

    static PatientIdentity qualified() {
        IdentityTraits traits = IdentityTraits.builder().birthName("TESTDMP").birthFirstNames("ALICE")
                .birthDate("1979-11-13").sex(Sex.F).birthPlaceCode("99134").build();
        return PatientIdentity.qualified(traits, INS);
    }

    static byte[] cda(String uniqueId) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><ClinicalDocument xmlns=\"urn:hl7-org:v3\">"
                + "<id root=\"" + uniqueId.replace("urn:oid:", "") + "\"/>"
                + "<code code=\"11488-4\" codeSystem=\"2.16.840.1.113883.6.1\"/></ClinicalDocument>")
                .getBytes(StandardCharsets.UTF_8);
    }

    static DocumentMetadata metadata(String uniqueId, String title) {
        OffsetDateTime t = OffsetDateTime.of(2026, 6, 12, 10, 0, 0, 0, ZoneOffset.ofHours(2));
        return DocumentMetadata.builder().uniqueId(uniqueId).type(DocumentType.CR_CONSULTATION).title(title)
                .facilityType(Code.of(CodeSystems.TRE_R02, "SA07", "Cabinet individuel"))
                .practiceSetting(Code.of(CodeSystems.PRACTICE_SETTING, "AMBULATOIRE", "Ambulatoire"))
                .creationTime(t).serviceStart(t)
                .author(Author.of(Professional.of(AUTHOR.idNatPs())
                        .withOrganization(Organization.of("1" + "750000000", "Cabinet de test"))))
                .build();
    }

    static String newUniqueId() {
        return "urn:oid:1.2.250.1.999.1." + Math.abs(UniqueIds.random().hashCode());
    }

    static Deposit deposit(String... uniqueIds) {
        Deposit.Builder b = Deposit.builder().patient(qualified());
        for (String u : uniqueIds) {
            b.document(metadata(u, "CR de consultation " + u.substring(u.length() - 4)), cda(u));
        }
        return b.build();
    }
}
