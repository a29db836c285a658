package fr.opendmp.auth.vihf;

import fr.opendmp.core.caller.AuthenticationMode;
import fr.opendmp.auth.keys.KeyMaterial;
import fr.opendmp.auth.vihf.internal.SecureXml;
import fr.opendmp.auth.vihf.internal.VihfXml;
import fr.opendmp.core.error.CredentialsException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.security.auth.x500.X500Principal;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.ExcC14NParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Signs a VIHF with enveloped XML-DSig (ANS CI-SIS "Volet transport synchrone pour client lourd", VIHF signature): exclusive c14n, RSA-SHA256, SHA-256
 * digest, one reference to the assertion ID, the signing certificate in {@code KeyInfo}. The key is
 * the structure's ORG SIGN (cachet) certificate in indirect mode, or a card key (PKCS#11).
 * Thread-safe.
 */
public final class VihfSigner {

    private static final Map<String, String> DN_KEYWORDS = Map.of(
            "2.5.4.42", "GN", "2.5.4.4", "SN", "2.5.4.5", "SERIALNUMBER", "2.5.4.12", "T");

    private final KeyMaterial signingKey;

    /**
     * @param signingKey the signing key and certificate (ORG SIGN, or a card's signature key)
     */
    public VihfSigner(KeyMaterial signingKey) {
        this.signingKey = Objects.requireNonNull(signingKey, "signingKey");
    }

    /**
     * @param certificate a certificate
     * @return its subject DN as the VIHF {@code Issuer} writes it: RFC 2253 with {@code ST=} and
     *     {@code GN=}/{@code SN=} keywords
     */
    public static String issuerName(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName(X500Principal.RFC2253, DN_KEYWORDS);
    }

    /**
     * @return the signing certificate
     */
    public X509Certificate certificate() {
        return signingKey.certificate();
    }

    /**
     * @param vihf the content to sign
     * @return the signed assertion bytes
     * @throws CredentialsException if the signature cannot be made (e.g. a token refused the key)
     */
    public SignedVihf sign(Vihf vihf) {
        Objects.requireNonNull(vihf, "vihf");
        return sign(vihf, VihfXml.write(vihf, issuerName(signingKey.certificate())), DigestMethod.SHA256,
                SignatureMethod.RSA_SHA256);
    }

    /**
     * Writes the DMPi variant of the assertion (SOAP {@code wsse:Security}, DMPi contract §2): the
     * options' attribute spellings, no {@code Conditions}, signed with the options' algorithms
     * unless the mode is DIRECTE and the options say {@code UNSIGNED} (then the {@code Issuer} is
     * still this signer's certificate DN, the card's).
     *
     * @param vihf the content
     * @param options the DMPi strategies
     * @return the assertion bytes (UTF-8, no XML declaration, never to be re-serialised)
     * @throws CredentialsException if the signature cannot be made
     */
    public SignedVihf signForDmpi(Vihf vihf, DmpiVihfOptions options) {
        Objects.requireNonNull(vihf, "vihf");
        Objects.requireNonNull(options, "options");
        VihfXml.Dialect dialect = new VihfXml.Dialect(options.authModeAttributeName().attribute(), false,
                options.breakGlassReason() == DmpiVihfOptions.BreakGlassReasonPlacement.ATTRIBUTE,
                options.secretConnection().attribute());
        Document doc = VihfXml.write(vihf, issuerName(signingKey.certificate()), dialect);
        if (vihf.mode() == AuthenticationMode.DIRECTE
                && options.directSigning() == DmpiVihfOptions.DirectVihfSigning.UNSIGNED) {
            return new SignedVihf(SecureXml.serialize(doc), vihf.id(), vihf.notOnOrAfter());
        }
        boolean sha1 = options.signatureAlgorithm() == DmpiVihfOptions.VihfSignatureAlgorithm.RSA_SHA1;
        return sign(vihf, doc, sha1 ? DigestMethod.SHA1 : DigestMethod.SHA256,
                sha1 ? SignatureMethod.RSA_SHA1 : SignatureMethod.RSA_SHA256);
    }

    private SignedVihf sign(Vihf vihf, Document doc, String digest, String signatureMethod) {
        Element assertion = doc.getDocumentElement();
        Element issuer = (Element) assertion.getFirstChild();
        try {
            XMLSignatureFactory factory = XMLSignatureFactory.getInstance("DOM");
            List<String> prefixes = List.of("ds", "saml", "xsi");
            Reference reference = factory.newReference("#" + vihf.id(),
                    factory.newDigestMethod(digest, null),
                    List.of(factory.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null),
                            factory.newTransform(CanonicalizationMethod.EXCLUSIVE,
                                    new ExcC14NParameterSpec(prefixes))),
                    null, null);
            SignedInfo signedInfo = factory.newSignedInfo(
                    factory.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE,
                            (C14NMethodParameterSpec) null),
                    factory.newSignatureMethod(signatureMethod, null),
                    List.of(reference));
            KeyInfoFactory keyInfos = factory.getKeyInfoFactory();
            KeyInfo keyInfo = keyInfos.newKeyInfo(List.of(keyInfos.newX509Data(List.of(signingKey.certificate()))));
            DOMSignContext context = new DOMSignContext(signingKey.privateKey(), assertion, issuer.getNextSibling());
            context.setDefaultNamespacePrefix("ds");
            context.putNamespacePrefix(CanonicalizationMethod.EXCLUSIVE, "ec");
            // a token key (PKCS#11) signs through its own provider, which need not be installed
            signingKey.provider().ifPresent(p -> context.setProperty(
                    "org.jcp.xml.dsig.internal.dom.SignatureProvider", p));
            factory.newXMLSignature(signedInfo, keyInfo).sign(context);
        } catch (GeneralSecurityException | MarshalException | XMLSignatureException e) {
            throw new CredentialsException("cannot sign the VIHF with " + signingKey + ": " + e.getClass().getSimpleName(), e);
        }
        return new SignedVihf(SecureXml.serialize(doc), vihf.id(), vihf.notOnOrAfter());
    }

    @Override
    public String toString() {
        return "VihfSigner[" + signingKey + "]";
    }
}
