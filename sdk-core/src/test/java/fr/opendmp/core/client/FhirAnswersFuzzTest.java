package fr.opendmp.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opendmp.core.access.AccessMode;
import fr.opendmp.core.credentials.CredentialsProvider;
import fr.opendmp.core.error.DmpException;
import fr.opendmp.core.fuzz.CannedHttp;
import fr.opendmp.core.fuzz.Fuzz;
import fr.opendmp.core.fuzz.HostileInputs;
import fr.opendmp.core.fuzz.Verdict;
import fr.opendmp.core.search.DocumentQuery;
import fr.opendmp.core.transport.FhirTransport;
import fr.opendmp.core.transport.RetryPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Hostile FHIR answers (issue 19): whatever a DMP answers to a search, a deposit, an access check or
 * with an error status, the client returns or throws a typed {@link DmpException} in bounded time,
 * and that error never quotes health data.
 */
class FhirAnswersFuzzTest {

    /** Small enough that a hostile body of a few MB is past it, large enough for every vector. */
    private static final int LIMIT = 1 << 20;

    private static CannedHttp http;
    private static DmpClient dmp;

    @BeforeAll
    static void start() {
        http = CannedHttp.start();
        dmp = DmpClient.builder().transport(FhirTransport.at(http.uri("/fhir")))
                .credentials(CredentialsProvider.none())
                .software("OpenDMP-tests", "1.0", "TEST-HOMOLOG").sourceId("1.2.250.1.999.42")
                .retryPolicy(new RetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofSeconds(1),
                        0))
                .sleeper(d -> { }).accessCacheTtl(Duration.ZERO).maxResponseBytes(LIMIT).build();
    }

    @AfterAll
    static void stop() {
        dmp.close();
        http.close();
    }

    private static Gen<byte[]> searchsets() {
        return HostileInputs.jsonAround(utf8(WireMockSupport.ansSearchset()));
    }

    private static Gen<byte[]> outcomes() {
        return HostileInputs.jsonAround(utf8(WireMockSupport.outcome("forbidden", "NOT_AUTHOR", "refused")));
    }

    private static Gen<byte[]> storedDocuments() {
        return HostileInputs.jsonAround(utf8(DmpClientDepositTest.stored("dr-1", DmpClientDepositTest.UID)));
    }

    private static Gen<Integer> errorStatuses() {
        return Generate.pick(List.of(400, 401, 403, 404, 409, 410, 412, 413, 422, 429, 500, 502, 503, 504));
    }

    @Test
    void aHostileSearchsetIsAPageOrATypedError() {
        Fuzz.theory().forAll(searchsets()).checkAssert(body -> {
            http.answer(200, "application/fhir+json", body);
            Verdict.typedOrSuccess("search", () -> dmp.documents().search(TestIdentities.INS,
                    DocumentQuery.builder().build()), DmpException.class);
        });
    }

    @Test
    void aHostileOperationOutcomeIsATypedError() {
        Fuzz.theory().forAll(outcomes(), errorStatuses()).checkAssert((body, status) -> {
            http.answer(status, "application/fhir+json", body);
            assertThat(Verdict.typedOrSuccess("error " + status, () -> dmp.documents().search(TestIdentities.INS,
                    DocumentQuery.builder().build()), DmpException.class)).isPresent();
        });
    }

    @Test
    void aHostileDepositAnswerIsAReceiptOrATypedError() {
        Fuzz.theory().forAll(storedDocuments()).checkAssert(body -> {
            http.answer(201, "application/fhir+json", body);
            Verdict.typedOrSuccess("deposit", () -> dmp.documents().deposit(DmpClientDepositTest.single()),
                    DmpException.class);
        });
    }

    @Test
    void aHostileAccessAnswerIsAStatusOrATypedError() {
        Fuzz.theory().forAll(searchsets()).checkAssert(body -> {
            http.answer(200, "application/fhir+json", body);
            Verdict.typedOrSuccess("access", () -> dmp.access(TestIdentities.INS, AccessMode.NORMAL),
                    DmpException.class);
        });
    }

    @Test
    void aBodyOneBytePastTheResponseLimitIsATypedError() {
        http.answer(200, "application/fhir+json", HostileInputs.jsonOfSize(LIMIT + 1));
        assertThat(Verdict.typedOrSuccess("past the limit", () -> dmp.documents().search(TestIdentities.INS,
                DocumentQuery.builder().build()), DmpException.class)).isPresent();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
