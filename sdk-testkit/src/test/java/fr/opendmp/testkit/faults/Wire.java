package fr.opendmp.testkit.faults;

import fr.opendmp.core.client.DmpClient;
import fr.opendmp.core.transport.DmpTransport;
import fr.opendmp.core.transport.FhirTransport;
import fr.opendmp.core.transport.RetryPolicy;
import fr.opendmp.testkit.dmp.FakeDmp;
import fr.opendmp.testkit.dmp.FakeProfessional;
import fr.opendmp.testkit.dmp.Fault;
import fr.opendmp.xds.XdsTransport;
import java.net.URI;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * The DMP's two wire protocols, with what the fault tests need of each: a client (direct or through
 * a proxy), the markers that pick a deposit, a search or a mask among the exchanges, and the fake's
 * fault injection for that protocol.
 */
public enum Wire {
    FHIR("POST /fhir", "GET /fhir/DocumentReference", "PATCH /fhir") {
        @Override
        public DmpTransport transport(FakeDmp fake, UnaryOperator<URI> route) {
            return FhirTransport.at(route.apply(fake.baseUri()));
        }

        @Override
        public void inject(FakeDmp fake, Fault fault, int times) {
            fake.injectFault(".*", fault, times);
        }
    },
    DMPI("ProvideAndRegisterDocumentSet", "RegistryStoredQuery", "UpdateDocumentSet") {
        @Override
        public DmpTransport transport(FakeDmp fake, UnaryOperator<URI> route) {
            return XdsTransport.builder().endpoint(route.apply(fake.dmpiBaseUri())).build();
        }

        @Override
        public DmpTransport transport(FakeDmp fake, UnaryOperator<URI> route, double feedRateLimit) {
            return XdsTransport.builder().endpoint(route.apply(fake.dmpiBaseUri())).feedRateLimit(feedRateLimit)
                    .build();
        }

        @Override
        public void inject(FakeDmp fake, Fault fault, int times) {
            fake.injectDmpiFault(".*", fault, times);
        }
    };

    /** The most feeding transactions a second the DMPi client accepts: as good as none. */
    public static final double NO_FEED_LIMIT = 1000;

    /** Three attempts, short backoffs, Retry-After honoured up to 2 s. */
    public static final RetryPolicy RETRIES = new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50),
            Duration.ofSeconds(2));

    final String depositMarker;
    final String searchMarker;
    final String maskMarker;

    Wire(String depositMarker, String searchMarker, String maskMarker) {
        this.depositMarker = depositMarker;
        this.searchMarker = searchMarker;
        this.maskMarker = maskMarker;
    }

    /** @return the transport to the fake, its address passed through {@code route} */
    public abstract DmpTransport transport(FakeDmp fake, UnaryOperator<URI> route);

    /**
     * @return the transport to the fake, its address passed through {@code route}, sending at most
     *     {@code feedRateLimit} feeding transactions a second where the protocol limits them (DMPi)
     */
    public DmpTransport transport(FakeDmp fake, UnaryOperator<URI> route, double feedRateLimit) {
        return transport(fake, route);
    }

    /** Injects a fault of the fake on the next {@code times} calls of this protocol. */
    public abstract void inject(FakeDmp fake, Fault fault, int times);

    DmpClient client(FakeDmp fake, FakeProfessional who, UnaryOperator<URI> route, Duration timeout) {
        return client(transport(fake, route), fake, who, timeout);
    }

    /**
     * A client for load tests: the DMPi client's own feeding rate limit (4 a second by default, the
     * DMP's guidance) is lifted to {@code feedRateLimit}, since the fake has no quota and a load test
     * measures the SDK and the fake, not the limit.
     */
    DmpClient client(FakeDmp fake, FakeProfessional who, UnaryOperator<URI> route, Duration timeout,
            double feedRateLimit) {
        return client(transport(fake, route, feedRateLimit), fake, who, timeout);
    }

    private static DmpClient client(DmpTransport transport, FakeDmp fake, FakeProfessional who, Duration timeout) {
        return DmpClient.builder().transport(transport).credentials(fake.credentials(who))
                .software("OpenDMP-faults", "0.1", "TEST-OPENDMP").sourceId("1.2.250.1.999.42")
                .connectTimeout(timeout).requestTimeout(timeout).retryPolicy(RETRIES)
                .accessCacheTtl(Duration.ZERO).build();
    }
}
