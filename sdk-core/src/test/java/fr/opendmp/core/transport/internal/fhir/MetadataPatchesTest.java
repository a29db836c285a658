package fr.opendmp.core.transport.internal.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.opendmp.core.document.Visibility;
import org.junit.jupiter.api.Test;

class MetadataPatchesTest {

    private static JsonNode dr(String labels, String extensions) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"resourceType\":\"DocumentReference\",\"securityLabel\":" + labels
                + (extensions == null ? "" : ",\"extension\":" + extensions) + "}");
    }

    private static final String R = "[{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/v3-Confidentiality\",\"code\":\"R\"}]}]";

    @Test
    void maskingADocumentWithLevelRAddsTheFlagAndKeepsTheLevel() throws Exception {
        JsonNode patch = MetadataPatches.visibility(dr(R, null), Visibility.MASQUE_PS, true);
        assertThat(patch.toString()).isEqualTo("[{\"op\":\"add\",\"path\":\"/securityLabel/-\",\"value\":{\"coding\":"
                + "[{\"system\":\"https://mos.esante.gouv.fr/NOS/TRE_A07-StatutVisibiliteDocument/FHIR/"
                + "TRE-A07-StatutVisibiliteDocument\",\"code\":\"MASQUE_PS\"}]}}]");
    }

    @Test
    void unmaskingRemovesTheFlagByItsActualIndexWithATestGuard() throws Exception {
        String labels = "[{\"coding\":[{\"system\":\"https://mos.esante.gouv.fr/NOS/TRE_A07-StatutVisibiliteDocument/FHIR/"
                + "TRE-A07-StatutVisibiliteDocument\",\"code\":\"INVISIBLE_PATIENT\"}]},"
                + R.substring(1, R.length() - 1) + ",{\"coding\":[{\"system\":\"urn:oid:1.2.250.1.213.1.1.4.13\","
                + "\"code\":\"MASQUE_PS\"}]}]";
        JsonNode patch = MetadataPatches.visibility(dr(labels, null), Visibility.MASQUE_PS, false);
        assertThat(patch.get(0).path("op").asText()).isEqualTo("test");
        assertThat(patch.get(1).toString()).isEqualTo("{\"op\":\"remove\",\"path\":\"/securityLabel/2\"}");
    }

    @Test
    void maskingAnAlreadyMaskedDocumentSendsNothing() throws Exception {
        String labels = "[{\"coding\":[{\"system\":\"urn:oid:1.2.250.1.213.1.1.4.13\",\"code\":\"MASQUE_PS\"}]}]";
        assertThat(MetadataPatches.visibility(dr(labels, null), Visibility.MASQUE_PS, true)).isEmpty();
    }

    @Test
    void archivePatchUsesTheIndexOfTheExistingExtensionOrAddsIt() throws Exception {
        String ext = "[{\"url\":\"x\"},{\"url\":\"" + DocumentReferenceReader.IS_ARCHIVED + "\",\"valueBoolean\":false}]";
        assertThat(MetadataPatches.archived(dr(R, ext), true).toString())
                .isEqualTo("[{\"op\":\"replace\",\"path\":\"/extension/1/valueBoolean\",\"value\":true}]");
        assertThat(MetadataPatches.archived(dr(R, null), true).get(0).path("path").asText()).isEqualTo("/extension");
        assertThat(MetadataPatches.archived(dr(R, "[]"), true).get(0).path("path").asText()).isEqualTo("/extension/-");
    }
}
