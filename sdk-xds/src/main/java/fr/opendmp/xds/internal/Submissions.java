package fr.opendmp.xds.internal;

import fr.opendmp.core.document.Author;
import fr.opendmp.core.code.Code;
import fr.opendmp.core.code.CodeSystems;
import fr.opendmp.core.document.Confidentiality;
import fr.opendmp.core.document.Deposit;
import fr.opendmp.core.document.DocumentContent;
import fr.opendmp.core.document.DocumentMetadata;
import fr.opendmp.core.document.UniqueIds;
import fr.opendmp.core.document.Visibility;
import fr.opendmp.core.credentials.DocumentSigner;
import fr.opendmp.core.ins.IdentityTraits;
import fr.opendmp.core.ins.Ins;
import fr.opendmp.xds.XdsTransport.PatientIdCxForm;
import fr.opendmp.xds.XdsTransport.XadesAlgorithms;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** ITI-41 (TD2.1, TD2.1b) and the SubmissionSet of ITI-57: the ebRIM metadata and the MTOM parts. Not API. */
public final class Submissions {

    private static final DateTimeFormatter YMD = DateTimeFormatter.ofPattern("yyyyMMdd");

    private Submissions() {
    }

    /**
     * What a submission needs besides the deposit.
     *
     * @param sourceOid the LPS instance OID (sourceId)
     * @param contentType the contentTypeCode
     * @param cxForm the patient CX form
     * @param now the submission time
     * @param algorithms the XAdES algorithms
     * @param signer the XAdES signer
     */
    public record Context(String sourceOid, Code contentType, PatientIdCxForm cxForm, Instant now,
            XadesAlgorithms algorithms, DocumentSigner signer) {
    }

    /**
     * A written ITI-41 request.
     *
     * @param body the {@code xds:ProvideAndRegisterDocumentSetRequest}
     * @param parts the MTOM parts (documents, then the signature)
     * @param rootId the MTOM root Content-ID
     * @param submissionSetUniqueId the SubmissionSet's uniqueId
     */
    public record Built(String body, List<Mtom.Part> parts, String rootId, String submissionSetUniqueId) {
    }

    /** @return the patient CX per the form */
    public static String cx(Ins ins, PatientIdCxForm form, Instant now) {
        return form == PatientIdCxForm.SHORT ? ins.cx()
                : ins.cx() + "^^" + YMD.format(now.atOffset(ZoneOffset.UTC));
    }

    /**
     * @param deposit the documents
     * @param replaces the entryUUID the (single) document replaces, if any
     * @param ctx the context
     * @return the request
     */
    public static Built iti41(Deposit deposit, Optional<String> replaces, Context ctx) {
        Ins ins = deposit.ins();
        String cx = cx(ins, ctx.cxForm(), ctx.now());
        String unique = Mtom.unique();
        String ssUnique = Rim.xdsUniqueId(UniqueIds.randomOid());
        String sigUnique = Rim.xdsUniqueId(UniqueIds.randomOid());
        Counter n = new Counter();
        StringBuilder b = new StringBuilder(8192);
        b.append("<xds:ProvideAndRegisterDocumentSetRequest xmlns:xds=\"").append(Ns.XDS).append("\" xmlns:lcm=\"")
                .append(Ns.LCM).append("\" xmlns:rim=\"").append(Ns.RIM).append("\" xmlns:xop=\"").append(Ns.XOP)
                .append("\"><lcm:SubmitObjectsRequest><rim:RegistryObjectList>");
        submissionSet(b, "SubmissionSet01", deposit.submissionAuthor(), deposit.submissionTitle(), cx, ctx,
                ssUnique, n);
        List<Mtom.Part> parts = new ArrayList<>();
        List<Xades.Signed> signed = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        int i = 1;
        for (DocumentContent doc : deposit.documents()) {
            String id = String.format("Document%02d", i++);
            ids.add(id);
            documentEntry(b, id, doc.metadata(), cx, deposit.patient().traits(), n);
            String uid = Rim.xdsUniqueId(doc.metadata().uniqueId());
            parts.add(new Mtom.Part(Mtom.contentId(id.toLowerCase(java.util.Locale.ROOT), unique),
                    doc.metadata().contentType(), doc.content()));
            signed.add(new Xades.Signed(uid, doc.content()));
        }
        DocumentMetadata first = deposit.documents().get(0).metadata();
        signatureEntry(b, "Signature01", deposit.submissionAuthor(), first, cx, ctx.now(), sigUnique, n);
        for (String id : ids) {
            hasMember(b, "a" + n.next(), "SubmissionSet01", id, Optional.empty());
        }
        hasMember(b, "a" + n.next(), "SubmissionSet01", "Signature01", Optional.empty());
        b.append("<rim:Association id=\"a").append(n.next()).append("\" associationType=\"").append(Rim.SIGNS)
                .append("\" sourceObject=\"Signature01\" targetObject=\"SubmissionSet01\"/>");
        replaces.ifPresent(old -> b.append("<rim:Association id=\"a").append(n.next()).append("\" associationType=\"")
                .append(Rim.RPLC).append("\" sourceObject=\"").append(ids.get(0)).append("\" targetObject=\"")
                .append(Xml.esc(old)).append("\"/>"));
        b.append("</rim:RegistryObjectList></lcm:SubmitObjectsRequest>");
        byte[] signature = Xades.sign(ctx.signer(), ctx.algorithms(), ssUnique, signed, ctx.now());
        parts.add(new Mtom.Part(Mtom.contentId("signature01", unique), "text/xml",
                ByteBuffer.wrap(signature).asReadOnlyBuffer()));
        for (int k = 0; k < ids.size(); k++) {
            document(b, ids.get(k), parts.get(k).contentId());
        }
        document(b, "Signature01", parts.get(parts.size() - 1).contentId());
        b.append("</xds:ProvideAndRegisterDocumentSetRequest>");
        return new Built(b.toString(), parts, Mtom.contentId("root", unique), ssUnique);
    }

    private static void document(StringBuilder b, String id, String contentId) {
        b.append("<xds:Document id=\"").append(id).append("\"><xop:Include href=\"cid:").append(contentId)
                .append("\"/></xds:Document>");
    }

    /** Appends a HasMember association, with SubmissionSetStatus Original and the PreviousVersion if any. */
    public static void hasMember(StringBuilder b, String id, String ss, String target, Optional<String> previous) {
        b.append("<rim:Association id=\"").append(id).append("\" associationType=\"").append(Rim.HAS_MEMBER)
                .append("\" sourceObject=\"").append(ss).append("\" targetObject=\"").append(Xml.esc(target))
                .append("\">");
        Rim.slot(b, "SubmissionSetStatus", "Original");
        previous.ifPresent(p -> Rim.slot(b, "PreviousVersion", p));
        b.append("</rim:Association>");
    }

    /** A counter of symbolic ids. */
    public static final class Counter {
        private int value;

        /** @return the next number */
        public int next() {
            return ++value;
        }
    }

    /**
     * Appends the SubmissionSet package.
     *
     * @param b where
     * @param id its symbolic id
     * @param author the submission author
     * @param title the title, if any
     * @param cx the patient CX
     * @param ctx the context
     * @param uniqueId its uniqueId
     * @param n the id counter
     */
    public static void submissionSet(StringBuilder b, String id, Author author, Optional<String> title, String cx,
            Context ctx, String uniqueId, Counter n) {
        b.append("<rim:RegistryPackage id=\"").append(id).append("\">");
        Rim.slot(b, "submissionTime", Dtm.format(ctx.now()));
        title.ifPresent(t -> Rim.localized(b, "Name", t));
        b.append("<rim:Classification classificationNode=\"").append(Rim.SS_NODE).append("\" classifiedObject=\"")
                .append(id).append("\" id=\"cl").append(n.next()).append("\"/>");
        Rim.author(b, "cl" + n.next(), Rim.SS_AUTHOR, id, author);
        Rim.coded(b, "cl" + n.next(), Rim.SS_CONTENT_TYPE, id, ctx.contentType());
        Rim.external(b, "ei" + n.next(), Rim.SS_PATIENT_ID, id, cx, "XDSSubmissionSet.patientId");
        Rim.external(b, "ei" + n.next(), Rim.SS_SOURCE_ID, id, ctx.sourceOid(), "XDSSubmissionSet.sourceId");
        Rim.external(b, "ei" + n.next(), Rim.SS_UNIQUE_ID, id, uniqueId, "XDSSubmissionSet.uniqueId");
        b.append("</rim:RegistryPackage>");
    }

    private static void documentEntry(StringBuilder b, String id, DocumentMetadata m, String cx, IdentityTraits traits,
            Counter n) {
        b.append("<rim:ExtrinsicObject id=\"").append(id).append("\" mimeType=\"").append(Xml.esc(m.contentType()))
                .append("\" objectType=\"").append(Rim.DOC_ENTRY).append("\">");
        Rim.slot(b, "creationTime", Dtm.format(m.creationTime()));
        Rim.slot(b, "languageCode", m.language());
        Rim.slot(b, "legalAuthenticator", Rim.xcn(m.legalAuthenticator().orElse(m.authors().get(0))));
        Rim.slot(b, "serviceStartTime", Dtm.format(m.serviceStart()));
        m.serviceEnd().ifPresent(e -> Rim.slot(b, "serviceStopTime", Dtm.format(e)));
        Rim.slot(b, "sourcePatientId", cx);
        List<String> info = new ArrayList<>();
        info.add("PID-5|" + Rim.hl7(traits.birthName()) + "^" + Rim.hl7(traits.firstBirthFirstName()) + "^^^^^L");
        traits.birthLocalDate().ifPresent(d -> info.add("PID-7|" + YMD.format(d)));
        info.add("PID-8|" + traits.sex().name());
        Rim.slot(b, "sourcePatientInfo", info);
        Rim.localized(b, "Name", m.title());
        m.description().ifPresent(d -> Rim.localized(b, "Description", d));
        for (Author a : m.authors()) {
            Rim.author(b, "cl" + n.next(), Rim.DE_AUTHOR, id, a);
        }
        Rim.coded(b, "cl" + n.next(), Rim.DE_CLASS, id, m.classCode());
        confidentiality(b, id, m.confidentiality(), m.visibility(), n);
        for (Code e : m.events()) {
            Rim.coded(b, "cl" + n.next(), Rim.DE_EVENT, id, e);
        }
        Rim.coded(b, "cl" + n.next(), Rim.DE_FORMAT, id, m.format());
        Rim.coded(b, "cl" + n.next(), Rim.DE_FACILITY, id, m.facilityType());
        Rim.coded(b, "cl" + n.next(), Rim.DE_PRACTICE, id, m.practiceSetting());
        Rim.coded(b, "cl" + n.next(), Rim.DE_TYPE, id, m.type());
        Rim.external(b, "ei" + n.next(), Rim.DE_PATIENT_ID, id, cx, "XDSDocumentEntry.patientId");
        Rim.external(b, "ei" + n.next(), Rim.DE_UNIQUE_ID, id, Rim.xdsUniqueId(m.uniqueId()),
                "XDSDocumentEntry.uniqueId");
        b.append("</rim:ExtrinsicObject>");
    }

    /** Appends the confidentiality Classifications: the level, then each visibility flag. */
    public static void confidentiality(StringBuilder b, String id, Confidentiality level,
            java.util.Set<Visibility> flags, Counter n) {
        Rim.coded(b, "cl" + n.next(), Rim.DE_CONFIDENTIALITY, id, level.toCode());
        for (Visibility v : Visibility.values()) {
            if (flags.contains(v)) {
                Rim.coded(b, "cl" + n.next(), Rim.DE_CONFIDENTIALITY, id, Code.of(v.toCode().system(), v.name(),
                        v.name()));
            }
        }
    }

    private static void signatureEntry(StringBuilder b, String id, Author author, DocumentMetadata first, String cx,
            Instant now, String uniqueId, Counter n) {
        b.append("<rim:ExtrinsicObject id=\"").append(id).append("\" mimeType=\"text/xml\" objectType=\"")
                .append(Rim.DOC_ENTRY).append("\">");
        String t = Dtm.format(now);
        Rim.slot(b, "creationTime", t);
        Rim.slot(b, "languageCode", "art");
        Rim.slot(b, "legalAuthenticator", Rim.xcn(author));
        Rim.slot(b, "serviceStartTime", t);
        Rim.slot(b, "serviceStopTime", t);
        Rim.slot(b, "sourcePatientId", cx);
        Rim.localized(b, "Name", "Source");
        Rim.author(b, "cl" + n.next(), Rim.DE_AUTHOR, id, author);
        Rim.coded(b, "cl" + n.next(), Rim.DE_CLASS, id, Code.of(CodeSystems.TRE_A10, Rim.SIGNATURE_CLASS,
                "Digital Signature"));
        confidentiality(b, id, Confidentiality.NORMAL, java.util.Set.of(Visibility.MASQUE_PS,
                Visibility.INVISIBLE_PATIENT), n);
        Rim.coded(b, "cl" + n.next(), Rim.DE_EVENT, id, Code.of("urn:oid:1.2.840.10065.1.12", Xades.PURPOSE,
                "Source"));
        Rim.coded(b, "cl" + n.next(), Rim.DE_FORMAT, id, Code.of(CodeSystems.TRE_A10,
                "http://www.w3.org/2000/09/xmldsig#", "Default Signature Style"));
        Rim.coded(b, "cl" + n.next(), Rim.DE_FACILITY, id, first.facilityType());
        Rim.coded(b, "cl" + n.next(), Rim.DE_PRACTICE, id, first.practiceSetting());
        Rim.coded(b, "cl" + n.next(), Rim.DE_TYPE, id, Code.of(CodeSystems.TRE_A12, "E1762", "Full Document"));
        Rim.external(b, "ei" + n.next(), Rim.DE_PATIENT_ID, id, cx, "XDSDocumentEntry.patientId");
        Rim.external(b, "ei" + n.next(), Rim.DE_UNIQUE_ID, id, uniqueId, "XDSDocumentEntry.uniqueId");
        b.append("</rim:ExtrinsicObject>");
    }
}
