package fr.opendmp.xds.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opendmp.auth.keys.KeyMaterial;
import fr.opendmp.auth.provider.KeyDocumentSigner;
import fr.opendmp.core.credentials.DocumentSigner;
import fr.opendmp.xds.XdsTransport.XadesAlgorithms;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import javax.xml.crypto.OctetStreamData;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.TransformService;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The Manifest digest of a document, written by the client's own canonicaliser while it parses the
 * document once, is the digest of the JDK's C14N with comments of the document's bytes, for documents
 * whose canonical form differs from their bytes; a document that is not XML (or has a DOCTYPE) is
 * digested as it is; the signature still verifies.
 */
class XadesDocumentDigestTest {

    private static KeyPair keys;
    private static X509Certificate cert;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        keys = g.generateKeyPair();
        Instant now = Instant.now();
        X500Name dn = new X500Name("CN=DIGEST TEST,O=OPENDMP,C=FR");
        cert = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(dn, BigInteger.TEN,
                Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(1, ChronoUnit.DAYS)), dn,
                keys.getPublic()).build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<!-- before -->\r\n<ClinicalDocument xmlns=\"urn:hl7-org:v3\""
            + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><title  b='2' a=\"1\">A &amp; B &gt; C"
            + " &#233;t&#xE9;</title><empty/><!-- inside --><?pi data?>\r\n<x:ext xmlns:x=\"urn:x\" xmlns=\"urn:hl7-org:v3\""
            + " xml:lang=\"fr\"><x:v attr=\"&lt;&quot;&#9;\"/></x:ext><text>\n  line\r\n</text></ClinicalDocument>\n"
            + "<!-- after -->\n<?after pi?>",
        "<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><title>test</title></ClinicalDocument>",
        "<a:root xmlns:a=\"urn:a\" xmlns:b=\"urn:b\"><b:c xmlns:a=\"urn:a\"><![CDATA[<raw> & ]]></b:c></a:root>"
    })
    void theDigestOfAnXmlDocumentIsTheDigestOfItsC14nWithComments(String xml) throws Exception {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        for (XadesAlgorithms algorithms : XadesAlgorithms.values()) {
            Document sig = sign(bytes, algorithms);
            assertThat(documentDigest(sig)).isEqualTo(base64(MessageDigest.getInstance(algorithms.jcaDigest())
                    .digest(jdkCanonical(bytes))));
            assertThat(verifies(sig)).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"%PDF-1.4 not xml <a>", "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>"})
    void aDocumentThatIsNotPlainXmlIsDigestedAsItIs(String content) throws Exception {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        Document sig = sign(bytes, XadesAlgorithms.SHA1);
        assertThat(documentDigest(sig)).isEqualTo(base64(MessageDigest.getInstance("SHA-1").digest(bytes)));
        assertThat(verifies(sig)).isTrue();
    }

    private static Document sign(byte[] doc, XadesAlgorithms algorithms) throws Exception {
        DocumentSigner signer = KeyDocumentSigner.of(KeyMaterial.of(keys.getPrivate(), List.of(cert)));
        byte[] signature = Xades.sign(signer, algorithms, "1.2.250.1.999.1", List.of(new Xades.Signed(
                "1.2.250.1.999.2", ByteBuffer.wrap(doc).asReadOnlyBuffer())), Instant.now());
        return Xml.parse(signature);
    }

    private static String documentDigest(Document sig) {
        NodeList refs = sig.getElementsByTagNameNS(Ns.DS, "Reference");
        for (int i = 0; i < refs.getLength(); i++) {
            Element ref = (Element) refs.item(i);
            if (ref.getAttribute("URI").equals("urn:oid:1.2.250.1.999.2")) {
                return ref.getElementsByTagNameNS(Ns.DS, "DigestValue").item(0).getTextContent();
            }
        }
        throw new AssertionError("no reference to the document");
    }

    private static boolean verifies(Document sig) throws Exception {
        Element signedProperties = (Element) sig.getElementsByTagNameNS(Ns.XADES, "SignedProperties").item(0);
        DOMValidateContext ctx = new DOMValidateContext(cert.getPublicKey(), sig.getDocumentElement());
        ctx.setIdAttributeNS(signedProperties, null, "Id");
        ctx.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.FALSE);
        XMLSignature xml = XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(ctx);
        return xml.validate(ctx);
    }

    /** The referee: the JDK parses the bytes itself and canonicalises them. */
    private static byte[] jdkCanonical(byte[] xml) throws Exception {
        TransformService ts = TransformService.getInstance(CanonicalizationMethod.INCLUSIVE_WITH_COMMENTS, "DOM");
        ts.init(null);
        OctetStreamData out = (OctetStreamData) ts.transform(new OctetStreamData(new ByteArrayInputStream(xml)), null);
        try (InputStream in = out.getOctetStream()) {
            return in.readAllBytes();
        }
    }

    private static String base64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }
}
