package fr.opendmp.core.client;

import fr.opendmp.core.error.*;
import fr.opendmp.core.transport.DeleteStrategy;
import fr.opendmp.core.transport.FhirTransport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opendmp.core.document.Audience;
import fr.opendmp.core.document.DocumentEntry;
import fr.opendmp.core.document.DocumentStatus;
import fr.opendmp.core.search.DocumentQuery;
import org.junit.jupiter.api.Test;

class DmpClientMetadataTest extends WireMockSupport {

    static final String UID = "urn:oid:1.2.250.1.213.1.4.8.99999.0";
    static final String A07 = "https://mos.esante.gouv.fr/NOS/TRE_A07-StatutVisibiliteDocument/FHIR/TRE-A07-StatutVisibiliteDocument";

    static String docX(String status) {
        return ansDocX().replace("\"superseded\"", "\"" + status + "\"");
    }

    static String masked() {
        return docX("current").replace("\"display\": \"normal\"\n        }\n      ]\n    }\n  ],",
                "\"display\": \"normal\"\n        }\n      ]\n    },\n    {\"coding\":[{\"system\":\"" + A07
                        + "\",\"code\":\"MASQUE_PS\"}]}\n  ],");
    }

    DocumentEntry entry(DmpClient dmp) {
        wm.stubFor(get(urlPathEqualTo("/fhir/DocumentReference")).withQueryParam("status", equalTo("current"))
                .willReturn(aResponse().withStatus(200).withBody(searchsetOf(docX("current")))));
        return dmp.documents().search(TestIdentities.INS, DocumentQuery.builder().build()).entries().get(0);
    }

    void stubRead(String body) {
        wm.stubFor(get(urlPathEqualTo("/fhir/DocumentReference/doc-x-id")).willReturn(aResponse().withStatus(200)
                .withBody(body)));
    }

    void stubPatch(String answer) {
        wm.stubFor(patch(urlPathEqualTo("/fhir/DocumentReference"))
                .withQueryParam("identifier", equalTo("urn:ietf:rfc:3986|" + UID))
                .withHeader("Content-Type", equalTo("application/json-patch+json"))
                .willReturn(aResponse().withStatus(200).withBody(answer)));
    }

    @Test
    void maskReadsTheDocumentThenAddsTheFlagWithoutTouchingTheConfidentialityLevel() {
        stubRead(docX("current"));
        stubPatch(masked());
        try (DmpClient dmp = client()) {
            DocumentEntry after = dmp.documents().mask(entry(dmp));
            assertThat(after.masked()).isTrue();
        }
        wm.verify(patchRequestedFor(urlPathEqualTo("/fhir/DocumentReference")).withRequestBody(equalToJson(
                "[{\"op\":\"add\",\"path\":\"/securityLabel/-\",\"value\":{\"coding\":[{\"system\":\"" + A07
                        + "\",\"code\":\"MASQUE_PS\"}]}}]")));
    }

    @Test
    void unmaskRemovesTheFlagAtItsIndex() {
        stubRead(masked());
        stubPatch(docX("current"));
        try (DmpClient dmp = client()) {
            assertThat(dmp.documents().unmask(entry(dmp)).masked()).isFalse();
        }
        wm.verify(patchRequestedFor(urlPathEqualTo("/fhir/DocumentReference")).withRequestBody(equalToJson(
                "[{\"op\":\"test\",\"path\":\"/securityLabel/1/coding/0/code\",\"value\":\"MASQUE_PS\"},"
                        + "{\"op\":\"remove\",\"path\":\"/securityLabel/1\"}]")));
    }

    @Test
    void hidingFromThePatientAddsInvisiblePatient() {
        stubRead(docX("current"));
        stubPatch(docX("current"));
        try (DmpClient dmp = client()) {
            dmp.documents().setVisibility(entry(dmp), Audience.PATIENT, false);
        }
        wm.verify(patchRequestedFor(urlPathEqualTo("/fhir/DocumentReference")).withRequestBody(equalToJson(
                "[{\"op\":\"add\",\"path\":\"/securityLabel/-\",\"value\":{\"coding\":[{\"system\":\"" + A07
                        + "\",\"code\":\"INVISIBLE_PATIENT\"}]}}]")));
    }

    @Test
    void deleteSendsTheConfiguredStatusAndArchiveAddsTheExtension() {
        stubRead(docX("current"));
        stubPatch(docX("entered-in-error"));
        try (DmpClient dmp = client()) {
            DocumentEntry e = entry(dmp);
            assertThat(dmp.documents().delete(e).status()).isEqualTo(DocumentStatus.ENTERED_IN_ERROR);
            dmp.documents().archive(e);
        }
        wm.verify(patchRequestedFor(urlPathEqualTo("/fhir/DocumentReference")).withRequestBody(equalToJson(
                "[{\"op\":\"replace\",\"path\":\"/status\",\"value\":\"entered-in-error\"}]")));
        wm.verify(patchRequestedFor(urlPathEqualTo("/fhir/DocumentReference")).withRequestBody(equalToJson(
                "[{\"op\":\"add\",\"path\":\"/extension\",\"value\":[{\"url\":"
                        + "\"https://interop.esante.gouv.fr/ig/fhir/pdsm/StructureDefinition/pdsm-ext-is-archived\","
                        + "\"valueBoolean\":true}]}]")));
    }

    @Test
    void deleteWithTheSupersededStrategySendsSuperseded() {
        stubRead(docX("current"));
        stubPatch(docX("superseded"));
        try (DmpClient dmp = client(FhirTransport.builder().endpoint(fhirBase())
                .deleteStrategy(DeleteStrategy.SUPERSEDED).build(), b -> { })) {
            dmp.documents().delete(entry(dmp));
        }
        wm.verify(patchRequestedFor(urlPathEqualTo("/fhir/DocumentReference")).withRequestBody(equalToJson(
                "[{\"op\":\"replace\",\"path\":\"/status\",\"value\":\"superseded\"}]")));
    }

    @Test
    void deleteByAnotherProfessionalIsRefusedAsNotAuthor() {
        stubRead(docX("current"));
        wm.stubFor(patch(urlPathEqualTo("/fhir/DocumentReference")).willReturn(aResponse().withStatus(403)
                .withBody(outcome("forbidden", "NOT_AUTHOR", "only the author may delete"))));
        try (DmpClient dmp = client()) {
            DocumentEntry e = entry(dmp);
            assertThatThrownBy(() -> dmp.documents().delete(e)).isInstanceOfSatisfying(AccessRefusedException.class,
                    ex -> assertThat(ex.reason()).isEqualTo(AccessRefusal.NOT_AUTHOR));
        }
    }

    @Test
    void whenTheEntryUuidChangedTheDocumentIsFoundAgainByUniqueId() {
        wm.stubFor(get(urlPathEqualTo("/fhir/DocumentReference/doc-x-id")).willReturn(aResponse().withStatus(404)));
        wm.stubFor(get(urlPathEqualTo("/fhir/DocumentReference/doc-x-v2")).willReturn(aResponse().withStatus(200)
                .withBody(docX("current").replace("\"doc-x-id\"", "\"doc-x-v2\""))));
        stubPatch(masked());
        try (DmpClient dmp = client()) {
            DocumentEntry e = entry(dmp);
            wm.stubFor(get(urlPathEqualTo("/fhir/DocumentReference"))
                    .withQueryParam("identifier", equalTo("urn:ietf:rfc:3986|" + UID))
                    .willReturn(aResponse().withStatus(200).withBody(searchsetOf(docX("current")
                            .replace("\"doc-x-id\"", "\"doc-x-v2\"")))));
            assertThat(dmp.documents().mask(e).masked()).isTrue();
        }
    }
}
