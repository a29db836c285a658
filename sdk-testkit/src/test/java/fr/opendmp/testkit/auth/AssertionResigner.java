package fr.opendmp.testkit.auth;

import fr.opendmp.auth.keys.KeyMaterial;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.function.Consumer;
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

/** Test helper: changes a signed VIHF, then signs it again (to test checks after the signature). */
public final class AssertionResigner {

    private AssertionResigner() {
    }

    public static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    public static byte[] serialize(Document doc) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var transformer = TransformerFactory.newInstance().newTransformer();
        transformer.setOutputProperty("omit-xml-declaration", "yes");
        transformer.transform(new DOMSource(doc), new StreamResult(out));
        return out.toByteArray();
    }

    /** Removes the signature, applies the change, signs with the key. */
    public static byte[] resign(byte[] signed, KeyMaterial key, Consumer<Document> change) throws Exception {
        Document doc = parse(signed);
        Element assertion = doc.getDocumentElement();
        NodeList signatures = doc.getElementsByTagNameNS(XMLSignature.XMLNS, "Signature");
        for (int i = signatures.getLength() - 1; i >= 0; i--) {
            signatures.item(i).getParentNode().removeChild(signatures.item(i));
        }
        change.accept(doc);
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
        Element issuer = firstElement(assertion);
        DOMSignContext context = new DOMSignContext(key.privateKey(), assertion, issuer.getNextSibling());
        context.setDefaultNamespacePrefix("ds");
        factory.newXMLSignature(signedInfo, keyInfo).sign(context);
        return serialize(doc);
    }

    /** Removes every saml:Attribute with that Name. */
    public static Consumer<Document> removeAttribute(String name) {
        return doc -> {
            NodeList attributes = doc.getElementsByTagNameNS("urn:oasis:names:tc:SAML:2.0:assertion", "Attribute");
            for (int i = attributes.getLength() - 1; i >= 0; i--) {
                Element attribute = (Element) attributes.item(i);
                if (name.equals(attribute.getAttribute("Name"))) {
                    attribute.getParentNode().removeChild(attribute);
                }
            }
        };
    }

    /** Sets the text of the first saml element with that local name. */
    public static Consumer<Document> setText(String localName, String text) {
        return doc -> doc.getElementsByTagNameNS("urn:oasis:names:tc:SAML:2.0:assertion", localName).item(0)
                .setTextContent(text);
    }

    private static Element firstElement(Element parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        throw new IllegalStateException("empty assertion");
    }
}
