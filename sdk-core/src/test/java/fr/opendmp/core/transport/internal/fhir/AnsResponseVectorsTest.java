package fr.opendmp.core.transport.internal.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.opendmp.core.code.CodeSystems;
import fr.opendmp.core.document.Confidentiality;
import fr.opendmp.core.document.DocumentEntry;
import fr.opendmp.core.document.DocumentStatus;
import java.io.InputStream;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class AnsResponseVectorsTest {

    static byte[] vector(String name) throws Exception {
        try (InputStream in = AnsResponseVectorsTest.class.getResourceAsStream("/vectors/pdsm4dmp/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void annexSearchsetParsesIntoTwoEntriesWithEveryFieldAUserNeeds() throws Exception {
        SearchsetReader.Page page = SearchsetReader.read(vector("Bundle-example-annexe-searchset-documentreferences.json"));

        assertThat(page.total()).contains(2);
        assertThat(page.next()).isEmpty();
        assertThat(page.entries()).hasSize(2);
        DocumentEntry cda = page.entries().get(0);
        assertThat(cda.id().entryUuid()).isEqualTo("example-annexe-docref-cda");
        assertThat(cda.uniqueId()).isEqualTo("urn:oid:1.2.250.1.213.1.4.8.99999.201");
        assertThat(cda.status()).isEqualTo(DocumentStatus.CURRENT);
        assertThat(cda.type().code()).isEqualTo("11488-4");
        assertThat(cda.type().system()).isEqualTo(CodeSystems.LOINC);
        assertThat(cda.title()).isEqualTo("Compte rendu de consultation (CDA)");
        assertThat(cda.metadata().classCode().code()).isEqualTo("11");
        assertThat(cda.metadata().format().code()).isEqualTo("urn:ihe:iti:xds:2017:mimeTypeSufficient");
        assertThat(cda.metadata().facilityType().code()).isEqualTo("35971002");
        assertThat(cda.metadata().practiceSetting().code()).isEqualTo("394802001");
        assertThat(cda.metadata().contentType()).isEqualTo("application/xml");
        assertThat(cda.metadata().language()).isEqualTo("fr-FR");
        assertThat(cda.metadata().creationTime()).isEqualTo(OffsetDateTime.parse("2024-11-20T10:30:00+01:00"));
        assertThat(cda.metadata().serviceStart()).isEqualTo(OffsetDateTime.parse("2024-11-20T09:00:00+01:00"));
        assertThat(cda.metadata().serviceEnd()).contains(OffsetDateTime.parse("2024-11-20T10:00:00+01:00"));
        assertThat(cda.metadata().authors()).singleElement().extracting(a -> a.professional().idNat()).isEqualTo("899700218896");
        assertThat(cda.metadata().legalAuthenticator()).isPresent();
        assertThat(cda.metadata().confidentiality()).isEqualTo(Confidentiality.NORMAL);
        assertThat(cda.metadata().visibility()).isEmpty();
        assertThat(cda.archived()).isFalse();
        assertThat(cda.url()).isEqualTo("Binary/example-annexe-binary-cda");
        assertThat(cda.size()).contains(128L);
        assertThat(cda.hash()).contains("A/hMRrv6Y15BjSM8kMLidrz+mHc=");
        assertThat(cda.patient()).as("placeholder INS has an invalid key").isEmpty();

        DocumentEntry fhir = page.entries().get(1);
        assertThat(fhir.url()).isEqualTo("Bundle/example-annexe-fhir-document");
        assertThat(fhir.metadata().contentType()).isEqualTo("application/fhir+json");
        assertThat(fhir.metadata().serviceEnd()).isEmpty();
        assertThat(fhir.type().code()).isEqualTo("60591-5");
    }

    @Test
    void storedDocumentXParsesAsSupersededWithItsUniqueIdAndAuthor() throws Exception {
        JsonNode node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(vector("DocumentReference-doc-x-id.json"));

        DocumentEntry x = DocumentReferenceReader.read(node);

        assertThat(x.id().entryUuid()).isEqualTo("doc-x-id");
        assertThat(x.uniqueId()).isEqualTo("urn:oid:1.2.250.1.213.1.4.8.99999.0");
        assertThat(x.status()).isEqualTo(DocumentStatus.SUPERSEDED);
        assertThat(x.title()).isEqualTo("Compte rendu de consultation (v1)");
        assertThat(x.size()).contains(80L);
        assertThat(x.hash()).contains("A/hMRrv6Y15BjSM8kMLidrz+mHc=");
        assertThat(x.metadata().authors().get(0).professional().idNat()).isEqualTo("899700218896");
    }

    @Test
    void fhirDocumentBundleIsAJsonDocumentWhoseIdentifierIsTheUniqueIdOfItsEntry() throws Exception {
        JsonNode doc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(vector("Bundle-example-annexe-fhir-document.json"));
        SearchsetReader.Page page = SearchsetReader.read(vector("Bundle-example-annexe-searchset-documentreferences.json"));

        assertThat(doc.path("type").asText()).isEqualTo("document");
        assertThat(page.entries().get(1).uniqueId()).isEqualTo(doc.path("identifier").path("value").asText());
        assertThat(page.entries().get(1).url()).endsWith(doc.path("id").asText());
    }

    @Test
    void stubCdaHashMatchesTheAnsValue() {
        byte[] stub = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ClinicalDocument xmlns=\"urn:hl7-org:v3\"/>"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(stub).hasSize(80);
        assertThat(fr.opendmp.core.document.ContentHash.sha1Base64(stub)).isEqualTo("A/hMRrv6Y15BjSM8kMLidrz+mHc=");
    }

    @Test
    void searchsetWithOutcomeEntryAndNextLinkKeepsWarningsAndTheLinkAndSkipsUnknownElements() throws Exception {
        String json = """
            {"resourceType":"Bundle","type":"searchset","unknown":{"deep":[1,2,{"x":3}]},
             "link":[{"relation":"self","url":"a"},{"relation":"next","url":"DocumentReference?page=2"}],
             "entry":[{"resource":{"resourceType":"OperationOutcome","issue":[{"severity":"warning","code":"informational",
               "diagnostics":"custodian absent"}]},"search":{"mode":"outcome"}}]}""";
        SearchsetReader.Page page = SearchsetReader.read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(page.entries()).isEmpty();
        assertThat(page.next()).contains("DocumentReference?page=2");
        assertThat(page.warnings()).singleElement().satisfies(i -> assertThat(i.severity()).isEqualTo("warning"));
    }

    @Test
    void streamedSearchsetEqualsTheTreeReadingOfEachEntryEvenWithUnknownElementsAndResourceTypeLast() throws Exception {
        byte[] body = vector("Bundle-example-annexe-searchset-documentreferences.json");
        JsonNode tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
        java.util.List<DocumentEntry> byTree = new java.util.ArrayList<>();
        for (JsonNode e : tree.path("entry")) {
            byTree.add(DocumentReferenceReader.read(e.path("resource")));
        }
        assertThat(SearchsetReader.read(body).entries()).isEqualTo(byTree);

        com.fasterxml.jackson.databind.node.ObjectNode shuffled = (com.fasterxml.jackson.databind.node.ObjectNode)
                tree.path("entry").path(0).path("resource").deepCopy();
        shuffled.remove("resourceType");
        shuffled.putObject("text").put("status", "generated").put("div", "<div>x</div>");
        shuffled.putArray("unknownThing").addObject().putArray("deep").addArray().add(1);
        shuffled.put("resourceType", "DocumentReference");
        String bundle = "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[{\"search\":{\"mode\":\"match\"},"
                + "\"resource\":" + shuffled + "}]}";
        assertThat(SearchsetReader.read(bundle.getBytes(java.nio.charset.StandardCharsets.UTF_8)).entries())
                .containsExactly(byTree.get(0));
    }

    @Test
    void aTruncatedSearchsetIsAnIoErrorNotAShortPage() throws Exception {
        byte[] body = vector("Bundle-example-annexe-searchset-documentreferences.json");
        for (int cut : new int[] {body.length / 3, body.length / 2, body.length - 3}) {
            byte[] truncated = java.util.Arrays.copyOf(body, cut);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> SearchsetReader.read(truncated))
                    .isInstanceOf(java.io.IOException.class);
        }
    }
}
