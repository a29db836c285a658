package fr.opendmp.testkit.dmp.internal;

import fr.opendmp.testkit.dmp.CdaHeader;
import fr.opendmp.testkit.dmp.CdaHeaderReader;

/**
 * Built-in fallback: type from {@code ClinicalDocument/code}, title from {@code ClinicalDocument/title},
 * patient INS from {@code recordTarget/patientRole/id}, in one streaming pass ({@link CdaScan}: no DTD,
 * nesting limit, never throws).
 */
public final class MinimalCdaHeaderReader implements CdaHeaderReader {

    @Override
    public CdaHeader read(byte[] document) {
        return CdaScan.scan(document).header();
    }
}
