package fr.opendmp.cda.content.internal;

import fr.opendmp.cda.content.ContentKindException;
import fr.opendmp.cda.read.CdaDocument;
import fr.opendmp.core.code.Code;
import java.util.Optional;
import java.util.Set;

/** Which document is which kind, from its type code and body. */
public final class Kinds {

    /** Note de vaccination. */
    public static final String VAC_NOTE = "87273-9";
    /** Historique des vaccinations. */
    public static final String VAC_HISTORY = "11369-6";
    /** CR d'examens biologiques. */
    public static final String LAB = "11502-2";
    /** Synthèse (TRE_A05). */
    public static final String SYNTH = "SYNTH";
    /** Historique de remboursements (TRE_A05). */
    public static final String REMB = "REMB";
    /** CR d'imagerie médicale. */
    public static final String IMAGING = "18748-4";

    private Kinds() {
    }

    /** @return the document type code, if any */
    public static Optional<String> typeCode(CdaDocument d) {
        return d.header().code().map(Code::code);
    }

    /** @return {@code "<code>, structured|N1|no body"}: what a kind error says the document is */
    public static String describe(CdaDocument d) {
        return typeCode(d).orElse("no type code") + ", "
                + (d.isN1() ? "N1" : d.isStructured() ? "structured" : "no structured body");
    }

    /**
     * @throws ContentKindException unless the document is structured and of one of these types
     */
    public static void require(CdaDocument d, String expected, Set<String> codes) {
        if (!d.isStructured() || typeCode(d).filter(codes::contains).isEmpty()) {
            throw new ContentKindException(expected, describe(d));
        }
    }
}
