package fr.opendmp.xds;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import fr.opendmp.core.client.DmpClient;
import fr.opendmp.core.document.Deposit;
import fr.opendmp.core.document.DepositReceipt;
import fr.opendmp.core.document.DocumentId;
import fr.opendmp.core.error.ConflictException;
import fr.opendmp.core.error.InvalidInputException;
import fr.opendmp.core.error.InvalidRequestException;
import fr.opendmp.xds.internal.Mtom;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** TD2.1 / TD2.1b (ITI-41): MTOM layout, every metadata element, the XAdES signature, idempotency. */
class DepositTest extends XdsTestSupport {

    static final String UID = "1.2.250.1.999.42.7.1";
    static final String ENTRY = "urn:uuid:0a1b2c3d-0001-4000-8000-000000000001";

    static String lookupAnswer(String entryUuid, String uniqueId) {
        String entry = vector("iti18-entry-template.txt").replace("ENTRYID", entryUuid).replace("UNIQUEID", uniqueId);
        return vector("iti18-response.xml").replaceAll("(?s)<rim:RegistryObjectList>.*</rim:RegistryObjectList>",
                java.util.regex.Matcher.quoteReplacement("<rim:RegistryObjectList>" + entry
                        + "</rim:RegistryObjectList>"));
    }

    Deposit deposit(String... uniqueIds) {
        Deposit.Builder b = Deposit.builder().patient(patient());
        for (String u : uniqueIds) {
            b.document(metadata(u), CDA);
        }
        return b.build();
    }

    Mtom.Answer mtom(LoggedRequest r) throws Exception {
        return Mtom.read(r.getHeader("Content-Type"), r.getBody(), 10_000_000);
    }

    @Test
    void mtomLayoutAndEveryMetadataElement() throws Exception {
        answer("repository", 200, vector("iti41-response-success.xml"));
        answer("registry", 200, lookupAnswer(ENTRY, UID));
        DepositReceipt receipt;
        try (DmpClient dmp = client()) {
            receipt = dmp.documents().deposit(deposit(UID, "1.2.250.1.999.42.7.2"));
        }
        assertThat(receipt.documents().get(0)).isEqualTo(new DocumentId(ENTRY, "urn:oid:" + UID));
        LoggedRequest r = requests("repository").get(0);
        String ct = r.getHeader("Content-Type");
        assertThat(ct).startsWith("multipart/related;").contains("type=\"application/xop+xml\"")
                .contains("start-info=\"application/soap+xml\"")
                .contains("action=\"urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-b\"").contains("boundary=");
        String start = Mtom.parameter(ct, "start").orElseThrow();
        String raw = new String(r.getBody(), StandardCharsets.ISO_8859_1);
        assertThat(raw).contains("Content-Type: application/xop+xml; charset=UTF-8; type=\"application/soap+xml\"")
                .contains("Content-ID: " + start).contains("Content-Transfer-Encoding: binary");
        Mtom.Answer parts = mtom(r);
        Document d = parse(parts.root());
        assertThat(xs(d, "/soap:Envelope/soap:Header/wsa:Action"))
                .isEqualTo("urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-b");
        String req = "/soap:Envelope/soap:Body/xds:ProvideAndRegisterDocumentSetRequest";
        String list = req + "/lcm:SubmitObjectsRequest/rim:RegistryObjectList";
        // one part per xds:Document, in order, the exact bytes, binary
        NodeList docs = nodes(d, req + "/xds:Document");
        assertThat(docs.getLength()).isEqualTo(3);
        assertThat(xs(d, req + "/xds:Document[1]/@id")).isEqualTo("Document01");
        assertThat(xs(d, req + "/xds:Document[2]/@id")).isEqualTo("Document02");
        assertThat(xs(d, req + "/xds:Document[3]/@id")).isEqualTo("Signature01");
        for (int i = 1; i <= 2; i++) {
            String href = xs(d, req + "/xds:Document[" + i + "]/xop:Include/@href");
            assertThat(href).startsWith("cid:").contains("@").doesNotContain("%40");
            assertThat(parts.part(href)).get().isEqualTo(CDA);
        }
        byte[] signature = parts.part(xs(d, req + "/xds:Document[3]/xop:Include/@href")).orElseThrow();
        // SubmissionSet
        String ss = list + "/rim:RegistryPackage[@id='SubmissionSet01']";
        assertThat(xs(d, ss + "/rim:Slot[@name='submissionTime']/rim:ValueList/rim:Value")).matches("\\d{14}");
        assertThat(xs(d, ss + "/rim:Classification[@classificationNode='urn:uuid:a54d6aa5-d40d-43f9-88c5-b4633d873bdd']"
                + "/@classifiedObject")).isEqualTo("SubmissionSet01");
        String ssAuthor = ss + "/rim:Classification[@classificationScheme='urn:uuid:a7058bb9-b4e4-4307-ba5b-e3f0ab85e12d']";
        assertThat(xs(d, ssAuthor + "/@nodeRepresentation")).isEmpty();
        assertThat(xs(d, ssAuthor + "/rim:Slot[@name='authorPerson']/rim:ValueList/rim:Value"))
                .isEqualTo("810001234567^MEDECIN^JEAN^^^^^^&1.2.250.1.71.4.2.1&ISO^D^^^IDNPS");
        String ct2 = ss + "/rim:Classification[@classificationScheme='urn:uuid:aa543740-bdda-424e-8c96-df4873be8500']";
        assertThat(xs(d, ct2 + "/@nodeRepresentation")).isEqualTo("04");
        assertThat(xs(d, ct2 + "/rim:Slot[@name='codingScheme']/rim:ValueList/rim:Value")).isEqualTo("1.2.250.1.213.2.2");
        String cx = "279119913400976^^^&1.2.250.1.213.1.4.8&ISO^NH";
        assertThat(xs(d, ss + "/rim:ExternalIdentifier[@identificationScheme='urn:uuid:6b5aea1a-874d-4603-a4bc-96a0a7b38446']/@value"))
                .isEqualTo(cx);
        assertThat(xs(d, ss + "/rim:ExternalIdentifier[@identificationScheme='urn:uuid:6b5aea1a-874d-4603-a4bc-96a0a7b38446']"
                + "/rim:Name/rim:LocalizedString/@value")).isEqualTo("XDSSubmissionSet.patientId");
        assertThat(xs(d, ss + "/rim:ExternalIdentifier[@identificationScheme='urn:uuid:554ac39e-e3fe-47fe-b233-965d2a147832']/@value"))
                .isEqualTo("1.2.250.1.999.42");
        String ssUid = xs(d, ss + "/rim:ExternalIdentifier[@identificationScheme='urn:uuid:96fdda7c-d067-4183-912e-bf5ee74998a8']/@value");
        assertThat(ssUid).matches("2\\.25\\.\\d+");
        assertThat(count(d, ss + "/rim:ExternalIdentifier[@registryObject='SubmissionSet01']")).isEqualTo(3);
        // DocumentEntry
        String de = list + "/rim:ExtrinsicObject[@id='Document01']";
        assertThat(xs(d, de + "/@mimeType")).isEqualTo("text/xml");
        assertThat(xs(d, de + "/@objectType")).isEqualTo("urn:uuid:7edca82f-054d-47f2-a032-9b2a5b5186c1");
        assertThat(xs(d, de + "/rim:Slot[@name='creationTime']/rim:ValueList/rim:Value")).isEqualTo("20260612080000");
        assertThat(xs(d, de + "/rim:Slot[@name='serviceStartTime']/rim:ValueList/rim:Value")).isEqualTo("20260612080000");
        assertThat(xs(d, de + "/rim:Slot[@name='languageCode']/rim:ValueList/rim:Value")).isEqualTo("fr-FR");
        assertThat(xs(d, de + "/rim:Slot[@name='legalAuthenticator']/rim:ValueList/rim:Value")).startsWith("810001234567^");
        assertThat(xs(d, de + "/rim:Slot[@name='sourcePatientId']/rim:ValueList/rim:Value")).isEqualTo(cx);
        assertThat(xs(d, de + "/rim:Slot[@name='sourcePatientInfo']/rim:ValueList/rim:Value[1]"))
                .isEqualTo("PID-5|TESTDMP^ALICE^^^^^L");
        assertThat(xs(d, de + "/rim:Slot[@name='sourcePatientInfo']/rim:ValueList/rim:Value[2]")).isEqualTo("PID-7|19791113");
        assertThat(xs(d, de + "/rim:Slot[@name='sourcePatientInfo']/rim:ValueList/rim:Value[3]")).isEqualTo("PID-8|F");
        assertThat(count(d, de + "/rim:Slot[@name='hash' or @name='size' or @name='repositoryUniqueId']")).isZero();
        assertThat(xs(d, de + "/rim:Name/rim:LocalizedString/@value")).isEqualTo("CR de consultation");
        assertThat(xs(d, de + "/rim:Name/rim:LocalizedString/@charset")).isEqualTo("UTF8");
        Map<String, String> schemes = Map.of(
                "41a5887f-8865-4c09-adf7-e362475b143a", "10",
                "f4f85eac-e6cb-4883-b524-f2705394840f", "N",
                "f33fb8ac-18af-42cc-ae0e-ed0b0bdb91e1", "SA07",
                "cccf5598-8b07-4b77-a05e-ae952c785ead", "AMBULATOIRE",
                "f0306f51-975f-434e-a61c-c59651d33983", "11488-4");
        for (Map.Entry<String, String> e : schemes.entrySet()) {
            String c = de + "/rim:Classification[@classificationScheme='urn:uuid:" + e.getKey() + "']";
            assertThat(xs(d, c + "/@nodeRepresentation")).as(e.getKey()).isEqualTo(e.getValue());
            assertThat(xs(d, c + "/@classifiedObject")).isEqualTo("Document01");
            assertThat(xs(d, c + "/rim:Slot[@name='codingScheme']/rim:ValueList/rim:Value")).isNotBlank();
        }
        assertThat(xs(d, de + "/rim:Classification[@classificationScheme='urn:uuid:f0306f51-975f-434e-a61c-c59651d33983']"
                + "/rim:Slot[@name='codingScheme']/rim:ValueList/rim:Value")).isEqualTo("2.16.840.1.113883.6.1");
        assertThat(count(d, de + "/rim:Classification[@classificationScheme='urn:uuid:a09d5840-386c-46f2-b5ad-9c3699a4309d']"))
                .isEqualTo(1);
        assertThat(count(d, de + "/rim:Classification[@classificationScheme='urn:uuid:93606bcf-9494-43ec-9b4e-a7748d1a838d']"))
                .isEqualTo(1);
        assertThat(xs(d, de + "/rim:ExternalIdentifier[@identificationScheme='urn:uuid:58a6f841-87b3-4a3e-92fd-a8ffeff98427']/@value"))
                .isEqualTo(cx);
        assertThat(xs(d, de + "/rim:ExternalIdentifier[@identificationScheme='urn:uuid:2e82c1f6-a085-4c72-9da3-8640a32e42ab']/@value"))
                .isEqualTo(UID);
        assertThat(count(d, de + "/rim:VersionInfo")).isZero();
        assertThat(count(d, de + "/@status")).isZero();
        // signature entry
        String sig = list + "/rim:ExtrinsicObject[@id='Signature01']";
        assertThat(xs(d, sig + "/rim:Name/rim:LocalizedString/@value")).isEqualTo("Source");
        assertThat(xs(d, sig + "/rim:Slot[@name='languageCode']/rim:ValueList/rim:Value")).isEqualTo("art");
        assertThat(count(d, sig + "/rim:Slot[@name='sourcePatientInfo']")).isZero();
        String sc = sig + "/rim:Classification[@classificationScheme='urn:uuid:41a5887f-8865-4c09-adf7-e362475b143a']";
        assertThat(xs(d, sc + "/@nodeRepresentation")).isEqualTo("urn:oid:1.3.6.1.4.1.19376.1.2.1.1.1");
        assertThat(xs(d, sc + "/rim:Slot[@name='codingScheme']/rim:ValueList/rim:Value")).isEqualTo("URN");
        String st = sig + "/rim:Classification[@classificationScheme='urn:uuid:f0306f51-975f-434e-a61c-c59651d33983']";
        assertThat(xs(d, st + "/@nodeRepresentation")).isEqualTo("E1762");
        assertThat(xs(d, st + "/rim:Slot[@name='codingScheme']/rim:ValueList/rim:Value")).isEqualTo("ASTM");
        assertThat(xs(d, sig + "/rim:Classification[@classificationScheme='urn:uuid:a09d5840-386c-46f2-b5ad-9c3699a4309d']"
                + "/@nodeRepresentation")).isEqualTo("http://www.w3.org/2000/09/xmldsig#");
        assertThat(count(d, sig + "/rim:Classification[@classificationScheme='urn:uuid:f4f85eac-e6cb-4883-b524-f2705394840f']"))
                .isEqualTo(3);
        assertThat(xs(d, sig + "/rim:Classification[@classificationScheme='urn:uuid:2c6b8cb7-8b2a-4051-b291-b1ae6a575ef4']"
                + "/@nodeRepresentation")).isEqualTo("1.2.840.10065.1.12.1.14");
        // associations
        String hm = list + "/rim:Association[@associationType='urn:oasis:names:tc:ebxml-regrep:AssociationType:HasMember']";
        assertThat(count(d, hm)).isEqualTo(3);
        assertThat(count(d, hm + "[@sourceObject='SubmissionSet01']/rim:Slot[@name='SubmissionSetStatus']"
                + "/rim:ValueList[rim:Value='Original']")).isEqualTo(3);
        assertThat(count(d, hm + "[@targetObject='Signature01']")).isEqualTo(1);
        String signs = list + "/rim:Association[@associationType='urn:ihe:iti:2007:AssociationType:signs']";
        assertThat(count(d, signs)).isEqualTo(1);
        assertThat(xs(d, signs + "/@sourceObject")).isEqualTo("Signature01");
        assertThat(xs(d, signs + "/@targetObject")).isEqualTo("SubmissionSet01");
        assertThat(count(d, list + "/rim:Association[@associationType='urn:ihe:iti:2007:AssociationType:RPLC']")).isZero();
        verifyXades(signature, ssUid, List.of(UID, "1.2.250.1.999.42.7.2"));
    }

    void verifyXades(byte[] signature, String ssUid, List<String> uids) throws Exception {
        assertThat(new String(signature, 0, 38, StandardCharsets.UTF_8)).startsWith("<?xml version=\"1.0\"");
        Document s = parse(signature);
        Element root = s.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("Signature");
        assertThat(xs(s, "/ds:Signature/ds:SignedInfo/ds:CanonicalizationMethod/@Algorithm"))
                .isEqualTo("http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments");
        assertThat(xs(s, "/ds:Signature/ds:SignedInfo/ds:SignatureMethod/@Algorithm"))
                .isEqualTo("http://www.w3.org/2000/09/xmldsig#rsa-sha1");
        assertThat(xs(s, "/ds:Signature/ds:SignedInfo/ds:Reference[@URI='#IHEManifest']/@Type"))
                .isEqualTo("http://www.w3.org/2000/09/xmldsig#Manifest");
        assertThat(xs(s, "/ds:Signature/ds:SignedInfo/ds:Reference[@URI='#S0-SignedProperties']/@Type"))
                .isEqualTo("http://uri.etsi.org/01903/v1.1.1#SignedProperties");
        String man = "/ds:Signature/ds:Object/ds:Manifest[@Id='IHEManifest']";
        assertThat(xs(s, man + "/ds:Reference[1]/@URI")).isEqualTo("urn:oid:" + ssUid);
        assertThat(xs(s, man + "/ds:Reference[1]/ds:DigestValue")).isEqualTo("AA==");
        assertThat(count(s, man + "/ds:Reference[1]/ds:Transforms")).isZero();
        byte[] canonical = "<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><title>test</title></ClinicalDocument>"
                .getBytes(StandardCharsets.UTF_8);
        String expected = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1").digest(canonical));
        for (int i = 0; i < uids.size(); i++) {
            String ref = man + "/ds:Reference[" + (i + 2) + "]";
            assertThat(xs(s, ref + "/@URI")).isEqualTo("urn:oid:" + uids.get(i));
            assertThat(xs(s, ref + "/ds:Transforms/ds:Transform/@Algorithm"))
                    .isEqualTo("http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments");
            assertThat(xs(s, ref + "/ds:DigestMethod/@Algorithm")).isEqualTo("http://www.w3.org/2000/09/xmldsig#sha1");
            assertThat(xs(s, ref + "/ds:DigestValue")).isEqualTo(expected);
        }
        assertThat(count(s, man + "/ds:Reference")).isEqualTo(uids.size() + 1);
        String sigId = root.getAttribute("Id");
        assertThat(xs(s, "//ds:SignatureProperty[@Id='purposeOfSignature']/@Target")).isEqualTo("#" + sigId);
        assertThat(xs(s, "//ds:SignatureProperty[@Id='purposeOfSignature']")).isEqualTo("1.2.840.10065.1.12.1.14");
        String qp = "/ds:Signature/ds:Object/xades:QualifyingProperties";
        assertThat(xs(s, qp + "/@Target")).isEqualTo("#" + sigId);
        String ssp = qp + "/xades:SignedProperties[@Id='S0-SignedProperties']/xades:SignedSignatureProperties";
        assertThat(xs(s, ssp + "/xades:SigningTime")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        String cert = ssp + "/xades:SigningCertificate/xades:Cert";
        assertThat(xs(s, cert + "/xades:CertDigest/xades:DigestValue")).isEqualTo(Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-1").digest(signingCert.getEncoded())));
        assertThat(xs(s, cert + "/xades:IssuerSerial/ds:X509IssuerName")).isEqualTo(signingCert.getIssuerX500Principal().getName()).doesNotContain(", ");
        assertThat(xs(s, cert + "/xades:IssuerSerial/ds:X509SerialNumber")).isEqualTo("4242");
        assertThat(count(s, ssp + "/xades:SignaturePolicyIdentifier/xades:SignaturePolicyImplied")).isEqualTo(1);
        // the JDK's validator
        Element signedProperties = (Element) nodes(s, "//xades:SignedProperties").item(0);
        DOMValidateContext ctx = new DOMValidateContext(signingCert.getPublicKey(), root);
        ctx.setIdAttributeNS(signedProperties, null, "Id");
        ctx.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.FALSE);
        XMLSignature xml = XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(ctx);
        assertThat(xml.validate(ctx)).isTrue();
    }

    @Test
    void sha256XadesVerifiesToo() throws Exception {
        answer("repository", 200, vector("iti41-response-success.xml"));
        answer("registry", 200, lookupAnswer(ENTRY, UID));
        try (DmpClient dmp = client(t -> t.xadesAlgorithms(XdsTransport.XadesAlgorithms.SHA256))) {
            dmp.documents().deposit(deposit(UID));
        }
        Mtom.Answer parts = mtom(requests("repository").get(0));
        Document d = parse(parts.root());
        byte[] sig = parts.part(xs(d, "//xds:Document[@id='Signature01']/xop:Include/@href")).orElseThrow();
        Document s = parse(sig);
        assertThat(xs(s, "/ds:Signature/ds:SignedInfo/ds:SignatureMethod/@Algorithm"))
                .isEqualTo("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256");
        Element signedProperties = (Element) nodes(s, "//xades:SignedProperties").item(0);
        DOMValidateContext ctx = new DOMValidateContext(signingCert.getPublicKey(), s.getDocumentElement());
        ctx.setIdAttributeNS(signedProperties, null, "Id");
        assertThat(XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(ctx).validate(ctx)).isTrue();
    }

    @Test
    void replacementSendsRplcToTheOldEntryUuid() throws Exception {
        answer("repository", 200, vector("iti41-response-success.xml"));
        answer("registry", 200, lookupAnswer("urn:uuid:0a1b2c3d-0009-4000-8000-000000000009", "1.2.250.1.999.42.7.9"));
        try (DmpClient dmp = client()) {
            dmp.documents().replace(new DocumentId(ENTRY, UID), deposit("1.2.250.1.999.42.7.9"));
        }
        Document d = parse(mtom(requests("repository").get(0)).root());
        String rplc = "//rim:Association[@associationType='urn:ihe:iti:2007:AssociationType:RPLC']";
        assertThat(count(d, rplc)).isEqualTo(1);
        assertThat(xs(d, rplc + "/@sourceObject")).isEqualTo("Document01");
        assertThat(xs(d, rplc + "/@targetObject")).isEqualTo(ENTRY);
        assertThat(count(d, rplc + "/rim:Slot")).isZero();
    }

    @Test
    void duplicateUniqueIdIsAConflictWhenTheStoredContentDiffers() {
        answer("repository", 500, vector("registry-failure.xml").replace("ERROR_CODE",
                "XDSDuplicateUniqueIdInRegistry").replace("CONTEXT", "DUPLICATE_UNIQUEID: déjà présent"));
        answer("registry", 200, lookupAnswer(ENTRY, UID).replaceAll("<rim:Value>[0-9a-f]{40}</rim:Value>",
                "<rim:Value>0000000000000000000000000000000000000000</rim:Value>"));
        try (DmpClient dmp = client()) {
            assertThatThrownBy(() -> dmp.documents().deposit(deposit(UID))).isInstanceOfSatisfying(
                    ConflictException.class, e -> {
                        assertThat(e.retryable()).isFalse();
                        assertThat(e.issues()).singleElement().satisfies(i -> {
                            assertThat(i.code()).isEqualTo("XDSDuplicateUniqueIdInRegistry");
                            assertThat(i.ruleId()).contains("DUPLICATE_UNIQUEID");
                            assertThat(i.expression()).contains("Document01");
                        });
                    });
        }
        assertThat(requests("repository")).hasSize(1);
    }

    @Test
    void duplicateOfTheSameContentIsTheEarlierDeposit() {
        answer("repository", 500, vector("registry-failure.xml").replace("ERROR_CODE",
                "XDSDuplicateUniqueIdInRegistry"));
        answer("registry", 200, lookupAnswer(ENTRY, UID));
        try (DmpClient dmp = client()) {
            DepositReceipt r = dmp.documents().deposit(deposit(UID));
            assertThat(r.recovered()).isTrue();
            assertThat(r.documents()).containsExactly(new DocumentId(ENTRY, UID));
        }
    }

    @Test
    void aTimeoutTriggersTheLookupNeverAResend() {
        wm.stubFor(post(urlEqualTo(BASE + "/repository")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/soap+xml").withBody(vector("iti41-response-success.xml"))
                .withFixedDelay(1500)));
        answer("registry", 200, lookupAnswer(ENTRY, UID));
        try (DmpClient dmp = client(t -> { }, b -> b.requestTimeout(Duration.ofMillis(400)))) {
            DepositReceipt r = dmp.documents().deposit(deposit(UID));
            assertThat(r.recovered()).isTrue();
            assertThat(r.documents()).containsExactly(new DocumentId(ENTRY, UID));
        }
        assertThat(requests("repository")).hasSize(1);
        assertThat(requests("registry")).hasSize(1);
    }

    @Test
    void aFolderIsRefusedBeforeSending() {
        try (DmpClient dmp = client()) {
            Deposit d = Deposit.builder().patient(patient()).document(metadata(UID), CDA).folder("Dossier").build();
            assertThatThrownBy(() -> dmp.documents().deposit(d)).isInstanceOf(InvalidInputException.class);
        }
        assertThat(requests("repository")).isEmpty();
    }

    @Test
    void metadataErrorIsAnInvalidRequest() {
        answer("repository", 500, vector("registry-failure.xml").replace("ERROR_CODE", "XDSRegistryMetadataError")
                .replace("CONTEXT", "FOLDER_NOT_SUPPORTED: non"));
        try (DmpClient dmp = client()) {
            assertThatThrownBy(() -> dmp.documents().deposit(deposit(UID))).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("XDSRegistryMetadataError");
        }
    }
}
