package fr.opendmp.examples.cda;

import fr.opendmp.cda.deposit.CdaDeposits;
import fr.opendmp.cda.build.Allergy;
import fr.opendmp.cda.build.CdaDocuments;
import fr.opendmp.cda.build.DocumentHeader;
import fr.opendmp.cda.build.LdlSes;
import fr.opendmp.cda.build.Medication;
import fr.opendmp.core.party.Organization;
import fr.opendmp.cda.build.Problem;
import fr.opendmp.core.party.Professional;
import fr.opendmp.cda.build.Vsm;
import fr.opendmp.cda.read.CdaParseException;
import fr.opendmp.core.client.DmpClient;
import fr.opendmp.core.code.Code;
import fr.opendmp.core.code.CodeSystems;
import fr.opendmp.core.document.DepositReceipt;
import fr.opendmp.core.ins.PatientIdentity;
import java.time.OffsetDateTime;

/**
 * From the vendor's own records to the DMP in a few lines: a synthèse médicale (VSM) built from a
 * GP's problem list, allergies and treatments, and a lettre de liaison à la sortie (LDL-SES) from a
 * hospital stay, both CI-SIS CDA documents whose DMP metadata is derived from their header, then
 * deposited together in one submission.
 */
public final class VsmAndDischargeLetter {

    private VsmAndDischargeLetter() {
    }

    /**
     * Builds both documents and deposits them in one submission.
     *
     * @param dmp the client (its credentials name the depositing professional)
     * @param patient a qualified identity (the header builder refuses any other)
     * @param gp the GP who writes the synthèse (with the practice as organisation: the deposit names it
     *     as custodian)
     * @param cabinet the GP's practice
     * @param hospital the discharging hospital
     * @param now the time the documents are written
     * @return the receipt of the submission
     * @throws CdaParseException if a built document cannot be read back (a builder defect)
     */
    public static DepositReceipt depositBoth(DmpClient dmp, PatientIdentity patient, Professional gp,
            Organization cabinet, Organization hospital, OffsetDateTime now) throws CdaParseException {
        byte[] vsm = CdaDocuments.vsm(DocumentHeader.builder().patient(patient).author(gp).custodian(cabinet)
                        .effectiveTime(now)
                        .facilityType(Code.of(CodeSystems.TRE_R02, "SA07", "Cabinet individuel"))
                        .practiceSetting(Code.of(CodeSystems.PRACTICE_SETTING, "AMBULATOIRE", "Ambulatoire"))
                        .build(),
                Vsm.builder()
                        .activeProblem(Problem.of("Hypertension artérielle")
                                .withCode(Code.of("urn:oid:2.16.840.1.113883.6.3", "I10", "Hypertension essentielle")))
                        .allergy(Allergy.of("Pénicilline", "urticaire"))
                        .treatment(Medication.of("Amlodipine 5 mg", "1 cp le matin"))
                        .build())
                .toBytes();
        byte[] letter = CdaDocuments.ldlSes(DocumentHeader.builder().patient(patient).author(gp).custodian(hospital)
                        .effectiveTime(now).serviceStart(now.minusDays(5)).serviceEnd(now)
                        .facilityType(Code.of(CodeSystems.TRE_R02, "SA01", "Etablissement public de santé"))
                        .practiceSetting(Code.of(CodeSystems.PRACTICE_SETTING, "ETABLISSEMENT", "Etablissement de santé"))
                        .build(),
                LdlSes.builder().admissionReason("Décompensation cardiaque").staySummary("Séjour sans complication.")
                        .dischargeTreatment(Medication.of("Furosémide 40 mg", "1 par jour"))
                        .followUp("Consultation de cardiologie à 1 mois").build())
                .toBytes();

        return dmp.documents().deposit(CdaDeposits.of(patient, vsm, letter).build());
    }
}
