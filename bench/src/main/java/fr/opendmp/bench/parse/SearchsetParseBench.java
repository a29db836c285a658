package fr.opendmp.bench.parse;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import fr.opendmp.bench.fixture.BenchPatients;
import fr.opendmp.bench.fixture.Searchsets;
import fr.opendmp.core.ins.Ins;
import fr.opendmp.core.search.DocumentPage;
import fr.opendmp.core.search.PageFetcher;
import fr.opendmp.core.transport.internal.fhir.SearchsetReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.r4.model.Bundle;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Figure 1: a 1,000-entry DocumentReference searchset as the fake DMP serves it, read into the
 * SDK's {@link DocumentPage} along the path {@code DmpClient} takes ({@link SearchsetReader} then
 * the page with the patient bound to each entry), against HAPI FHIR R4's JSON parser into a
 * {@link Bundle}. Run with {@code -prof gc} for the bytes allocated per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SearchsetParseBench {

    private static final PageFetcher LAST_PAGE = next -> {
        throw new IllegalStateException("the benchmark page has no next page");
    };

    /** Entries in the searchset. */
    @Param("1000")
    public int entries;

    private byte[] body;
    private Ins ins;
    private IParser hapi;

    /** Builds the searchset from the fake and HAPI's parser (its context is built once). */
    @Setup
    public void setUp() throws IOException {
        body = Searchsets.fromFake(entries);
        ins = BenchPatients.ins(0);
        hapi = FhirContext.forR4().newJsonParser();
        if (sdk().entries().size() != entries || hapi().getEntry().size() != entries) {
            throw new IllegalStateException("both parsers must see every entry");
        }
    }

    /** @return the SDK's page */
    @Benchmark
    public DocumentPage sdk() throws IOException {
        SearchsetReader.Page p = SearchsetReader.read(body);
        return new DocumentPage(p.entries().stream().map(e -> e.withPatient(ins)).toList(), p.total(), p.next(),
                p.warnings(), LAST_PAGE);
    }

    /** @return HAPI's Bundle */
    @Benchmark
    public Bundle hapi() {
        return hapi.parseResource(Bundle.class, new ByteArrayInputStream(body));
    }
}
