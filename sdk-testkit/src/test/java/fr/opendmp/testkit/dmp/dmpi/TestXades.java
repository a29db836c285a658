package fr.opendmp.testkit.dmp.dmpi;

import fr.opendmp.testkit.ca.IssuedCertificate;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.xml.crypto.OctetStreamData;
import javax.xml.crypto.dom.DOMStructure;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.TransformService;
import javax.xml.crypto.dsig.XMLObject;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Our XAdES-style signature document for tests (IHE DSG shape): a hand-built Manifest (SubmissionSet
 * reference {@code AA==}, then one SHA-1 reference per document over its C14N-with-comments form), signed
 * with the JDK (RSA-SHA256 over SignedInfo, C14N with comments).
 */
final class TestXades {
    static final String DS = "http://www.w3.org/2000/09/xmldsig#";

    private TestXades() {
    }

    static byte[] sign(IssuedCertificate signer, String submissionUid, Map<String, byte[]> documentsByUid) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        Document doc = dbf.newDocumentBuilder().newDocument();
        Element manifest = doc.createElementNS(DS, "ds:Manifest");
        // declared on the element itself, so that its canonical form is the same before and after serialization
        manifest.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:ds", DS);
        manifest.setAttribute("Id", "IHEManifest");
        manifest.appendChild(reference(doc, submissionUid, "AA==", false));
        for (Map.Entry<String, byte[]> e : documentsByUid.entrySet()) {
            manifest.appendChild(reference(doc, e.getKey(), c14nSha1(e.getValue()), true));
        }
        XMLSignatureFactory fac = XMLSignatureFactory.getInstance("DOM");
        Reference toManifest = fac.newReference("#IHEManifest", fac.newDigestMethod(DigestMethod.SHA256, null), null,
                "http://www.w3.org/2000/09/xmldsig#Manifest", null);
        SignedInfo si = fac.newSignedInfo(fac.newCanonicalizationMethod(CanonicalizationMethod.INCLUSIVE_WITH_COMMENTS,
                (C14NMethodParameterSpec) null), fac.newSignatureMethod("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256", null),
                List.of(toManifest));
        KeyInfoFactory kif = fac.getKeyInfoFactory();
        List<Object> certs = new ArrayList<>(signer.chain());
        var keyInfo = kif.newKeyInfo(List.of(kif.newX509Data(certs)));
        XMLObject object = fac.newXMLObject(List.of(new DOMStructure(manifest)), null, null, null);
        DOMSignContext ctx = new DOMSignContext(signer.privateKey(), doc);
        ctx.setIdAttributeNS(manifest, null, "Id");
        fac.newXMLSignature(si, keyInfo, List.of(object), "sig-" + System.nanoTime(), null).sign(ctx);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TransformerFactory.newInstance().newTransformer().transform(new DOMSource(doc), new StreamResult(out));
        return out.toByteArray();
    }

    private static Element reference(Document doc, String uid, String digest, boolean transform) {
        Element ref = doc.createElementNS(DS, "ds:Reference");
        ref.setAttribute("URI", "urn:oid:" + uid);
        if (transform) {
            Element ts = doc.createElementNS(DS, "ds:Transforms");
            Element t = doc.createElementNS(DS, "ds:Transform");
            t.setAttribute("Algorithm", CanonicalizationMethod.INCLUSIVE_WITH_COMMENTS);
            ts.appendChild(t);
            ref.appendChild(ts);
        }
        Element dm = doc.createElementNS(DS, "ds:DigestMethod");
        dm.setAttribute("Algorithm", DigestMethod.SHA1);
        ref.appendChild(dm);
        Element dv = doc.createElementNS(DS, "ds:DigestValue");
        dv.setTextContent(digest);
        ref.appendChild(dv);
        return ref;
    }

    static String c14nSha1(byte[] xml) throws Exception {
        TransformService c14n = TransformService.getInstance(CanonicalizationMethod.INCLUSIVE_WITH_COMMENTS, "DOM");
        c14n.init(null);
        OctetStreamData data = (OctetStreamData) c14n.transform(new OctetStreamData(new ByteArrayInputStream(xml)), null);
        try (InputStream in = data.getOctetStream()) {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1").digest(in.readAllBytes()));
        }
    }
}
