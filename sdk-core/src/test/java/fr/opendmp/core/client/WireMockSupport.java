package fr.opendmp.core.client;

import fr.opendmp.core.error.*;
import fr.opendmp.core.transport.FhirTransport;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import fr.opendmp.core.access.AccessContext;
import fr.opendmp.core.credentials.CredentialRequest;
import fr.opendmp.core.credentials.CredentialsProvider;
import fr.opendmp.core.document.Author;
import fr.opendmp.core.code.Code;
import fr.opendmp.core.code.CodeSystems;
import fr.opendmp.core.document.DocumentMetadata;
import fr.opendmp.core.document.DocumentType;
import fr.opendmp.core.transport.RetryPolicy;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** Shared WireMock server, client factory and fixtures of the client tests. */
abstract class WireMockSupport {

    static WireMockServer wm;
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    final List<CredentialRequest> credentialRequests = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startServer() {
        wm = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        wm.start();
    }

    @AfterAll
    static void stopServer() {
        wm.stop();
    }

    @BeforeEach
    void resetServer() {
        wm.resetAll();
        sleeps.clear();
        credentialRequests.clear();
    }

    /** A provider that records what it is asked and puts the mode in a header, like a VIHF would. */
    CredentialsProvider recordingCredentials() {
        return new CredentialsProvider() {
            @Override
            public Optional<SSLContext> sslContext() {
                return Optional.empty();
            }

            @Override
            public Map<String, List<String>> headers(CredentialRequest request) {
                credentialRequests.add(request);
                AccessContext a = request.access();
                return Map.of("Authorization", List.of("Bearer test-token"),
                        "X-Test-Access-Mode", List.of(a.mode().code() + a.reason().map(r -> ";" + r).orElse("")));
            }
        };
    }

    DmpClient client() {
        return client(b -> { });
    }

    DmpClient client(Consumer<DmpClient.Builder> extra) {
        return client(FhirTransport.at(fhirBase()), extra);
    }

    URI fhirBase() {
        return URI.create(wm.baseUrl() + "/fhir");
    }

    DmpClient client(FhirTransport transport, Consumer<DmpClient.Builder> extra) {
        DmpClient.Builder b = DmpClient.builder()
                .transport(transport)
                .credentials(recordingCredentials())
                .software("OpenDMP-tests", "1.0", "TEST-HOMOLOG")
                .sourceId("1.2.250.1.999.42")
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofSeconds(2)))
                .sleeper(sleeps::add);
        extra.accept(b);
        return b.build();
    }

    static String resource(String path) {
        try (InputStream in = WireMockSupport.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The ANS annex searchset with the test INS in place of the placeholder. */
    static String ansSearchset() {
        return resource("/vectors/pdsm4dmp/Bundle-example-annexe-searchset-documentreferences.json")
                .replace("123456789012345", TestIdentities.INS.value());
    }

    /** The ANS stored document X with the test INS. */
    static String ansDocX() {
        return resource("/vectors/pdsm4dmp/DocumentReference-doc-x-id.json")
                .replace("123456789012345", TestIdentities.INS.value());
    }

    static String searchsetOf(String... resources) {
        StringBuilder sb = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"total\":"
                + resources.length + ",\"entry\":[");
        for (int i = 0; i < resources.length; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"resource\":").append(resources[i])
                    .append(",\"search\":{\"mode\":\"match\"}}");
        }
        return sb.append("]}").toString();
    }

    static String outcome(String code, String rule, String diagnostics) {
        return "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"" + code
                + "\",\"details\":{\"coding\":[{\"system\":\"urn:opendmp:fake:error\",\"code\":\"" + rule
                + "\"}]},\"diagnostics\":\"" + diagnostics + "\",\"expression\":[\"DocumentReference\"]}]}";
    }

    static DocumentMetadata metadata(String uniqueId) {
        OffsetDateTime t = OffsetDateTime.parse("2026-06-12T10:00:00+02:00");
        return DocumentMetadata.builder()
                .uniqueId(uniqueId)
                .type(DocumentType.CR_CONSULTATION)
                .title("CR de consultation")
                .facilityType(Code.of(CodeSystems.TRE_R02, "SA07", "Cabinet individuel"))
                .practiceSetting(Code.of(CodeSystems.PRACTICE_SETTING, "AMBULATOIRE", "Ambulatoire"))
                .creationTime(t).serviceStart(t)
                .author(Author.of("810001234567"))
                .build();
    }

    static final byte[] STUB_CDA = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ClinicalDocument xmlns=\"urn:hl7-org:v3\"/>"
            .getBytes(StandardCharsets.UTF_8);
}
