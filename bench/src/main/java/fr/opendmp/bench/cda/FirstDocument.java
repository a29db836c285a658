package fr.opendmp.bench.cda;

import fr.opendmp.bench.fixture.CdaFixtures;
import fr.opendmp.cda.build.CdaDocuments;
import fr.opendmp.cda.metadata.CdaMetadata;
import fr.opendmp.cda.read.CdaReader;
import fr.opendmp.cda.validate.CdaValidator;
import fr.opendmp.cda.validate.ValidationReport;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Figure 6 (first document), run in a fresh JVM: builds an N1 from a 1 MiB PDF, derives its
 * metadata, builds a validator and validates twice. Prints {@code key=milliseconds} lines:
 * {@code build}, {@code derive}, {@code validatorBuild}, {@code firstValidate} (schematron
 * compilation included), {@code secondValidate}, {@code warmValidate} (median of the next
 * validations, their number the first argument, default 5), {@code errors}; or {@code skipped=...}.
 */
public final class FirstDocument {

    private FirstDocument() {
    }

    /** @param args optional: how many warm validations after the second; the package comes from {@code -Dopendmp.shared} */
    public static void main(String[] args) throws Exception {
        byte[] pdf = CdaFixtures.pdf(CdaFixtures.ONE_MB);
        long t0 = System.nanoTime();
        byte[] n1 = CdaDocuments.n1Pdf(CdaFixtures.header(), pdf).toBytes();
        long t1 = System.nanoTime();
        CdaMetadata.derive(CdaReader.read(n1));
        long t2 = System.nanoTime();
        print("build", t1 - t0);
        print("derive", t2 - t1);
        System.out.println("n1Bytes=" + n1.length);
        Optional<Path> pkg = CdaFixtures.ansPackage();
        if (pkg.isEmpty()) {
            System.out.println("skipped=no ANS package (set -Dopendmp.shared)");
            return;
        }
        long t3 = System.nanoTime();
        CdaValidator validator = CdaValidator.builder().ansPackage(pkg.get()).build();
        long t4 = System.nanoTime();
        ValidationReport first = validator.validate(n1);
        long t5 = System.nanoTime();
        validator.validate(n1);
        long t6 = System.nanoTime();
        int warm = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        long[] warmNanos = new long[Math.max(1, warm)];
        for (int i = 0; i < warmNanos.length; i++) {
            long s = System.nanoTime();
            validator.validate(n1);
            warmNanos[i] = System.nanoTime() - s;
        }
        java.util.Arrays.sort(warmNanos);
        print("validatorBuild", t4 - t3);
        print("warmValidate", warmNanos[warmNanos.length / 2]);
        print("firstValidate", t5 - t4);
        print("secondValidate", t6 - t5);
        System.out.println("errors=" + first.errors().size());
        System.out.println("checks=" + String.join(",", first.checksRun()));
    }

    private static void print(String key, long nanos) {
        System.out.println(key + "=" + nanos / 1e6);
    }
}
