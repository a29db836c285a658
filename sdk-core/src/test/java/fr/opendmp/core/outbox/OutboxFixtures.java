package fr.opendmp.core.outbox;

import fr.opendmp.core.document.Author;
import fr.opendmp.core.code.Code;
import fr.opendmp.core.code.CodeSystems;
import fr.opendmp.core.document.DocumentMetadata;
import fr.opendmp.core.document.DocumentType;
import fr.opendmp.core.party.Organization;
import fr.opendmp.core.party.Professional;
import fr.opendmp.core.ins.IdentityTraits;
import fr.opendmp.core.ins.Ins;
import fr.opendmp.core.ins.PatientIdentity;
import fr.opendmp.core.ins.Sex;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Fictitious patient and documents for the outbox tests. */
final class OutboxFixtures {
    static final Ins INS = Ins.nir("279119913400976");

    private OutboxFixtures() {
    }

    static IdentityTraits traits() {
        return IdentityTraits.builder().birthName("TESTDMP").birthFirstNames("ALICE").birthDate("1979-11-13")
                .sex(Sex.F).birthPlaceCode("99134").build();
    }

    static PatientIdentity provisional() {
        return PatientIdentity.provisional(traits());
    }

    static PatientIdentity qualified() {
        return PatientIdentity.qualified(traits(), INS);
    }

    static String uid(int n) {
        return "urn:oid:1.2.250.1.999.1.19." + n;
    }

    static DocumentMetadata metadata(String uniqueId) {
        OffsetDateTime t = OffsetDateTime.of(2026, 6, 12, 10, 0, 0, 0, ZoneOffset.ofHours(2));
        return DocumentMetadata.builder().uniqueId(uniqueId).type(DocumentType.CR_CONSULTATION).title("CR " + uniqueId)
                .facilityType(Code.of(CodeSystems.TRE_R02, "SA07", "Cabinet individuel"))
                .practiceSetting(Code.of(CodeSystems.PRACTICE_SETTING, "AMBULATOIRE", "Ambulatoire"))
                .creationTime(t).serviceStart(t).description("lettre de sortie")
                .author(Author.of(Professional.of("810001234567").withOrganization(Organization.of("1750000000", "Cabinet"))))
                .build();
    }

    static byte[] body(String uniqueId) {
        return ("<ClinicalDocument><id root=\"" + uniqueId + "\"/></ClinicalDocument>").getBytes(StandardCharsets.UTF_8);
    }

    static OutboxRequest request(String localPatientId, PatientIdentity identity, int n) {
        return OutboxRequest.builder().localPatientId(localPatientId).patient(identity)
                .document(metadata(uid(n)), body(uid(n))).build();
    }
}
