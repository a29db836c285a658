package fr.opendmp.testkit.dmp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * FHIR PATCH under the fake's {@link MetadataVersionIdentity} (spec dmp-xds §16.4) and optimistic
 * concurrency with {@code If-Match} (issue 16).
 */
class FhirMetadataVersionTest {
    static final String INS = "279119913400976";
    static final String MASK = "[{\"op\":\"add\",\"path\":\"/securityLabel/-\",\"value\":{\"coding\":[{\"system\":"
            + "\"urn:oid:1.2.250.1.213.1.1.4.13\",\"code\":\"MASQUE_PS\"}]}}]";

    private static HttpResponse<String> patch(FakeDmp dmp, String id, String ifMatch) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(dmp.baseUri() + "/DocumentReference/" + id))
                .header("Content-Type", "application/json-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(MASK));
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String deposit(FakeDmp dmp, RawHttp http) {
        var r = http.postJson("", Docs.bundle(INS, Docs.uniqueId(1)).toString());
        assertThat(r.status()).isEqualTo(200);
        return r.json().path("entry").path(1).path("response").path("location").asText().split("/")[1];
    }

    @Test
    void aSecurityLabelPatchMakesANewEntryWithTheSameLogicalIdByDefault() throws Exception {
        try (FakeDmp dmp = FakeDmp.builder().auth(AuthMode.OFF).start()) {
            RawHttp http = new RawHttp(dmp);
            String id = deposit(dmp, http);
            HttpResponse<String> r = patch(dmp, id, null);
            assertThat(r.statusCode()).isEqualTo(200);
            JsonNode body = RawHttp.MAPPER.readTree(r.body());
            assertThat(body.path("id").asText()).isNotEqualTo(id);
            assertThat(body.path("identifier").toString()).contains("urn:uuid:" + id);
            assertThat(body.path("meta").path("versionId").asText()).isEqualTo("2");
            assertThat(http.get("DocumentReference/" + id).json().path("status").asText()).isEqualTo("superseded");
        }
    }

    @Test
    void keepIdPatchesInPlace() throws Exception {
        try (FakeDmp dmp = FakeDmp.builder().auth(AuthMode.OFF).metadataVersionIdentity(MetadataVersionIdentity.KEEP_ID)
                .start()) {
            String id = deposit(dmp, new RawHttp(dmp));
            JsonNode body = RawHttp.MAPPER.readTree(patch(dmp, id, null).body());
            assertThat(body.path("id").asText()).isEqualTo(id);
        }
    }

    @Test
    void aPatchWithAStaleIfMatchIs412VersionConflictAndChangesNothing() throws Exception {
        try (FakeDmp dmp = FakeDmp.builder().auth(AuthMode.OFF).metadataVersionIdentity(MetadataVersionIdentity.KEEP_ID)
                .start()) {
            RawHttp http = new RawHttp(dmp);
            String id = deposit(dmp, http);
            assertThat(patch(dmp, id, "W/\"1\"").statusCode()).isEqualTo(200);
            HttpResponse<String> stale = patch(dmp, id, "W/\"1\"");
            assertThat(stale.statusCode()).isEqualTo(412);
            JsonNode outcome = RawHttp.MAPPER.readTree(stale.body());
            assertThat(outcome.path("resourceType").asText()).isEqualTo("OperationOutcome");
            assertThat(outcome.toString()).contains("VERSION_CONFLICT");
            assertThat(http.get("DocumentReference/" + id).json().path("meta").path("versionId").asText()).isEqualTo("2");
        }
    }
}
