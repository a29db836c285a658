package fr.opendmp.xds;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opendmp.core.access.AccessMode;
import fr.opendmp.core.access.AuthorizationChange;
import fr.opendmp.core.access.AuthorizationFilter;
import fr.opendmp.core.access.AuthorizedPatientsBy;
import fr.opendmp.core.client.DmpClient;
import fr.opendmp.core.document.Deposit;
import fr.opendmp.core.document.DocumentEntry;
import fr.opendmp.core.error.DmpException;
import fr.opendmp.core.fuzz.CannedHttp;
import fr.opendmp.core.fuzz.Fuzz;
import fr.opendmp.core.fuzz.HostileInputs;
import fr.opendmp.core.fuzz.Verdict;
import fr.opendmp.core.search.DocumentQuery;
import fr.opendmp.core.transport.RetryPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Hostile DMPi answers (issue 19): the SOAP envelope and fault reader, ITI-18 AdhocQueryResponse,
 * the ITI-41 RegistryResponse, the HL7v3 acknowledgements (TD0.2, TD1.3a), the web services (TD0.3,
 * TD0.4, TD1.6) and the MTOM multipart of ITI-43 give a result or a typed {@link DmpException} in
 * bounded time, never quoting the patient.
 */
class DmpiAnswersFuzzTest {

    private static final int LIMIT = 1 << 20;
    private static final String SOAP = "application/soap+xml; charset=UTF-8";
    private static final String MULTIPART = "multipart/related; type=\"application/xop+xml\"; boundary=\"uuid:b1\";"
            + " start=\"<root.message@cxf.apache.org>\"; start-info=\"application/soap+xml\"";

    /** A DMPi call and the vector of its answer. */
    enum Call {
        ITI18("iti18-response.xml", d -> d.documents().search(XdsTestSupport.INS, DocumentQuery.builder().build())),
        ITI41("iti41-response-success.xml", d -> d.documents().deposit(deposit())),
        ITI41_FAILURE("registry-failure.xml", d -> d.documents().deposit(deposit())),
        TD02("td02-response.xml", d -> d.access(XdsTestSupport.INS, AccessMode.NORMAL)),
        TD02_ERROR("td02-response-ae.xml", d -> d.access(XdsTestSupport.INS, AccessMode.NORMAL)),
        TD13A("td13a-response.xml", d -> d.administrativeData(XdsTestSupport.INS)),
        TD03("td03-response-ko.xml", d -> {
            d.setAuthorization(XdsTestSupport.INS, AuthorizationChange.ADD);
            return "";
        }),
        TD04("td04-response.xml", d -> d.authorizedPatients(Instant.parse("2026-01-01T00:00:00Z"),
                AuthorizedPatientsBy.LAST_AUTHORIZATION)),
        TD16("td16-response.xml", d -> d.authorizations(XdsTestSupport.INS, AuthorizationFilter.ALL)),
        FAULT("fault-invalid-certificate.xml", d -> d.access(XdsTestSupport.INS, AccessMode.NORMAL));

        final String vector;
        final Function<DmpClient, Object> call;

        Call(String vector, Function<DmpClient, Object> call) {
            this.vector = vector;
            this.call = call;
        }
    }

    private static CannedHttp http;
    private static DmpClient dmp;
    private static DocumentEntry entry;

    @BeforeAll
    static void start() throws Exception {
        XdsTestSupport.start();
        http = CannedHttp.start();
        XdsTestSupport support = new XdsTestSupport() { };
        dmp = DmpClient.builder().transport(XdsTransport.builder().endpoint(http.uri(XdsTestSupport.BASE))
                .feedRateLimit(1000).build()).credentials(support.credentials())
                .software("OpenDMP-tests", "1.0", "TEST-HOMOLOG").sourceId("1.2.250.1.999.42")
                .retryPolicy(new RetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofSeconds(1), 0))
                .sleeper(d -> { }).accessCacheTtl(Duration.ZERO).maxResponseBytes(LIMIT).build();
        http.answer(200, SOAP, utf8(XdsTestSupport.vector("iti18-response.xml")));
        entry = dmp.documents().search(XdsTestSupport.INS, DocumentQuery.builder().build()).entries().get(0);
    }

    @AfterAll
    static void stop() {
        dmp.close();
        http.close();
        XdsTestSupport.stop();
    }

    static Deposit deposit() {
        return Deposit.builder().patient(XdsTestSupport.patient()).document(XdsTestSupport.metadata(
                "1.2.250.1.999.42.7.1"), XdsTestSupport.CDA).build();
    }

    /** A call, each as likely, and a hostile variant of its answer's vector. */
    private static Gen<Pair<Call, byte[]>> answers() {
        return HostileInputs.oneOf(Arrays.stream(Call.values()).map(c -> HostileInputs.xmlAround(
                utf8(XdsTestSupport.vector(c.vector))).map(body -> Pair.of(c, body))).toList());
    }

    private static Gen<byte[]> multiparts() {
        return HostileInputs.xmlAround(utf8(SearchRetrieveUpdateTest.mtomAnswer("uuid:b1",
                "cid:5aeaa450-17f0-4484-b845-a8480c363444-2@urn:ihe:iti:xds-b:2007", XdsTestSupport.CDA)));
    }

    @Test
    void aHostileSoapAnswerIsAResultOrATypedError() {
        Fuzz.theory().forAll(answers(), statuses()).checkAssert((answer, status) -> {
            http.answer(status, SOAP, answer._2);
            Verdict.typedOrSuccess(answer._1.name() + " " + status, () -> answer._1.call.apply(dmp),
                    DmpException.class);
        });
    }

    private static Gen<Integer> statuses() {
        return Generate.frequency(List.of(Pair.of(6, Generate.constant(200)), Pair.of(2, Generate.constant(500)),
                Pair.of(1, Generate.constant(400)), Pair.of(1, Generate.constant(503))));
    }

    @Test
    void aHostileMtomAnswerIsTheDocumentOrATypedError() {
        Fuzz.theory().forAll(multiparts()).checkAssert(body -> {
            http.answer(200, MULTIPART, body);
            Verdict.typedOrSuccess("ITI-43 MTOM", () -> dmp.documents().retrieve(entry), DmpException.class);
        });
    }

    @Test
    void aSoapAnswerOnePastTheLimitIsATypedError() {
        http.answer(200, SOAP, HostileInputs.xmlOfSize(LIMIT + 1));
        assertThat(Verdict.typedOrSuccess("past the limit", () -> Call.ITI18.call.apply(dmp), DmpException.class))
                .isPresent();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
