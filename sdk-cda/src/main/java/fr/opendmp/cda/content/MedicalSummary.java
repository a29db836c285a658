package fr.opendmp.cda.content;

import fr.opendmp.cda.content.internal.DocumentWalk;
import fr.opendmp.cda.content.internal.Kinds;
import fr.opendmp.cda.content.internal.SummaryParser;
import fr.opendmp.cda.read.CdaDocument;
import java.util.List;
import java.util.Set;

/**
 * The coded content of a synthèse médicale (VSM, type {@code SYNTH}): current problems, medical
 * and surgical history, allergies and long-term treatments. A section the model requires but the
 * document lacks, a section with narrative only (as the SDK's own VSM builder writes them), or an
 * entry that cannot be read is listed in {@link #unreadable()}.
 *
 * <pre>{@code
 * MedicalSummary vsm = MedicalSummary.read(CdaReader.read(bytes));
 * vsm.activeProblems().get(0).code();   // Optional[Code[…6.3, G45.9, …]]
 * }</pre>
 *
 * @param activeProblems pathologies en cours (section 11450-4)
 * @param medicalHistory antécédents médicaux (11348-0)
 * @param surgicalHistory antécédents chirurgicaux (47519-4)
 * @param allergies allergies et hypersensibilités (48765-2)
 * @param treatments traitements au long cours (10160-0)
 * @param unreadable what could not be read, and why
 */
public record MedicalSummary(List<Condition> activeProblems, List<Condition> medicalHistory,
        List<Procedure> surgicalHistory, List<Intolerance> allergies, List<Treatment> treatments,
        List<Unreadable> unreadable) implements ClinicalContent {

    /**
     * Copies the lists.
     *
     * @param activeProblems the active problems
     * @param medicalHistory the medical history
     * @param surgicalHistory the surgical history
     * @param allergies the allergies
     * @param treatments the treatments
     * @param unreadable the unreadable
     */
    public MedicalSummary {
        activeProblems = List.copyOf(activeProblems);
        medicalHistory = List.copyOf(medicalHistory);
        surgicalHistory = List.copyOf(surgicalHistory);
        allergies = List.copyOf(allergies);
        treatments = List.copyOf(treatments);
        unreadable = List.copyOf(unreadable);
    }

    /**
     * Reads a VSM.
     *
     * @param cda a document read by {@link fr.opendmp.cda.read.CdaReader}
     * @return its coded content
     * @throws ContentKindException if it is not a structured synthèse médicale
     */
    public static MedicalSummary read(CdaDocument cda) {
        Kinds.require(cda, "synthèse médicale (SYNTH)", Set.of(Kinds.SYNTH));
        return DocumentWalk.walk(cda, SummaryParser::parse);
    }

    /** Masked: counts only. */
    @Override
    public String toString() {
        return "MedicalSummary[activeProblems=" + activeProblems.size() + ", medicalHistory=" + medicalHistory.size()
                + ", surgicalHistory=" + surgicalHistory.size() + ", allergies=" + allergies.size() + ", treatments="
                + treatments.size() + ", unreadable=" + unreadable.size() + "]";
    }
}
