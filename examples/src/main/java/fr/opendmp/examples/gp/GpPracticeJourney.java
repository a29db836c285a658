package fr.opendmp.examples.gp;

import static fr.opendmp.examples.transcript.Transcript.Check.expect;

import fr.opendmp.cda.build.Allergy;
import fr.opendmp.cda.build.BuiltDocument;
import fr.opendmp.cda.build.CdaDocuments;
import fr.opendmp.cda.build.DocumentHeader;
import fr.opendmp.cda.build.Medication;
import fr.opendmp.core.party.Organization;
import fr.opendmp.cda.build.Problem;
import fr.opendmp.core.party.Professional;
import fr.opendmp.cda.build.Vsm;
import fr.opendmp.cda.read.CdaDocument;
import fr.opendmp.cda.read.CdaReader;
import fr.opendmp.core.access.AccessMode;
import fr.opendmp.core.access.AccessStatus;
import fr.opendmp.core.caller.Caller;
import fr.opendmp.core.client.DmpClient;
import fr.opendmp.core.client.PatientRecord;
import fr.opendmp.core.client.RecordOptions;
import fr.opendmp.core.code.Code;
import fr.opendmp.core.code.CodeSystems;
import fr.opendmp.core.document.Deposit;
import fr.opendmp.core.document.DepositReceipt;
import fr.opendmp.core.document.DocumentEntry;
import fr.opendmp.core.document.DocumentStatus;
import fr.opendmp.core.document.RetrievedDocument;
import fr.opendmp.core.ins.IdentityDocument;
import fr.opendmp.core.ins.IdentityStatus;
import fr.opendmp.core.ins.IdentityTraits;
import fr.opendmp.core.ins.Ins;
import fr.opendmp.core.ins.PatientIdentity;
import fr.opendmp.core.insi.CarteVitaleBeneficiary;
import fr.opendmp.core.insi.InsiClient;
import fr.opendmp.core.insi.InsiResult;
import fr.opendmp.core.search.DocumentQuery;
import fr.opendmp.cda.deposit.CdaDeposits;
import fr.opendmp.examples.fakes.EmbeddedFakes;
import fr.opendmp.examples.transcript.Transcript;
import fr.opendmp.testkit.dmp.FakeProfessional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Journey 1, a GP's practice software: the patient hands over her Carte Vitale, the software finds
 * her INS at INSi, compares the traits with her identity card and qualifies the identity; it checks
 * DMP access, builds the synthèse médicale (VSM) from the practice's records and deposits it; a
 * month later it deposits the updated VSM as a replacement and lists the current documents.
 *
 * <p>Each step is one line of the {@link Transcript}; patient data never appears in it.
 */
public final class GpPracticeJourney {

    /** The GP (RPPS-like test id) and the practice. */
    static final Organization PRACTICE = Organization.of("10B0167011", "Cabinet du Dr Test");
    static final Professional GP = Professional.of("810001234567", "Paul", "TEST-MEDECIN").withOrganization(PRACTICE);
    static final FakeProfessional GP_ACCOUNT = FakeProfessional.doctor(GP.idNat());

    private static final Code FACILITY = Code.of(CodeSystems.TRE_R02, "SA07", "Cabinet individuel");
    private static final Code SETTING = Code.of(CodeSystems.PRACTICE_SETTING, "AMBULATOIRE", "Ambulatoire");

    private final EmbeddedFakes fakes;
    private final Transcript transcript;
    private final OffsetDateTime today;

    private GpPracticeJourney(EmbeddedFakes fakes, Transcript transcript, OffsetDateTime today) {
        this.fakes = fakes;
        this.transcript = transcript;
        this.today = today;
    }

    /**
     * Runs the journey.
     *
     * @param fakes the services
     * @param transcript where the steps are written
     * @param today the date of the second consultation (the first is a month before)
     */
    public static void run(EmbeddedFakes fakes, Transcript transcript, OffsetDateTime today) {
        new GpPracticeJourney(fakes, transcript, today).run();
    }

    /** Runs the journey today, in Paris time. */
    public static void run(EmbeddedFakes fakes, Transcript transcript) {
        run(fakes, transcript, OffsetDateTime.now(ZoneId.of("Europe/Paris")).withNano(0));
    }

    private void run() {
        transcript.section("Journey 1 - GP practice: Carte Vitale to synthèse médicale");
        // What the card reader gives for the beneficiary the operator chose, and what the operator
        // reads on the identity card the patient shows.
        CarteVitaleBeneficiary card = new CarteVitaleBeneficiary("MARTIN", "CAMILLE", "1987-10-12", Optional.empty());
        IdentityTraits onIdCard = IdentityTraits.builder().birthName("MARTIN").birthFirstNames("CAMILLE SOPHIE")
                .sex("F").birthDate("1987-10-12").birthPlaceCode("49007").usedName("DURAND").build();
        IdentityDocument idCard = IdentityDocument.of(IdentityDocument.Type.NATIONAL_ID_CARD, "secretariat",
                Instant.now());

        PatientIdentity[] identity = {PatientIdentity.provisional(onIdCard)};
        InsiResult.Found[] answer = new InsiResult.Found[1];
        try (InsiClient insi = fakes.insiClient(); DmpClient dmp = fakes.dmpClient(GP_ACCOUNT)) {
            transcript.step("1. INSi search with the Carte Vitale beneficiary", () -> {
                InsiResult result = insi.searchByVitale(card);
                if (result instanceof InsiResult.Found found) {
                    answer[0] = found;
                    return expect(true, "CR " + result.resultCode() + ", one identity, " + found.identity().ins());
                }
                return expect(false, "CR " + result.resultCode());
            });
            transcript.step("2. compare INSi traits with the identity card", () -> {
                identity[0] = identity[0].withInsiRetrieval(answer[0].identity());
                return expect(identity[0].status() == IdentityStatus.RECUPEREE, "coherent -> " + identity[0].status());
            });
            transcript.step("3. record the identity document seen", () -> {
                identity[0] = identity[0].withDocumentChecked(idCard);
                return expect(identity[0].status() == IdentityStatus.QUALIFIEE, idCard.type() + " -> " + identity[0]);
            });
            if (identity[0].status() != IdentityStatus.QUALIFIEE) {
                transcript.step("journey stopped: no qualified identity, nothing may be deposited",
                        () -> expect(false, identity[0].status().toString()));
                return;
            }
            Ins ins = identity[0].requireQualified();

            transcript.step("4. check DMP access (TD02)", () -> {
                AccessStatus status = dmp.access(ins, AccessMode.NORMAL);
                return expect(status.canDeposit() && status.canConsult(),
                        "DMP " + status.state() + ", can deposit " + status.canDeposit());
            });

            OffsetDateTime firstVisit = today.minusMonths(1);
            BuiltDocument[] vsm = new BuiltDocument[1];
            transcript.step("5. build the VSM from the practice's records", () -> {
                vsm[0] = CdaDocuments.vsm(header(identity[0], firstVisit).build(), records().build());
                CdaDocument read = CdaReader.read(vsm[0].toBytes());
                return expect(read.isStructured(), "CDA R2 VSM, " + read.sections().size() + " sections, "
                        + vsm[0].toBytes().length + " bytes");
            });
            DocumentEntry[] first = new DocumentEntry[1];
            transcript.step("6. deposit the VSM (ITI-65)", () -> {
                DepositReceipt receipt = deposit(dmp, identity[0], vsm[0].toBytes(), Optional.empty());
                transcript.deposited(receipt.documents().size());
                first[0] = dmp.documents().findByUniqueId(ins, receipt.documents().get(0).uniqueId()).orElseThrow();
                return expect(first[0].status() == DocumentStatus.CURRENT, "accepted, " + first[0].type().code()
                        + " " + first[0].status());
            });

            BuiltDocument[] updated = new BuiltDocument[1];
            transcript.step("7. a month later: the updated VSM replaces v1", () -> {
                DocumentHeader previous = vsm[0].header();
                updated[0] = CdaDocuments.vsm(header(identity[0], today)
                                .replaces(previous.documentId(), previous.setId(), previous.versionNumber()).build(),
                        records().activeProblem(Problem.of("Diabète de type 2")
                                        .withCode(Code.of("urn:oid:2.16.840.1.113883.6.3", "E11", "Diabète de type 2")))
                                .treatment(Medication.of("Metformine 500 mg", "1 cp matin et soir")).build());
                return expect(updated[0].header().versionNumber() == 2, "version " + updated[0].header().versionNumber()
                        + ", same setId");
            });
            transcript.step("8. deposit it as a replacement (TD2.1)", () -> {
                DepositReceipt receipt = deposit(dmp, identity[0], updated[0].toBytes(), Optional.of(first[0]));
                transcript.deposited(receipt.documents().size());
                return expect(receipt.documents().size() == 1, "accepted, replaces v1");
            });

            List<DocumentEntry>[] current = new List[1];
            PatientRecord[] record = new PatientRecord[1];
            transcript.step("9. open the record: the patient's current documents", () -> {
                record[0] = dmp.as(Caller.provider()).openRecord(ins, RecordOptions.builder().prefetch(1).build());
                current[0] = record[0].documents();
                transcript.found(current[0].size());
                Optional<DocumentEntry> old = dmp.documents().findByUniqueId(ins, first[0].uniqueId());
                boolean v1Superseded = old.map(e -> e.status() == DocumentStatus.SUPERSEDED).orElse(false);
                return expect(current[0].size() == 1 && v1Superseded, current[0].size() + " current: "
                        + current[0].stream().map(e -> e.type().code()).toList() + ", v1 "
                        + old.map(DocumentEntry::status).orElse(null));
            });
            transcript.step("10. open the current VSM and read its version", () -> {
                RetrievedDocument doc = record[0].content(current[0].get(0)).join();
                transcript.retrieved(1);
                CdaDocument read = CdaReader.read(doc.bytes());
                int version = read.header().versionNumber().orElse(0);
                return expect(version == 2, doc.size() + " bytes, size and SHA-1 checked, version " + version);
            });
        }
    }

    private DocumentHeader.Builder header(PatientIdentity patient, OffsetDateTime when) {
        return DocumentHeader.builder().patient(patient).author(GP).custodian(PRACTICE).effectiveTime(when)
                .facilityType(FACILITY).practiceSetting(SETTING);
    }

    /** The practice's records, as its software holds them. */
    private static Vsm.Builder records() {
        return Vsm.builder()
                .activeProblem(Problem.of("Hypertension artérielle")
                        .withCode(Code.of("urn:oid:2.16.840.1.113883.6.3", "I10", "Hypertension essentielle")))
                .allergy(Allergy.of("Pénicilline", "urticaire"))
                .treatment(Medication.of("Amlodipine 5 mg", "1 cp le matin"));
    }

    private static DepositReceipt deposit(DmpClient dmp, PatientIdentity patient, byte[] cda,
            Optional<DocumentEntry> replacing) throws Exception {
        Deposit deposit = CdaDeposits.of(patient, cda).build();
        return replacing.isPresent() ? dmp.documents().replace(replacing.get().id(), deposit)
                : dmp.documents().deposit(deposit);
    }
}
