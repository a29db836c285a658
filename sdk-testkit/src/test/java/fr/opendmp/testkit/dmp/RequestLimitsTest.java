package fr.opendmp.testkit.dmp;

import static fr.opendmp.testkit.dmp.RawHttp.INS;
import static fr.opendmp.testkit.dmp.RawHttp.OTHER_INS;
import static fr.opendmp.testkit.dmp.RawHttp.searchByPatient;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.opendmp.testkit.junit.FakeDmpTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 22 items 4, 7 (fake side), 14 (fake side) and 15: limits checked while parsing, before anything
 * is materialised, and every refusal the fake produces is an OperationOutcome.
 */
@FakeDmpTest
class RequestLimitsTest {
    private FakeDmp dmp;
    private RawHttp http;

    @BeforeEach
    void connect(FakeDmp fake) {
        dmp = fake;
        http = new RawHttp(fake);
    }

    private void assertOutcome(RawHttp.Response r, int status, String rule) {
        assertThat(r.status()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/fhir+json");
        assertThat(r.json().path("resourceType").asText()).isEqualTo("OperationOutcome");
        assertThat(r.rule()).isEqualTo(rule);
    }

    private void assertStillServing() {
        assertThat(http.get(searchByPatient(INS)).status()).isEqualTo(200);
    }

    @Test
    void aTransactionOfAMillionEmptyEntriesGets413AndTheFakeStaysUp() {
        StringBuilder b = new StringBuilder(3_100_000).append("{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[");
        for (int i = 0; i < 1_000_000; i++) {
            b.append(i == 0 ? "{}" : ",{}");
        }
        String body = b.append("]}").toString();
        assertThat(body.length()).isGreaterThan(3_000_000);
        long t0 = System.nanoTime();
        for (int i = 0; i < 3; i++) {
            assertOutcome(http.postJson("", body), 413, "JSON_TOO_COSTLY");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
        assertStillServing();
    }

    @Test
    void aProvideBundleOfMoreThanAThousandEntriesIs413() {
        StringBuilder b = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[");
        for (int i = 0; i < 1_001; i++) {
            b.append(i == 0 ? "" : ",").append("{\"fullUrl\":\"urn:uuid:").append(i).append("\"}");
        }
        assertOutcome(http.postJson("", b.append("]}").toString()), 413, "TOO_MANY_ENTRIES");
        assertStillServing();
    }

    @Test
    void jsonNestedDeeperThanTheLimitIs413() {
        String deep = "[".repeat(5_000) + "]".repeat(5_000);
        assertOutcome(http.postJson("", deep), 413, "JSON_TOO_COSTLY");
        assertStillServing();
    }

    @Test
    void duplicateJsonKeysAreRefusedAndNothingIsFiledUnderTheSecondSubject() {
        String bundle = Docs.bundle(INS, Docs.uniqueId(1)).toString();
        String twoSubjects = bundle.replaceFirst("\"resourceType\":\"DocumentReference\",",
                "\"resourceType\":\"DocumentReference\",\"subject\":{\"reference\":\"Patient?identifier="
                        + RawHttp.INS_SYSTEM + "|" + OTHER_INS + "\"},");
        assertThat(twoSubjects).isNotEqualTo(bundle);
        assertOutcome(http.postJson("", twoSubjects), 400, "DUPLICATE_JSON_KEY");
        assertThat(dmp.documentCount()).isZero();
        assertThat(http.postJson("", bundle).status()).as("the same bundle with one subject").isEqualTo(200);
    }

    @Test
    void countBelowOneIsRefusedAndANextLinkNeverPointsToItsOwnPage() {
        for (int n = 1; n <= 3; n++) {
            assertThat(http.postJson("", Docs.bundle(INS, Docs.uniqueId(n)).toString()).status()).isEqualTo(200);
        }
        assertOutcome(http.get(searchByPatient(INS) + "&_count=0"), 400, "INVALID_SEARCH_PARAMETER");
        assertOutcome(http.get(searchByPatient(INS) + "&_count=-5"), 400, "INVALID_SEARCH_PARAMETER");
        assertOutcome(http.get(searchByPatient(INS) + "&_count=1&_offset=-1"), 400, "INVALID_SEARCH_PARAMETER");
        Set<String> ids = new HashSet<>();
        List<String> pages = new ArrayList<>();
        String next = searchByPatient(INS) + "&_count=1";
        while (next != null && pages.size() < 10) {
            JsonNode page = http.get(next).json();
            String self = link(page, "self");
            String following = link(page, "next");
            assertThat(following).as("next differs from self").isNotEqualTo(self);
            pages.add(self);
            page.path("entry").forEach(e -> ids.add(e.path("resource").path("id").asText()));
            next = following;
        }
        assertThat(pages).hasSize(3).doesNotHaveDuplicates();
        assertThat(ids).hasSize(3);
    }

    private static String link(JsonNode bundle, String relation) {
        for (JsonNode l : bundle.path("link")) {
            if (relation.equals(l.path("relation").asText())) {
                return l.path("url").asText();
            }
        }
        return null;
    }

    @Test
    void aUrlOfAHundredKilobytesGets414() {
        assertOutcome(http.get(searchByPatient(INS) + "&type=" + "a".repeat(100_000)), 414, "URI_TOO_LONG");
        assertStillServing();
    }

    @Test
    void aUrlOfOneMegabyteGets414WhenTheJdkHeaderLimitLetsItThrough() {
        // the JDK server closes the connection on a request head above sun.net.httpserver.maxReqHeaderSize;
        // the fake raises it (HttpServerDefaults, 2 MiB) unless set otherwise, so that a 1 MB URL gets the 414
        assertThat(Integer.getInteger("sun.net.httpserver.maxReqHeaderSize")).isGreaterThan(1_100_000);
        assertOutcome(http.get(searchByPatient(INS) + "&type=" + "a".repeat(1_000_000)), 414, "URI_TOO_LONG");
        assertStillServing();
    }

    @Test
    void anErrorThrownWhileHandlingGetsA500OperationOutcomeAndTheFakeStaysUp() {
        try (FakeDmp failing = FakeDmp.builder().cdaHeaderReader(doc -> {
            throw new OutOfMemoryError("simulated by the test");
        }).start()) {
            RawHttp h = new RawHttp(failing);
            for (int i = 0; i < 6; i++) {   // more than the old pool of 4 threads
                assertOutcome(h.postJson("", Docs.bundle(INS, Docs.uniqueId(i)).toString()), 500, "INTERNAL_ERROR");
            }
            assertThat(h.get(searchByPatient(INS)).status()).isEqualTo(200);
        }
    }

    @Test
    void unknownPathsAndMethodsAnswerAnOperationOutcome() {
        assertOutcome(http.get("/nowhere".substring(1)), 404, "UNKNOWN_RESOURCE");
        assertOutcome(http.get(dmp.baseUri().resolve("/other").toString()), 404, "NOT_FOUND");
        assertOutcome(http.patchJson("Patient", "[]"), 405, "METHOD_NOT_ALLOWED");
        assertOutcome(http.post("DocumentReference", "text/plain", "x".getBytes(StandardCharsets.UTF_8)), 415,
                "UNSUPPORTED_MEDIA_TYPE");
        assertOutcome(http.postJson("", "{not json"), 400, "MALFORMED_JSON");
    }
}
