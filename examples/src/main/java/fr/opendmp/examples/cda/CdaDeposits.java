package fr.opendmp.examples.cda;

import fr.opendmp.cda.metadata.CdaMetadata;
import fr.opendmp.cda.read.CdaDocument;
import fr.opendmp.cda.read.CdaParseException;
import fr.opendmp.cda.read.CdaReader;
import fr.opendmp.core.document.Deposit;
import fr.opendmp.core.ins.PatientIdentity;

/**
 * A deposit of CI-SIS CDA documents whose DMP metadata is derived from their headers, and whose
 * custodian is the first document's CDA custodian (when it has an IdNat_Struct).
 */
public final class CdaDeposits {

    private CdaDeposits() {
    }

    /**
     * @param patient the qualified identity
     * @param cdas the CDA documents, in submission order (at least one)
     * @return a deposit builder holding each document with its derived metadata
     * @throws CdaParseException if a document cannot be read
     */
    public static Deposit.Builder of(PatientIdentity patient, byte[]... cdas) throws CdaParseException {
        if (cdas.length == 0) {
            throw new IllegalArgumentException("a deposit needs at least one CDA document");
        }
        Deposit.Builder builder = Deposit.builder().patient(patient);
        for (int i = 0; i < cdas.length; i++) {
            CdaDocument read = CdaReader.read(cdas[i]);
            builder.document(CdaMetadata.derive(read), cdas[i]);
            if (i == 0) {
                CdaMetadata.custodian(read).ifPresent(builder::custodian);
            }
        }
        return builder;
    }
}
