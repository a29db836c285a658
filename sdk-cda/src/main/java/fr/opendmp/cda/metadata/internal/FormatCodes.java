package fr.opendmp.cda.metadata.internal;

import fr.opendmp.cda.read.CdaDocument;
import fr.opendmp.core.code.Code;
import fr.opendmp.core.code.CodeSystems;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** CDA model templateId → XDS formatCode (ANS terminology ConceptMap ASS_A11). */
public final class FormatCodes {

    private static final Map<String, Code> BY_TEMPLATE = new LinkedHashMap<>();
    private static final Map<String, Code> N1_BY_MEDIA = Map.of(
            "application/pdf", ihe("urn:ihe:iti:xds-sd:pdf:2008", "Document à corps non structuré en Pdf/A-1"),
            "text/plain", ihe("urn:ihe:iti:xds-sd:text:2008", "Document à corps non structuré en texte brut"),
            "image/jpeg", ihe("urn:ihe:iti-fr:xds-sd:jpeg:2010", "Document à corps non structuré en format jpeg"),
            "image/tiff", ihe("urn:ihe:iti-fr:xds-sd:tiff:2010", "Document à corps non structuré en format tiff"),
            "text/rtf", ihe("urn:ihe:iti-fr:xds-sd:rtf:2010", "Document à corps non structuré en format rtf"));

    static {
        BY_TEMPLATE.put("1.2.250.1.213.1.1.1.13", ans("urn:asip:ci-sis:vsm:2012", "Synthèse médicale"));
        BY_TEMPLATE.put("1.2.250.1.213.1.1.1.29", ans("urn:asip:ci-sis:ldl-ses:2017",
                "Lettre de Liaison à la sortie de l'établissement de santé"));
        BY_TEMPLATE.put("1.2.250.1.213.1.1.1.21", ans("urn:asip:ci-sis:ldl-ees:2017",
                "Lettre de Liaison à l'entrée d'un établissement de santé"));
        BY_TEMPLATE.put("1.2.250.1.213.1.1.1.36", ans("urn:asip:ci-sis:hr:2019", "Données de remboursement"));
        BY_TEMPLATE.put("1.2.250.1.213.1.1.1.55", ihe("urn:ihe:lab:xd-lab:2008",
                "Compte rendu structuré d'examens de biologie médicale"));
    }

    /** The format of a document no table entry matches. */
    public static final Code OUT_OF_PROFILE = ans("urn:asipSante:modelesHorsProfils:2011",
            "Document non référencé IHE ou CI-SIS");

    private FormatCodes() {
    }

    /** @return the format code of the document, if its model is known */
    public static Optional<Code> of(CdaDocument cda) {
        if (cda.isN1()) {
            return Optional.ofNullable(N1_BY_MEDIA.get(cda.nonXmlBody().orElseThrow().mediaType()));
        }
        return BY_TEMPLATE.entrySet().stream().filter(e -> cda.header().hasTemplate(e.getKey()))
                .map(Map.Entry::getValue).findFirst();
    }

    private static Code ans(String urn, String display) {
        return Code.of(CodeSystems.TRE_A06, urn, display);
    }

    private static Code ihe(String urn, String display) {
        return Code.of(CodeSystems.IHE_FORMAT, urn, display);
    }
}
