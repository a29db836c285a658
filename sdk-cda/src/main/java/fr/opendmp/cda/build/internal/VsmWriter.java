package fr.opendmp.cda.build.internal;

import static fr.opendmp.cda.build.internal.Sections.allergies;
import static fr.opendmp.cda.build.internal.Sections.medications;
import static fr.opendmp.cda.build.internal.Sections.paragraphs;
import static fr.opendmp.cda.build.internal.Sections.problems;
import static fr.opendmp.cda.build.internal.Sections.section;

import fr.opendmp.cda.InstanceId;
import fr.opendmp.cda.build.Vsm;
import fr.opendmp.core.code.Code;
import fr.opendmp.core.code.CodeSystems;
import java.util.List;
import java.util.Optional;

/** The VSM body (sections and templateIds as in the ANS VSM example). */
public final class VsmWriter {

    /** The VSM model templateId root. */
    public static final String TEMPLATE = "1.2.250.1.213.1.1.1.13";

    private VsmWriter() {
    }

    /** @return the VSM model with this templateId extension (empty for none) */
    public static Model model(Optional<String> templateExtension) {
        return new Model(List.of(new InstanceId(TEMPLATE, templateExtension)),
                Optional.of(Code.of(CodeSystems.TRE_A05, "SYNTH", "Synthèse")), Optional.of("Synthèse médicale"),
                Optional.of(Code.of(CodeSystems.LOINC, "34117-2", "Historique et clinique")));
    }

    /** Writes {@code component/structuredBody}. */
    public static void body(Xml x, Vsm v) {
        x.start("component").start("structuredBody");
        Sections.open(x, List.of("1.2.250.1.213.1.1.2.29"), "46612-8", "Conclusions de synthèse",
                "Pathologies en cours, antécédents, allergies et facteurs de risque");
        Sections.open(x, List.of("1.2.250.1.213.1.1.2.30"), "34117-2", "Historique et physique",
                "Pathologies en cours, antécédents et allergies");
        section(x, List.of("2.16.840.1.113883.10.20.1.11", "1.3.6.1.4.1.19376.1.5.3.1.3.6", "1.2.250.1.213.1.1.2.132"),
                "11450-4", "Liste des problèmes actifs", "Pathologies en cours", problems(v.activeProblems()));
        section(x, List.of("1.3.6.1.4.1.19376.1.5.3.1.3.8", "1.2.250.1.213.1.1.2.134"), "11348-0",
                "Antécédents médicaux", "Antécédents médicaux", problems(v.medicalHistory()));
        if (!v.surgicalHistory().isEmpty()) {
            section(x, List.of("2.16.840.1.113883.10.20.1.12", "1.3.6.1.4.1.19376.1.5.3.1.3.11",
                    "1.2.250.1.213.1.1.2.136"), "47519-4", "Historique des actes", "Antécédents chirurgicaux",
                    problems(v.surgicalHistory()));
        }
        section(x, List.of("2.16.840.1.113883.10.20.1.2", "1.3.6.1.4.1.19376.1.5.3.1.3.13", "1.2.250.1.213.1.1.2.137"),
                "48765-2", "Allergies et hypersensibilités", "Allergies et hypersensibilités", allergies(v.allergies()));
        Sections.close(x);
        boolean anyRisk = !v.lifestyle().isEmpty() || !v.occupationalRisks().isEmpty() || !v.familyHistory().isEmpty();
        Sections.open(x, List.of("1.2.250.1.213.1.1.2.31"), "57207-3",
                "Facteurs de risque présents ou passés affectant l'état de santé et/ou une circonstance",
                "Facteurs de risque");
        if (!anyRisk) {
            x.start("text").text(Sections.NOTHING).end();
        }
        if (!v.lifestyle().isEmpty()) {
            section(x, List.of("2.16.840.1.113883.10.20.1.15", "1.3.6.1.4.1.19376.1.5.3.1.3.16",
                    "1.3.6.1.4.1.19376.1.5.3.1.3.16.1", "1.2.250.1.213.1.1.2.141"), "29762-2", "Habitus, Mode de vie",
                    "Mode de vie", paragraphs(v.lifestyle()));
        }
        if (!v.occupationalRisks().isEmpty()) {
            section(x, List.of("1.3.6.1.4.1.19376.1.5.3.1.1.5.3.1", "1.2.250.1.213.1.1.2.74"), "10161-8",
                    "Facteurs de risques professionnels", "Facteurs de risques professionnels",
                    paragraphs(v.occupationalRisks()));
        }
        if (!v.familyHistory().isEmpty()) {
            section(x, List.of("2.16.840.1.113883.10.20.1.4", "1.3.6.1.4.1.19376.1.5.3.1.3.14",
                    "1.3.6.1.4.1.19376.1.5.3.1.3.15", "1.2.250.1.213.1.1.2.139"), "10157-6",
                    "Historique des pathologies familiales", "Antécédents familiaux", paragraphs(v.familyHistory()));
        }
        Sections.close(x);
        Sections.close(x);
        section(x, List.of("1.3.6.1.4.1.19376.1.5.3.1.3.27", "1.2.250.1.213.1.1.2.150"), "30954-2",
                "Résultats d'examens", "Points de vigilance", paragraphs(v.vigilancePoints()));
        Sections.open(x, List.of("1.2.250.1.213.1.1.2.32"), "18776-5", "Plan de traitement", "Traitement au long cours");
        section(x, List.of("2.16.840.1.113883.10.20.1.8", "1.3.6.1.4.1.19376.1.5.3.1.3.19", "1.2.250.1.213.1.1.2.143"),
                "10160-0", "Traitements", "Traitements", medications(v.treatments()));
        Sections.close(x);
        x.end().end();
    }
}
