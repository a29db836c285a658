package fr.opendmp.testkit.dmp;

/**
 * Seam for reading the header of a deposited CDA (ITI-105 metadata derivation in strict mode).
 * The built-in reader takes only the type from {@code ClinicalDocument/code}; sdk-cda will plug a
 * complete one in through {@link FakeDmp.Builder#cdaHeaderReader(CdaHeaderReader)}.
 */
@FunctionalInterface
public interface CdaHeaderReader {

    /**
     * Reads the header; never throws for a bad document (returns what it could read).
     *
     * @param document the raw CDA bytes
     * @return the header fields found
     */
    CdaHeader read(byte[] document);
}
