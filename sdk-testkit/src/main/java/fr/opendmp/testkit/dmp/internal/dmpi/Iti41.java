package fr.opendmp.testkit.dmp.internal.dmpi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.opendmp.core.ins.InsMatricule;
import fr.opendmp.core.ins.InsOid;
import fr.opendmp.testkit.dmp.Validation;
import fr.opendmp.testkit.dmp.internal.Caller;
import fr.opendmp.testkit.dmp.internal.Deposits;
import fr.opendmp.testkit.dmp.internal.DocumentValidator;
import fr.opendmp.testkit.dmp.internal.Engine;
import fr.opendmp.testkit.dmp.internal.FhirException;
import fr.opendmp.testkit.dmp.internal.Issue;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Element;

/** ITI-41 Provide and Register Document Set-b (TD2.1, TD2.1b), checked as spec dmp-xds §17.1. */
final class Iti41 {
    private final Engine engine;
    private final DmpiSettings settings;

    Iti41(Engine engine, DmpiSettings settings) {
        this.engine = engine;
        this.settings = settings;
    }

    /** The result: the patient, the warnings, whether it was a replacement. */
    record Result(String ins, List<RegistryErrors.Err> warnings, boolean replacement) {
    }

    /** The patient named by the submission, read before the checks (for the history). */
    static Optional<String> patientOf(Element request) {
        for (Element e : list(request)) {
            if (Ns.SS_PATIENT_ID.equals(e.getAttribute("identificationScheme"))) {
                String v = e.getAttribute("value");
                String m = v.contains("^") ? v.substring(0, v.indexOf('^')) : v;
                return InsMatricule.isValid(m) ? Optional.of(InsMatricule.parse(m).value()) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static List<Element> list(Element request) {
        List<Element> out = new ArrayList<>();
        var nl = request.getElementsByTagNameNS(Ns.RIM, "ExternalIdentifier");
        for (int i = 0; i < nl.getLength(); i++) {
            out.add((Element) nl.item(i));
        }
        return out;
    }

    Result handle(Element request, SoapMessage message, Caller caller) {
        boolean strict = settings.validation() == Validation.STRICT;
        RegistryErrors errs = new RegistryErrors();
        Element list = Xml.path(request, Ns.LCM, "SubmitObjectsRequest").flatMap(s -> Xml.child(s, Ns.RIM, "RegistryObjectList"))
                .orElseThrow(() -> RegistryErrors.Failure.of("XDSRegistryMetadataError", "REQUIRED",
                        "lcm:SubmitObjectsRequest/rim:RegistryObjectList is missing", ""));
        List<RimObject> packages = new ArrayList<>();
        List<RimObject> entries = new ArrayList<>();
        List<RimObject> associations = new ArrayList<>();
        List<Element> topClassifications = new ArrayList<>();
        for (Element e : Xml.children(list)) {
            if (Xml.is(e, Ns.RIM, "RegistryPackage")) {
                packages.add(new RimObject(e));
            } else if (Xml.is(e, Ns.RIM, "ExtrinsicObject")) {
                entries.add(new RimObject(e));
            } else if (Xml.is(e, Ns.RIM, "Association")) {
                associations.add(new RimObject(e));
            } else if (Xml.is(e, Ns.RIM, "Classification")) {
                topClassifications.add(e);
            }
        }
        List<RimObject> submissionSets = new ArrayList<>();
        for (RimObject p : packages) {
            boolean ss = p.hasNode(Ns.SUBMISSION_SET) || topClassifications.stream().anyMatch(c ->
                    Ns.SUBMISSION_SET.equals(c.getAttribute("classificationNode")) && p.id.equals(c.getAttribute("classifiedObject")));
            boolean folder = p.hasNode(Ns.FOLDER) || topClassifications.stream().anyMatch(c ->
                    Ns.FOLDER.equals(c.getAttribute("classificationNode")) && p.id.equals(c.getAttribute("classifiedObject")));
            if (folder) {
                throw RegistryErrors.Failure.of("XDSRegistryMetadataError", "FOLDER_NOT_SUPPORTED",
                        "the DMP does not use folders", p.id);
            }
            if (ss) {
                submissionSets.add(p);
            }
        }
        if (submissionSets.size() != 1) {
            throw RegistryErrors.Failure.of("XDSRegistryMetadataError", "SUBMISSION_SET",
                    "the submission needs exactly one SubmissionSet", "");
        }
        RimObject ss = submissionSets.get(0);
        if (entries.isEmpty()) {
            throw RegistryErrors.Failure.of("XDSRegistryMetadataError", "REQUIRED", "the submission has no DocumentEntry", "");
        }
        // patient
        String ssPatient = ss.identifiers.getOrDefault(Ns.SS_PATIENT_ID, "");
        String[] cx = parseCx(ssPatient);
        if (cx == null) {
            throw RegistryErrors.Failure.of("XDSUnknownPatientId", "INVALID_INS",
                    "the SubmissionSet patientId is not an INS (matricule^^^&INS OID&ISO^NH with a valid key)", ss.id);
        }
        String ins = cx[0];
        String ssUid = ss.identifiers.getOrDefault(Ns.SS_UNIQUE_ID, "");
        if (ssUid.isEmpty()) {
            errs.error("XDSRegistryMetadataError", "REQUIRED", "the SubmissionSet uniqueId is missing", ss.id);
        }
        if (!ss.identifiers.containsKey(Ns.SS_SOURCE_ID)) {
            errs.error("XDSRegistryMetadataError", "REQUIRED", "the SubmissionSet sourceId is missing", ss.id);
        }
        if (ss.slot("submissionTime").isEmpty()) {
            errs.error("XDSRegistryMetadataError", "REQUIRED", "the SubmissionSet submissionTime is missing", ss.id);
        }
        // documents and their contents
        Map<String, byte[]> contents = new LinkedHashMap<>();
        List<Element> docs = Xml.children(request, Ns.XDS, "Document");
        for (Element d : docs) {
            String id = d.getAttribute("id");
            Optional<RimObject> eo = entries.stream().filter(x -> strict ? x.id.equals(id) : x.id.equalsIgnoreCase(id)).findFirst();
            if (eo.isEmpty()) {
                errs.error("XDSMissingDocumentMetadata", "MTOM_PART_MISSING", "xds:Document " + id + " has no ExtrinsicObject", id);
                continue;
            }
            Optional<Element> include = Xml.child(d, Ns.XOP, "Include");
            if (include.isPresent()) {
                Optional<byte[]> part = message.part(include.get().getAttribute("href"));
                if (part.isEmpty()) {
                    errs.error("XDSMissingDocument", "MTOM_PART_MISSING", "the MIME part referenced by xds:Document " + id
                            + " is absent", id);
                } else {
                    contents.put(eo.get().id, part.get());
                }
            } else if (!strict || !message.multipart()) {
                if (strict) {
                    errs.error("XDSMissingDocument", "MTOM_PART_MISSING", "STRICT: the document must be an MTOM part", id);
                    continue;
                }
                try {
                    contents.put(eo.get().id, Base64.getMimeDecoder().decode(d.getTextContent().trim()));
                } catch (IllegalArgumentException e) {
                    errs.error("XDSMissingDocument", "MTOM_PART_MISSING", "the inline document is not base64", id);
                }
            } else {
                errs.error("XDSMissingDocument", "MTOM_PART_MISSING", "STRICT: the document must be an MTOM part", id);
            }
        }
        for (RimObject eo : entries) {
            if (docs.stream().noneMatch(d -> strict ? d.getAttribute("id").equals(eo.id) : d.getAttribute("id").equalsIgnoreCase(eo.id))) {
                errs.error("XDSMissingDocument", "MTOM_PART_MISSING", "ExtrinsicObject " + eo.id + " has no xds:Document", eo.id);
            }
        }
        errs.throwIfErrors();
        // associations
        Optional<RimObject> signature = Optional.empty();
        Map<String, String> replaces = new LinkedHashMap<>();
        for (RimObject eo : entries) {
            boolean isSignature = eo.first(Ns.DE_CLASS).map(c -> Ns.SIGNATURE_CLASS.equals(c.code())).orElse(false);
            if (isSignature) {
                if (signature.isPresent()) {
                    errs.error("XDSRegistryMetadataError", "XADES_INVALID", "more than one signature entry", eo.id);
                }
                signature = Optional.of(eo);
            }
            boolean member = associations.stream().anyMatch(a -> Ns.HAS_MEMBER.equals(a.element.getAttribute("associationType"))
                    && ss.id.equals(a.element.getAttribute("sourceObject")) && eo.id.equals(a.element.getAttribute("targetObject"))
                    && a.slot("SubmissionSetStatus").map("Original"::equals).orElse(false));
            if (!member) {
                errs.error("XDSRegistryMetadataError", "REQUIRED", "no HasMember association (SubmissionSetStatus Original) to "
                        + eo.id, eo.id);
            }
            String pid = eo.identifiers.getOrDefault(Ns.DE_PATIENT_ID, "");
            String[] ecx = parseCx(pid);
            if (ecx == null || !ecx[0].equals(ins)) {
                errs.error("XDSPatientIdDoesNotMatch", "PATIENT_MISMATCH",
                        "the DocumentEntry patientId differs from the SubmissionSet's", eo.id);
            }
            if (eo.identifiers.getOrDefault(Ns.DE_UNIQUE_ID, "").isEmpty()) {
                errs.error("XDSRegistryMetadataError", "REQUIRED", "the DocumentEntry uniqueId is missing", eo.id);
            }
            if (eo.slot("sourcePatientId").isEmpty()) {
                errs.error("XDSRegistryMetadataError", "REQUIRED", "slot sourcePatientId is missing", eo.id);
            }
            if (eo.slot("creationTime").isEmpty()) {
                errs.error("XDSRegistryMetadataError", "REQUIRED", "slot creationTime is missing", eo.id);
            }
        }
        for (RimObject a : associations) {
            if (Ns.RPLC.equals(a.element.getAttribute("associationType"))) {
                String target = a.element.getAttribute("targetObject");
                replaces.put(a.element.getAttribute("sourceObject"), target.startsWith("urn:uuid:") ? target.substring(9) : target);
            }
        }
        boolean requireSignature = strict && settings.requireSignatureEntry();
        if (signature.isEmpty() && requireSignature) {
            errs.error("XDSRegistryMetadataError", "XADES_MISSING", "the submission has no XAdES signature entry", ss.id);
        }
        if (signature.isPresent()) {
            String sigId = signature.get().id;
            boolean signs = associations.stream().anyMatch(a -> Ns.SIGNS.equals(a.element.getAttribute("associationType"))
                    && sigId.equals(a.element.getAttribute("sourceObject")) && ss.id.equals(a.element.getAttribute("targetObject")));
            if (!signs) {
                errs.error("XDSRegistryMetadataError", "XADES_MISSING", "no signs association from the signature to the SubmissionSet",
                        sigId);
            }
        }
        // metadata of each document, against the value sets, and hash/size
        DocumentValidator validator = new DocumentValidator(settings.validation());
        List<Deposits.XdsDocument> toStore = new ArrayList<>();
        Map<String, byte[]> byUniqueId = new LinkedHashMap<>();
        String structure = caller.professional().structureId();
        for (RimObject eo : entries) {
            byte[] content = contents.get(eo.id);
            if (content == null) {
                continue;
            }
            boolean isSignature = signature.map(s -> s.id.equals(eo.id)).orElse(false);
            ObjectNode dr = XdsMetadata.toDocumentReference(eo, ins, cx[1], content, structure.isBlank() ? "DMP" : structure);
            if (!isSignature) {
                List<Issue> issues = new ArrayList<>();
                validator.validate(dr, "ExtrinsicObject", false, issues);
                for (Issue i : issues) {
                    String text = i.diagnostics() + " (" + i.expression().replace("ExtrinsicObject.", "") + ")";
                    if (i.isError()) {
                        errs.error("XDSRegistryMetadataError", i.ruleId(), text, eo.id);
                    } else {
                        errs.warning("XDSRegistryMetadataError", i.ruleId(), text, eo.id);
                    }
                }
                byUniqueId.put(eo.identifiers.getOrDefault(Ns.DE_UNIQUE_ID, ""), content);
                if (eo.element.getAttribute("mimeType").contains("xml")) {
                    try {
                        engine.deposits().checkXmlDocumentPatient(content, ins, eo.id);
                    } catch (FhirException e) {
                        Issue i = e.issues().get(0);
                        errs.error("PATIENT_MISMATCH".equals(i.ruleId()) ? "XDSPatientIdDoesNotMatch" : "XDSRepositoryMetadataError",
                                i.ruleId(), i.diagnostics(), eo.id);
                    }
                }
            }
            eo.slot("size").ifPresent(s -> {
                if (!s.equals(Long.toString(content.length))) {
                    errs.error("XDSNonIdenticalSize", "SIZE_MISMATCH", "slot size differs from the document's size", eo.id);
                }
            });
            eo.slot("hash").ifPresent(h -> {
                String actual = HexFormat.of().formatHex(Base64.getDecoder().decode(Deposits.sha1(content)));
                if (!h.toLowerCase(Locale.ROOT).equals(actual)) {
                    errs.error("XDSNonIdenticalHash", "HASH_MISMATCH", "slot hash is not the SHA-1 of the document", eo.id);
                }
            });
            toStore.add(new Deposits.XdsDocument(dr, content, Optional.ofNullable(replaces.get(eo.id))));
        }
        errs.throwIfErrors();
        if (signature.isPresent() && contents.containsKey(signature.get().id)) {
            Optional<java.security.cert.X509Certificate> signer = Xades.check(contents.get(signature.get().id), ssUid,
                    byUniqueId, settings.trustRoot(), settings.issuers(), !strict, errs, signature.get().id);
            errs.throwIfErrors();
            if (signer.isPresent() && settings.trustRoot().isPresent() && settings.xadesSignerMustMatchVihf()
                    && !Xades.signedBy(signer.get(), caller.id(), caller.professional().structureId())) {
                throw RegistryErrors.Failure.of("XDSRepositoryMetadataError", "XADES_SIGNER_MISMATCH",
                        "the XAdES signer is neither the VIHF's professional nor its structure", signature.get().id);
            }
        }
        try {
            engine.deposits().xds(ins, toStore, Optional.of(XdsMetadata.submissionSetList(ss, ins, cx[1])), caller);
        } catch (FhirException e) {
            Issue i = e.issues().get(0);
            switch (i.ruleId()) {
                case "DUPLICATE_UNIQUEID" -> throw RegistryErrors.Failure.of("XDSDuplicateUniqueIdInRegistry",
                        "DUPLICATE_UNIQUEID", i.diagnostics(), i.expression());
                case "REPLACEMENT_TARGET" -> throw RegistryErrors.Failure.of("XDSRegistryMetadataError",
                        "REPLACEMENT_TARGET", i.diagnostics(), i.expression());
                case "DMP_NOT_FOUND" -> throw RegistryErrors.Failure.of("XDSUnknownPatientId", "DMP_NOT_FOUND",
                        i.diagnostics(), ss.id);
                default -> throw e;
            }
        }
        return new Result(ins, errs.list, !replaces.isEmpty());
    }

    /** @return {matricule, INS OID} of a CX, or null when it is not an INS with a valid key */
    static String[] parseCx(String cx) {
        String[] f = cx.split("\\^", -1);
        if (f.length < 4) {
            return null;
        }
        String[] hd = f[3].split("&", -1);
        if (hd.length < 2 || InsOid.find(hd[1]).isEmpty() || !InsMatricule.isValid(f[0])) {
            return null;
        }
        return new String[] {InsMatricule.parse(f[0]).value(), hd[1]};
    }
}
