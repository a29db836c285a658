package fr.opendmp.testkit.dmp;

import fr.opendmp.auth.keys.KeyMaterial;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.ExcC14NParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** Test helper: removes a SAML attribute from a signed VIHF and signs it again with a valid signature. */
final class VihfResigning {
    private static final String SAML = "urn:oasis:names:tc:SAML:2.0:assertion";

    private VihfResigning() {
    }

    /** @return the VIHF without the attribute {@code name}, validly re-signed with {@code key} */
    static String withoutAttribute(String signedXml, String name, KeyMaterial key) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(signedXml.getBytes(StandardCharsets.UTF_8)));
        Element assertion = doc.getDocumentElement();
        removeAll(doc.getElementsByTagNameNS(XMLSignature.XMLNS, "Signature"), null);
        removeAll(doc.getElementsByTagNameNS(SAML, "Attribute"), name);
        assertion.setIdAttribute("ID", true);
        XMLSignatureFactory factory = XMLSignatureFactory.getInstance("DOM");
        var reference = factory.newReference("#" + assertion.getAttribute("ID"),
                factory.newDigestMethod(DigestMethod.SHA256, null),
                List.of(factory.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null),
                        factory.newTransform(CanonicalizationMethod.EXCLUSIVE, new ExcC14NParameterSpec(List.of()))),
                null, null);
        var signedInfo = factory.newSignedInfo(factory.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE,
                (C14NMethodParameterSpec) null), factory.newSignatureMethod(SignatureMethod.RSA_SHA256, null),
                List.of(reference));
        KeyInfoFactory kif = factory.getKeyInfoFactory();
        var keyInfo = kif.newKeyInfo(List.of(kif.newX509Data(List.of(key.certificate()))));
        Node issuer = assertion.getFirstChild();
        while (!(issuer instanceof Element)) {
            issuer = issuer.getNextSibling();
        }
        DOMSignContext context = new DOMSignContext(key.privateKey(), assertion, issuer.getNextSibling());
        context.setDefaultNamespacePrefix("ds");
        factory.newXMLSignature(signedInfo, keyInfo).sign(context);
        StringWriter out = new StringWriter();
        var transformer = TransformerFactory.newInstance().newTransformer();
        transformer.setOutputProperty("omit-xml-declaration", "yes");
        transformer.transform(new DOMSource(doc), new StreamResult(out));
        return out.toString();
    }

    private static void removeAll(NodeList nodes, String attributeName) {
        for (int i = nodes.getLength() - 1; i >= 0; i--) {
            Element e = (Element) nodes.item(i);
            if (attributeName == null || attributeName.equals(e.getAttribute("Name"))) {
                e.getParentNode().removeChild(e);
            }
        }
    }
}
