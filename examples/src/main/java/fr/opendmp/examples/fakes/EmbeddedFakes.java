package fr.opendmp.examples.fakes;

import fr.opendmp.core.client.DmpClient;
import fr.opendmp.core.transport.DmpTransport;
import fr.opendmp.core.transport.FhirTransport;
import fr.opendmp.xds.XdsTransport;
import java.net.URI;
import java.util.Locale;
import fr.opendmp.core.ins.InsOidPolicy;
import fr.opendmp.core.insi.InsiClient;
import fr.opendmp.core.transport.RetryPolicy;
import fr.opendmp.testkit.dmp.FakeDmp;
import fr.opendmp.testkit.dmp.FakePatient;
import fr.opendmp.testkit.dmp.FakeProfessional;
import fr.opendmp.testkit.insi.FakeInsi;
import fr.opendmp.testkit.insi.FakeInsiPopulation;
import java.time.Duration;

/**
 * The services a journey talks to, embedded in the JVM: a strict fake DMP and a fake INSi whose
 * fictitious population (test INS OIDs) all have an open DMP. Both verify credentials as the real
 * services do: HTTPS with a TLS client certificate from the test CA, and for the DMP a signed VIHF
 * per request naming the professional, the patient and the access mode. Clients built here are
 * configured as a vendor would configure them for a test platform ({@link InsOidPolicy#TEST}).
 */
public final class EmbeddedFakes implements AutoCloseable {

    /** The software as declared to the services. */
    public static final String SOFTWARE = "OpenDMP-examples";
    private static final String VERSION = "0.1.0";
    private static final String HOMOLOGATION = "TEST-EXAMPLES-0001";
    private static final String SOURCE_ID = "1.2.250.1.999.42";

    /** The wire protocol the programs' DMP clients speak; the fake DMP serves both on one state. */
    public enum Wire {
        /** The DMP's FHIR interface. */
        FHIR,
        /** DMPi, the DMP's production interface (SOAP, HL7v3, IHE XDS.b), through sdk-xds. */
        DMPI;

        /** @return the wire named by {@code -Dopendmp.transport=fhir|dmpi} (default FHIR) */
        public static Wire fromSystemProperty() {
            return valueOf(System.getProperty("opendmp.transport", "fhir").trim().toUpperCase(Locale.ROOT));
        }
    }

    private final FakeInsi insi;
    private final FakeDmp dmp;
    private final Wire wire;

    private EmbeddedFakes(FakeInsi insi, FakeDmp dmp, Wire wire) {
        this.insi = insi;
        this.dmp = dmp;
        this.wire = wire;
    }

    /** @return started fakes, the DMP clients on the wire of {@code -Dopendmp.transport} (default FHIR) */
    public static EmbeddedFakes start() {
        return start(Wire.fromSystemProperty());
    }

    /**
     * @param wire the protocol the programs' DMP clients speak
     * @return started fakes: every person of the fake INSi has an open DMP
     */
    public static EmbeddedFakes start(Wire wire) {
        FakeInsi insi = FakeInsi.builder().start();
        FakeDmp dmp;
        try {
            dmp = FakeDmp.builder().start();
        } catch (RuntimeException e) {
            insi.close();
            throw e;
        }
        FakeInsiPopulation.all().forEach(p -> dmp.seedPatient(FakePatient.open(p.ins().value())));
        return new EmbeddedFakes(insi, dmp, wire);
    }

    /** @return the fake DMP (its admin side plays the patient: blocking, history) */
    public FakeDmp dmp() {
        return dmp;
    }

    /** @return the protocol the DMP clients speak */
    public Wire wire() {
        return wire;
    }

    /** @return the DMP address the clients use (the FHIR base, or the DMPi services base) */
    public URI dmpEndpoint() {
        return wire == Wire.DMPI ? dmp.dmpiBaseUri() : dmp.baseUri();
    }

    /** @return the fake INSi */
    public FakeInsi insi() {
        return insi;
    }

    /**
     * @param professional who acts (seeded in the fake DMP on the way)
     * @return a DMP client acting as this professional, over mTLS with a VIHF signed for each
     *     request; close it
     */
    public DmpClient dmpClient(FakeProfessional professional) {
        dmp.seedProfessional(professional);
        DmpTransport transport = wire == Wire.DMPI ? XdsTransport.builder().endpoint(dmp.dmpiBaseUri()).build()
                : FhirTransport.at(dmp.baseUri());
        return DmpClient.builder().transport(transport).credentials(dmp.credentials(professional))
                .software(SOFTWARE, VERSION, HOMOLOGATION).sourceId(SOURCE_ID)
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(50), Duration.ofMillis(500), Duration.ofSeconds(2)))
                .insOidPolicy(InsOidPolicy.TEST).build();
    }

    /** @return an INSi client for the structure (mTLS with its ORG AUTH_CLI certificate); close it */
    public InsiClient insiClient() {
        return InsiClient.builder().endpoint(insi.baseUri()).credentials(insi.credentials())
                .software(SOFTWARE, VERSION, HOMOLOGATION).emitter("examples-structure")
                .requestTimeout(Duration.ofSeconds(5)).build();
    }

    @Override
    public void close() {
        try {
            dmp.close();
        } finally {
            insi.close();
        }
    }
}
