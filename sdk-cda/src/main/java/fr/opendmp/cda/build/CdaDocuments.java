package fr.opendmp.cda.build;

import fr.opendmp.cda.build.internal.BiologyReportWriter;
import fr.opendmp.cda.build.internal.LdlSesWriter;
import fr.opendmp.cda.build.internal.N1Writer;
import fr.opendmp.cda.build.internal.VaccinationNoteWriter;
import fr.opendmp.cda.build.internal.VsmWriter;
import java.util.Objects;
import java.util.Optional;

/**
 * The document models the SDK builds.
 *
 * <pre>{@code
 * byte[] cda = CdaDocuments.n1Pdf(header, pdfBytes).toBytes();
 * byte[] vsm = CdaDocuments.vsm(header, Vsm.builder().activeProblem(Problem.of("HTA")).build()).toBytes();
 * }</pre>
 */
public final class CdaDocuments {

    private CdaDocuments() {
    }

    /**
     * An N1 document: structured header, PDF body (IHE XDS-SD). The header must carry the business
     * document type ({@link DocumentHeader.Builder#documentType}). The PDF is checked, then written
     * as base64 slice by slice when the document is written.
     *
     * @param header the header
     * @param pdfBytes the pdf bytes
     * @return the N1 document, ready to write
     * @throws CdaBuildException {@code NOT_A_PDF} if the bytes are not a PDF
     */
    public static BuiltDocument n1Pdf(DocumentHeader header, byte[] pdfBytes) {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(pdfBytes, "pdfBytes");
        N1Writer.checkPdf(pdfBytes);
        if (header.documentType().isEmpty()) {
            throw new CdaBuildException(CdaBuildException.Reason.MISSING_ELEMENT,
                    "an N1 document needs the header's documentType (a J07 type such as 11488-4)");
        }
        return new BuiltDocument(header, N1Writer.model(), x -> N1Writer.body(x, pdfBytes));
    }

    /**
     * A VSM (synthèse médicale, code SYNTH) with the model templateId {@code 1.2.250.1.213.1.1.1.13}
     * without extension.
     * @param header the header
     * @param content the content
     * @return the VSM document, ready to write
     */
    public static BuiltDocument vsm(DocumentHeader header, Vsm content) {
        return vsm(header, content, Optional.empty());
    }

    /**
     * A VSM with a chosen model templateId extension (the ANS VSM 1.4 example uses {@code 201310};
     * which one the 2023.01 model wants is unsure, hence configurable).
     * @param header the header
     * @param content the content
     * @param templateExtension the template extension
     * @return the VSM document, ready to write
     */
    public static BuiltDocument vsm(DocumentHeader header, Vsm content, Optional<String> templateExtension) {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(content, "content");
        return new BuiltDocument(header, VsmWriter.model(templateExtension), x -> VsmWriter.body(x, content));
    }

    /**
     * A lettre de liaison à la sortie (LDL-SES 2022.01, code 11490-0).
     * @param header the header
     * @param content the content
     * @return the LDL-SES document, ready to write
     */
    public static BuiltDocument ldlSes(DocumentHeader header, LdlSes content) {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(content, "content");
        return new BuiltDocument(header, LdlSesWriter.model(), x -> LdlSesWriter.body(x, content));
    }

    /**
     * A note de vaccination (VAC-NOTE 2023.01, LOINC 87273-9) with its one FR-Vaccination entry,
     * authored by the header's first author.
     *
     * @param header the header
     * @param content the content
     * @return the vaccination note
     * @throws CdaBuildException {@code MISSING_ELEMENT} if the first author has no specialty with a display name
     */
    public static BuiltDocument vaccinationNote(DocumentHeader header, VaccinationNote content) {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(content, "content");
        VaccinationNoteWriter.check(header);
        return new BuiltDocument(header, VaccinationNoteWriter.model(), x -> VaccinationNoteWriter.body(x, header,
                content));
    }

    /**
     * A structured compte rendu d'examens biologiques (CR-BIO 2024.01, LOINC 11502-2): the results by
     * chapter and the PDF copy the model requires. The title is the model's; the documented act is
     * the first result's chapter; the legal authenticator (the biologist) is the encounter's
     * responsible party.
     *
     * @param header the header
     * @param content the content
     * @return the biology report
     * @throws CdaBuildException if the header has another title, or its legal authenticator no profession
     */
    public static BuiltDocument biologyReport(DocumentHeader header, BiologyReport content) {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(content, "content");
        BiologyReportWriter.check(header);
        return new BuiltDocument(header, BiologyReportWriter.model(content), x -> BiologyReportWriter.body(x,
                content));
    }
}
