package fr.opendmp.examples.hospital;

import static fr.opendmp.examples.transcript.Transcript.Check.expect;

import fr.opendmp.cda.build.CdaDocuments;
import fr.opendmp.cda.build.DocumentHeader;
import fr.opendmp.cda.build.LdlSes;
import fr.opendmp.cda.build.Medication;
import fr.opendmp.core.party.Organization;
import fr.opendmp.core.party.Professional;
import fr.opendmp.cda.read.CdaReader;
import fr.opendmp.core.access.AccessContext;
import fr.opendmp.core.access.AccessMode;
import fr.opendmp.core.error.AccessRefusal;
import fr.opendmp.core.error.AccessRefusedException;
import fr.opendmp.core.caller.Caller;
import fr.opendmp.core.client.DmpClient;
import fr.opendmp.core.client.DmpDocuments;
import fr.opendmp.core.client.DmpView;
import fr.opendmp.core.client.PatientRecord;
import fr.opendmp.core.client.RecordOptions;
import fr.opendmp.core.code.Code;
import fr.opendmp.core.code.CodeSystems;
import fr.opendmp.core.document.DepositReceipt;
import fr.opendmp.core.document.DocumentEntry;
import fr.opendmp.core.document.DocumentStatus;
import fr.opendmp.core.document.DocumentType;
import fr.opendmp.core.document.RetrievedDocument;
import fr.opendmp.core.ins.Ins;
import fr.opendmp.core.ins.PatientIdentity;
import fr.opendmp.core.search.DocumentQuery;
import fr.opendmp.cda.deposit.CdaDeposits;
import fr.opendmp.examples.fakes.EmbeddedFakes;
import fr.opendmp.examples.transcript.Transcript;
import fr.opendmp.testkit.dmp.AccessEvent;
import fr.opendmp.testkit.dmp.FakeProfessional;
import fr.opendmp.testkit.insi.FakeInsiPopulation;
import fr.opendmp.testkit.insi.InsiPerson;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Journey 2, a hospital DPI: at discharge it builds the lettre de liaison and a biology report and
 * deposits both in one submission; in consultation it shows what is new for the patient (last 12
 * months, current documents, newest first, grouped by type) and opens the three newest in
 * parallel; in the emergency room a professional the patient blocked is refused, then reaches the
 * record in bris de glace with a reason, and the access appears in the patient's access history.
 */
public final class HospitalJourney {

    static final Organization HOSPITAL = Organization.of("10B0167011", "Centre Hospitalier de Test");
    static final Professional CARDIOLOGIST = Professional.of("810002345678", "Anne", "TEST-CARDIO")
            .withOrganization(HOSPITAL);
    static final Professional BIOLOGIST = Professional.of("810003456789", "Marc", "TEST-BIO")
            .withOrganization(HOSPITAL);
    static final Organization PRACTICE = Organization.of("10B0999999", "Cabinet de ville de Test");
    static final Professional CITY_DOCTOR = Professional.of("810006789012", "Jeanne", "TEST-VILLE")
            .withOrganization(PRACTICE);
    static final FakeProfessional WARD = FakeProfessional.doctor(CARDIOLOGIST.idNat());
    static final FakeProfessional CITY = FakeProfessional.doctor(CITY_DOCTOR.idNat());
    static final FakeProfessional EMERGENCY = FakeProfessional.doctor("810005678901");
    static final String BRIS_DE_GLACE_REASON = "Patient inconscient admis aux urgences";

    private static final InsiPerson PATIENT = FakeInsiPopulation.CORSICA_BORN;
    private static final Code HOSPITAL_FACILITY = Code.of(CodeSystems.TRE_R02, "SA01", "Etablissement public de santé");
    private static final Code HOSPITAL_SETTING = Code.of(CodeSystems.PRACTICE_SETTING, "ETABLISSEMENT",
            "Etablissement de santé");
    private static final Code CITY_FACILITY = Code.of(CodeSystems.TRE_R02, "SA07", "Cabinet individuel");
    private static final Code CITY_SETTING = Code.of(CodeSystems.PRACTICE_SETTING, "AMBULATOIRE", "Ambulatoire");

    private final EmbeddedFakes fakes;
    private final Transcript transcript;
    private final OffsetDateTime today;
    // Qualified at an earlier admission: the DPI stored the INSi answer and the document check.
    private final PatientIdentity patient = PatientIdentity.qualified(PATIENT.traits(), PATIENT.ins());
    private final Ins ins = PATIENT.ins();

    private HospitalJourney(EmbeddedFakes fakes, Transcript transcript, OffsetDateTime today) {
        this.fakes = fakes;
        this.transcript = transcript;
        this.today = today;
    }

    /**
     * Runs the journey.
     *
     * @param fakes the services
     * @param transcript where the steps are written
     * @param today the discharge date
     */
    public static void run(EmbeddedFakes fakes, Transcript transcript, OffsetDateTime today) {
        new HospitalJourney(fakes, transcript, today).run();
    }

    /** Runs the journey today, in Paris time. */
    public static void run(EmbeddedFakes fakes, Transcript transcript) {
        run(fakes, transcript, OffsetDateTime.now(ZoneId.of("Europe/Paris")).withNano(0));
    }

    private void run() {
        transcript.section("Journey 2 - hospital: discharge, consultation, emergency");
        fakes.dmp().seedProfessional(EMERGENCY);
        // one client for the whole hospital; each professional's calls go through a view that carries them
        try (DmpClient city = fakes.dmpClient(CITY); DmpClient hospital = fakes.dmpClient(WARD)) {
            DmpView ward = hospital.as(WARD.caller());
            DmpView emergency = hospital.as(EMERGENCY.caller());
            transcript.step("0. earlier: the city doctor deposited 3 reports", () -> {
                int accepted = 0;
                for (Object[] earlier : new Object[][] {
                        {DocumentType.CR_CONSULTATION, "Consultation de suivi", 14},
                        {DocumentType.CR_CONSULTATION, "Consultation cardiologique", 7},
                        {DocumentType.CR_IMAGERIE, "Echographie cardiaque", 4}}) {
                    DocumentType type = (DocumentType) earlier[0];
                    String title = (String) earlier[1];
                    OffsetDateTime when = today.minusMonths((Integer) earlier[2]);
                    byte[] cda = CdaDocuments.n1Pdf(DocumentHeader.builder().patient(patient).author(CITY_DOCTOR)
                            .custodian(PRACTICE).effectiveTime(when).serviceStart(when).documentType(type.code())
                            .title(title).facilityType(CITY_FACILITY).practiceSetting(CITY_SETTING).build(),
                            SamplePdf.withLine(title)).toBytes();
                    accepted += deposit(city.documents(), cda).documents().size();
                }
                transcript.deposited(accepted);
                return expect(accepted == 3, accepted + " documents, 14, 7 and 4 months ago");
            });

            byte[][] discharge = new byte[2][];
            transcript.step("1. discharge: build the lettre de liaison (LDL-SES)", () -> {
                discharge[0] = CdaDocuments.ldlSes(hospitalHeader(CARDIOLOGIST).serviceStart(today.minusDays(6))
                                .serviceEnd(today).build(),
                        LdlSes.builder().admissionReason("Décompensation cardiaque")
                                .staySummary("Séjour sans complication, retour à domicile.")
                                .dischargeTreatment(Medication.of("Furosémide 40 mg", "1 cp le matin"))
                                .followUp("Consultation de cardiologie à 1 mois").build()).toBytes();
                return expect(CdaReader.read(discharge[0]).isStructured(), discharge[0].length + " bytes, structured");
            });
            transcript.step("2. discharge: wrap the lab's PDF as an N1 biology report", () -> {
                discharge[1] = CdaDocuments.n1Pdf(hospitalHeader(BIOLOGIST).serviceStart(today.minusDays(1))
                                .documentType(DocumentType.CR_BIOLOGIE.code()).title("Bilan biologique de sortie")
                                .build(),
                        SamplePdf.withLine("NT-proBNP 450 pg/mL - Creatinine 92 umol/L")).toBytes();
                return expect(CdaReader.read(discharge[1]).isN1(), discharge[1].length + " bytes, N1 (PDF inside)");
            });
            transcript.step("3. deposit both in one submission (ITI-65)", () -> {
                DepositReceipt receipt = ward.documents().deposit(CdaDeposits.of(patient, discharge).build());
                transcript.deposited(receipt.documents().size());
                return expect(receipt.documents().size() == 2, "one submission, " + receipt.documents().size()
                        + " documents accepted");
            });

            PatientRecord record = whatIsNew(ward);
            transcript.step("5. open the three newest in parallel", () -> {
                List<CompletableFuture<RetrievedDocument>> fetches = record.documents().stream().limit(3)
                        .map(record::content).toList();
                CompletableFuture.allOf(fetches.toArray(CompletableFuture[]::new)).join();
                List<RetrievedDocument> docs = fetches.stream().map(CompletableFuture::join).toList();
                transcript.retrieved(docs.size());
                return expect(docs.size() == 3, docs.size() + " documents, " + docs.stream()
                        .mapToInt(RetrievedDocument::size).sum() + " bytes, each size and SHA-1 checked");
            });

            fakes.dmp().block(ins.value(), EMERGENCY.idNatPs());
            transcript.step("6. emergency: a professional the patient blocked is refused", () -> {
                try {
                    emergency.documents().search(ins, DocumentQuery.builder().build());
                    return expect(false, "the search was accepted");
                } catch (AccessRefusedException e) {
                    transcript.expectedRefusal();
                    return expect(e.reason() == AccessRefusal.BLOCKED, "refused: " + e.reason() + ", side "
                            + e.side() + ", retryable " + e.retryable());
                }
            });
            transcript.step("7. emergency: bris de glace with a reason", () -> {
                List<DocumentEntry> found = hospital.as(EMERGENCY.caller(AccessContext.brisDeGlace(BRIS_DE_GLACE_REASON))).documents()
                        .search(ins, DocumentQuery.builder().status(DocumentStatus.CURRENT).build()).entries();
                transcript.found(found.size());
                return expect(found.size() == 5, found.size() + " current documents reachable");
            });
            transcript.step("8. the access appears in the patient's access history", () -> {
                List<AccessEvent> traced = fakes.dmp().history().stream()
                        .filter(e -> e.idNatPs().equals(EMERGENCY.idNatPs())).toList();
                boolean brisDeGlace = traced.stream().anyMatch(e -> e.mode() == AccessMode.BRIS_DE_GLACE
                        && e.succeeded() && e.reason().filter(BRIS_DE_GLACE_REASON::equals).isPresent());
                boolean refusal = traced.stream().anyMatch(e -> e.mode() == AccessMode.NORMAL && !e.succeeded());
                return expect(brisDeGlace && refusal, traced.size() + " events for this professional: "
                        + traced.stream().map(e -> e.action() + " " + e.mode() + " " + e.status()).toList());
            });
        }
    }

    private PatientRecord whatIsNew(DmpView ward) {
        PatientRecord[] opened = new PatientRecord[1];
        transcript.step("4. consultation: open the record (12 months, current, by type)", () -> {
            PatientRecord record = ward.openRecord(ins, RecordOptions.builder().query(DocumentQuery.builder()
                    .createdFrom(today.minusMonths(12)).status(DocumentStatus.CURRENT).build()).build());
            opened[0] = record;
            transcript.found(record.documents().size());
            Map<String, Long> byType = record.documents().stream().collect(Collectors.groupingBy(
                    e -> e.type().display(), LinkedHashMap::new, Collectors.counting()));
            return expect(record.documents().size() == 4 && byType.size() == 4, record.documents().size()
                    + " documents, newest first, " + byType);
        });
        return opened[0];
    }

    private DocumentHeader.Builder hospitalHeader(Professional author) {
        return DocumentHeader.builder().patient(patient).author(author).custodian(HOSPITAL).effectiveTime(today)
                .facilityType(HOSPITAL_FACILITY).practiceSetting(HOSPITAL_SETTING);
    }

    private DepositReceipt deposit(DmpDocuments documents, byte[] cda) throws Exception {
        return documents.deposit(CdaDeposits.of(patient, cda).build());
    }
}
