package fr.opendmp.testkit.outbox;

import fr.opendmp.core.client.DmpClient;
import fr.opendmp.core.document.Author;
import fr.opendmp.core.code.Code;
import fr.opendmp.core.code.CodeSystems;
import fr.opendmp.core.document.DocumentEntry;
import fr.opendmp.core.document.DocumentMetadata;
import fr.opendmp.core.document.DocumentType;
import fr.opendmp.core.party.Organization;
import fr.opendmp.core.party.Professional;
import fr.opendmp.core.ins.IdentityTraits;
import fr.opendmp.core.ins.Ins;
import fr.opendmp.core.ins.PatientIdentity;
import fr.opendmp.core.ins.Sex;
import fr.opendmp.core.outbox.OutboxRequest;
import fr.opendmp.core.search.DocumentQuery;
import fr.opendmp.core.transport.RetryPolicy;
import fr.opendmp.testkit.dmp.FakeDmp;
import fr.opendmp.testkit.dmp.FakeProfessional;
import fr.opendmp.testkit.faults.Wire;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Fictitious patient, author and documents shared by the outbox tests and their child JVMs, and by
 * the fault and workload tests (their traits, metadata and CDA).
 */
public final class OutboxDocs {
    static final Ins INS = Ins.nir("279119913400976");
    public static final FakeProfessional AUTHOR = FakeProfessional.doctor("810001234567");

    private OutboxDocs() {
    }

    public static IdentityTraits traits() {
        return IdentityTraits.builder().birthName("TESTDMP").birthFirstNames("ALICE").birthDate("1979-11-13")
                .sex(Sex.F).birthPlaceCode("99134").build();
    }

    static PatientIdentity qualified() {
        return PatientIdentity.qualified(traits(), INS);
    }

    static PatientIdentity provisional() {
        return PatientIdentity.provisional(traits());
    }

    static String uid(String run, int n) {
        // an OID arc is digits: the run's name gives a number
        return "urn:oid:1.2.250.1.999.19." + (Math.floorMod(run.hashCode(), 1_000_000) + 1) + "." + n;
    }

    public static DocumentMetadata metadata(String uniqueId) {
        OffsetDateTime t = OffsetDateTime.of(2026, 6, 12, 10, 0, 0, 0, ZoneOffset.ofHours(2));
        return DocumentMetadata.builder().uniqueId(uniqueId).type(DocumentType.CR_CONSULTATION)
                .title("CR " + uniqueId.substring(uniqueId.length() - 4))
                .facilityType(Code.of(CodeSystems.TRE_R02, "SA07", "Cabinet individuel"))
                .practiceSetting(Code.of(CodeSystems.PRACTICE_SETTING, "AMBULATOIRE", "Ambulatoire"))
                .creationTime(t).serviceStart(t)
                .author(Author.of(Professional.of(AUTHOR.idNatPs()).withOrganization(Organization.of("1750000000", "Cabinet"))))
                .build();
    }

    public static byte[] cda(String uniqueId) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><ClinicalDocument xmlns=\"urn:hl7-org:v3\">"
                + "<id root=\"" + uniqueId.replace("urn:oid:", "") + "\"/>"
                + "<code code=\"11488-4\" codeSystem=\"2.16.840.1.113883.6.1\"/></ClinicalDocument>")
                .getBytes(StandardCharsets.UTF_8);
    }

    static OutboxRequest request(String localPatientId, PatientIdentity identity, String uniqueId) {
        return OutboxRequest.builder().localPatientId(localPatientId).patient(identity)
                .document(metadata(uniqueId), cda(uniqueId)).build();
    }

    static DmpClient client(FakeDmp fake, Duration requestTimeout) {
        return client(fake, Wire.FHIR, requestTimeout);
    }

    static DmpClient client(FakeDmp fake, Wire wire, Duration requestTimeout) {
        return DmpClient.builder().transport(wire.transport(fake, u -> u)).credentials(fake.credentials(AUTHOR))
                .software("OpenDMP-outbox", "0.1", "TEST-OPENDMP").sourceId("1.2.250.1.999.42")
                .requestTimeout(requestTimeout).connectTimeout(Duration.ofSeconds(2))
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(2)))
                .accessCacheTtl(Duration.ZERO).build();
    }

    /** @return the uniqueIds the fake holds for the patient, as its search gives them */
    static List<String> storedUniqueIds(DmpClient dmp) {
        return dmp.documents().searchAll(INS, DocumentQuery.builder().build()).stream()
                .map(DocumentEntry::uniqueId).toList();
    }
}
