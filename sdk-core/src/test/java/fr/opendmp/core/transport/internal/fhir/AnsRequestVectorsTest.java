package fr.opendmp.core.transport.internal.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.opendmp.core.document.Author;
import fr.opendmp.core.code.Code;
import fr.opendmp.core.code.CodeSystems;
import fr.opendmp.core.document.DocumentContent;
import fr.opendmp.core.document.DocumentMetadata;
import fr.opendmp.core.document.ValueSetCheck;
import fr.opendmp.core.client.TestIdentities;
import fr.opendmp.core.ins.Ins;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The requests the client builds for the documents of the ANS examples carry the same elements
 * (compared as JSON trees on the elements that matter; ids, fullUrls and extra elements aside).
 */
class AnsRequestVectorsTest {

    static final Ins INS = Ins.nir("279119913400976");
    static final byte[] STUB = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ClinicalDocument xmlns=\"urn:hl7-org:v3\"/>"
            .getBytes(StandardCharsets.UTF_8);
    static final String[] DOC_POINTERS = {"/masterIdentifier", "/status", "/type", "/category", "/subject", "/date",
        "/securityLabel", "/content/0/attachment/contentType", "/content/0/attachment/language",
        "/content/0/attachment/size", "/content/0/attachment/hash", "/content/0/attachment/title",
        "/content/0/attachment/creation", "/content/0/format", "/context/period", "/context/facilityType",
        "/context/practiceSetting", "/meta/profile"};

    static JsonNode ans(String name) throws Exception {
        String text = new String(AnsResponseVectorsTest.vector(name), StandardCharsets.UTF_8)
                .replace("123456789012345", INS.value());
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
    }

    static DocumentContent consultNote(String uniqueId, String title, String when) {
        OffsetDateTime t = OffsetDateTime.parse(when);
        DocumentMetadata m = DocumentMetadata.builder().valueSetCheck(ValueSetCheck.LENIENT)
                .uniqueId(uniqueId)
                .type(Code.of(CodeSystems.LOINC, "11488-4", "Consult note"))
                .classCode(Code.of(CodeSystems.TRE_A03, "11", "Synthèse"))
                .format(Code.of(CodeSystems.IHE_FORMAT, "urn:ihe:iti:xds:2017:mimeTypeSufficient", "mimeType Sufficient"))
                .facilityType(Code.of("http://snomed.info/sct", "22232009", "Hospital"))
                .practiceSetting(Code.of("http://snomed.info/sct", "394802001", "General medicine"))
                .title(title).contentType("application/xml")
                .creationTime(t).serviceStart(t)
                .author(Author.of("899700218896"))
                .build();
        return new DocumentContent(m, STUB);
    }

    static void assertSameDocumentReference(JsonNode ours, JsonNode theirs) {
        for (String p : DOC_POINTERS) {
            assertThat(normalised(ours.at(p))).as(p).isEqualTo(normalised(theirs.at(p)));
        }
        assertThat(identifierOf(ours, ours.at("/author/0/reference").asText()))
                .isEqualTo(identifierOf(theirs, theirs.at("/author/0/reference").asText()));
        assertThat(identifierOf(ours, ours.at("/authenticator/reference").asText()))
                .isEqualTo(identifierOf(theirs, theirs.at("/authenticator/reference").asText()));
        assertThat(identifierOf(ours, ours.at("/context/sourcePatientInfo/reference").asText()))
                .isEqualTo(identifierOf(theirs, theirs.at("/context/sourcePatientInfo/reference").asText()));
    }

    /** The display of a code is informative; the ANS "(v1)" displays are not checked. */
    static JsonNode normalised(JsonNode n) {
        return n;
    }

    static JsonNode identifierOf(JsonNode resource, String localRef) {
        for (JsonNode c : resource.path("contained")) {
            if (("#" + c.path("id").asText()).equals(localRef)) {
                JsonNode id = c.path("identifier").path(0);
                return id.isMissingNode() ? c.path("practitioner") : id;
            }
        }
        throw new AssertionError("no contained resource " + localRef);
    }

    @Test
    void iti65DepositCarriesTheElementsOfTheAnsSubmissionBundle() throws Exception {
        JsonNode theirs = ans("Bundle-example-td2-iti65-lot-soumission.json");
        DocumentContent doc = consultNote("urn:oid:1.2.250.1.213.1.4.8.99999.2", "Compte rendu de consultation",
                "2026-06-12T10:00:00+02:00");
        fr.opendmp.core.document.Deposit deposit = depositOf(doc);
        JsonNode ours = wire(TransactionBundleWriter.write(deposit, INS, new TransactionBundleWriter.Context("1.2.3.4.5.6.7.8",
                "urn:uuid:7c5ee6a4-0b53-4c4a-8a8b-9d1c2b3a4f50", OffsetDateTime.parse("2026-06-12T10:00:00+02:00"),
                Optional.empty(), DocumentReferenceWriter.Options.plain())));

        assertBundleShape(ours, theirs);
        assertSameDocumentReference(ours.at("/entry/1/resource"), theirs.at("/entry/1/resource"));
        assertThat(ours.at("/entry/2/resource/data")).isEqualTo(theirs.at("/entry/2/resource/data"));
        assertThat(ours.at("/entry/2/resource/contentType")).isEqualTo(theirs.at("/entry/2/resource/contentType"));
        assertThat(ours.at("/entry/0/resource/identifier/0/value").asText()).startsWith("urn:uuid:");
    }

    @Test
    void replacementCarriesRelatesToAndTheSupersedePatchOfTheAnsExample() throws Exception {
        JsonNode theirs = ans("Bundle-example-td2-1-remplacement.json");
        DocumentContent doc = consultNote("urn:oid:1.2.250.1.213.1.4.8.99999.3", "Compte rendu de consultation (v2)",
                "2026-06-12T11:00:00+02:00");
        JsonNode ours = wire(TransactionBundleWriter.write(depositOf(doc), INS, new TransactionBundleWriter.Context(
                "1.2.3.4.5.6.7.8", "urn:uuid:7c5ee6a4-0b53-4c4a-8a8b-9d1c2b3a4f51",
                OffsetDateTime.parse("2026-06-12T11:00:00+02:00"), Optional.of("doc-x-id"),
                DocumentReferenceWriter.Options.plain())));

        assertBundleShape(ours, theirs);
        assertSameDocumentReference(ours.at("/entry/1/resource"), theirs.at("/entry/1/resource"));
        assertThat(ours.at("/entry/1/resource/relatesTo")).isEqualTo(theirs.at("/entry/1/resource/relatesTo"));
        assertThat(ours.at("/entry/2/request")).isEqualTo(theirs.at("/entry/2/request"));
        assertThat(ours.at("/entry/2/resource/parameter")).isEqualTo(theirs.at("/entry/2/resource/parameter"));
    }

    @Test
    void iti105DepositCarriesTheElementsOfTheAnsSimplifiedPublish() throws Exception {
        JsonNode theirs = ans("DocumentReference-example-td2-iti105-publication-simplifiee.json");
        DocumentContent doc = consultNote("urn:oid:1.2.250.1.213.1.4.8.99999.1", "Compte rendu de consultation",
                "2026-06-12T10:00:00+02:00");
        JsonNode ours = wire(DocumentReferenceWriter.write(doc, INS, Optional.empty(), Optional.empty(),
                DocumentReferenceWriter.Options.plain()));

        for (String p : List.of("/meta/profile", "/masterIdentifier", "/status", "/type", "/subject", "/date",
                "/content/0/attachment/contentType", "/content/0/attachment/data", "/content/0/attachment/title")) {
            assertThat(ours.at(p)).as(p).isEqualTo(theirs.at(p));
        }
        assertThat(identifierOf(ours, ours.at("/author/0/reference").asText()))
                .isEqualTo(identifierOf(theirs, theirs.at("/author/0/reference").asText()));
        assertThat(ours.at("/content/0/attachment/url").isMissingNode()).isTrue();
    }

    /** @return the JSON as sent on the wire (the document bytes are base64-encoded while written) */
    private static JsonNode wire(JsonNode written) throws java.io.IOException {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(FhirJson.bytes(written));
    }

    private static void assertBundleShape(JsonNode ours, JsonNode theirs) {
        assertThat(ours.at("/meta")).isEqualTo(theirs.at("/meta"));
        assertThat(ours.at("/type")).isEqualTo(theirs.at("/type"));
        assertThat(ours.path("entry").size()).isEqualTo(theirs.path("entry").size());
        for (int i = 0; i < theirs.path("entry").size(); i++) {
            assertThat(ours.at("/entry/" + i + "/resource/resourceType"))
                    .isEqualTo(theirs.at("/entry/" + i + "/resource/resourceType"));
            assertThat(ours.at("/entry/" + i + "/request/method")).isEqualTo(theirs.at("/entry/" + i + "/request/method"));
            assertThat(ours.at("/entry/" + i + "/fullUrl").asText()).startsWith("urn:uuid:");
        }
        JsonNode list = ours.at("/entry/0/resource");
        JsonNode ansList = theirs.at("/entry/0/resource");
        for (String p : List.of("/meta", "/extension", "/status", "/mode", "/code", "/subject", "/date")) {
            assertThat(list.at(p)).as("SubmissionSet " + p).isEqualTo(ansList.at(p));
        }
        assertThat(identifierOf(list, list.at("/source/reference").asText()))
                .isEqualTo(identifierOf(ansList, ansList.at("/source/reference").asText()));
        assertThat(list.at("/entry/0/item/reference")).isEqualTo(ours.at("/entry/1/fullUrl"));
        String binaryUrl = ours.at("/entry/1/resource/content/0/attachment/url").asText();
        assertThat(binaryUrl).isEqualTo(ours.at("/entry/" + (ours.path("entry").size() - 1) + "/fullUrl").asText());
    }

    static fr.opendmp.core.document.Deposit depositOf(DocumentContent doc) {
        return fr.opendmp.core.document.Deposit.builder().patient(TestIdentities.qualified(INS)).document(doc).build();
    }
}
