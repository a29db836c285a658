package fr.opendmp.bench.record;

import fr.opendmp.bench.fixture.BenchPatients;
import fr.opendmp.bench.fixture.Loopback;
import fr.opendmp.core.access.AccessContext;
import fr.opendmp.core.access.AccessStatus;
import fr.opendmp.core.caller.Caller;
import fr.opendmp.core.client.DmpClient;
import fr.opendmp.core.client.PatientRecord;
import fr.opendmp.core.document.Author;
import fr.opendmp.core.code.Code;
import fr.opendmp.core.code.CodeSystems;
import fr.opendmp.core.document.Deposit;
import fr.opendmp.core.document.DocumentEntry;
import fr.opendmp.core.document.DocumentMetadata;
import fr.opendmp.core.document.DocumentType;
import fr.opendmp.core.document.RetrievedDocument;
import fr.opendmp.core.document.UniqueIds;
import fr.opendmp.core.ins.IdentityTraits;
import fr.opendmp.core.ins.Ins;
import fr.opendmp.core.ins.InsOidPolicy;
import fr.opendmp.core.ins.PatientIdentity;
import fr.opendmp.core.ins.Sex;
import fr.opendmp.core.search.DocumentQuery;
import fr.opendmp.testkit.dmp.AuthMode;
import fr.opendmp.testkit.dmp.FakeDmp;
import fr.opendmp.testkit.dmp.FakePatient;
import fr.opendmp.testkit.dmp.FakeProfessional;
import fr.opendmp.testkit.dmp.Fault;
import fr.opendmp.testkit.dmp.Validation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Figure 7: a consulting doctor opens a patient's record of 40 current documents (10 of them
 * replacements) and reads the 3 newest, the fake DMP answering every call after 50 ms. The SDK's
 * record view ({@code dmp.as(caller).openRecord(ins)} then the 3 prefetched contents) against the
 * calls a vendor chains by hand: TD0.2, the search, then 3 retrievals one after the other.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RecordViewBench {

    /** The latency the fake adds to every call. */
    public static final Duration LATENCY = Duration.ofMillis(50);

    private static final FakeProfessional DOCTOR = FakeProfessional.doctor("810001234567");

    private FakeDmp fake;
    private DmpClient dmp;
    private Ins ins;

    /** Starts the fake, deposits 40 documents and replaces 10, then slows every call down. */
    @Setup(Level.Trial)
    public void setUp() {
        Loopback.noDelay();
        fake = FakeDmp.builder().validation(Validation.LENIENT).auth(AuthMode.OFF).start();
        ins = BenchPatients.ins(0);
        fake.seedProfessional(DOCTOR).seedPatient(FakePatient.open(ins.value()));
        dmp = DmpClient.builder().endpoint(fake.baseUri()).credentials(fake.credentials(DOCTOR))
                .software("OpenDMP-bench", "0.2", "BENCH").sourceId("1.2.250.1.999.42")
                .insOidPolicy(InsOidPolicy.TEST).accessCacheTtl(Duration.ZERO).build();
        PatientIdentity patient = PatientIdentity.qualified(IdentityTraits.builder().birthName("BENCH")
                .birthFirstNames("PATIENT").birthDate("1980-01-01").sex(Sex.F).build(), ins);
        List<DocumentEntry> first = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            dmp.documents().deposit(deposit(patient, i));
        }
        first.addAll(dmp.documents().searchAll(ins, DocumentQuery.builder().pageSize(100).build()));
        for (int i = 0; i < 10; i++) {
            dmp.documents().replace(first.get(i).id(), deposit(patient, 100 + i));
        }
        fake.injectFault(".*", Fault.latency(LATENCY), Integer.MAX_VALUE);
    }

    /** Stops the fake. */
    @TearDown(Level.Trial)
    public void tearDown() {
        dmp.close();
        fake.close();
    }

    /** @return the three newest contents, through the record view */
    @Benchmark
    public List<RetrievedDocument> recordView() {
        PatientRecord record = dmp.as(Caller.provider()).openRecord(ins);
        return record.documents().subList(0, 3).stream().map(e -> record.content(e).join()).toList();
    }

    /** @return the three newest contents, through the calls a vendor chains by hand */
    @Benchmark
    public List<RetrievedDocument> byHand() {
        AccessStatus access = dmp.access(ins, AccessContext.normal());
        if (!access.canConsult()) {
            throw new IllegalStateException("the bench's doctor cannot consult");
        }
        List<DocumentEntry> entries = new ArrayList<>(dmp.documents().search(ins,
                DocumentQuery.builder().pageSize(200).build()).entries());
        entries.sort(Comparator.comparing((DocumentEntry e) -> e.metadata().creationTime()).reversed());
        List<RetrievedDocument> out = new ArrayList<>();
        for (DocumentEntry e : entries.subList(0, 3)) {
            out.add(dmp.documents().retrieve(e));
        }
        return out;
    }

    private static Deposit deposit(PatientIdentity patient, int serial) {
        String uid = UniqueIds.random();
        OffsetDateTime t = OffsetDateTime.of(2026, 1, 1, 8, 0, 0, 0, ZoneOffset.UTC).plusHours(serial);
        DocumentMetadata m = DocumentMetadata.builder().uniqueId(uid).type(DocumentType.CR_CONSULTATION)
                .title("CR " + serial).facilityType(Code.of(CodeSystems.TRE_R02, "SA07", "Cabinet individuel"))
                .practiceSetting(Code.of(CodeSystems.PRACTICE_SETTING, "AMBULATOIRE", "Ambulatoire"))
                .creationTime(t).serviceStart(t).author(Author.of(DOCTOR.idNatPs())).build();
        byte[] cda = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><ClinicalDocument xmlns=\"urn:hl7-org:v3\"><id root=\""
                + uid.replace("urn:oid:", "") + "\"/></ClinicalDocument>").getBytes(StandardCharsets.UTF_8);
        return Deposit.builder().patient(patient).document(m, cda).build();
    }
}
