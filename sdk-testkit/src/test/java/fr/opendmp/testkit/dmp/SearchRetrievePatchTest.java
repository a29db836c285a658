package fr.opendmp.testkit.dmp;

import fr.opendmp.testkit.junit.FakeDmpTest;

import static fr.opendmp.testkit.dmp.RawHttp.INS;
import static fr.opendmp.testkit.dmp.RawHttp.enc;
import static fr.opendmp.testkit.dmp.RawHttp.searchByPatient;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.opendmp.core.access.AccessContext;
import fr.opendmp.core.ins.Ins;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** TD3.1 search parameters and paging, ITI-66, TD3.2 retrieve, TD3.3a–d patches. */
@FakeDmpTest
class SearchRetrievePatchTest {
    private static final String IS_ARCHIVED =
            "https://interop.esante.gouv.fr/ig/fhir/pdsm/StructureDefinition/pdsm-ext-is-archived";
    private FakeDmp dmp;
    private RawHttp http;

    @BeforeEach
    void connect(FakeDmp fake) {
        dmp = fake;
        http = new RawHttp(fake);
    }

    private JsonNode deposit(int n) {
        var r = http.postJson("", Docs.bundle(INS, Docs.uniqueId(n)).toString());
        assertThat(r.status()).isEqualTo(200);
        return r.json();
    }

    private String byUniqueId(int n) {
        return "DocumentReference?identifier=" + enc("urn:ietf:rfc:3986|" + Docs.uniqueId(n));
    }

    private int total(String query) {
        var r = http.get(query);
        assertThat(r.status()).as(query).isEqualTo(200);
        return r.json().path("total").asInt();
    }

    @Test
    void everySearchParameterFilters() {
        deposit(1);
        String q = searchByPatient(INS);
        assertThat(total(q + "&status=current")).isEqualTo(1);
        assertThat(total(q + "&type=" + enc("http://loinc.org|11488-4"))).isEqualTo(1);
        assertThat(total(q + "&type=" + enc("urn:oid:2.16.840.1.113883.6.1|11488-4"))).isEqualTo(1);
        assertThat(total(q + "&type=11490-0")).isZero();
        assertThat(total(q + "&category=10")).isEqualTo(1);
        assertThat(total(q + "&date=ge2026-06-01&date=le2026-06-30")).isEqualTo(1);
        assertThat(total(q + "&date=lt2026-06-01")).isZero();
        assertThat(total(q + "&period=ge2026-06-12")).isEqualTo(1);
        assertThat(total(q + "&period-start=ge2026-06-13")).isZero();
        assertThat(total(q + "&facility=SA07")).isEqualTo(1);
        assertThat(total(q + "&setting=AMBULATOIRE")).isEqualTo(1);
        assertThat(total(q + "&format=" + enc("urn:ihe:iti:xds-sd:pdf:2008"))).isEqualTo(1);
        assertThat(total(q + "&security-label=N")).isEqualTo(1);
        assertThat(total(q + "&security-label=R")).isZero();
        assertThat(total(q + "&author.identifier=" + Docs.AUTHOR)).isEqualTo(1);
        assertThat(total(q + "&author.identifier=899700000009")).isZero();
        assertThat(total(q + "&creation=2026-06-12")).isEqualTo(1);
        assertThat(total(q + "&isArchived=false")).isEqualTo(1);
        assertThat(total(q + "&event=X")).isZero();
        assertThat(total(q + "&related=X")).isZero();
        assertThat(total(q + "&identifier=" + enc("urn:ietf:rfc:3986|" + Docs.uniqueId(1)))).isEqualTo(1);
        assertThat(total(q + "&identifier=" + enc("urn:ietf:rfc:3986|" + Docs.uniqueId(2)))).isZero();
    }

    @Test
    void pagingFollowsNextLinksWithCount() {
        for (int i = 1; i <= 5; i++) {
            deposit(i);
        }
        var page = http.get(searchByPatient(INS) + "&_count=2");
        int seen = 0;
        int pages = 0;
        while (true) {
            JsonNode b = page.json();
            assertThat(b.path("total").asInt()).isEqualTo(5);
            seen += b.path("entry").size();
            pages++;
            String next = null;
            for (JsonNode l : b.path("link")) {
                if ("next".equals(l.path("relation").asText())) {
                    next = l.path("url").asText();
                }
            }
            if (next == null) {
                break;
            }
            page = http.get(next);
        }
        assertThat(seen).isEqualTo(5);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void postSearchWithFormBodyGivesTheSameResult() {
        deposit(1);
        var r = http.post("DocumentReference/_search", "application/x-www-form-urlencoded",
                ("patient.identifier=" + enc(RawHttp.INS_SYSTEM + "|" + INS) + "&status=current")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("total").asInt()).isEqualTo(1);
    }

    @Test
    void listSearchFindsTheSubmissionSet() {
        deposit(1);
        var r = http.get("List?patient.identifier=" + enc(RawHttp.INS_SYSTEM + "|" + INS)
                + "&code=submissionset&date=ge2026-01-01");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("total").asInt()).isEqualTo(1);
        assertThat(r.json().path("entry").path(0).path("resource").path("entry").path(0).path("item")
                .path("reference").asText()).startsWith("DocumentReference/");
        assertThat(total("List?patient.identifier=" + enc(RawHttp.INS_SYSTEM + "|" + INS) + "&code=folder")).isZero();
    }

    @Test
    void retrieveGivesRawBytesOrABinaryResource() {
        JsonNode resp = deposit(1);
        String loc = resp.path("entry").path(2).path("response").path("location").asText();
        var raw = http.get(loc, "application/xml");
        assertThat(new String(raw.body(), StandardCharsets.UTF_8)).isEqualTo(Docs.CDA);
        var bin = http.get(loc, "application/fhir+json");
        assertThat(bin.json().path("resourceType").asText()).isEqualTo("Binary");
        assertThat(Base64.getDecoder().decode(bin.json().path("data").asText()))
                .isEqualTo(Docs.CDA.getBytes(StandardCharsets.UTF_8));
        assertThat(http.get(loc, "application/pdf").status()).isEqualTo(406);
        assertThat(http.get("Binary/unknown", "application/xml").status()).isEqualTo(404);
    }

    @Test
    void maskThenUnmaskWithTheGuidePatchesInLenientMode() {
        try (FakeDmp lenient = FakeDmp.builder().validation(Validation.LENIENT).start()) {
            RawHttp h = new RawHttp(lenient);
            h.postJson("", Docs.bundle(INS, Docs.uniqueId(1)).toString());
            var mask = h.patchJson(byUniqueId(1), "[{\"op\":\"replace\",\"path\":\"/securityLabel/0\",\"value\":"
                    + "{\"coding\":[{\"system\":\"https://mos.esante.gouv.fr/NOS/TRE_A07-StatutVisibiliteDocument/FHIR/"
                    + "TRE-A07-StatutVisibiliteDocument\",\"code\":\"MASQUE_PS\"}]}}]");
            assertThat(mask.status()).isEqualTo(200);
            assertThat(mask.raw().headers().firstValue("ETag")).contains("W/\"2\"");
            assertThat(mask.json().path("securityLabel").toString()).contains("MASQUE_PS").contains("\"N\"");
            var unmask = h.patchJson(byUniqueId(1), "[{\"op\":\"replace\",\"path\":\"/securityLabel/0\",\"value\":"
                    + "{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/v3-Confidentiality\",\"code\":\"N\"}]}}]");
            assertThat(unmask.status()).isEqualTo(200);
            assertThat(unmask.json().path("securityLabel")).hasSize(1);
            assertThat(unmask.json().path("meta").path("versionId").asText()).isEqualTo("3");
        }
    }

    @Test
    void guideMaskPatchDroppingTheConfidentialityLevelIs422InStrictMode() {
        deposit(1);
        var mask = http.patchJson(byUniqueId(1), "[{\"op\":\"replace\",\"path\":\"/securityLabel/0\",\"value\":"
                + "{\"coding\":[{\"system\":\"urn:oid:1.2.250.1.213.1.1.4.13\",\"code\":\"MASQUE_PS\"}]}}]");
        assertThat(mask.status()).isEqualTo(422);
        assertThat(mask.rule()).isEqualTo("SECURITY_LABEL");
        assertThat(http.get(searchByPatient(INS) + "&security-label=N").json().path("total").asInt()).isEqualTo(1);
    }

    @Test
    void archiveWithTheGuideUrlPathAndWithAnIndexPath() {
        JsonNode resp = deposit(1);
        String id = resp.path("entry").path(1).path("response").path("location").asText().split("/")[1];
        var archive = http.patchJson(byUniqueId(1), "[{\"op\":\"replace\",\"path\":\"/extension[url:'" + IS_ARCHIVED
                + "']/valueBoolean\",\"value\":true}]");
        assertThat(archive.status()).isEqualTo(200);
        assertThat(total(searchByPatient(INS))).isZero();
        assertThat(total(searchByPatient(INS) + "&isArchived=true")).isEqualTo(1);
        var unarchive = http.patchJson("DocumentReference/" + id,
                "[{\"op\":\"replace\",\"path\":\"/extension/0/valueBoolean\",\"value\":false}]");
        assertThat(unarchive.status()).isEqualTo(200);
        assertThat(total(searchByPatient(INS))).isEqualTo(1);
    }

    @Test
    void deleteByAnotherProfessionalIs403AndByTheAuthorHidesTheDocument() {
        JsonNode resp = deposit(1);
        String loc = resp.path("entry").path(2).path("response").path("location").asText();
        String delete = "[{\"op\":\"replace\",\"path\":\"/status\",\"value\":\"entered-in-error\"}]";
        FakeProfessional other = FakeProfessional.doctor("899700000001");
        var refused = http.as(other)
                .patchJson(byUniqueId(1), delete);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.rule()).isEqualTo("NOT_AUTHOR");
        assertThat(total(searchByPatient(INS))).isEqualTo(1);
        assertThat(http.patchJson(byUniqueId(1), delete).status()).isEqualTo(200);
        assertThat(total(searchByPatient(INS))).isZero();
        assertThat(total(searchByPatient(INS) + "&status=entered-in-error")).isZero();
        assertThat(http.get(loc, "application/xml").status()).isEqualTo(404);
        assertThat(http.patchJson(byUniqueId(1), delete).status()).isEqualTo(404);
    }

    @Test
    void patchOfAnotherElementIs405AndWrongContentTypeIs415AndNoMatchIs404() {
        deposit(1);
        var r = http.patchJson(byUniqueId(1), "[{\"op\":\"replace\",\"path\":\"/date\",\"value\":\"2020-01-01\"}]");
        assertThat(r.status()).isEqualTo(405);
        assertThat(r.rule()).isEqualTo("PATCH_FORBIDDEN_ELEMENT");
        assertThat(http.patch(byUniqueId(1), "application/fhir+json", "[]").status()).isEqualTo(415);
        assertThat(http.patchJson(byUniqueId(9), "[{\"op\":\"replace\",\"path\":\"/status\",\"value\":\"current\"}]")
                .status()).isEqualTo(404);
        var invalid = http.patchJson(byUniqueId(1), "[{\"op\":\"replace\",\"path\":\"/securityLabel/7\",\"value\":{}}]");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.rule()).isEqualTo("INVALID_PATCH");
    }

    @Test
    void iti105ReplacementSupersedesTheTarget() {
        JsonNode resp = deposit(1);
        String xId = resp.path("entry").path(1).path("response").path("location").asText().split("/")[1];
        var b = Docs.bundle(INS, Docs.uniqueId(2));
        ((com.fasterxml.jackson.databind.node.ObjectNode) b.path("entry").path(1).path("resource")).putArray("relatesTo")
                .addObject().put("code", "replaces").putObject("target").put("reference", "DocumentReference/" + xId);
        assertThat(http.postJson("", b.toString()).status()).isEqualTo(200);
        assertThat(http.get("DocumentReference/" + xId).json().path("status").asText()).isEqualTo("superseded");
        assertThat(total(searchByPatient(INS) + "&status=superseded")).isEqualTo(1);
        var again = http.postJson("", Docs.bundle(INS, Docs.uniqueId(3)).toString().replace("\"status\":\"current\",\"type\"",
                "\"status\":\"current\",\"relatesTo\":[{\"code\":\"replaces\",\"target\":{\"reference\":\"DocumentReference/"
                        + xId + "\"}}],\"type\""));
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.rule()).isEqualTo("REPLACED_NOT_CURRENT");
    }
}
