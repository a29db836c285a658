package fr.opendmp.bench.capacity;

import fr.opendmp.bench.fixture.BenchPatients;
import fr.opendmp.bench.fixture.CapturedRequest;
import fr.opendmp.bench.fixture.SeededFake;
import fr.opendmp.core.access.AccessContext;
import fr.opendmp.core.transport.internal.fhir.QueryEncoder;
import fr.opendmp.core.ins.Ins;
import fr.opendmp.core.search.DocumentQuery;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Figure 4: the fake DMP's capacity with 8 client threads (each its own JDK client, as 8
 * independent workstations) searching the documents of 256 different patients in turn, at
 * {@code patients × perPatient} stored documents; against a {@link StaticServer} with as many
 * handler threads answering the same bytes (the transport ceiling). SampleTime gives p50/p99 and
 * the mean; searches per second follow by Little's law in this closed loop (8 threads, no think
 * time): 8 / mean. Client and server share the machine's cores.
 */
@State(Scope.Benchmark)
@Threads(8)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FakeCapacityBench {

    private static final int TARGETS = 256;

    /** Patients in the fake. */
    @Param("10000")
    public int patients;

    /** Documents per patient. */
    @Param("10")
    public int perPatient;

    /** The fake's handler threads (its default is 4). */
    @Param("4")
    public int serverThreads;

    private SeededFake seeded;
    private StaticServer ceiling;
    private List<CapturedRequest> searches;
    private CapturedRequest staticGet;

    /** Seeds the fake and prepares one search request per target patient. */
    @Setup
    public void setUp() {
        seeded = SeededFake.shared(patients, perPatient, serverThreads);
        searches = new ArrayList<>();
        String base = seeded.fake().baseUri().toString();
        for (int i = 0; i < TARGETS; i++) {
            Ins ins = BenchPatients.ins((int) ((long) i * patients / TARGETS));
            String auth = SeededFake.credentials().authorizationFor(ins);
            searches.add(new CapturedRequest("GET",
                    URI.create(base + "/" + QueryEncoder.search(ins, DocumentQuery.builder().build())),
                    Map.of("Authorization", List.of(auth), "Accept", List.of("application/fhir+json")),
                    new byte[0]));
        }
        byte[] sample = searches.get(0).send(CapturedRequest.rawClient());
        ceiling = new StaticServer(sample, serverThreads);
        staticGet = new CapturedRequest("GET", ceiling.uri(), Map.of("Accept", List.of("application/fhir+json")),
                new byte[0]);
    }

    /** Stops both servers. */
    @TearDown
    public void tearDown() {
        ceiling.close();
        SeededFake.release();
    }

    /** One client thread: its own JDK client and its turn over the patients. */
    @State(Scope.Thread)
    public static class Workstation {
        HttpClient client;
        int next;

        /** Creates the thread's client. */
        @Setup
        public void setUp() {
            client = CapturedRequest.rawClient();
            next = (int) (Thread.currentThread().getId() * 31 % TARGETS);
        }
    }

    /** @return the fake's searchset */
    @Benchmark
    public byte[] fake(Workstation w) {
        w.next = (w.next + 1) % TARGETS;
        return searches.get(w.next).send(w.client);
    }

    /** @return the static server's bytes */
    @Benchmark
    public byte[] ceiling(Workstation w) {
        return staticGet.send(w.client);
    }
}
