package fr.opendmp.auth.vihf.internal;

import javax.xml.parsers.DocumentBuilder;
import org.w3c.dom.Node;

/**
 * The hardened XML parser of the SDK ({@code fr.opendmp.core.xml.internal.SecureXml}: no DTD, no
 * external entity, secure processing) with the depth limit of a VIHF: a deeply nested assertion
 * fails fast instead of overflowing the stack of recursive DOM code.
 */
public final class SecureXml {

    /** The deepest element nesting a parser from {@link #documentBuilder()} accepts (a VIHF needs under 10). */
    public static final int MAX_DEPTH = 100;

    private SecureXml() {
    }

    /**
     * @return a namespace-aware document builder that refuses DTDs, external entities and
     *     documents nested deeper than {@link #MAX_DEPTH}
     */
    public static DocumentBuilder documentBuilder() {
        return fr.opendmp.core.xml.internal.SecureXml.documentBuilder(MAX_DEPTH);
    }

    /**
     * @param node a DOM node
     * @return the node serialised as UTF-8, without indentation
     */
    public static byte[] serialize(Node node) {
        return fr.opendmp.core.xml.internal.SecureXml.serialize(node);
    }
}
