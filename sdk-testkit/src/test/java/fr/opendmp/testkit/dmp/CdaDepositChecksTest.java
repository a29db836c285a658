package fr.opendmp.testkit.dmp;

import static fr.opendmp.testkit.dmp.RawHttp.INS;
import static fr.opendmp.testkit.dmp.RawHttp.OTHER_INS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 22 items 2 (fake side) and 9 (fake side): the fake reads the patient of a deposited CDA and
 * refuses a CDA about another patient than the deposit's subject, in strict and lenient mode alike
 * (patient safety), with the rule id PATIENT_MISMATCH; a CDA nesting ~10,000 levels gets a prompt
 * 422 XML_TOO_DEEP instead of a hung connection.
 */
class CdaDepositChecksTest {
    private static FakeDmp strict;
    private static FakeDmp lenient;

    @BeforeAll
    static void start() {
        strict = FakeDmp.builder().start();
        lenient = FakeDmp.builder().validation(Validation.LENIENT).start();
    }

    @AfterAll
    static void stop() {
        strict.close();
        lenient.close();
    }

    @BeforeEach
    void reset() {
        strict.reset();
        lenient.reset();
    }

    static String cdaAbout(String ins) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ClinicalDocument xmlns=\"urn:hl7-org:v3\">"
                + "<code code=\"11488-4\" codeSystem=\"2.16.840.1.113883.6.1\"/><title>CR</title>"
                + "<recordTarget><patientRole><id root=\"1.2.250.1.213.1.4.10\" extension=\"" + ins + "\"/>"
                + "</patientRole></recordTarget></ClinicalDocument>";
    }

    static String deepCda(int levels) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ClinicalDocument xmlns=\"urn:hl7-org:v3\">"
                + "<code code=\"11488-4\" codeSystem=\"2.16.840.1.113883.6.1\"/><title>" + "<b>".repeat(levels)
                + "x" + "</b>".repeat(levels) + "</title></ClinicalDocument>";
    }

    private static RawHttp.Response bundle(FakeDmp dmp, String ins, String cda) {
        ObjectNode b = Docs.bundle(ins, Docs.uniqueId(1), Docs.AUTHOR, cda.getBytes(StandardCharsets.UTF_8));
        return new RawHttp(dmp).forPatient(ins).postJson("", b.toString());
    }

    /** The ANS ITI-105 vector (lenient) carrying this CDA. */
    private static RawHttp.Response simplified(FakeDmp dmp, String ins, String cda) throws Exception {
        ObjectNode doc = (ObjectNode) RawHttp.MAPPER.readTree(
                RawHttp.vector("DocumentReference-example-td2-iti105-publication-simplifiee.json", ins));
        ObjectNode att = (ObjectNode) doc.path("content").path(0).path("attachment");
        byte[] bytes = cda.getBytes(StandardCharsets.UTF_8);
        att.put("data", Base64.getEncoder().encodeToString(bytes));
        att.remove("size");
        att.remove("hash");
        return new RawHttp(dmp).forPatient(ins).postJson("DocumentReference", doc.toString());
    }

    @Test
    void strictFakeRefusesACdaAboutAnotherPatientWithPatientMismatch() {
        var refused = bundle(strict, INS, cdaAbout(OTHER_INS));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.rules()).contains("PATIENT_MISMATCH");
        assertThat(refused.expression()).isEqualTo("Bundle.entry[2].resource.data");
        assertThat(new String(refused.body(), StandardCharsets.UTF_8)).doesNotContain(OTHER_INS).doesNotContain(INS);
        assertThat(strict.documentCount()).isZero();
        assertThat(bundle(strict, INS, cdaAbout(INS)).status()).as("the same CDA about the right patient").isEqualTo(200);
    }

    @Test
    void lenientFakeRefusesACdaAboutAnotherPatientToo() throws Exception {
        var iti105 = simplified(lenient, INS, cdaAbout(OTHER_INS));
        assertThat(iti105.status()).isEqualTo(422);
        assertThat(iti105.rule()).isEqualTo("PATIENT_MISMATCH");
        assertThat(iti105.expression()).isEqualTo("DocumentReference.content[0].attachment.data");
        var iti65 = bundle(lenient, INS, cdaAbout(OTHER_INS));
        assertThat(iti65.status()).isEqualTo(422);
        assertThat(iti65.rules()).contains("PATIENT_MISMATCH");
        assertThat(lenient.documentCount()).isZero();
        assertThat(simplified(lenient, INS, cdaAbout(INS)).status()).isEqualTo(201);
    }

    @Test
    void aCdaNestingTenThousandLevelsGetsAPrompt422InsteadOfNoAnswer() throws Exception {
        long t0 = System.nanoTime();
        var iti105 = simplified(lenient, INS, deepCda(10_000));
        assertThat(iti105.status()).isEqualTo(422);
        assertThat(iti105.rule()).isEqualTo("XML_TOO_DEEP");
        var iti65 = bundle(strict, INS, deepCda(10_000));
        assertThat(iti65.status()).isEqualTo(422);
        assertThat(iti65.rules()).contains("XML_TOO_DEEP");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        assertThat(bundle(strict, INS, deepCda(50)).status()).as("a reasonable nesting is accepted").isEqualTo(200);
    }
}
