package fr.opendmp.bench.coldstart;

import fr.opendmp.bench.fixture.BenchPatients;
import fr.opendmp.bench.fixture.SeededFake;
import fr.opendmp.bench.run.Jvms;
import fr.opendmp.core.ins.Ins;
import java.util.ArrayList;
import java.util.List;

/**
 * Figure 3: starts a small fake DMP in this JVM, then runs {@link EmptyJvm}, {@link SdkOneSearch}
 * and {@link HapiOneSearch} in fresh JVMs, interleaved, {@code runs} times each; medians of the
 * whole-process wall time.
 */
public final class ColdStart {

    /** Documents of the searched patient. */
    public static final int DOCUMENTS = 10;

    private ColdStart() {
    }

    /**
     * Medians in milliseconds.
     *
     * @param emptyJvm a JVM doing nothing
     * @param sdk the SDK's one search
     * @param hapi HAPI's one search
     * @param runs runs of each
     */
    public record Result(double emptyJvm, double sdk, double hapi, int runs) {
    }

    /**
     * @param runs how many runs of each
     * @param discardFirst whether to run each side once, unmeasured, first (disk cache)
     * @return the medians
     */
    public static Result measure(int runs, boolean discardFirst) {
        try (SeededFake seeded = SeededFake.start(1, DOCUMENTS, 2)) {
            Ins ins = BenchPatients.ins(0);
            String base = seeded.fake().baseUri().toString();
            String auth = SeededFake.credentials().authorizationFor(ins);
            List<Double> empty = new ArrayList<>();
            List<Double> sdk = new ArrayList<>();
            List<Double> hapi = new ArrayList<>();
            String expected = String.valueOf(DOCUMENTS);
            if (discardFirst) {
                Jvms.run(SdkOneSearch.class, List.of(), base, ins.value(), auth, expected);
                Jvms.run(HapiOneSearch.class, List.of(), base, ins.fhirIdentifier(), auth, expected);
            }
            for (int i = 0; i < runs; i++) {
                empty.add(Jvms.run(EmptyJvm.class, List.of()).millis());
                sdk.add(Jvms.run(SdkOneSearch.class, List.of(), base, ins.value(), auth, expected).millis());
                hapi.add(Jvms.run(HapiOneSearch.class, List.of(), base, ins.fhirIdentifier(), auth, expected)
                        .millis());
            }
            return new Result(Jvms.median(empty), Jvms.median(sdk), Jvms.median(hapi), runs);
        }
    }
}
