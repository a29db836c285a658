package fr.opendmp.testkit.dmp;

import static fr.opendmp.testkit.dmp.RawHttp.INS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bad requests in strict mode get the right status and OperationOutcome and leave the state unchanged. */
class RequestValidationTest {
    private static FakeDmp dmp;
    private RawHttp http;

    @BeforeAll
    static void start() {
        dmp = FakeDmp.builder().maxBodyBytes(64 * 1024).start();
    }

    @AfterAll
    static void stop() {
        dmp.close();
    }

    @BeforeEach
    void reset() {
        dmp.reset();
        http = new RawHttp(dmp);
    }

    private ObjectNode doc(ObjectNode bundle) {
        return (ObjectNode) bundle.path("entry").path(1).path("resource");
    }

    @Test
    void strictValidBundleIsAcceptedWithoutWarnings() {
        var r = http.postJson("", Docs.bundle(INS, Docs.uniqueId(1)).toString());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("entry").path(0).path("response").has("outcome")).isFalse();
        assertThat(dmp.documentCount()).isEqualTo(1);
    }

    @Test
    void malformedJsonIs400AndStoresNothing() {
        var r = http.postJson("", "{\"resourceType\":\"Bundle\",");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.rule()).isEqualTo("MALFORMED_JSON");
        assertThat(dmp.documentCount()).isZero();
    }

    @Test
    void wrongContentTypeIs415() {
        var r = http.post("", "text/plain", Docs.bundle(INS, Docs.uniqueId(1)).toString().getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).isEqualTo(415);
        assertThat(r.rule()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        assertThat(dmp.documentCount()).isZero();
    }

    @Test
    void badInsKeyInTheSubjectIs422NamingTheElement() {
        var b = Docs.bundle(INS, Docs.uniqueId(1));
        String json = b.toString().replace(INS, "279119913400977");
        var r = http.postJson("", json);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.rule()).isEqualTo("INVALID_INS");
        assertThat(r.expression()).isEqualTo("Bundle.entry[1].resource.subject.reference");
        assertThat(dmp.documentCount()).isZero();
    }

    @Test
    void badInsKeyInTd02QueryIs400() {
        var r = http.get("Patient?identifier=" + RawHttp.enc(RawHttp.INS_SYSTEM + "|279119913400977"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.rule()).isEqualTo("INVALID_INS");
    }

    @Test
    void missingRequiredElementIs422WithItsExpression() {
        var b = Docs.bundle(INS, Docs.uniqueId(1));
        doc(b).remove("date");
        var r = http.postJson("", b.toString());
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.rule()).isEqualTo("REQUIRED");
        assertThat(r.expression()).isEqualTo("Bundle.entry[1].resource.date");
        assertThat(dmp.documentCount()).isZero();
    }

    @Test
    void unknownCodeIsAnErrorInStrictMode() {
        var b = Docs.bundle(INS, Docs.uniqueId(1));
        ((ObjectNode) doc(b).path("type").path("coding").path(0)).put("code", "99999-9");
        var r = http.postJson("", b.toString());
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.rule()).isEqualTo("UNKNOWN_CODE");
        assertThat(r.json().path("issue").path(0).path("severity").asText()).isEqualTo("error");
        assertThat(r.expression()).isEqualTo("Bundle.entry[1].resource.type.coding[0]");
        assertThat(dmp.documentCount()).isZero();
    }

    @Test
    void missingCustodianIsAnErrorInStrictMode() {
        var b = Docs.bundle(INS, Docs.uniqueId(1));
        doc(b).remove("custodian");
        var r = http.postJson("", b.toString());
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.expression()).isEqualTo("Bundle.entry[1].resource.custodian");
    }

    @Test
    void codeGivenWithUrnOidOrCanonicalUrlIsAccepted() {
        var b = Docs.bundle(INS, Docs.uniqueId(1));
        ((ObjectNode) doc(b).path("type").path("coding").path(0)).put("system", "urn:oid:2.16.840.1.113883.6.1");
        assertThat(http.postJson("", b.toString()).status()).isEqualTo(200);
    }

    @Test
    void oversizedBodyIs413AndStoresNothing() {
        byte[] big = new byte[100 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        var r = http.post("", "application/fhir+json", big);
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.rule()).isEqualTo("BODY_TOO_LARGE");
        assertThat(dmp.documentCount()).isZero();
    }

    @Test
    void hashMismatchIs422NamingTheHash() {
        var b = Docs.bundle(INS, Docs.uniqueId(1));
        ((ObjectNode) doc(b).path("content").path(0).path("attachment")).put("hash", "AAAAAAAAAAAAAAAAAAAAAAAAAAA=");
        var r = http.postJson("", b.toString());
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.rules()).contains("HASH_MISMATCH");
        assertThat(r.json().path("issue").toString()).contains("Bundle.entry[1].resource.content[0].attachment.hash");
        assertThat(dmp.documentCount()).isZero();
    }

    @Test
    void sizeMismatchIs422() {
        var b = Docs.bundle(INS, Docs.uniqueId(1));
        ((ObjectNode) doc(b).path("content").path(0).path("attachment")).put("size", 3);
        var r = http.postJson("", b.toString());
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.rules()).contains("SIZE_MISMATCH");
    }

    @Test
    void depositWithDuplicateUniqueIdIsRefusedWith409AndLeavesStateUnchanged() {
        assertThat(http.postJson("", Docs.bundle(INS, Docs.uniqueId(1)).toString()).status()).isEqualTo(200);
        var r = http.postJson("", Docs.bundle(INS, Docs.uniqueId(1)).toString());
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.rule()).isEqualTo("DUPLICATE_UNIQUEID");
        assertThat(r.expression()).isEqualTo("Bundle.entry[1].resource.masterIdentifier.value");
        assertThat(dmp.documentCount()).isEqualTo(1);
    }

    @Test
    void bundleIsAtomicWhenItsSecondDocumentFails() {
        var b = Docs.bundle(INS, Docs.uniqueId(1));
        var second = Docs.bundle(INS, Docs.uniqueId(2));
        ObjectNode docEntry = (ObjectNode) second.path("entry").path(1).deepCopy();
        docEntry.put("fullUrl", "urn:uuid:00000000-0000-0000-0000-000000000004");
        ((ObjectNode) docEntry.path("resource").path("content").path(0).path("attachment")).put("url", "urn:uuid:nowhere");
        ((com.fasterxml.jackson.databind.node.ArrayNode) b.path("entry")).add(docEntry);
        var r = http.postJson("", b.toString());
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.rule()).isEqualTo("UNRESOLVED_ATTACHMENT");
        assertThat(r.expression()).isEqualTo("Bundle.entry[3].resource.content[0].attachment.url");
        assertThat(dmp.documentCount()).isZero();
    }

    @Test
    void unknownPatientWithoutDmpIs404() {
        dmp.seedPatient(FakePatient.withoutDmp(INS));
        var r = http.postJson("", Docs.bundle(INS, Docs.uniqueId(1)).toString());
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.rule()).isEqualTo("DMP_NOT_FOUND");
        assertThat(dmp.documentCount()).isZero();
    }

    @Test
    void unknownSearchParameterIs400InStrictMode() {
        var r = http.get(RawHttp.searchByPatient(INS) + "&foo=bar");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.rule()).isEqualTo("UNKNOWN_SEARCH_PARAMETER");
    }

    @Test
    void searchWithoutPatientIs400() {
        var r = http.get("DocumentReference?status=current");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.rule()).isEqualTo("MISSING_PATIENT");
    }
}
