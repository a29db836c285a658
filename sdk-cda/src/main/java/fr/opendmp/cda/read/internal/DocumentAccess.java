package fr.opendmp.cda.read.internal;

import fr.opendmp.cda.read.CdaDocument;
import java.util.Objects;
import java.util.function.Function;
import org.w3c.dom.Element;

/**
 * The bridge through which the module's own typed readers reach the DOM a {@link CdaDocument}
 * keeps private. Not exported: callers outside the module never see the DOM.
 *
 * <p>A DOM is not safe for concurrent reading (deferred node expansion mutates it): walk it only
 * inside {@link #withRoot}, which holds the document's lock.
 */
public final class DocumentAccess {

    private static volatile Function<CdaDocument, Element> accessor;

    private DocumentAccess() {
    }

    /**
     * Installs the accessor, once, from {@link CdaDocument}'s initialisation.
     *
     * @param f how to reach the root element
     */
    public static void install(Function<CdaDocument, Element> f) {
        Objects.requireNonNull(f, "f");
        synchronized (DocumentAccess.class) {
            if (accessor != null) {
                throw new IllegalStateException("already installed");
            }
            accessor = f;
        }
    }

    /**
     * Runs {@code work} on the document's root element while holding the document's lock.
     *
     * @param doc the document (already initialised, so the accessor is installed)
     * @param work what to read
     * @param <T> the result type
     * @return what {@code work} returns
     */
    public static <T> T withRoot(CdaDocument doc, Function<Element, T> work) {
        Objects.requireNonNull(doc, "doc");
        Element root = accessor.apply(doc);
        synchronized (root.getOwnerDocument()) {
            return work.apply(root);
        }
    }
}
