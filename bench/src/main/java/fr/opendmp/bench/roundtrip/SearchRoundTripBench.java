package fr.opendmp.bench.roundtrip;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.opendmp.bench.fixture.BenchPatients;
import fr.opendmp.bench.fixture.CapturedRequest;
import fr.opendmp.bench.fixture.RecordingProxy;
import fr.opendmp.bench.fixture.SeededFake;
import fr.opendmp.core.client.DmpClient;
import fr.opendmp.core.ins.Ins;
import fr.opendmp.core.search.DocumentPage;
import fr.opendmp.core.search.DocumentQuery;
import java.io.IOException;
import java.net.http.HttpClient;
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

/**
 * Figure 2: one search on loopback against a fake DMP holding {@code patients × perPatient}
 * documents; {@code DmpClient} against the raw JDK {@link HttpClient} + Jackson {@code readTree}
 * sending the very request the SDK sent (captured through a {@link RecordingProxy}: same URL, same
 * headers, same Authorization value). SampleTime mode gives p50 and p99.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SearchRoundTripBench {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DocumentQuery QUERY = DocumentQuery.builder().build();

    /** Patients in the fake. */
    @Param("10000")
    public int patients;

    /** Documents per patient. */
    @Param("10")
    public int perPatient;

    private SeededFake seeded;
    private DmpClient client;
    private Ins ins;
    private CapturedRequest request;
    private HttpClient raw;

    /** Seeds the fake, captures the SDK's request and checks both sides get every document. */
    @Setup
    public void setUp() {
        seeded = SeededFake.shared(patients, perPatient, 4);
        ins = BenchPatients.ins(patients / 2);
        client = seeded.client();
        try (RecordingProxy proxy = RecordingProxy.inFrontOf(seeded.fake().baseUri());
                DmpClient viaProxy = SeededFake.client(proxy.baseUri())) {
            viaProxy.documents().search(ins, QUERY);
            request = proxy.last();
        }
        raw = CapturedRequest.rawClient();
        if (sdk().entries().size() != perPatient || raw().path("entry").size() != perPatient) {
            throw new IllegalStateException("both clients must get the patient's " + perPatient + " documents");
        }
    }

    /** Stops the fake. */
    @TearDown
    public void tearDown() {
        client.close();
        SeededFake.release();
    }

    /** @return the SDK's page */
    @Benchmark
    public DocumentPage sdk() {
        return client.documents().search(ins, QUERY);
    }

    /** @return the raw client's JSON tree */
    @Benchmark
    public JsonNode raw() {
        try {
            return MAPPER.readTree(request.send(raw));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
