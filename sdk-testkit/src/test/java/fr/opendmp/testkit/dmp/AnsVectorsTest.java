package fr.opendmp.testkit.dmp;

import fr.opendmp.testkit.junit.FakeDmpTest;

import static fr.opendmp.testkit.dmp.RawHttp.INS;
import static fr.opendmp.testkit.dmp.RawHttp.PLACEHOLDER;
import static fr.opendmp.testkit.dmp.RawHttp.vector;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every ANS PDSM4DMP request example is accepted in lenient mode and gives the documented response. */
@FakeDmpTest(validation = Validation.LENIENT)
class AnsVectorsTest {
    private FakeDmp dmp;
    private RawHttp http;

    @BeforeEach
    void connect(FakeDmp fake) {
        dmp = fake;
        http = new RawHttp(fake);
    }

    @Test
    void iti105SimplifiedPublishExampleIsCreatedWithServerFieldsAndUrlInsteadOfData() {
        var r = http.postJson("DocumentReference", vector("DocumentReference-example-td2-iti105-publication-simplifiee.json", INS));
        assertThat(r.status()).isEqualTo(201);
        JsonNode doc = r.json();
        assertThat(r.raw().headers().firstValue("Location")).hasValueSatisfying(
                l -> assertThat(l).contains("DocumentReference/" + doc.path("id").asText()));
        assertThat(doc.path("meta").path("versionId").asText()).isEqualTo("1");
        assertThat(doc.path("status").asText()).isEqualTo("current");
        JsonNode att = doc.path("content").path(0).path("attachment");
        assertThat(att.has("data")).isFalse();
        assertThat(att.path("url").asText()).startsWith("Binary/");
        assertThat(att.path("size").asInt()).isEqualTo(80);
        assertThat(att.path("hash").asText()).isEqualTo("A/hMRrv6Y15BjSM8kMLidrz+mHc=");
        assertThat(doc.path("identifier").path(0).path("value").asText()).startsWith("urn:uuid:");
        assertThat(dmp.documentCount()).isEqualTo(1);
    }

    @Test
    void iti65ProvideBundleExampleAnswersATransactionResponseInRequestOrder() {
        var r = http.postJson("", vector("Bundle-example-td2-iti65-lot-soumission.json", INS));
        assertThat(r.status()).isEqualTo(200);
        JsonNode entries = r.json().path("entry");
        assertThat(r.json().path("type").asText()).isEqualTo("transaction-response");
        assertThat(entries).hasSize(3);
        assertThat(entries.path(0).path("response").path("location").asText()).startsWith("List/");
        assertThat(entries.path(1).path("response").path("location").asText()).startsWith("DocumentReference/");
        assertThat(entries.path(2).path("response").path("location").asText()).startsWith("Binary/");
        entries.forEach(e -> assertThat(e.path("response").path("status").asText()).isEqualTo("201 Created"));
        assertThat(entries.path(0).path("response").path("outcome").path("issue").toString())
                .contains("UNKNOWN_CODE").contains("warning");
        var search = http.get(RawHttp.searchByPatient(INS) + "&status=current");
        assertThat(search.json().path("total").asInt()).isEqualTo(1);
        String binary = entries.path(2).path("response").path("location").asText();
        var raw = http.get(binary, "application/xml");
        assertThat(raw.status()).isEqualTo(200);
        assertThat(raw.body()).hasSize(80);
        assertThat(raw.contentType()).startsWith("application/xml");
    }

    @Test
    void replacementExampleSupersedesXAndStoresY() {
        var first = http.postJson("", vector("Bundle-example-td2-iti65-lot-soumission.json", INS));
        String xId = first.json().path("entry").path(1).path("response").path("location").asText().split("/")[1];
        String replacement = vector("Bundle-example-td2-1-remplacement.json", INS).replace("doc-x-id", xId);
        var r = http.postJson("", replacement);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("entry").path(2).path("response").path("status").asText()).isEqualTo("200 OK");
        var x = http.get("DocumentReference/" + xId);
        assertThat(x.json().path("status").asText()).isEqualTo("superseded");
        assertThat(x.json().path("meta").path("versionId").asText()).isEqualTo("2");
        var current = http.get(RawHttp.searchByPatient(INS) + "&status=current");
        assertThat(current.json().path("total").asInt()).isEqualTo(1);
        assertThat(current.json().path("entry").path(0).path("resource").path("masterIdentifier").path("value").asText())
                .isEqualTo("urn:oid:1.2.250.1.213.1.4.8.99999.3");
    }

    @Test
    void replacementWithoutPatchEntrySupersedesTooAndReplacingUnknownDocumentIs422() {
        http.postJson("", vector("Bundle-example-td2-iti65-lot-soumission.json", INS));
        var unknown = http.postJson("", vector("Bundle-example-td2-1-remplacement.json", INS));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.rule()).isEqualTo("REPLACED_NOT_FOUND");
        assertThat(unknown.expression()).isEqualTo("Bundle.entry[1].resource.relatesTo[0].target");
        assertThat(dmp.documentCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"DocumentReference-example-td2-iti105-publication-simplifiee.json",
        "Bundle-example-td2-iti65-lot-soumission.json"})
    void placeholderInsOfTheExamplesIsRefusedWithAClearOutcome(String name) {
        String path = name.startsWith("Bundle") ? "" : "DocumentReference";
        var r = http.postJson(path, vector(name, PLACEHOLDER));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.rule()).isEqualTo("INVALID_INS");
        assertThat(r.json().path("issue").path(0).path("diagnostics").asText()).contains("key");
        assertThat(r.expression()).endsWith("subject.reference");
        assertThat(new String(r.body())).doesNotContain(PLACEHOLDER);
        assertThat(dmp.documentCount()).isZero();
    }

    @Test
    void responseExamplesParseAndTheFakeSearchsetHasTheirShape() throws Exception {
        JsonNode example = RawHttp.MAPPER.readTree(vector("Bundle-example-annexe-searchset-documentreferences.json", INS));
        RawHttp.MAPPER.readTree(vector("Bundle-example-annexe-fhir-document.json", INS));
        RawHttp.MAPPER.readTree(vector("DocumentReference-doc-x-id.json", INS));
        http.postJson("", vector("Bundle-example-td2-iti65-lot-soumission.json", INS));
        JsonNode ours = http.get(RawHttp.searchByPatient(INS) + "&status=current").json();
        assertThat(ours.path("type").asText()).isEqualTo(example.path("type").asText());
        JsonNode a = example.path("entry").path(0);
        JsonNode b = ours.path("entry").path(0);
        assertThat(b.path("search").path("mode").asText()).isEqualTo(a.path("search").path("mode").asText());
        a.path("resource").fieldNames().forEachRemaining(f -> assertThat(b.path("resource").has(f)).as(f).isTrue());
    }
}
