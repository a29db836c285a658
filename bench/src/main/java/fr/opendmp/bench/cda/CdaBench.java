package fr.opendmp.bench.cda;

import fr.opendmp.bench.fixture.CdaFixtures;
import fr.opendmp.cda.build.CdaDocuments;
import fr.opendmp.cda.build.DocumentHeader;
import fr.opendmp.cda.metadata.CdaMetadata;
import fr.opendmp.cda.read.CdaParseException;
import fr.opendmp.cda.read.CdaReader;
import fr.opendmp.cda.validate.CdaValidator;
import fr.opendmp.cda.validate.ValidationReport;
import fr.opendmp.core.document.DocumentMetadata;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Figure 6 (warm): build an N1 from a 1 MiB PDF, read it back and derive its metadata, validate it
 * fully (built-in checks, CDA XSD, header schematron) with a validator built once. The first
 * validation (schematron compilation) is measured in a fresh JVM by {@link FirstDocument}.
 * Without the ANS package, {@code validateWarm} throws and the suite reports it as skipped.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CdaBench {

    private DocumentHeader header;
    private byte[] pdf;
    private byte[] n1;
    private Optional<CdaValidator> validator;

    /** Builds the inputs and, when the ANS package is present, the validator (compiles its schematron). */
    @Setup
    public void setUp() {
        header = CdaFixtures.header();
        pdf = CdaFixtures.pdf(CdaFixtures.ONE_MB);
        n1 = buildN1();
        Optional<Path> pkg = CdaFixtures.ansPackage();
        validator = pkg.map(p -> CdaValidator.builder().ansPackage(p).build());
        validator.ifPresent(v -> {
            ValidationReport r = v.validate(n1);
            if (!r.isValid()) {
                System.err.println("warning: the benchmark N1 has " + r.errors().size() + " validation errors");
            }
        });
    }

    /** @return the N1 bytes */
    @Benchmark
    public byte[] buildN1() {
        return CdaDocuments.n1Pdf(header, pdf).toBytes();
    }

    /** @return the metadata derived from the N1 */
    @Benchmark
    public DocumentMetadata readAndDerive() throws CdaParseException {
        return CdaMetadata.derive(CdaReader.read(n1));
    }

    /** @return the validation report */
    @Benchmark
    public ValidationReport validateWarm() {
        return validator.orElseThrow(() -> new IllegalStateException("skipped: no ANS package")).validate(n1);
    }
}
