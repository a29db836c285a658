package fr.opendmp.testkit.dmp.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The CI-SIS value sets (sdk-core resource {@code value-sets.json}) and the system normalisation
 * {@code urn:oid:<oid>} / canonical URL → OID.
 */
public final class ValueSets {
    /** Type codes (J07). */
    public static final String TYPE = "JDV_J07-XdsTypeCode-CISIS";
    /** Class codes of the DMP (J57). */
    public static final String CLASS = "JDV_J57-ClassCode-DMP";
    /** Format codes (J10). */
    public static final String FORMAT = "JDV_J10-XdsFormatCode-CISIS";
    /** Facility types (J02). */
    public static final String FACILITY = "JDV_J02-XdsHealthcareFacilityTypeCode-CISIS";
    /** Practice settings (J04). */
    public static final String SETTING = "JDV_J04-XdsPracticeSettingCode-CISIS";
    /** Confidentiality of the DMP (J58). */
    public static final String CONFIDENTIALITY = "JDV_J58-ConfidentialityCode-DMP";
    /** v3 confidentiality OID. */
    public static final String V3_CONFIDENTIALITY = "2.16.840.1.113883.5.25";
    /** TRE_A07 visibility OID. */
    public static final String VISIBILITY = "1.2.250.1.213.1.1.4.13";

    private static final ValueSets INSTANCE = load();

    private final Map<String, Set<String>> codesBySet;
    private final Map<String, String> oidBySystemUri;

    private ValueSets(Map<String, Set<String>> codesBySet, Map<String, String> oidBySystemUri) {
        this.codesBySet = codesBySet;
        this.oidBySystemUri = oidBySystemUri;
    }

    /** @return the shared instance */
    public static ValueSets get() {
        return INSTANCE;
    }

    private static ValueSets load() {
        try (InputStream in = ValueSets.class.getResourceAsStream("/fr/opendmp/core/document/value-sets.json")) {
            if (in == null) {
                throw new IllegalStateException("value-sets.json not on the classpath (sdk-core)");
            }
            JsonNode root = Json.MAPPER.readTree(in);
            Map<String, Set<String>> sets = new HashMap<>();
            Map<String, String> uris = new HashMap<>();
            for (Map.Entry<String, JsonNode> e : root.properties()) {
                Set<String> codes = new HashSet<>();
                for (JsonNode c : e.getValue().path("concepts")) {
                    String oid = c.path("system").asText().split(" ")[0];
                    codes.add(oid + "|" + c.path("code").asText());
                    if (c.hasNonNull("systemUri")) {
                        uris.put(c.path("systemUri").asText(), oid);
                    }
                }
                sets.put(e.getKey(), Set.copyOf(codes));
            }
            uris.put("http://loinc.org", "2.16.840.1.113883.6.1");
            uris.put("http://terminology.hl7.org/CodeSystem/v3-Confidentiality", V3_CONFIDENTIALITY);
            uris.put("https://mos.esante.gouv.fr/NOS/TRE_A07-StatusVisibiliteDocument/FHIR/TRE-A07-StatusVisibiliteDocument",
                    VISIBILITY);
            uris.put("https://mos.esante.gouv.fr/NOS/TRE_A07-StatutVisibiliteDocument/FHIR/TRE-A07-StatutVisibiliteDocument",
                    VISIBILITY);
            uris.put("http://ihe.net/fhir/ihe.formatcode.fhir/CodeSystem/formatcode", "1.3.6.1.4.1.19376.1.2.3");
            uris.put("http://snomed.info/sct", "2.16.840.1.113883.6.96");
            return new ValueSets(Map.copyOf(sets), Map.copyOf(uris));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the OID of a FHIR system ({@code urn:oid:X} → X, known canonical URL → its OID), else the system */
    public String normalize(String system) {
        if (system == null) {
            return "";
        }
        if (system.startsWith("urn:oid:")) {
            return system.substring("urn:oid:".length());
        }
        return oidBySystemUri.getOrDefault(system, system);
    }

    /** @return whether the coding (any accepted system spelling) belongs to the named set */
    public boolean contains(String set, String system, String code) {
        Set<String> codes = codesBySet.get(set);
        return codes != null && codes.contains(normalize(system) + "|" + code);
    }
}
