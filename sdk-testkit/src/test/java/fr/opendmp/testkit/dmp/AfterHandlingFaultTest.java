package fr.opendmp.testkit.dmp;

import static fr.opendmp.testkit.dmp.RawHttp.INS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opendmp.testkit.junit.FakeDmpTest;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 22, "also": faults that act after the request is handled, so that a vendor can test the
 * idempotency of its retries: the document is stored, the client sees no (or a cut) answer.
 */
@FakeDmpTest
class AfterHandlingFaultTest {
    private FakeDmp dmp;
    private RawHttp http;

    @BeforeEach
    void connect(FakeDmp fake) {
        dmp = fake;
        http = new RawHttp(fake);
    }

    @Test
    void droppedAnswerAfterHandlingStoresTheDocumentAndTheClientSeesNoAnswer() {
        dmp.injectFault("^/fhir$", Fault.dropAnswerAfterHandling(), 1);
        String bundle = Docs.bundle(INS, Docs.uniqueId(1)).toString();
        assertThatThrownBy(() -> http.postJson("", bundle)).isInstanceOf(UncheckedIOException.class);
        assertThat(dmp.documentCount()).isEqualTo(1);
        AccessEvent last = dmp.history().get(dmp.history().size() - 1);
        assertThat(last.action()).isEqualTo("TD2");
        assertThat(last.status()).isEqualTo(200);
        assertThat(http.get(RawHttp.searchByPatient(INS)).json().path("total").asInt()).isEqualTo(1);
    }

    @Test
    void cutAnswerAfterHandlingStoresTheDocumentAndTheClientGetsAnIncompleteBody() {
        dmp.injectFault("^/fhir$", Fault.cutAnswerAfterHandling(), 1);
        assertThatThrownBy(() -> http.postJson("", Docs.bundle(INS, Docs.uniqueId(1)).toString()))
                .isInstanceOf(UncheckedIOException.class);
        assertThat(dmp.documentCount()).isEqualTo(1);
    }

    @Test
    void theAdminApiSelectsAnAfterHandlingFaultByName() {
        String fault = "{\"path\":\"^/fhir$\",\"kind\":\"DROP_AFTER_HANDLING\",\"times\":1}";
        assertThat(http.post("/admin/faults", "application/json", fault.getBytes(StandardCharsets.UTF_8)).status())
                .isEqualTo(200);
        assertThatThrownBy(() -> http.postJson("", Docs.bundle(INS, Docs.uniqueId(1)).toString()))
                .isInstanceOf(UncheckedIOException.class);
        assertThat(dmp.documentCount()).isEqualTo(1);
        assertThat(http.postJson("", Docs.bundle(INS, Docs.uniqueId(2)).toString()).status())
                .as("the fault acted once").isEqualTo(200);
    }
}
