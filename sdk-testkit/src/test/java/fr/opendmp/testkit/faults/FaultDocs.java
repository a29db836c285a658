package fr.opendmp.testkit.faults;

import fr.opendmp.core.client.DmpClient;
import fr.opendmp.core.document.Deposit;
import fr.opendmp.core.document.DocumentEntry;
import fr.opendmp.core.document.DocumentStatus;
import fr.opendmp.core.ins.Ins;
import fr.opendmp.core.ins.PatientIdentity;
import fr.opendmp.core.search.DocumentQuery;
import fr.opendmp.testkit.dmp.FakeProfessional;
import fr.opendmp.testkit.outbox.OutboxDocs;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Fictitious patients, author and documents of the fault and workload tests. */
final class FaultDocs {
    static final Ins INS = Ins.nir("279119913400976");
    static final Ins OTHER_INS = Ins.nir("180017512345660");
    static final FakeProfessional AUTHOR = OutboxDocs.AUTHOR;
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final long RUN = System.currentTimeMillis() % 1_000_000_000L;

    private FaultDocs() {
    }

    static PatientIdentity qualified(Ins ins) {
        return PatientIdentity.qualified(OutboxDocs.traits(), ins);
    }

    /** @return a uniqueId no other document of this JVM has */
    static String newUid() {
        return "urn:oid:1.2.250.1.999.19." + RUN + "." + NEXT.incrementAndGet();
    }

    static Deposit deposit(Ins ins, String uniqueId) {
        return Deposit.builder().patient(qualified(ins)).document(OutboxDocs.metadata(uniqueId), OutboxDocs.cda(uniqueId))
                .build();
    }

    /** @return every document of the patient the fake holds, current or replaced */
    static List<DocumentEntry> stored(DmpClient dmp, Ins ins) {
        return dmp.documents().searchAll(ins, DocumentQuery.builder().status(DocumentStatus.CURRENT)
                .status(DocumentStatus.SUPERSEDED).build());
    }
}
