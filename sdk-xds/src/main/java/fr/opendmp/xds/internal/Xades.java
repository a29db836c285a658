package fr.opendmp.xds.internal;

import fr.opendmp.core.credentials.DocumentSigner;
import fr.opendmp.core.error.CredentialsException;
import fr.opendmp.xds.XdsTransport.XadesAlgorithms;
import fr.opendmp.xds.internal.c14n.CanonicalXml;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.InvalidParameterException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SignatureException;
import java.security.SignatureSpi;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.dom.DOMStructure;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureProperty;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLObject;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * The XAdES (v1.1.1) signature document of a DMPi submission, IHE DSG style: an enveloping XML-DSig
 * whose Manifest references the SubmissionSet (digest {@code AA==}, the DMP's convention) and each
 * document by uniqueId (digest of its C14N-with-comments form, written by {@link CanonicalXml} into
 * the digest while the hardened parser reads the document once), signed with the JDK's XML-DSig and
 * the credentials' {@link DocumentSigner} (through a private JCA provider, so the key never leaves
 * the signer). Not API.
 */
public final class Xades {

    /** The purpose of the signature: "Source". */
    public static final String PURPOSE = "1.2.840.10065.1.12.1.14";
    private static final String MANIFEST_TYPE = "http://www.w3.org/2000/09/xmldsig#Manifest";
    private static final String SIGNED_PROPERTIES_TYPE = "http://uri.etsi.org/01903/v1.1.1#SignedProperties";
    private static final String SIGNED_PROPERTIES_ID = "S0-SignedProperties";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

    private Xades() {
    }

    /**
     * A document the signature covers.
     *
     * @param uniqueId its XDS uniqueId (bare OID)
     * @param content its exact bytes (a read-only view, never consumed)
     */
    public record Signed(String uniqueId, ByteBuffer content) {
    }

    /**
     * @param signer the signer
     * @param algorithms SHA-1 or SHA-256
     * @param submissionSetUniqueId the SubmissionSet's uniqueId (bare OID)
     * @param documents the documents
     * @param now the signing time
     * @return the signature document: UTF-8 with an XML declaration, never to be re-indented
     */
    public static byte[] sign(DocumentSigner signer, XadesAlgorithms algorithms, String submissionSetUniqueId,
            List<Signed> documents, Instant now) {
        List<X509Certificate> chain = signer.certificateChain();
        if (chain.isEmpty()) {
            throw new CredentialsException("the document signer has no certificate");
        }
        try {
            XMLSignatureFactory f = XMLSignatureFactory.getInstance("DOM");
            DigestMethod digest = f.newDigestMethod(algorithms.digestUri(), null);
            String sigId = "_sig" + java.util.UUID.randomUUID().toString().replace("-", "");
            Document doc = Xml.newDocument();

            List<Reference> manifestRefs = new ArrayList<>();
            manifestRefs.add(f.newReference("urn:oid:" + submissionSetUniqueId, digest, null, null, null,
                    new byte[] {0}));
            Transform c14n = f.newTransform(CanonicalizationMethod.INCLUSIVE_WITH_COMMENTS,
                    (TransformParameterSpec) null);
            for (Signed d : documents) {
                manifestRefs.add(f.newReference(uniqueUri(d.uniqueId()), digest, List.of(c14n), null, null,
                        documentDigest(d.content(), algorithms.jcaDigest())));
            }
            XMLObject manifest = f.newXMLObject(List.of(f.newManifest(manifestRefs, "IHEManifest")), null, null,
                    null);
            SignatureProperty purpose = f.newSignatureProperty(List.of(new DOMStructure(doc.createTextNode(PURPOSE))),
                    "#" + sigId, "purposeOfSignature");
            XMLObject properties = f.newXMLObject(List.of(f.newSignatureProperties(List.of(purpose), null)), null,
                    null, null);
            Element qualifying = qualifyingProperties(doc, sigId, chain, algorithms, now);
            XMLObject xades = f.newXMLObject(List.of(new DOMStructure(qualifying)), null, null, null);

            SignedInfo signedInfo = f.newSignedInfo(
                    f.newCanonicalizationMethod(CanonicalizationMethod.INCLUSIVE_WITH_COMMENTS,
                            (C14NMethodParameterSpec) null),
                    f.newSignatureMethod(algorithms.signatureUri(), null),
                    List.of(f.newReference("#IHEManifest", digest, null, MANIFEST_TYPE, null),
                            f.newReference("#" + SIGNED_PROPERTIES_ID, digest, null, SIGNED_PROPERTIES_TYPE, null)));
            KeyInfoFactory kif = f.getKeyInfoFactory();
            DOMSignContext context = new DOMSignContext(new SignerKey(signer), doc);
            context.setDefaultNamespacePrefix("ds");
            context.setProperty("org.jcp.xml.dsig.internal.dom.SignatureProvider", PROVIDER);
            Element signedProperties = (Element) qualifying.getFirstChild();
            context.setIdAttributeNS(signedProperties, null, "Id");
            f.newXMLSignature(signedInfo, kif.newKeyInfo(List.of(kif.newX509Data(List.of(chain.get(0))))),
                    List.of(manifest, properties, xades), sigId, null).sign(context);
            byte[] xml = Xml.serialize(doc);
            ByteArrayOutputStream out = new ByteArrayOutputStream(xml.length + 40);
            out.writeBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>".getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(xml);
            return out.toByteArray();
        } catch (GeneralSecurityException | MarshalException | XMLSignatureException e) {
            Throwable cause = e.getCause() instanceof CredentialsException ce ? ce : e;
            if (cause instanceof CredentialsException ce) {
                throw ce;
            }
            throw new CredentialsException("cannot sign the submission (XAdES): " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        }
    }

    /** @return a uniqueId as a Manifest URI ({@code urn:oid:…}, or the UUID URN as is) */
    public static String uniqueUri(String xdsUniqueId) {
        return xdsUniqueId.startsWith("urn:") ? xdsUniqueId : "urn:oid:" + xdsUniqueId;
    }

    private static Element qualifyingProperties(Document doc, String sigId, List<X509Certificate> chain,
            XadesAlgorithms algorithms, Instant now) throws GeneralSecurityException {
        Element qp = doc.createElementNS(Ns.XADES, "xades:QualifyingProperties");
        qp.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:xades", Ns.XADES);
        qp.setAttribute("Target", "#" + sigId);
        Element sp = add(doc, qp, Ns.XADES, "xades:SignedProperties");
        sp.setAttribute("Id", SIGNED_PROPERTIES_ID);
        Element ssp = add(doc, sp, Ns.XADES, "xades:SignedSignatureProperties");
        add(doc, ssp, Ns.XADES, "xades:SigningTime").setTextContent(TIME.format(now.atOffset(ZoneOffset.UTC)));
        Element sc = add(doc, ssp, Ns.XADES, "xades:SigningCertificate");
        for (X509Certificate c : chain) {
            Element cert = add(doc, sc, Ns.XADES, "xades:Cert");
            Element cd = add(doc, cert, Ns.XADES, "xades:CertDigest");
            Element dm = add(doc, cd, Ns.XADES, "xades:DigestMethod");
            dm.setAttribute("Algorithm", algorithms.digestUri());
            add(doc, cd, Ns.XADES, "xades:DigestValue").setTextContent(Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance(algorithms.jcaDigest()).digest(c.getEncoded())));
            Element is = add(doc, cert, Ns.XADES, "xades:IssuerSerial");
            Element name = doc.createElementNS(Ns.DS, "ds:X509IssuerName");
            name.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:ds", Ns.DS);
            name.setTextContent(c.getIssuerX500Principal().getName(X500Principal.RFC2253));
            is.appendChild(name);
            Element serial = doc.createElementNS(Ns.DS, "ds:X509SerialNumber");
            serial.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:ds", Ns.DS);
            serial.setTextContent(c.getSerialNumber().toString());
            is.appendChild(serial);
        }
        Element policy = add(doc, ssp, Ns.XADES, "xades:SignaturePolicyIdentifier");
        add(doc, policy, Ns.XADES, "xades:SignaturePolicyImplied");
        add(doc, sp, Ns.XADES, "xades:SignedDataObjectProperties");
        return qp;
    }

    private static Element add(Document doc, Element parent, String ns, String qname) {
        Element e = doc.createElementNS(ns, qname);
        parent.appendChild(e);
        return e;
    }

    /**
     * @return the digest of the document's C14N-with-comments form, or of its bytes as they are when
     *     it is not plain XML (not well-formed, a DOCTYPE, too deep)
     */
    private static byte[] documentDigest(ByteBuffer content, String algorithm) throws GeneralSecurityException {
        MessageDigest md = MessageDigest.getInstance(algorithm);
        try {
            return CanonicalXml.digest(content, md);
        } catch (SAXException notPlainXml) {
            md.reset();
            md.update(content.duplicate());
            return md.digest();
        }
    }

    /** The signer as a {@link PrivateKey} for the JDK's XML-DSig; only {@link DocumentSignature} reads it. */
    static final class SignerKey implements PrivateKey {
        private static final long serialVersionUID = 1L;
        private final transient DocumentSigner signer;

        SignerKey(DocumentSigner signer) {
            this.signer = signer;
        }

        @Override
        public String getAlgorithm() {
            return "RSA";
        }

        @Override
        public String getFormat() {
            return null;
        }

        @Override
        public byte[] getEncoded() {
            return null;
        }
    }

    private static final Provider PROVIDER = new SignerProvider();

    /** A private JCA provider whose Signature hands the SignedInfo to the {@link DocumentSigner}. */
    static final class SignerProvider extends Provider {
        private static final long serialVersionUID = 1L;

        SignerProvider() {
            super("OpenDMP-DocumentSigner", "1.0", "Signs through a DocumentSigner");
            for (String alg : List.of("SHA1withRSA", "SHA256withRSA")) {
                putService(new Provider.Service(this, "Signature", alg, DocumentSignature.class.getName(), null,
                        null) {
                    @Override
                    public Object newInstance(Object parameter) {
                        return new DocumentSignature(alg);
                    }
                });
            }
        }
    }

    /** The Signature SPI of {@link SignerProvider}. */
    public static final class DocumentSignature extends SignatureSpi {
        private final String algorithm;
        private final ByteArrayOutputStream data = new ByteArrayOutputStream();
        private DocumentSigner signer;

        /** @param algorithm the JCA algorithm */
        public DocumentSignature(String algorithm) {
            this.algorithm = algorithm;
        }

        @Override
        protected void engineInitVerify(PublicKey publicKey) throws InvalidKeyException {
            throw new InvalidKeyException("sign only");
        }

        @Override
        protected void engineInitSign(PrivateKey privateKey) throws InvalidKeyException {
            if (!(privateKey instanceof SignerKey k)) {
                throw new InvalidKeyException("not a DocumentSigner key");
            }
            signer = k.signer;
            data.reset();
        }

        @Override
        protected void engineUpdate(byte b) {
            data.write(b);
        }

        @Override
        protected void engineUpdate(byte[] b, int off, int len) {
            data.write(b, off, len);
        }

        @Override
        protected byte[] engineSign() throws SignatureException {
            try {
                return signer.sign(data.toByteArray(), algorithm);
            } catch (CredentialsException e) {
                throw new SignatureException(e.getMessage(), e);
            }
        }

        @Override
        protected boolean engineVerify(byte[] sigBytes) throws SignatureException {
            throw new SignatureException("sign only");
        }

        @Override
        @Deprecated
        protected void engineSetParameter(String param, Object value) {
            throw new InvalidParameterException("no parameters");
        }

        @Override
        @Deprecated
        protected Object engineGetParameter(String param) {
            return null;
        }
    }
}
