package fr.opendmp.examples.consult;

import static fr.opendmp.examples.transcript.Transcript.Check.expect;

import fr.opendmp.cda.build.BiologyReport;
import fr.opendmp.cda.build.BiologyResult;
import fr.opendmp.cda.build.CdaDocuments;
import fr.opendmp.cda.build.DocumentHeader;
import fr.opendmp.core.party.Organization;
import fr.opendmp.core.party.Professional;
import fr.opendmp.cda.build.VaccinationNote;
import fr.opendmp.cda.content.LabReport;
import fr.opendmp.cda.content.LabResult;
import fr.opendmp.cda.content.Quantity;
import fr.opendmp.cda.content.ResultValue;
import fr.opendmp.cda.content.VaccinationRecord;
import fr.opendmp.cda.read.CdaReader;
import fr.opendmp.core.caller.Caller;
import fr.opendmp.core.client.DmpClient;
import fr.opendmp.core.client.PatientRecord;
import fr.opendmp.core.code.Code;
import fr.opendmp.core.code.CodeSystems;
import fr.opendmp.core.document.DocumentEntry;
import fr.opendmp.core.ins.PatientIdentity;
import fr.opendmp.cda.deposit.CdaDeposits;
import fr.opendmp.examples.fakes.EmbeddedFakes;
import fr.opendmp.examples.hospital.SamplePdf;
import fr.opendmp.examples.transcript.Transcript;
import fr.opendmp.testkit.dmp.FakeProfessional;
import fr.opendmp.testkit.insi.FakeInsiPopulation;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Journey 3: the GP deposits a note de vaccination and a structured CR de biologie built by
 * sdk-cda; a consulting doctor opens the record and reads the vaccination and the lab results as
 * values (codes, quantities, reference ranges), not as files.
 */
public final class ConsultationReading {

    static final Organization PRACTICE = Organization.of("10B0167011", "Cabinet du Dr Test");
    static final Professional GP = Professional.of("810001234567", "Paul", "TEST-MEDECIN")
            .withSpecialty(Code.of("urn:oid:1.2.250.1.213.1.1.4.5", "G15_10/SM54", "Médecine générale"))
            .withOrganization(PRACTICE);
    static final FakeProfessional GP_ACCOUNT = FakeProfessional.doctor(GP.idNat());
    static final FakeProfessional CONSULTANT = FakeProfessional.doctor("810004567890");
    private static final Code BIOCHIMIE = Code.of(CodeSystems.LOINC, "18719-5", "Biochimie");
    private static final Code TSH = Code.of(CodeSystems.LOINC, "3016-3",
            "Thyréostimuline [Unités arbitraires/Volume] Sérum/Plasma ; Numérique");

    private ConsultationReading() {
    }

    /** Runs the journey today, in Paris time. */
    public static void run(EmbeddedFakes fakes, Transcript transcript) {
        run(fakes, transcript, OffsetDateTime.now(ZoneId.of("Europe/Paris")).withNano(0));
    }

    /**
     * @param fakes the embedded services
     * @param transcript where steps are printed
     * @param today the consultation's date
     */
    public static void run(EmbeddedFakes fakes, Transcript transcript, OffsetDateTime today) {
        transcript.section("Journey 3 - consultation: the record read as values");
        PatientIdentity patient = PatientIdentity.qualified(FakeInsiPopulation.ORDINARY.traits(),
                FakeInsiPopulation.ORDINARY.ins());
        try (DmpClient gp = fakes.dmpClient(GP_ACCOUNT); DmpClient consultant = fakes.dmpClient(CONSULTANT)) {
            transcript.step("1. the GP deposits a note de vaccination and a CR de biologie", () -> {
                DocumentHeader.Builder header = DocumentHeader.builder().patient(patient).author(GP)
                        .custodian(PRACTICE).effectiveTime(today.minusDays(1))
                        .facilityType(Code.of(CodeSystems.TRE_R02, "SA07", "Cabinet individuel"))
                        .practiceSetting(Code.of(CodeSystems.PRACTICE_SETTING, "AMBULATOIRE", "Ambulatoire"));
                byte[] note = CdaDocuments.vaccinationNote(header.build(), VaccinationNote.builder()
                        .vaccine(Code.of(VaccinationNote.CIS, "68747507", "VACCIN TETANIQUE PASTEUR"))
                        .atc(Code.of(VaccinationNote.ATC, "J07AM01", "Anatoxine tétanique"))
                        .date(today.minusDays(1).toLocalDate()).lot("4456672").rank(2)
                        .series(VaccinationNote.Series.BOOSTER).performer(GP).build()).toBytes();
                byte[] biology = CdaDocuments.biologyReport(header.build(), BiologyReport.builder()
                        .result(BiologyResult.of(BIOCHIMIE, TSH, new BigDecimal("1.950"), "m[IU]/L",
                                today.minusDays(1)).withRange(new BigDecimal("0.270"), new BigDecimal("4.200")))
                        .pdfCopy(SamplePdf.withLine("TSH 1.950 mUI/L")).build()).toBytes();
                int accepted = gp.documents().deposit(CdaDeposits.of(patient, note, biology).build()).documents()
                        .size();
                transcript.deposited(accepted);
                return expect(accepted == 2, accepted + " documents, built and deposited in one submission");
            });
            PatientRecord[] record = new PatientRecord[1];
            transcript.step("2. a consulting doctor opens the record", () -> {
                record[0] = consultant.as(Caller.provider()).openRecord(patient.requireQualified());
                transcript.found(record[0].documents().size());
                return expect(record[0].documents().size() >= 2, record[0].documents().size()
                        + " documents, the newest fetched in parallel");
            });
            transcript.step("3. vaccinations read as values", () -> {
                DocumentEntry entry = find(record[0], "87273-9");
                VaccinationRecord vaccinations = VaccinationRecord.read(CdaReader.read(
                        record[0].content(entry).join().bytes()));
                transcript.retrieved(1);
                String listed = vaccinations.vaccinations().stream().map(v -> v.vaccine().map(Code::code).orElse("?")
                        + " on " + v.date().map(d -> d.start().toLocalDate().toString()).orElse("?") + ", dose "
                        + v.rank().map(String::valueOf).orElse("?")).collect(Collectors.joining("; "));
                return expect(vaccinations.vaccinations().size() == 1 && vaccinations.unreadable().isEmpty(),
                        vaccinations.vaccinations().size() + " vaccination: " + listed);
            });
            transcript.step("4. lab results read as values", () -> {
                DocumentEntry entry = find(record[0], "11502-2");
                LabReport lab = LabReport.read(CdaReader.read(record[0].content(entry).join().bytes()));
                transcript.retrieved(1);
                List<LabResult> results = lab.results();
                String listed = results.stream().map(r -> r.test().map(Code::code).orElse("?") + " = "
                        + value(r.value()) + r.referenceRange().map(x -> " (ref " + x.low().map(ConsultationReading::q)
                        .orElse("") + "–" + x.high().map(ConsultationReading::q).orElse("") + ")").orElse(""))
                        .collect(Collectors.joining("; "));
                return expect(results.size() == 1 && lab.unreadable().isEmpty(), results.size() + " result: " + listed);
            });
        }
    }

    private static String value(ResultValue v) {
        return v instanceof ResultValue.Measured m ? q(m.quantity()) : v.getClass().getSimpleName();
    }

    private static String q(Quantity quantity) {
        return quantity.value().toPlainString() + " " + quantity.unit();
    }

    private static DocumentEntry find(PatientRecord record, String type) {
        return record.documents().stream().filter(e -> e.type().code().equals(type)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no document of type " + type + " in the record"));
    }
}
