package fr.opendmp.xds;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import fr.opendmp.core.client.DmpClient;
import fr.opendmp.core.document.Audience;
import fr.opendmp.core.code.Code;
import fr.opendmp.core.code.CodeSystems;
import fr.opendmp.core.document.ContentHash;
import fr.opendmp.core.document.DocumentEntry;
import fr.opendmp.core.document.DocumentStatus;
import fr.opendmp.core.document.RetrievedDocument;
import fr.opendmp.core.document.Visibility;
import fr.opendmp.core.error.IntegrityException;
import fr.opendmp.core.error.MalformedResponseException;
import fr.opendmp.core.error.NotFoundException;
import fr.opendmp.core.search.DocumentPage;
import fr.opendmp.core.search.DocumentQuery;
import fr.opendmp.core.search.SignatureEntries;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** TD3.1a/b (ITI-18), TD3.2 (ITI-43), TD3.3a–d (ITI-57). */
class SearchRetrieveUpdateTest extends XdsTestSupport {

    static final String E1 = "urn:uuid:0a1b2c3d-0001-4000-8000-000000000001";

    List<DocumentEntry> searchAll(DmpClient dmp, DocumentQuery q) {
        return dmp.documents().searchAll(INS, q);
    }

    @Test
    void findDocumentsEncodesEveryField() {
        answer("registry", 200, vector("iti18-response.xml"));
        DocumentQuery q = DocumentQuery.builder().status(DocumentStatus.CURRENT).status(DocumentStatus.SUPERSEDED)
                .archived(true).type(Code.of(CodeSystems.LOINC, "11488-4")).classCode(Code.of("urn:oid:1.2.250.1.213.1.1.4.1", "10"))
                .format(Code.of(CodeSystems.IHE_FORMAT, "urn:ihe:pcc:xds-ms:2007"))
                .practiceSetting(Code.of(CodeSystems.PRACTICE_SETTING, "AMBULATOIRE"))
                .facilityType(Code.of(CodeSystems.TRE_R02, "SA07"))
                .createdFrom(OffsetDateTime.parse("2026-01-01T01:00:00+01:00"))
                .createdTo(OffsetDateTime.parse("2026-12-31T00:00:00Z"))
                .serviceFrom(OffsetDateTime.parse("2025-01-01T00:00:00Z"))
                .serviceTo(OffsetDateTime.parse("2026-12-31T00:00:00Z")).author("810001234567").build();
        try (DmpClient dmp = client()) {
            searchAll(dmp, q);
        }
        Document d = envelope(requests("registry").get(0));
        assertThat(xs(d, "/soap:Envelope/soap:Header/wsa:Action")).isEqualTo("urn:ihe:iti:2007:RegistryStoredQuery");
        String r = "/soap:Envelope/soap:Body/query:AdhocQueryRequest";
        assertThat(xs(d, r + "/query:ResponseOption/@returnType")).isEqualTo("LeafClass");
        assertThat(xs(d, r + "/query:ResponseOption/@returnComposedObjects")).isEqualTo("true");
        assertThat(xs(d, r + "/rim:AdhocQuery/@id")).isEqualTo("urn:uuid:14d4debf-8f97-4251-9a74-a90016b0af0d");
        String s = r + "/rim:AdhocQuery/rim:Slot[@name='%s']/rim:ValueList/rim:Value";
        assertThat(xs(d, s.formatted("$XDSDocumentEntryPatientId"))).isEqualTo("'279119913400976^^^&1.2.250.1.213.1.4.8&ISO^NH'");
        assertThat(xs(d, s.formatted("$XDSDocumentEntryStatus"))).isEqualTo("('urn:oasis:names:tc:ebxml-regrep:StatusType:Approved',"
                + "'urn:oasis:names:tc:ebxml-regrep:StatusType:Deprecated','urn:asip:ci-sis:2010:StatusType:Archived')");
        assertThat(xs(d, s.formatted("$XDSDocumentEntryTypeCode"))).isEqualTo("('11488-4^^2.16.840.1.113883.6.1')");
        assertThat(xs(d, s.formatted("$XDSDocumentEntryClassCode"))).isEqualTo("('10^^1.2.250.1.213.1.1.4.1')");
        assertThat(xs(d, s.formatted("$XDSDocumentEntryFormatCode"))).isEqualTo("('urn:ihe:pcc:xds-ms:2007^^1.3.6.1.4.1.19376.1.2.3')");
        assertThat(xs(d, s.formatted("$XDSDocumentEntryPracticeSettingCode"))).isEqualTo("('AMBULATOIRE^^1.2.250.1.213.1.1.4.9')");
        assertThat(xs(d, s.formatted("$XDSDocumentEntryHealthcareFacilityTypeCode"))).isEqualTo("('SA07^^1.2.250.1.71.4.2.4')");
        assertThat(xs(d, s.formatted("$XDSDocumentEntryCreationTimeFrom"))).isEqualTo("20260101000000");
        assertThat(xs(d, s.formatted("$XDSDocumentEntryCreationTimeTo"))).isEqualTo("20261231000000");
        assertThat(xs(d, s.formatted("$XDSDocumentEntryServiceStartTimeFrom"))).isEqualTo("20250101000000");
        assertThat(xs(d, s.formatted("$XDSDocumentEntryServiceStartTimeTo"))).isEqualTo("20261231000000");
        assertThat(xs(d, s.formatted("$XDSDocumentEntryAuthorPerson"))).isEqualTo("('810001234567%')");
    }

    @Test
    void approvedOnlyByDefault() {
        answer("registry", 200, vector("iti18-response.xml"));
        try (DmpClient dmp = client()) {
            searchAll(dmp, DocumentQuery.builder().build());
        }
        Document d = envelope(requests("registry").get(0));
        assertThat(xs(d, "//rim:Slot[@name='$XDSDocumentEntryStatus']/rim:ValueList/rim:Value"))
                .isEqualTo("('urn:oasis:names:tc:ebxml-regrep:StatusType:Approved')");
        assertThat(count(d, "//rim:Slot")).isEqualTo(2);
    }

    @Test
    void everyFieldIsReadBackAndSignaturesHidden() {
        answer("registry", 200, vector("iti18-response.xml"));
        List<DocumentEntry> all;
        try (DmpClient dmp = client()) {
            all = searchAll(dmp, DocumentQuery.builder().build());
        }
        assertThat(all).hasSize(2);
        DocumentEntry e = all.get(0);
        assertThat(e.id().entryUuid()).isEqualTo(E1);
        assertThat(e.uniqueId()).isEqualTo("urn:oid:1.2.250.1.999.42.7.1");
        assertThat(e.logicalId()).contains(E1);
        assertThat(e.status()).isEqualTo(DocumentStatus.CURRENT);
        assertThat(e.archived()).isFalse();
        assertThat(e.versionId()).contains("1");
        assertThat(e.url()).isEqualTo("urn:oid:1.2.250.1.213.4.1.1.1.2");
        assertThat(e.hash()).contains(ContentHash.sha1Base64(CDA));
        assertThat(e.size()).contains((long) CDA.length);
        assertThat(e.patient()).contains(INS);
        assertThat(e.masked()).isTrue();
        var m = e.metadata();
        assertThat(m.title()).isEqualTo("CR de consultation");
        assertThat(m.description()).contains("Commentaire de test");
        assertThat(m.contentType()).isEqualTo("text/xml");
        assertThat(m.language()).isEqualTo("fr-FR");
        assertThat(m.creationTime()).isEqualTo(OffsetDateTime.parse("2026-06-12T08:00:00Z"));
        assertThat(m.serviceEnd()).contains(OffsetDateTime.parse("2026-06-12T08:30:00Z"));
        assertThat(m.type()).isEqualTo(Code.of(CodeSystems.LOINC, "11488-4"));
        assertThat(m.classCode().code()).isEqualTo("10");
        assertThat(m.format().code()).isEqualTo("urn:ihe:pcc:xds-ms:2007");
        assertThat(m.facilityType()).isEqualTo(Code.of(CodeSystems.TRE_R02, "SA07"));
        assertThat(m.practiceSetting()).isEqualTo(Code.of(CodeSystems.PRACTICE_SETTING, "AMBULATOIRE"));
        assertThat(m.visibility()).containsExactly(Visibility.MASQUE_PS);
        assertThat(m.events()).singleElement().satisfies(c -> assertThat(c.code()).isEqualTo("GLLD003"));
        assertThat(m.authors()).singleElement().extracting(a -> a.professional()).satisfies(a -> {
            assertThat(a.idNat()).isEqualTo("810001234567");
            assertThat(a.familyName()).contains("MEDECIN");
            assertThat(a.organization()).get().satisfies(i -> assertThat(i.idNat()).isEqualTo("10B0000001"));
            assertThat(a.specialty()).get().satisfies(c -> assertThat(c.code()).isEqualTo("G15_10/SM26"));
        });
        assertThat(m.legalAuthenticator()).get()
                .satisfies(a -> assertThat(a.professional().idNat()).isEqualTo("810001234567"));
        assertThat(all.get(1).archived()).isTrue();
        assertThat(all.get(1).hash()).contains(Base64.getEncoder().encodeToString(
                java.util.HexFormat.of().parseHex("2fd4e1c67a2d28fced849ee1bb76e7391b93eb12")));
    }

    @Test
    void signatureEntriesAreHiddenByDefaultAndShownWhenTheQueryAsks() {
        answer("registry", 200, vector("iti18-response.xml"));
        try (DmpClient dmp = client()) {
            assertThat(searchAll(dmp, DocumentQuery.builder().build())).extracting(DocumentEntry::uniqueId)
                    .containsExactly("urn:oid:1.2.250.1.999.42.7.1", "urn:oid:1.2.250.1.999.42.7.2");
            assertThat(searchAll(dmp, DocumentQuery.builder().signatureEntries(SignatureEntries.SHOW).build()))
                    .extracting(DocumentEntry::uniqueId, DocumentEntry::isSignature).containsExactly(
                            tuple("urn:oid:1.2.250.1.999.42.7.1", false), tuple("urn:oid:1.2.250.1.999.42.7.2", false),
                            tuple("urn:oid:1.2.250.1.999.42.8.1", true));
        }
    }

    @Test
    void pagesLocallyOverTheWholeAnswerAndAPageHoldingOnlyTheSignatureEntryComesBackEmpty() {
        answer("registry", 200, vector("iti18-response.xml"));
        try (DmpClient dmp = client()) {
            DocumentPage p = dmp.documents().search(INS, DocumentQuery.builder().pageSize(1).build());
            assertThat(p.entries()).hasSize(1);
            assertThat(p.total()).contains(3);
            assertThat(p.hasNext()).isTrue();
            DocumentPage p2 = p.next();
            assertThat(p2.entries()).singleElement().satisfies(e -> assertThat(e.archived()).isTrue());
            assertThat(p2.hasNext()).isTrue();
            DocumentPage p3 = p2.next();
            assertThat(p3.entries()).isEmpty();
            assertThat(p3.hasNext()).isFalse();
        }
    }

    @Test
    void getDocumentsPicksTheApprovedVersion() {
        String t = vector("iti18-entry-template.txt");
        String v1 = t.replace("ENTRYID", "urn:uuid:0a1b2c3d-0001-4000-8000-000000000001").replace("UNIQUEID", "1.2.250.1.999.42.7.1")
                .replace("StatusType:Approved", "StatusType:Deprecated");
        String v2 = t.replace("ENTRYID", "urn:uuid:0a1b2c3d-0005-4000-8000-000000000005").replace("UNIQUEID", "1.2.250.1.999.42.7.1")
                .replace("versionName=\"1\"", "versionName=\"2\"");
        answer("registry", 200, vector("iti18-response.xml").replaceAll("(?s)<rim:RegistryObjectList>.*</rim:RegistryObjectList>",
                java.util.regex.Matcher.quoteReplacement("<rim:RegistryObjectList>" + v1 + v2 + "</rim:RegistryObjectList>")));
        try (DmpClient dmp = client()) {
            Optional<DocumentEntry> e = dmp.documents().findByUniqueId(INS, "1.2.250.1.999.42.7.1");
            assertThat(e).get().satisfies(x -> {
                assertThat(x.id().entryUuid()).isEqualTo("urn:uuid:0a1b2c3d-0005-4000-8000-000000000005");
                assertThat(x.versionId()).contains("2");
            });
        }
        Document d = envelope(requests("registry").get(0));
        assertThat(xs(d, "//rim:AdhocQuery/@id")).isEqualTo("urn:uuid:5c4f972b-d56b-40ac-a5fc-c8ca9b40b9d4");
        assertThat(xs(d, "//rim:Slot[@name='$XDSDocumentEntryUniqueId']/rim:ValueList/rim:Value"))
                .isEqualTo("('1.2.250.1.999.42.7.1')");
        assertThat(count(d, "//rim:Slot[@name='$XDSDocumentEntryPatientId']")).isZero();
    }

    @Test
    void getDocumentsWithNothingIsEmpty() {
        answer("registry", 200, vector("iti18-response.xml").replaceAll("(?s)<rim:RegistryObjectList>.*</rim:RegistryObjectList>",
                "<rim:RegistryObjectList/>"));
        try (DmpClient dmp = client()) {
            assertThat(dmp.documents().findByUniqueId(INS, "1.2.250.1.999.42.7.77")).isEmpty();
        }
    }

    DocumentEntry first(DmpClient dmp) {
        return searchAll(dmp, DocumentQuery.builder().build()).get(0);
    }

    static String mtomAnswer(String boundary, String href, byte[] content) {
        String root = vector("iti43-response.xml").replace("CONTENT", "<xop:Include xmlns:xop=\"http://www.w3.org/2004/08/xop/include\" href=\""
                + href + "\"/>");
        return "--" + boundary + "\r\nContent-Type: application/xop+xml; charset=UTF-8; type=\"application/soap+xml\"\r\n"
                + "Content-Transfer-Encoding: binary\r\nContent-ID: <root.message@cxf.apache.org>\r\n\r\n" + root
                + "\r\n--" + boundary + "\r\nContent-Type: text/xml\r\nContent-Transfer-Encoding: binary\r\n"
                + "Content-ID: <5aeaa450-17f0-4484-b845-a8480c363444-2@urn:ihe:iti:xds-b:2007>\r\n\r\n"
                + new String(content, StandardCharsets.UTF_8) + "\r\n--" + boundary + "--\r\n";
    }

    void stubMtom(String body) {
        wm.stubFor(post(urlEqualTo(BASE + "/repository")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "multipart/related; type=\"application/xop+xml\"; boundary=\"uuid:b1\"; "
                        + "start=\"<root.message@cxf.apache.org>\"; start-info=\"application/soap+xml\"")
                .withBody(body)));
    }

    @Test
    void retrieveReadsAPercentEncodedCidAndSendsTheUniqueId() {
        answer("registry", 200, vector("iti18-response.xml"));
        stubMtom(mtomAnswer("uuid:b1", "cid:5aeaa450-17f0-4484-b845-a8480c363444-2@urn%3Aihe%3Aiti%3Axds-b%3A2007", CDA));
        try (DmpClient dmp = client()) {
            RetrievedDocument doc = dmp.documents().retrieve(first(dmp));
            assertThat(doc.bytes()).isEqualTo(CDA);
            assertThat(doc.contentType()).isEqualTo("text/xml");
        }
        Document d = envelope(requests("repository").get(0));
        assertThat(xs(d, "/soap:Envelope/soap:Header/wsa:Action")).isEqualTo("urn:ihe:iti:2007:RetrieveDocumentSet");
        String r = "/soap:Envelope/soap:Body/xds:RetrieveDocumentSetRequest/xds:DocumentRequest";
        assertThat(count(d, r)).isEqualTo(1);
        assertThat(xs(d, r + "/xds:RepositoryUniqueId")).isEqualTo("1.2.250.1.213.4.1.1.1.2");
        assertThat(xs(d, r + "/xds:DocumentUniqueId")).isEqualTo("1.2.250.1.999.42.7.1");
        assertThat(count(d, r + "/xds:HomeCommunityId")).isZero();
    }

    @Test
    void retrieveAcceptsInlineBase64() {
        answer("registry", 200, vector("iti18-response.xml"));
        answer("repository", 200, vector("iti43-response.xml").replace("CONTENT", Base64.getEncoder().encodeToString(CDA)));
        try (DmpClient dmp = client()) {
            assertThat(dmp.documents().retrieve(first(dmp)).bytes()).isEqualTo(CDA);
        }
    }

    @Test
    void aSizeOrHashMismatchIsAnIntegrityError() {
        answer("registry", 200, vector("iti18-response.xml"));
        byte[] other = new String(CDA, StandardCharsets.UTF_8).replace("test", "TEST").getBytes(StandardCharsets.UTF_8);
        stubMtom(mtomAnswer("uuid:b1", "cid:5aeaa450-17f0-4484-b845-a8480c363444-2@urn:ihe:iti:xds-b:2007", other));
        try (DmpClient dmp = client()) {
            DocumentEntry e = first(dmp);
            assertThatThrownBy(() -> dmp.documents().retrieve(e)).isInstanceOf(IntegrityException.class);
        }
    }

    @Test
    void anMtomFaultIsMapped() {
        answer("registry", 200, vector("iti18-response.xml"));
        String fault = vector("fault.xml").replace("SUBCODE", "NO_AUTHORIZATION").replace(":CODE", ":Sender")
                .replace("REASON", "NO_AUTHORIZATION: pas d'autorisation");
        wm.stubFor(post(urlEqualTo(BASE + "/repository")).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "multipart/related; type=\"application/xop+xml\"; boundary=\"b2\"; "
                        + "start=\"<root@x>\"")
                .withBody("--b2\r\nContent-Type: application/xop+xml; type=\"application/soap+xml\"\r\n"
                        + "Content-ID: <root@x>\r\n\r\n" + fault + "\r\n--b2--\r\n")));
        try (DmpClient dmp = client()) {
            DocumentEntry e = first(dmp);
            assertThatThrownBy(() -> dmp.documents().retrieve(e)).isInstanceOfSatisfying(
                    fr.opendmp.core.error.AccessRefusedException.class, x -> assertThat(x.reason())
                            .isEqualTo(fr.opendmp.core.error.AccessRefusal.NO_AUTHORIZATION));
        }
    }

    @Test
    void aMissingDocumentIsNotFound() {
        answer("registry", 200, vector("iti18-response.xml"));
        answer("repository", 200, vector("iti43-response.xml").replaceAll("(?s)<xds:DocumentResponse>.*</xds:DocumentResponse>", "")
                .replace("ResponseStatusType:Success", "ResponseStatusType:PartialSuccess"));
        try (DmpClient dmp = client()) {
            DocumentEntry e = first(dmp);
            assertThatThrownBy(() -> dmp.documents().retrieve(e)).isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void anMtomPartMissingIsMalformed() {
        answer("registry", 200, vector("iti18-response.xml"));
        stubMtom(mtomAnswer("uuid:b1", "cid:another@x", CDA));
        try (DmpClient dmp = client()) {
            DocumentEntry e = first(dmp);
            assertThatThrownBy(() -> dmp.documents().retrieve(e)).isInstanceOf(MalformedResponseException.class);
        }
    }

    @Test
    void maskSendsAFullCopyWithOnlyConfidentialityChanged() {
        String one = vector("iti18-response.xml");
        answer("registry", 200, one);
        wm.stubFor(post(urlEqualTo(BASE + "/registry")).withRequestBody(com.github.tomakehurst.wiremock.client.WireMock
                .containing("UpdateDocumentSet")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/soap+xml").withBody(vector("iti57-response-success.xml"))));
        try (DmpClient dmp = client()) {
            DocumentEntry e = first(dmp);
            dmp.documents().setVisibility(e, Audience.PATIENT, false);
        }
        var sent = requests("registry").stream().filter(r -> r.getBodyAsString().contains("UpdateDocumentSet")).toList();
        assertThat(sent).hasSize(1);
        Document d = envelope(sent.get(0));
        assertThat(xs(d, "/soap:Envelope/soap:Header/wsa:Action")).isEqualTo("urn:ihe:iti:2010:UpdateDocumentSet");
        String list = "/soap:Envelope/soap:Body/lcm:SubmitObjectsRequest/rim:RegistryObjectList";
        assertThat(count(d, list + "/rim:RegistryPackage[@id='SubmissionSet01']")).isEqualTo(1);
        String eo = list + "/rim:ExtrinsicObject";
        assertThat(count(d, eo)).isEqualTo(1);
        assertThat(xs(d, eo + "/@id")).isEqualTo("Document01");
        assertThat(xs(d, eo + "/@lid")).isEqualTo(E1);
        assertThat(count(d, eo + "/@status")).isZero();
        assertThat(count(d, eo + "/rim:VersionInfo")).isZero();
        String conf = eo + "/rim:Classification[@classificationScheme='urn:uuid:f4f85eac-e6cb-4883-b524-f2705394840f']";
        assertThat(count(d, conf)).isEqualTo(3);
        assertThat(count(d, conf + "[@nodeRepresentation='N']")).isEqualTo(1);
        assertThat(count(d, conf + "[@nodeRepresentation='MASQUE_PS']")).isEqualTo(1);
        assertThat(count(d, conf + "[@nodeRepresentation='INVISIBLE_PATIENT']")).isEqualTo(1);
        assertThat(xs(d, eo + "/rim:Slot[@name='hash']/rim:ValueList/rim:Value")).hasSize(40);
        assertThat(xs(d, eo + "/rim:Slot[@name='repositoryUniqueId']/rim:ValueList/rim:Value")).isEqualTo("1.2.250.1.213.4.1.1.1.2");
        assertThat(xs(d, eo + "/rim:ExternalIdentifier[@identificationScheme='urn:uuid:2e82c1f6-a085-4c72-9da3-8640a32e42ab']/@value"))
                .isEqualTo("1.2.250.1.999.42.7.1");
        assertThat(count(d, eo + "/rim:Classification[@classifiedObject!='Document01']")).isZero();
        String hm = list + "/rim:Association[@associationType='urn:oasis:names:tc:ebxml-regrep:AssociationType:HasMember']";
        assertThat(xs(d, hm + "/@targetObject")).isEqualTo("Document01");
        assertThat(xs(d, hm + "/rim:Slot[@name='SubmissionSetStatus']/rim:ValueList/rim:Value")).isEqualTo("Original");
        assertThat(xs(d, hm + "/rim:Slot[@name='PreviousVersion']/rim:ValueList/rim:Value")).isEqualTo("1");
    }

    @Test
    void archiveAndDeleteSendOneStatusAssociation() {
        answer("registry", 200, vector("iti18-response.xml"));
        wm.stubFor(post(urlEqualTo(BASE + "/registry")).withRequestBody(com.github.tomakehurst.wiremock.client.WireMock
                .containing("UpdateDocumentSet")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/soap+xml").withBody(vector("iti57-response-success.xml")
                        .replace("UpdateDocumentSet-Response", "UpdateDocumentSetResponse"))));
        try (DmpClient dmp = client()) {
            DocumentEntry e = first(dmp);
            DocumentEntry archived = dmp.documents().archive(e);
            assertThat(archived.archived()).isTrue();
            DocumentEntry deleted = dmp.documents().delete(archived);
            assertThat(deleted.status()).isEqualTo(DocumentStatus.ENTERED_IN_ERROR);
        }
        var sent = requests("registry").stream().filter(r -> r.getBodyAsString().contains("UpdateDocumentSet")).toList();
        assertThat(sent).hasSize(2);
        String a = "/soap:Envelope/soap:Body/lcm:SubmitObjectsRequest/rim:RegistryObjectList/rim:Association";
        Document archive = envelope(sent.get(0));
        assertThat(count(archive, "//rim:ExtrinsicObject")).isZero();
        assertThat(count(archive, a)).isEqualTo(1);
        assertThat(xs(archive, a + "/@associationType")).isEqualTo("urn:ihe:iti:2010:AssociationType:UpdateAvailabilityStatus");
        assertThat(xs(archive, a + "/@sourceObject")).isEqualTo("SubmissionSet01");
        assertThat(xs(archive, a + "/@targetObject")).isEqualTo(E1);
        assertThat(xs(archive, a + "/@objectType")).isEqualTo("urn:oasis:names:tc:ebxml-regrep:ObjectType:RegistryObject:Association");
        assertThat(xs(archive, a + "/rim:Slot[@name='OriginalStatus']/rim:ValueList/rim:Value"))
                .isEqualTo("urn:oasis:names:tc:ebxml-regrep:StatusType:Approved");
        assertThat(xs(archive, a + "/rim:Slot[@name='NewStatus']/rim:ValueList/rim:Value"))
                .isEqualTo("urn:asip:ci-sis:2010:StatusType:Archived");
        Document delete = envelope(sent.get(1));
        assertThat(xs(delete, a + "/rim:Slot[@name='OriginalStatus']/rim:ValueList/rim:Value"))
                .isEqualTo("urn:asip:ci-sis:2010:StatusType:Archived");
        assertThat(xs(delete, a + "/rim:Slot[@name='NewStatus']/rim:ValueList/rim:Value"))
                .isEqualTo("urn:asip:ci-sis:2010:StatusType:Deleted");
    }

    @Test
    void staleVersionIsAConflict() {
        answer("registry", 200, vector("iti18-response.xml"));
        wm.stubFor(post(urlEqualTo(BASE + "/registry")).withRequestBody(com.github.tomakehurst.wiremock.client.WireMock
                .containing("UpdateDocumentSet")).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/soap+xml").withBody(vector("registry-failure.xml")
                        .replace("urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-bResponse", "urn:ihe:iti:2010:UpdateDocumentSet-Response")
                        .replace("ERROR_CODE", "XDSMetadataVersionError"))));
        try (DmpClient dmp = client()) {
            DocumentEntry e = first(dmp);
            assertThatThrownBy(() -> dmp.documents().mask(dmp.documents().unmask(e)))
                    .isInstanceOf(fr.opendmp.core.error.ConflictException.class);
        }
    }
}
