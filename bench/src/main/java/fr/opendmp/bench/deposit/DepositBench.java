package fr.opendmp.bench.deposit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.opendmp.bench.fixture.CapturedRequest;
import fr.opendmp.bench.fixture.CdaFixtures;
import fr.opendmp.core.client.DmpClient;
import fr.opendmp.core.document.DepositReceipt;
import java.io.IOException;
import java.net.http.HttpClient;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Figure 5: deposit of an N1 CDA wrapping a 1 MiB PDF through ITI-65, end to end
 * ({@code DmpClient.documents().deposit}: bundle writing, base64, hash, POST, receipt) against a
 * raw JDK POST of the very bytes the SDK sent (+ Jackson {@code readTree} of the answer). The fake
 * is emptied before each invocation (not measured) so every deposit is accepted.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DepositBench {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DepositFixture fixture;
    private DmpClient client;
    private HttpClient raw;

    /** Builds the N1, the deposit and captures the SDK's request. */
    @Setup(Level.Trial)
    public void setUp() {
        fixture = new DepositFixture(CdaFixtures.ONE_MB);
        client = fixture.seeded().client();
        raw = CapturedRequest.rawClient();
    }

    /** Empties the fake. */
    @Setup(Level.Invocation)
    public void emptyTheFake() {
        fixture.resetFake();
    }

    /** Stops the fake. */
    @TearDown(Level.Trial)
    public void tearDown() {
        client.close();
        fixture.close();
    }

    /** @return the SDK's receipt */
    @Benchmark
    public DepositReceipt sdk() {
        return client.documents().deposit(fixture.deposit());
    }

    /** @return the raw answer */
    @Benchmark
    public JsonNode raw() {
        try {
            return MAPPER.readTree(fixture.rawPost().send(raw));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
