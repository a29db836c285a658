package fr.opendmp.cda.content.internal;

import fr.opendmp.cda.read.CdaDocument;
import fr.opendmp.cda.read.internal.DocumentAccess;
import java.util.function.BiFunction;
import org.w3c.dom.Element;

/** Runs a parser on a document's DOM under its lock, with the narrative index. */
public final class DocumentWalk {

    private DocumentWalk() {
    }

    /** @return what the parser reads from the root element */
    public static <T> T walk(CdaDocument cda, BiFunction<Element, Entries, T> parser) {
        return DocumentAccess.withRoot(cda, root -> parser.apply(root, new Entries(root)));
    }
}
