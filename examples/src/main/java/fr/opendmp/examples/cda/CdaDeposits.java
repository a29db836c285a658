package fr.opendmp.examples.cda;

import fr.opendmp.cda.read.CdaParseException;
import fr.opendmp.core.document.Deposit;
import fr.opendmp.core.ins.PatientIdentity;

/**
 * A deposit of CI-SIS CDA documents whose DMP metadata is derived from their headers, and whose
 * custodian is the first document's CDA custodian (when it has an IdNat_Struct). Delegates to
 * sdk-cda's {@link fr.opendmp.cda.deposit.CdaDeposits}, which also refuses a document whose
 * header names another patient than {@code patient}.
 */
public final class CdaDeposits {

    private CdaDeposits() {
    }

    /**
     * @param patient the qualified identity
     * @param cdas the CDA documents, in submission order (at least one)
     * @return a deposit builder holding each document with its derived metadata
     * @throws CdaParseException if a document cannot be read
     * @throws fr.opendmp.cda.deposit.CdaPatientMismatchException if a document names another patient
     */
    public static Deposit.Builder of(PatientIdentity patient, byte[]... cdas) throws CdaParseException {
        return fr.opendmp.cda.deposit.CdaDeposits.of(patient, cdas);
    }
}
