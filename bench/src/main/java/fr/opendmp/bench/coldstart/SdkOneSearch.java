package fr.opendmp.bench.coldstart;

import fr.opendmp.core.client.DmpClient;
import fr.opendmp.core.credentials.CredentialRequest;
import fr.opendmp.core.credentials.CredentialsProvider;
import fr.opendmp.core.ins.Ins;
import fr.opendmp.core.ins.InsMatricule;
import fr.opendmp.core.ins.InsOid;
import fr.opendmp.core.ins.InsOidPolicy;
import fr.opendmp.core.search.DocumentQuery;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * Figure 3, SDK side: a fresh JVM builds a {@code DmpClient}, makes one search and exits (status 0
 * when the expected number of documents came back). Arguments: FHIR base, matricule, Authorization
 * header value, expected count. The header is given, as for the HAPI side, so both do the same work.
 */
public final class SdkOneSearch {

    private SdkOneSearch() {
    }

    /** @param args base, matricule, authorization, expected */
    public static void main(String[] args) {
        Ins ins = Ins.of(InsMatricule.parse(args[1]), InsOid.NIR_TEST);
        String authorization = args[2];
        CredentialsProvider credentials = new CredentialsProvider() {
            @Override
            public Optional<SSLContext> sslContext() {
                return Optional.empty();
            }

            @Override
            public Map<String, List<String>> headers(CredentialRequest request) {
                return Map.of("Authorization", List.of(authorization));
            }
        };
        int count;
        try (DmpClient client = DmpClient.builder().endpoint(URI.create(args[0])).credentials(credentials)
                .software("bench", "0.1", "KIR-bench").insOidPolicy(InsOidPolicy.TEST).build()) {
            count = client.documents().search(ins, DocumentQuery.builder().build()).entries().size();
        }
        System.exit(count == Integer.parseInt(args[3]) ? 0 : 3);
    }
}
