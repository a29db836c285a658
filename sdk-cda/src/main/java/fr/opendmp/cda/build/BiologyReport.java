package fr.opendmp.cda.build;

import fr.opendmp.cda.build.internal.N1Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The body of a structured compte rendu d'examens biologiques (CR-BIO 2024.01): results filed by
 * chapter, and the PDF copy of the report the model requires (section FR-Document-PDF-copie).
 *
 * <pre>{@code
 * BiologyReport report = BiologyReport.builder()
 *     .result(BiologyResult.of(BIOCHIMIE, TSH, new BigDecimal("1.950"), "m[IU]/L", validated)
 *         .withRange(new BigDecimal("0.270"), new BigDecimal("4.200")).withInterpretation(Interpretation.NORMAL))
 *     .pdfCopy(pdfBytes)
 *     .build();
 * byte[] cda = CdaDocuments.biologyReport(header, report).toBytes();
 * }</pre>
 *
 * @param results the results, at least one, in the order they are shown (chapters in order of first use)
 * @param pdfCopy the PDF copy of the report (a copy is kept and returned)
 */
public record BiologyReport(List<BiologyResult> results, byte[] pdfCopy) {

    /**
     * Checks and copies.
     *
     * @param results the results
     * @param pdfCopy the pdf copy
     * @throws CdaBuildException {@code MISSING_ELEMENT} without results, {@code NOT_A_PDF} if the copy is not a PDF
     */
    public BiologyReport {
        results = List.copyOf(results);
        Objects.requireNonNull(pdfCopy, "pdfCopy");
        if (results.isEmpty()) {
            throw new CdaBuildException(CdaBuildException.Reason.MISSING_ELEMENT, "a CR de biologie needs a result");
        }
        N1Writer.checkPdf(pdfCopy);
        pdfCopy = pdfCopy.clone();
    }

    /** @return a copy of the PDF */
    @Override
    public byte[] pdfCopy() {
        return pdfCopy.clone();
    }

    /** Compares the PDF by content. */
    @Override
    public boolean equals(Object o) {
        return o instanceof BiologyReport r && results.equals(r.results) && Arrays.equals(pdfCopy, r.pdfCopy);
    }

    /** Hashes the PDF by content. */
    @Override
    public int hashCode() {
        return 31 * results.hashCode() + Arrays.hashCode(pdfCopy);
    }

    /** Masked: counts only. */
    @Override
    public String toString() {
        return "BiologyReport[results=" + results.size() + ", pdf " + pdfCopy.length + " bytes]";
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link BiologyReport}; results add up, the PDF copy may be given once. Not thread-safe. */
    public static final class Builder {
        private final List<BiologyResult> results = new ArrayList<>();
        private byte[] pdfCopy;

        private Builder() {
        }

        /**
         * @param value the value
         * @return this; adds a result
         */
        public Builder result(BiologyResult value) {
            results.add(Objects.requireNonNull(value, "result"));
            return this;
        }

        /**
         * @param value the value
         * @return this; the PDF copy of the report (required by the model)
         */
        public Builder pdfCopy(byte[] value) {
            if (pdfCopy != null) {
                throw new IllegalStateException("pdfCopy was already set");
            }
            this.pdfCopy = Objects.requireNonNull(value, "pdfCopy");
            return this;
        }

        /**
         * @return the report
         * @throws CdaBuildException naming what is missing or invalid
         */
        public BiologyReport build() {
            if (pdfCopy == null) {
                throw new CdaBuildException(CdaBuildException.Reason.MISSING_ELEMENT,
                        "the PDF copy of the report is required by the CR-BIO model");
            }
            return new BiologyReport(results, pdfCopy);
        }
    }
}
