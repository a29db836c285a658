package fr.opendmp.bench.coldstart;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.AdditionalRequestHeadersInterceptor;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.r4.model.Bundle;

/**
 * Figure 3, HAPI side: a fresh JVM builds {@code FhirContext.forR4()} and a generic client (no
 * conformance check, JSON), makes the same search and exits (status 0 when the expected number of
 * documents came back). Arguments: FHIR base, INS system|value, Authorization header value, expected.
 */
public final class HapiOneSearch {

    private HapiOneSearch() {
    }

    /** @param args base, ins token, authorization, expected */
    public static void main(String[] args) {
        FhirContext ctx = FhirContext.forR4();
        ctx.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        IGenericClient client = ctx.newRestfulGenericClient(args[0]);
        client.setEncoding(EncodingEnum.JSON);
        AdditionalRequestHeadersInterceptor headers = new AdditionalRequestHeadersInterceptor();
        headers.addHeaderValue("Authorization", args[2]);
        client.registerInterceptor(headers);
        Bundle bundle = client.search().byUrl(args[0] + "/DocumentReference?patient.identifier="
                + URLEncoder.encode(args[1], StandardCharsets.UTF_8) + "&status=current")
                .returnBundle(Bundle.class).execute();
        System.exit(bundle.getEntry().size() == Integer.parseInt(args[3]) ? 0 : 3);
    }
}
