package fr.opendmp.cda.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opendmp.cda.content.EmbeddedDocument;
import fr.opendmp.cda.content.ImagingReport;
import fr.opendmp.cda.content.LabReport;
import fr.opendmp.cda.content.MedicalSummary;
import fr.opendmp.cda.content.ReimbursementHistory;
import fr.opendmp.cda.content.VaccinationRecord;
import fr.opendmp.cda.metadata.CdaMetadata;
import fr.opendmp.cda.read.CdaDocument;
import fr.opendmp.cda.read.CdaReader;
import fr.opendmp.cda.validate.CdaValidator;
import fr.opendmp.core.error.DmpException;
import fr.opendmp.core.fuzz.Fuzz;
import fr.opendmp.core.fuzz.HostileInputs;
import fr.opendmp.core.fuzz.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Hostile CDA (issue 19): the reader, metadata derivation, the content readers and the built-in
 * validator answer any bytes with a result or a typed {@link DmpException} in bounded time, and
 * the errors never quote the patient of the vector.
 */
class CdaInputsFuzzTest {

    private static final List<String> VECTORS = List.of("/vectors/cda/VSM_1.4_2022.01.xml",
            "/vectors/cda/LDL-SES_2022.01.xml", "/vectors/cda/DOC_NON_STRUCTURE_CDA-R2-N1.xml",
            "/vectors/cda/CNAM-HR_2021.01_sans-info.xml", "/ans-examples/BIO-CR-BIO_2024.01_TSH_1.xml",
            "/ans-examples/IMG_CR_IMG_2024.01.xml");
    private static final long LIMIT = 512 * 1024;
    private static final CdaReader READER = CdaReader.withMaxBytes(LIMIT);
    private static final CdaValidator VALIDATOR = CdaValidator.builder().reader(READER).build();
    private static final List<Function<CdaDocument, ?>> READERS = List.of(CdaMetadata::derive,
            CdaMetadata::patientIns, CdaMetadata::custodian, CdaMetadata::replacedDocument, VaccinationRecord::read,
            ReimbursementHistory::read, MedicalSummary::read, LabReport::read, EmbeddedDocument::read,
            ImagingReport::read);

    /** Each vector as likely, its hostile variants generated from it. */
    private static Gen<byte[]> cdas() {
        return HostileInputs.oneOf(VECTORS.stream().map(v -> HostileInputs.xmlAround(bytes(v))).toList());
    }

    @Test
    void aHostileCdaIsReadDerivedAndValidatedOrRefusedWithATypedError() {
        Fuzz.theory().forAll(cdas()).checkAssert(CdaInputsFuzzTest::readDerivedAndValidatedOrRefused);
    }

    private static void readDerivedAndValidatedOrRefused(byte[] xml) {
        Optional<Throwable> refused = Verdict.typedOrSuccess("CdaReader", () -> READER.parse(xml),
                DmpException.class);
        if (refused.isEmpty()) {
            CdaDocument cda = READER.parse(xml);
            for (Function<CdaDocument, ?> reader : READERS) {
                Verdict.typedOrSuccess("content of a parsed CDA", () -> reader.apply(cda), DmpException.class);
            }
            Verdict.typedOrSuccess("toString", () -> Verdict.leaked(new AssertionError(cda.toString()))
                    .stream().findFirst().map(leak -> {
                        throw new AssertionError("CdaDocument.toString() prints " + leak);
                    }), DmpException.class);
        }
        Verdict.typedOrSuccess("CdaValidator", () -> VALIDATOR.validate(xml), DmpException.class);
    }

    @Test
    void aCdaOnePastTheSizeLimitIsATypedError() {
        assertThat(Verdict.typedOrSuccess("past the limit", () -> READER.parse(HostileInputs.xmlOfSize((int) LIMIT)),
                DmpException.class)).isPresent();
    }

    private static byte[] bytes(String resource) {
        try (InputStream in = CdaInputsFuzzTest.class.getResourceAsStream(resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
