package fr.opendmp.bench.xds;

import java.nio.charset.StandardCharsets;

/** Builds an ITI-18 (FindDocuments, LeafClass) SOAP answer of n entries, shaped as the DMP's. */
public final class Iti18Answers {

    private Iti18Answers() {
    }

    private static String slot(String name, String value) {
        return "<rim:Slot name=\"" + name + "\"><rim:ValueList><rim:Value>" + value + "</rim:Value></rim:ValueList></rim:Slot>";
    }

    private static String cl(String scheme, String obj, String id, String code, String cs, String display) {
        return "<rim:Classification classificationScheme=\"urn:uuid:" + scheme + "\" classifiedObject=\"" + obj
                + "\" id=\"" + id + "\" nodeRepresentation=\"" + code + "\">" + slot("codingScheme", cs)
                + "<rim:Name><rim:LocalizedString charset=\"UTF8\" xml:lang=\"FR\" value=\"" + display
                + "\"/></rim:Name></rim:Classification>";
    }

    /** @return the answer's bytes */
    public static byte[] of(int n) {
        StringBuilder b = new StringBuilder(n * 6000);
        b.append("<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:wsa=\"http://www.w3.org/2005/08/addressing\">"
                + "<soap:Header><wsa:Action>urn:ihe:iti:2007:RegistryStoredQueryResponse</wsa:Action></soap:Header><soap:Body>"
                + "<query:AdhocQueryResponse xmlns:query=\"urn:oasis:names:tc:ebxml-regrep:xsd:query:3.0\" "
                + "xmlns:rim=\"urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0\" status=\"urn:oasis:names:tc:ebxml-regrep:"
                + "ResponseStatusType:Success\" totalResultCount=\"" + n + "\"><rim:RegistryObjectList>");
        for (int i = 0; i < n; i++) {
            String id = String.format("urn:uuid:0a1b2c3d-%04x-4000-8000-%012d", i & 0xffff, i);
            b.append("<rim:ExtrinsicObject id=\"").append(id).append("\" lid=\"").append(id)
                    .append("\" status=\"urn:oasis:names:tc:ebxml-regrep:StatusType:Approved\" mimeType=\"text/xml\" "
                            + "objectType=\"urn:uuid:7edca82f-054d-47f2-a032-9b2a5b5186c1\">");
            b.append(slot("creationTime", "20260612080000")).append(slot("hash", "2fd4e1c67a2d28fced849ee1bb76e7391b93eb12"))
                    .append(slot("languageCode", "fr-FR"))
                    .append(slot("legalAuthenticator", "810001234567^MEDECIN^JEAN^^^^^^&amp;1.2.250.1.71.4.2.1&amp;ISO^D^^^IDNPS"))
                    .append(slot("repositoryUniqueId", "1.2.250.1.213.4.1.1.1.2"))
                    .append(slot("serviceStartTime", "20260612080000")).append(slot("serviceStopTime", "20260612083000"))
                    .append(slot("size", Integer.toString(1000 + i)))
                    .append(slot("sourcePatientId", "279119913400976^^^&amp;1.2.250.1.213.1.4.8&amp;ISO^NH"));
            b.append("<rim:Name><rim:LocalizedString charset=\"UTF8\" xml:lang=\"FR\" value=\"Document ").append(i)
                    .append("\"/></rim:Name><rim:VersionInfo versionName=\"1\"/>");
            b.append("<rim:Classification classificationScheme=\"urn:uuid:93606bcf-9494-43ec-9b4e-a7748d1a838d\" "
                    + "classifiedObject=\"").append(id).append("\" id=\"a").append(i).append("\" nodeRepresentation=\"\">")
                    .append(slot("authorPerson", "810001234567^MEDECIN^JEAN^^^^^^&amp;1.2.250.1.71.4.2.1&amp;ISO^D^^^IDNPS"))
                    .append(slot("authorInstitution", "CABINET^^^^^&amp;1.2.250.1.71.4.2.2&amp;ISO^IDNST^^^10B0000001"))
                    .append(slot("authorSpecialty", "G15_10/SM26^Médecine générale^1.2.250.1.213.1.1.4.5"))
                    .append("</rim:Classification>");
            b.append(cl("41a5887f-8865-4c09-adf7-e362475b143a", id, "c" + i, "10", "1.2.250.1.213.1.1.4.1", "Compte rendu"));
            b.append(cl("f4f85eac-e6cb-4883-b524-f2705394840f", id, "n" + i, "N", "2.16.840.1.113883.5.25", "Normal"));
            b.append(cl("a09d5840-386c-46f2-b5ad-9c3699a4309d", id, "f" + i, "urn:ihe:pcc:xds-ms:2007", "1.3.6.1.4.1.19376.1.2.3", "CR"));
            b.append(cl("f33fb8ac-18af-42cc-ae0e-ed0b0bdb91e1", id, "h" + i, "SA07", "1.2.250.1.71.4.2.4", "Cabinet"));
            b.append(cl("cccf5598-8b07-4b77-a05e-ae952c785ead", id, "p" + i, "AMBULATOIRE", "1.2.250.1.213.1.1.4.9", "Ambulatoire"));
            b.append(cl("f0306f51-975f-434e-a61c-c59651d33983", id, "t" + i, "11488-4", "2.16.840.1.113883.6.1", "CR de consultation"));
            b.append("<rim:ExternalIdentifier id=\"p").append(i).append("\" identificationScheme=\"urn:uuid:58a6f841-87b3-4a3e-92fd-a8ffeff98427\" "
                    + "registryObject=\"").append(id).append("\" value=\"279119913400976^^^&amp;1.2.250.1.213.1.4.8&amp;ISO^NH\"/>");
            b.append("<rim:ExternalIdentifier id=\"u").append(i).append("\" identificationScheme=\"urn:uuid:2e82c1f6-a085-4c72-9da3-8640a32e42ab\" "
                    + "registryObject=\"").append(id).append("\" value=\"1.2.250.1.999.42.7.").append(i).append("\"/>");
            b.append("</rim:ExtrinsicObject>");
        }
        b.append("</rim:RegistryObjectList></query:AdhocQueryResponse></soap:Body></soap:Envelope>");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }
}
