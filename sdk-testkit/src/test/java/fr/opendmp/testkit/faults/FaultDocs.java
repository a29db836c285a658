package fr.opendmp.testkit.faults;

import fr.opendmp.core.client.DmpClient;
import fr.opendmp.core.code.Code;
import fr.opendmp.core.code.CodeSystems;
import fr.opendmp.core.document.Author;
import fr.opendmp.core.document.Deposit;
import fr.opendmp.core.document.DocumentEntry;
import fr.opendmp.core.document.DocumentMetadata;
import fr.opendmp.core.document.DocumentStatus;
import fr.opendmp.core.document.DocumentType;
import fr.opendmp.core.ins.IdentityTraits;
import fr.opendmp.core.ins.Ins;
import fr.opendmp.core.ins.PatientIdentity;
import fr.opendmp.core.ins.Sex;
import fr.opendmp.core.party.Organization;
import fr.opendmp.core.party.Professional;
import fr.opendmp.core.search.DocumentQuery;
import fr.opendmp.testkit.dmp.FakeProfessional;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Fictitious patients, author and documents of the fault and workload tests. */
final class FaultDocs {
    static final Ins INS = Ins.nir("279119913400976");
    static final Ins OTHER_INS = Ins.nir("180017512345660");
    static final FakeProfessional AUTHOR = FakeProfessional.doctor("810001234567");
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final long RUN = System.currentTimeMillis() % 1_000_000_000L;

    private FaultDocs() {
    }

    static PatientIdentity qualified(Ins ins) {
        IdentityTraits traits = IdentityTraits.builder().birthName("TESTDMP").birthFirstNames("ALICE")
                .birthDate("1979-11-13").sex(Sex.F).birthPlaceCode("99134").build();
        return PatientIdentity.qualified(traits, ins);
    }

    /** @return a uniqueId no other document of this JVM has */
    static String newUid() {
        return "urn:oid:1.2.250.1.999.19." + RUN + "." + NEXT.incrementAndGet();
    }

    static Deposit deposit(Ins ins, String uniqueId) {
        OffsetDateTime t = OffsetDateTime.of(2026, 6, 12, 10, 0, 0, 0, ZoneOffset.ofHours(2));
        DocumentMetadata m = DocumentMetadata.builder().uniqueId(uniqueId).type(DocumentType.CR_CONSULTATION)
                .title("CR " + uniqueId.substring(uniqueId.length() - 4))
                .facilityType(Code.of(CodeSystems.TRE_R02, "SA07", "Cabinet individuel"))
                .practiceSetting(Code.of(CodeSystems.PRACTICE_SETTING, "AMBULATOIRE", "Ambulatoire"))
                .creationTime(t).serviceStart(t)
                .author(Author.of(Professional.of(AUTHOR.idNatPs()).withOrganization(Organization.of("1750000000", "Cabinet"))))
                .build();
        byte[] cda = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><ClinicalDocument xmlns=\"urn:hl7-org:v3\">"
                + "<id root=\"" + uniqueId.replace("urn:oid:", "") + "\"/>"
                + "<code code=\"11488-4\" codeSystem=\"2.16.840.1.113883.6.1\"/></ClinicalDocument>")
                .getBytes(StandardCharsets.UTF_8);
        return Deposit.builder().patient(qualified(ins)).document(m, cda).build();
    }

    /** @return every document of the patient the fake holds, current or replaced */
    static List<DocumentEntry> stored(DmpClient dmp, Ins ins) {
        return dmp.documents().searchAll(ins, DocumentQuery.builder().status(DocumentStatus.CURRENT)
                .status(DocumentStatus.SUPERSEDED).build());
    }
}
