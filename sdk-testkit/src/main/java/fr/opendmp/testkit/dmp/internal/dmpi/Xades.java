package fr.opendmp.testkit.dmp.internal.dmpi;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.crypto.OctetStreamData;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.TransformService;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Checks the XAdES (IHE DSG style) signature document of an ITI-41 (spec dmp-xds §10, §17.1): the
 * SignedInfo signature with the KeyInfo certificate (chained to the test CA when one is trusted, with
 * a signing key usage), the Manifest with one {@code urn:oid:} reference for the SubmissionSet and one
 * per document, each document digest recomputed over the C14N-with-comments form of its received bytes.
 */
final class Xades {
    private Xades() {
    }

    /**
     * @param signature the signature document's bytes
     * @param submissionUniqueId the SubmissionSet uniqueId
     * @param documents uniqueId → received bytes, for every document entry (not the signature)
     * @param trustRoot the root the signer must chain to, if any
     * @param lenient whether Manifest URIs not matching the submission are a warning only
     * @param out where errors go (rules XADES_INVALID, XADES_DIGEST_MISMATCH)
     * @param location the signature entry id
     * @return the signer certificate when the signature is valid
     */
    static Optional<X509Certificate> check(byte[] signature, String submissionUniqueId, Map<String, byte[]> documents,
            Optional<X509Certificate> trustRoot, List<X509Certificate> issuers, boolean lenient, RegistryErrors out,
            String location) {
        Document doc;
        try {
            doc = Xml.parse(signature);
        } catch (SoapFault e) {
            out.error("XDSRepositoryMetadataError", "XADES_INVALID", "the signature document is not readable XML", location);
            return Optional.empty();
        }
        NodeList sigs = doc.getElementsByTagNameNS(Ns.DS, "Signature");
        if (sigs.getLength() != 1) {
            out.error("XDSRepositoryMetadataError", "XADES_INVALID", "the signature document needs one ds:Signature", location);
            return Optional.empty();
        }
        Element sig = (Element) sigs.item(0);
        registerIds(doc.getDocumentElement());
        X509Certificate signer;
        try {
            NodeList certs = sig.getElementsByTagNameNS(Ns.DS, "X509Certificate");
            if (certs.getLength() == 0) {
                throw new IllegalStateException("no KeyInfo certificate");
            }
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            signer = (X509Certificate) cf.generateCertificate(new ByteArrayInputStream(
                    Base64.getMimeDecoder().decode(certs.item(0).getTextContent().trim())));
            DOMValidateContext ctx = new DOMValidateContext(signer.getPublicKey(), sig);
            // SHA-1 is what every official sample and the DMP kit use (spec §10): secure validation would refuse it
            ctx.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.FALSE);
            XMLSignature xs = XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(ctx);
            if (!xs.validate(ctx)) {
                out.error("XDSRepositoryMetadataError", "XADES_INVALID",
                        "the XAdES signature (SignedInfo, Manifest or SignedProperties reference) does not verify", location);
                return Optional.empty();
            }
        } catch (Exception e) {
            out.error("XDSRepositoryMetadataError", "XADES_INVALID", "the XAdES signature cannot be verified: "
                    + e.getClass().getSimpleName(), location);
            return Optional.empty();
        }
        if (trustRoot.isPresent() && !chains(signer, trustRoot.get(), issuers, sig)) {
            out.error("XDSRepositoryMetadataError", "XADES_INVALID", "the signer certificate does not chain to the test CA",
                    location);
            return Optional.empty();
        }
        boolean[] ku = signer.getKeyUsage();
        if (ku != null && !ku[1] && !ku[0]) {
            out.error("XDSRepositoryMetadataError", "XADES_INVALID", "the signer certificate is not a signature certificate",
                    location);
            return Optional.empty();
        }
        manifest(doc, submissionUniqueId, documents, lenient, out, location);
        return Optional.of(signer);
    }

    private static void manifest(Document doc, String ssUid, Map<String, byte[]> documents, boolean lenient,
            RegistryErrors out, String location) {
        NodeList manifests = doc.getElementsByTagNameNS(Ns.DS, "Manifest");
        if (manifests.getLength() != 1) {
            out.error("XDSRepositoryMetadataError", "XADES_INVALID", "the signature needs one ds:Manifest", location);
            return;
        }
        List<String> seen = new ArrayList<>();
        for (Element ref : Xml.children((Element) manifests.item(0), Ns.DS, "Reference")) {
            String uri = ref.getAttribute("URI");
            String uid = uri.startsWith("urn:oid:") ? uri.substring(8) : uri;
            seen.add(uid);
            if (uid.equals(ssUid)) {
                continue;
            }
            byte[] content = documents.get(uid);
            if (content == null) {
                if (lenient) {
                    out.warning("XDSRepositoryMetadataError", "XADES_MANIFEST", "a Manifest reference names no document of the submission", location);
                } else {
                    out.error("XDSRepositoryMetadataError", "XADES_INVALID", "a Manifest reference names no document of the submission", location);
                }
                continue;
            }
            String alg = Xml.child(ref, Ns.DS, "DigestMethod").map(e -> e.getAttribute("Algorithm")).orElse("");
            String expected = Xml.text(Xml.child(ref, Ns.DS, "DigestValue"));
            Optional<String> actual = digest(content, alg);
            if (actual.isEmpty() || !actual.get().equals(expected.replaceAll("\\s", ""))) {
                out.error("XDSRepositoryMetadataError", "XADES_DIGEST_MISMATCH",
                        "the Manifest digest of document " + uid + " does not match the received document", location);
            }
        }
        for (String uid : documents.keySet()) {
            if (!seen.contains(uid)) {
                if (lenient) {
                    out.warning("XDSRepositoryMetadataError", "XADES_MANIFEST", "the Manifest does not reference document " + uid, location);
                } else {
                    out.error("XDSRepositoryMetadataError", "XADES_INVALID", "the Manifest does not reference document " + uid, location);
                }
            }
        }
        if (!seen.contains(ssUid)) {
            if (lenient) {
                out.warning("XDSRepositoryMetadataError", "XADES_MANIFEST", "the Manifest does not reference the SubmissionSet", location);
            } else {
                out.error("XDSRepositoryMetadataError", "XADES_INVALID", "the Manifest does not reference the SubmissionSet", location);
            }
        }
    }

    /** @return base64 of the digest of the C14N-with-comments form of the document */
    static Optional<String> digest(byte[] content, String algorithm) {
        String jca = switch (algorithm) {
            case "http://www.w3.org/2000/09/xmldsig#sha1" -> "SHA-1";
            case "http://www.w3.org/2001/04/xmlenc#sha256" -> "SHA-256";
            default -> null;
        };
        if (jca == null) {
            return Optional.empty();
        }
        try {
            TransformService c14n = TransformService.getInstance(CanonicalizationMethod.INCLUSIVE_WITH_COMMENTS, "DOM");
            c14n.init(null);
            OctetStreamData data = (OctetStreamData) c14n.transform(new OctetStreamData(
                    new ByteArrayInputStream(content)), null);
            try (InputStream in = data.getOctetStream()) {
                return Optional.of(Base64.getEncoder().encodeToString(MessageDigest.getInstance(jca).digest(in.readAllBytes())));
            }
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** @return whether the certificate names this professional (CN) or this structure (OU) */
    static boolean signedBy(X509Certificate signer, String idNatPs, String structureId) {
        try {
            var name = new javax.naming.ldap.LdapName(signer.getSubjectX500Principal().getName());
            for (var rdn : name.getRdns()) {
                String v = rdn.getValue().toString();
                if (("CN".equalsIgnoreCase(rdn.getType()) && v.equals(idNatPs))
                        || ("OU".equalsIgnoreCase(rdn.getType()) && !structureId.isBlank() && v.equals(structureId))) {
                    return true;
                }
            }
            return false;
        } catch (javax.naming.InvalidNameException e) {
            return false;
        }
    }

    private static boolean chains(X509Certificate signer, X509Certificate root, List<X509Certificate> issuers,
            Element sig) {
        try {
            signer.checkValidity();
            if (signer.getIssuerX500Principal().equals(root.getSubjectX500Principal())) {
                signer.verify(root.getPublicKey());
                return true;
            }
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            NodeList certs = sig.getElementsByTagNameNS(Ns.DS, "X509Certificate");
            List<X509Certificate> candidates = new ArrayList<>(issuers);
            for (int i = 1; i < certs.getLength(); i++) {
                candidates.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(
                        Base64.getMimeDecoder().decode(certs.item(i).getTextContent().trim()))));
            }
            for (X509Certificate c : candidates) {
                if (signer.getIssuerX500Principal().equals(c.getSubjectX500Principal())
                        && c.getIssuerX500Principal().equals(root.getSubjectX500Principal())) {
                    signer.verify(c.getPublicKey());
                    c.verify(root.getPublicKey());
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    private static void registerIds(Element e) {
        if (e.hasAttribute("Id")) {
            e.setIdAttribute("Id", true);
        }
        for (Element c : Xml.children(e)) {
            registerIds(c);
        }
    }
}
