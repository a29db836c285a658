package fr.opendmp.core.transport.internal.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.opendmp.core.code.CodeSystems;
import fr.opendmp.core.document.Visibility;

/**
 * Builds the RFC 6902 JSON Patches of TD3.3 on the resource as it is now (TD3.3 of the PDSM4DMP implementation guide): a
 * visibility flag is added at {@code /securityLabel/-} and removed by its index, so the
 * confidentiality level is never lost; the isArchived extension is patched by its index (the
 * guide's {@code [url:'…']} path is not a JSON Pointer). Not API.
 */
public final class MetadataPatches {

    private MetadataPatches() {
    }

    /** @return the patch setting or lifting a visibility flag; empty array when nothing changes */
    public static ArrayNode visibility(JsonNode current, Visibility flag, boolean set) {
        ArrayNode patch = JsonNodeFactory.instance.arrayNode();
        JsonNode labels = current.path("securityLabel");
        int index = indexOf(labels, flag);
        if (set && index < 0) {
            ObjectNode label = FhirJson.object();
            label.putArray("coding").addObject().put("system", CodeSystems.TRE_A07).put("code", flag.name());
            if (labels.isArray()) {
                patch.addObject().put("op", "add").put("path", "/securityLabel/-").set("value", label);
            } else {
                ArrayNode all = JsonNodeFactory.instance.arrayNode().add(label);
                patch.addObject().put("op", "add").put("path", "/securityLabel").set("value", all);
            }
        } else if (!set && index >= 0) {
            patch.addObject().put("op", "test").put("path", "/securityLabel/" + index + "/coding/0/code")
                    .put("value", flag.name());
            patch.addObject().put("op", "remove").put("path", "/securityLabel/" + index);
        }
        return patch;
    }

    /** @return the patch setting the isArchived extension */
    public static ArrayNode archived(JsonNode current, boolean archived) {
        ArrayNode patch = JsonNodeFactory.instance.arrayNode();
        JsonNode extensions = current.path("extension");
        for (int i = 0; i < extensions.size(); i++) {
            if (DocumentReferenceReader.IS_ARCHIVED.equals(extensions.get(i).path("url").asText())) {
                patch.addObject().put("op", "replace").put("path", "/extension/" + i + "/valueBoolean")
                        .put("value", archived);
                return patch;
            }
        }
        ObjectNode ext = FhirJson.object().put("url", DocumentReferenceReader.IS_ARCHIVED).put("valueBoolean", archived);
        if (extensions.isArray()) {
            patch.addObject().put("op", "add").put("path", "/extension/-").set("value", ext);
        } else {
            patch.addObject().put("op", "add").put("path", "/extension")
                    .set("value", JsonNodeFactory.instance.arrayNode().add(ext));
        }
        return patch;
    }

    /** @return the patch of a logical delete (TD3.3c) with the configured status value */
    public static ArrayNode status(String wireStatus) {
        ArrayNode patch = JsonNodeFactory.instance.arrayNode();
        patch.addObject().put("op", "replace").put("path", "/status").put("value", wireStatus);
        return patch;
    }

    private static int indexOf(JsonNode labels, Visibility flag) {
        for (int i = 0; i < labels.size(); i++) {
            for (JsonNode coding : labels.get(i).path("coding")) {
                if (flag.name().equals(coding.path("code").asText())
                        && CodeSystems.sameSystem(coding.path("system").asText(), CodeSystems.TRE_A07)) {
                    return i;
                }
            }
        }
        return -1;
    }
}
