package fr.opendmp.cda;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opendmp.cda.build.Allergy;
import fr.opendmp.cda.build.CdaDocuments;
import fr.opendmp.cda.build.DocumentHeader;
import fr.opendmp.cda.build.LdlSes;
import fr.opendmp.cda.build.Medication;
import fr.opendmp.cda.build.Problem;
import fr.opendmp.core.party.Professional;
import fr.opendmp.cda.build.Vsm;
import fr.opendmp.cda.read.CdaDocument;
import fr.opendmp.cda.read.CdaHeader;
import fr.opendmp.cda.read.CdaReader;
import fr.opendmp.core.code.Code;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue 22 item 16: no default {@code toString()} of a build or read record prints health data or identity. */
class HealthDataToStringTest {

    static final Code CIM10 = Code.of("urn:oid:2.16.840.1.113883.6.3", "B24", "Maladie VIH");
    static final Problem HIV = Problem.of("Infection VIH").withCode(CIM10)
            .withPeriod(LocalDate.of(2011, 4, 2), null);
    static final Medication ARV = new Medication("Biktarvy", "1 cp le soir",
            Optional.of(Code.of("urn:oid:1.2.250.1.213.2.3.1", "J05AR20", "ARV")));
    static final Allergy PENICILLIN = new Allergy("Pénicilline", Optional.of(Code.of("urn:oid:x.y", "PENI-7")),
            Optional.of("oedème de Quincke"));

    @Test
    void problemToStringMasksLabelCodeAndDates() {
        assertThat(HIV.toString()).doesNotContain("VIH").doesNotContain("B24").doesNotContain("2011")
                .startsWith("Problem[");
    }

    @Test
    void medicationToStringMasksNameDosageAndCode() {
        assertThat(ARV.toString()).doesNotContain("Biktarvy").doesNotContain("cp le soir").doesNotContain("J05AR20")
                .startsWith("Medication[");
    }

    @Test
    void allergyToStringMasksAgentCodeAndReaction() {
        assertThat(PENICILLIN.toString()).doesNotContain("nicilline").doesNotContain("PENI-7")
                .doesNotContain("Quincke").startsWith("Allergy[");
    }

    @Test
    void vsmToStringShowsCountsNotProblemsTreatmentsOrAllergies() {
        Vsm vsm = Vsm.builder().activeProblem(HIV).medicalHistory(Problem.of("Tentative de suicide"))
                .allergy(PENICILLIN).treatment(ARV).lifestyle("Alcool 6 verres/j").familyHistory("Huntington")
                .occupationalRisk("amiante").vigilancePoint("INR instable").build();

        assertThat(vsm.toString()).doesNotContain("VIH").doesNotContain("suicide").doesNotContain("Biktarvy")
                .doesNotContain("nicilline").doesNotContain("Alcool").doesNotContain("Huntington")
                .doesNotContain("amiante").doesNotContain("INR").contains("activeProblems=1").contains("treatments=1");
    }

    @Test
    void ldlSesToStringShowsCountsNotTheStay() {
        LdlSes ldl = LdlSes.builder().admissionReason("Décompensation psychotique").staySummary("Contention 48 h")
                .dischargeTreatment(ARV).allergy(PENICILLIN).followUp("CMP").build();

        assertThat(ldl.toString()).doesNotContain("psychotique").doesNotContain("Contention")
                .doesNotContain("Biktarvy").doesNotContain("CMP").contains("staySummary=1");
    }

    @Test
    void readHeaderSectionsPatientAndPeopleNeverPrintTitlesNamesInsOrActs() throws Exception {
        CdaDocument cda = CdaReader.read(Fixtures.vector("VSM_1.4_2022.01.xml"));
        CdaHeader h = cda.header();
        String printed = h + " " + cda.sections() + " " + h.serviceEvents() + " " + h.patient().orElseThrow() + " "
                + h.authors() + " " + h.legalAuthenticator().orElseThrow() + " " + cda;

        assertThat(printed).doesNotContain("PAT-TROIS").doesNotContain("DOMINIQUE").doesNotContain("19790328")
                .doesNotContain("51215").doesNotContain(Fixtures.ins().value()).doesNotContain("Synthèse Médicale")
                .doesNotContain("Pathologie en cours").doesNotContain("34117-2");
        assertThat(h.title()).isPresent();
        assertThat(h.serviceEvents()).isNotEmpty();
        assertThat(cda.sections()).isNotEmpty();
    }

    @Test
    void builtHeaderProfessionalAndDocumentNeverPrintTraitsOrNames() {
        DocumentHeader header = Fixtures.header().build();
        Professional gp = Fixtures.gp();
        String printed = header + " " + gp + " " + CdaDocuments.vsm(header, Vsm.builder().activeProblem(HIV).build());

        assertThat(printed).doesNotContain("PAT-TROIS").doesNotContain("DOMINIQUE").doesNotContain("1979")
                .doesNotContain(Fixtures.ins().value()).doesNotContain("MEDIONI").doesNotContain("Stéphane")
                .doesNotContain("VIH");
    }

    @Test
    void typedContentRecordsPrintCountsNeverValuesNamesOrCodes() throws Exception {
        byte[] vac;
        byte[] bio;
        try (java.io.InputStream a = getClass().getResourceAsStream("/ans-examples/VAC-NOTE_2023.01.xml");
                java.io.InputStream b = getClass().getResourceAsStream("/ans-examples/BIO-CR-BIO_2024.01_TSH_1.xml")) {
            vac = a.readAllBytes();
            bio = b.readAllBytes();
        }
        fr.opendmp.cda.content.VaccinationRecord v = fr.opendmp.cda.content.VaccinationRecord.read(CdaReader.read(vac));
        fr.opendmp.cda.content.LabReport l = fr.opendmp.cda.content.LabReport.read(CdaReader.read(bio));
        fr.opendmp.cda.content.MedicalSummary m = fr.opendmp.cda.content.MedicalSummary.read(
                CdaReader.read(Fixtures.vector("VSM_1.4_2022.01.xml")));
        fr.opendmp.cda.content.ReimbursementHistory r = fr.opendmp.cda.content.ReimbursementHistory.read(
                CdaReader.read(Fixtures.vector("CNAM-HR_2021.01_sans-info.xml")));
        String printed = v + " " + v.vaccinations() + " " + l + " " + l.results() + " " + l.results().get(0).value()
                + " " + m + " " + m.activeProblems() + m.allergies() + m.treatments() + " " + r + " "
                + fr.opendmp.cda.build.ContentFixtures.note() + " " + fr.opendmp.cda.build.ContentFixtures.biology()
                + fr.opendmp.cda.build.ContentFixtures.biology().results();

        assertThat(printed).doesNotContain("68747507").doesNotContain("TETANIQUE").doesNotContain("4456672")
                .doesNotContain("MULLER").doesNotContain("3016-3").doesNotContain("1.950").doesNotContain("G45")
                .doesNotContain("PLAVIX").doesNotContain("Paracétamol").doesNotContain("2009").doesNotContain("2014")
                .contains("vaccinations=1").contains("results=2").contains("activeProblems=2");
    }
}
