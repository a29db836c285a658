package fr.opendmp.core.transport;

import fr.opendmp.core.transport.internal.fhir.FhirOperations;
import java.net.URI;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The DMP's FHIR interface (the PDSm-based DMP guide, ITI-65/67/68/105 with the DMP's extensions)
 * as a {@link DmpTransport}. Immutable.
 *
 * <pre>{@code
 * DmpClient dmp = DmpClient.builder()
 *         .transport(FhirTransport.builder().endpoint(URI.create("https://…/fhir")).build())
 *         …
 * }</pre>
 *
 * <p>The guide leaves two points open; each is a named setting with a documented default:
 * {@link Builder#deleteStrategy(DeleteStrategy)} and {@link Builder#uniqueIdAlsoAsIdentifier(boolean)}.
 *
 * @param endpoint the FHIR base URL (http or https)
 * @param deleteStrategy how a logical delete (TD3.3c) is written
 * @param uniqueIdAlsoAsIdentifier whether deposits repeat the uniqueId in {@code identifier}
 */
public record FhirTransport(URI endpoint, DeleteStrategy deleteStrategy, boolean uniqueIdAlsoAsIdentifier)
        implements DmpTransport {

    /**
     * Checks every part.
     * @param endpoint the FHIR base URL (http or https)
     * @param deleteStrategy how a logical delete (TD3.3c) is written
     * @param uniqueIdAlsoAsIdentifier whether deposits repeat the uniqueId in {@code identifier}
     */
    public FhirTransport {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(deleteStrategy, "deleteStrategy");
        if (endpoint.getScheme() == null || !endpoint.getScheme().matches("https?") || endpoint.getHost() == null) {
            throw new IllegalArgumentException("the endpoint must be an absolute http(s) URL");
        }
    }

    /**
     * @param endpoint the FHIR base URL (http or https)
     * @return the FHIR transport at this base URL, with the default strategies
     */
    public static FhirTransport at(URI endpoint) {
        return builder().endpoint(endpoint).build();
    }

    /** @return a new builder (the endpoint is required) */
    public static Builder builder() {
        return new Builder();
    }

    /** @return {@code FHIR} */
    @Override
    public String name() {
        return "FHIR";
    }

    @Override
    public DmpOperations open(TransportContext context) {
        return new FhirOperations(this, context);
    }

    /** Builds a {@link FhirTransport}; each setting may be given once. */
    public static final class Builder {
        private final Set<String> given = new HashSet<>();
        private URI endpoint;
        private DeleteStrategy deleteStrategy = DeleteStrategy.ENTERED_IN_ERROR;
        private boolean uniqueIdAlsoAsIdentifier;

        private Builder() {
        }

        private void once(String name) {
            if (!given.add(name)) {
                throw new IllegalStateException(name + " was already set");
            }
        }

        /**
         * @param value the endpoint
         * @return this; the DMP's FHIR base URL (required)
         */
        public Builder endpoint(URI value) {
            once("endpoint");
            endpoint = Objects.requireNonNull(value, "endpoint");
            return this;
        }

        /**
         * @param value the delete strategy
         * @return this; how TD3.3c is written (open point; default {@link DeleteStrategy#ENTERED_IN_ERROR})
         */
        public Builder deleteStrategy(DeleteStrategy value) {
            once("deleteStrategy");
            deleteStrategy = Objects.requireNonNull(value, "deleteStrategy");
            return this;
        }

        /**
         * @param value whether unique id also as identifier
         * @return this; also send the uniqueId in {@code identifier} (open point; default false)
         */
        public Builder uniqueIdAlsoAsIdentifier(boolean value) {
            once("uniqueIdAlsoAsIdentifier");
            uniqueIdAlsoAsIdentifier = value;
            return this;
        }

        /** @return the transport */
        public FhirTransport build() {
            if (endpoint == null) {
                throw new IllegalStateException("the endpoint is required");
            }
            return new FhirTransport(endpoint, deleteStrategy, uniqueIdAlsoAsIdentifier);
        }
    }
}
