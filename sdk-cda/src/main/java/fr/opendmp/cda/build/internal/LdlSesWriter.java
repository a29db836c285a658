package fr.opendmp.cda.build.internal;

import static fr.opendmp.cda.build.internal.Sections.allergies;
import static fr.opendmp.cda.build.internal.Sections.medications;
import static fr.opendmp.cda.build.internal.Sections.paragraphs;
import static fr.opendmp.cda.build.internal.Sections.section;

import fr.opendmp.cda.InstanceId;
import fr.opendmp.cda.build.LdlSes;
import fr.opendmp.core.code.Code;
import fr.opendmp.core.code.CodeSystems;
import java.util.List;
import java.util.Optional;

/** The LDL-SES 2022.01 body (sections and templateIds as in the ANS LDL-SES example). */
public final class LdlSesWriter {

    /** The LDL-SES model templateId root. */
    public static final String TEMPLATE = "1.2.250.1.213.1.1.1.29";

    private LdlSesWriter() {
    }

    /** @return the LDL-SES 2022.01 model */
    public static Model model() {
        return new Model(List.of(InstanceId.of(TEMPLATE, "2022.01")),
                Optional.of(Code.of(CodeSystems.LOINC, "11490-0",
                        "Lettre de liaison à la sortie d'un établissement de soins")),
                Optional.of("Lettre de liaison à la sortie de l'établissement de santé"),
                Optional.of(Code.of("urn:oid:2.16.840.1.113883.5.4", "IMP",
                        "Hospitalisation (établissement, y compris HAD)")));
    }

    /** Writes {@code component/structuredBody}. */
    public static void body(Xml x, LdlSes l) {
        x.start("component").start("structuredBody");
        section(x, List.of("1.2.250.1.213.1.1.2.35", "1.2.250.1.213.1.1.2.35.1"), "33557-0", "Etat d'achèvement",
                "Statut du document", paragraphs(List.of(l.documentStatus())));
        section(x, List.of("1.3.6.1.4.1.19376.1.5.3.1.3.1", "1.2.250.1.213.1.1.2.127"), "42349-1",
                "Raison de la recommandation", "Motif de l'hospitalisation", paragraphs(List.of(l.admissionReason())));
        section(x, List.of("1.3.6.1.4.1.19376.1.5.3.1.1.21.2.9", "1.3.6.1.4.1.19376.1.7.3.1.1.13.7",
                "1.2.250.1.213.1.1.2.163", "1.2.250.1.213.1.1.2.163.1"), "42545-4", "Evènements observés",
                "Synthèse médicale du séjour", paragraphs(l.staySummary()));
        if (!l.stoppedTreatments().isEmpty()) {
            section(x, List.of("1.3.6.1.4.1.19376.1.5.3.1.3.21", "1.2.250.1.213.1.1.2.145"), "18610-6",
                    "Traitements administrés", "Traitements arrêtés durant le séjour",
                    medications(l.stoppedTreatments()));
        }
        section(x, List.of("1.3.6.1.4.1.19376.1.5.3.1.3.22", "1.2.250.1.213.1.1.2.146"), "10183-2",
                "Traitements à la sortie", "Traitements à la sortie", medications(l.dischargeTreatments()));
        if (!l.results().isEmpty()) {
            section(x, List.of("1.3.6.1.4.1.19376.1.5.3.1.3.27", "1.2.250.1.213.1.1.2.150"), "30954-2",
                    "Résultats d'examens", "Résultats d'examens / Autres informations attendues",
                    paragraphs(l.results()));
        }
        if (!l.followUp().isEmpty()) {
            section(x, List.of("2.16.840.1.113883.10.20.1.10", "1.3.6.1.4.1.19376.1.5.3.1.3.36",
                    "1.2.250.1.213.1.1.2.158"), "18776-5", "Plan de soins", "Suites à donner", paragraphs(l.followUp()));
        }
        if (!l.devices().isEmpty()) {
            section(x, List.of("1.3.6.1.4.1.19376.1.5.3.1.1.5.3.5", "1.2.250.1.213.1.1.2.1"), "46264-8",
                    "Dispositifs médicaux", "Dispositifs médicaux", paragraphs(l.devices()));
        }
        if (!l.allergies().isEmpty()) {
            section(x, List.of("2.16.840.1.113883.10.20.1.2", "1.3.6.1.4.1.19376.1.5.3.1.3.13",
                    "1.2.250.1.213.1.1.2.137"), "48765-2", "Allergies et hypersensibilités",
                    "Allergies identifiées pendant le séjour", allergies(l.allergies()));
        }
        x.end().end();
    }
}
