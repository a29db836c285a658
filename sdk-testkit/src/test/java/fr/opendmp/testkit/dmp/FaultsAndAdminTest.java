package fr.opendmp.testkit.dmp;

import fr.opendmp.testkit.junit.FakeDmpTest;

import static fr.opendmp.testkit.dmp.RawHttp.INS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opendmp.testkit.dmp.internal.LogMasking;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fault injection, the HTTP admin API, reset, log masking, start time. */
@FakeDmpTest(validation = Validation.LENIENT)
class FaultsAndAdminTest {
    private FakeDmp dmp;
    private RawHttp http;

    @BeforeEach
    void connect(FakeDmp fake) {
        dmp = fake;
        http = new RawHttp(fake);
    }

    @Test
    void injected503CarriesRetryAfterForTheNextCallsOnly() {
        dmp.injectFault("/DocumentReference", Fault.status(503, Duration.ofSeconds(7)), 2);
        var first = http.get(RawHttp.searchByPatient(INS));
        assertThat(first.status()).isEqualTo(503);
        assertThat(first.raw().headers().firstValue("Retry-After")).contains("7");
        assertThat(first.rule()).isEqualTo("INJECTED_FAULT");
        assertThat(http.get(RawHttp.searchByPatient(INS)).status()).isEqualTo(503);
        assertThat(http.get(RawHttp.searchByPatient(INS)).status()).isEqualTo(200);
    }

    @Test
    void droppedConnectionFailsTheClient() {
        // the JDK client retries a GET once when the connection closes before any response: drop twice
        dmp.injectFault("/Patient", Fault.dropConnection(), 2);
        assertThatThrownBy(() -> http.get("Patient?identifier=" + RawHttp.enc(RawHttp.INS_SYSTEM + "|" + INS)))
                .isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void latencyAndSlowBodyDelayTheAnswer() {
        dmp.injectFault("/Patient", Fault.latency(Duration.ofMillis(200)), 1);
        long t0 = System.nanoTime();
        assertThat(http.get("Patient?identifier=" + RawHttp.enc(RawHttp.INS_SYSTEM + "|" + INS)).status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        dmp.injectFault("/Patient", Fault.slowBody(Duration.ofMillis(5)), 1);
        var slow = http.get("Patient?identifier=" + RawHttp.enc(RawHttp.INS_SYSTEM + "|" + INS));
        assertThat(slow.json().path("total").asInt()).isEqualTo(1);
    }

    @Test
    void adminHttpApiSeedsReadsHistoryAndResets() {
        String seed = "{\"patients\":[{\"ins\":\"" + INS + "\",\"dmp\":\"closed\",\"closedOn\":\"2024-01-31\","
                + "\"closureReason\":\"patient-demande\"}]}";
        assertThat(http.post("/admin/seed", "application/json", seed.getBytes(StandardCharsets.UTF_8)).status())
                .isEqualTo(200);
        assertThat(http.get(RawHttp.searchByPatient(INS)).rule()).isEqualTo("DMP_CLOSED");
        var history = http.get("/admin/history", "application/json");
        assertThat(history.json().path("events").path(0).path("rules").toString()).contains("DMP_CLOSED");
        String fault = "{\"path\":\"/Patient\",\"kind\":\"STATUS\",\"status\":500,\"times\":1}";
        http.post("/admin/faults", "application/json", fault.getBytes(StandardCharsets.UTF_8));
        assertThat(http.get("Patient?identifier=" + RawHttp.enc(RawHttp.INS_SYSTEM + "|" + INS)).status()).isEqualTo(500);
        assertThat(http.post("/admin/reset", "application/json", new byte[0]).status()).isEqualTo(200);
        assertThat(dmp.history()).isEmpty();
        assertThat(http.get(RawHttp.searchByPatient(INS)).status()).isEqualTo(200);
    }

    @Test
    void seedDocumentsThroughJavaAndJson() {
        String doc = RawHttp.vector("DocumentReference-example-td2-iti105-publication-simplifiee.json", INS);
        String id = dmp.seedDocument(FakeProfessional.doctor(Docs.AUTHOR), doc);
        assertThat(id).isNotBlank();
        assertThatThrownBy(() -> dmp.seedDocument(FakeProfessional.doctor(Docs.AUTHOR), doc))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DUPLICATE_UNIQUEID");
        dmp.seed("{\"documents\":[{\"author\":\"" + Docs.AUTHOR + "\",\"documentReference\":"
                + doc.replace("99999.1\"", "99999.7\"") + "}]}");
        assertThat(dmp.documentCount()).isEqualTo(2);
    }

    @Test
    void logMaskingHidesInsInPathsAndEncodedQueries() {
        String line = LogMasking.mask("/fhir/DocumentReference?patient.identifier=urn%3Aoid%3A1.2.250.1.213.1.4.8%7C"
                + INS + "&x=2A1234567890112");
        assertThat(line).doesNotContain(INS).contains("2************76").contains("1.2.250.1.213.1.4.8");
    }

    @Test
    void manyFakesStartQuicklyInOneJvm() {
        long t0 = System.nanoTime();
        try (FakeDmp a = FakeDmp.builder().start(); FakeDmp b = FakeDmp.builder().start()) {
            assertThat(a.port()).isNotEqualTo(b.port());
            assertThat(a.baseUri().toString()).startsWith("https://localhost:").endsWith("/fhir");
            assertThat(a.tls()).containsSame(b.tls().orElseThrow());   // one shared test PKI, no key generation per fake
        }
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void builderRefusesASettingGivenTwice() {
        assertThatThrownBy(() -> FakeDmp.builder().validation(Validation.STRICT).validation(Validation.LENIENT))
                .isInstanceOf(IllegalStateException.class);
    }
}
