package fr.opendmp.xds.internal.c14n;

import java.util.Arrays;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.ext.LexicalHandler;
import org.xml.sax.helpers.DefaultHandler;

/**
 * SAX events of a whole document written in canonical form (C14N 1.0 with comments): a namespace
 * declaration only where it changes what is in scope, namespace declarations sorted by prefix then
 * attributes by namespace URI and local name, empty elements as start and end tags, CDATA as
 * escaped text, the XML declaration dropped, comments and processing instructions outside the
 * root element each on their own line (the JDK's canonicaliser drops those that follow an empty
 * root element; a CDA never has one). The parser has already expanded references, normalised
 * attribute values and line ends. Not API; one instance per document.
 */
final class CanonicalHandler extends DefaultHandler implements LexicalHandler {

    private static final String XML_PREFIX = "xml";

    private final Utf8Sink out;
    /** Declarations of the element about to start: prefix, URI, prefix, URI… */
    private String[] declared = new String[8];
    private int declaredSize;
    /** Declarations rendered on the open elements, innermost last: prefix, URI… */
    private String[] scope = new String[16];
    private int scopeSize;
    private int[] scopeMarks = new int[16];
    private int depth;
    private boolean rootEnded;
    private Integer[] order = new Integer[8];

    CanonicalHandler(Utf8Sink out) {
        this.out = out;
    }

    @Override
    public void startPrefixMapping(String prefix, String uri) {
        if (XML_PREFIX.equals(prefix)) {
            return;
        }
        if (declaredSize + 2 > declared.length) {
            declared = Arrays.copyOf(declared, declared.length * 2);
        }
        declared[declaredSize++] = prefix;
        declared[declaredSize++] = uri;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        out.markup('<');
        out.write(qName, Utf8Sink.NONE);
        if (depth == scopeMarks.length) {
            scopeMarks = Arrays.copyOf(scopeMarks, depth * 2);
        }
        scopeMarks[depth++] = scopeSize;
        renderNamespaces();
        renderAttributes(attributes);
        out.markup('>');
    }

    private void renderNamespaces() {
        int kept = 0;
        for (int i = 0; i < declaredSize; i += 2) {
            String inScope = inParentScope(declared[i]);
            if (!declared[i + 1].equals(inScope)) {
                declared[kept++] = declared[i];
                declared[kept++] = declared[i + 1];
            }
        }
        sortPairs(kept);
        for (int i = 0; i < kept; i += 2) {
            String prefix = declared[i];
            out.write(prefix.isEmpty() ? " xmlns" : " xmlns:", Utf8Sink.NONE);
            if (!prefix.isEmpty()) {
                out.write(prefix, Utf8Sink.NONE);
            }
            out.markup('=');
            out.markup('"');
            out.write(declared[i + 1], Utf8Sink.ATTRIBUTE);
            out.markup('"');
            if (scopeSize + 2 > scope.length) {
                scope = Arrays.copyOf(scope, scope.length * 2);
            }
            scope[scopeSize++] = prefix;
            scope[scopeSize++] = declared[i + 1];
        }
        declaredSize = 0;
    }

    /** @return the URI the prefix has on the parent (the default namespace is "" when none) */
    private String inParentScope(String prefix) {
        for (int i = scopeSize - 2; i >= 0; i -= 2) {
            if (scope[i].equals(prefix)) {
                return scope[i + 1];
            }
        }
        return prefix.isEmpty() ? "" : null;
    }

    /** Sorts the first {@code size} entries of {@link #declared}, pairs by prefix (few: insertion sort). */
    private void sortPairs(int size) {
        for (int i = 2; i < size; i += 2) {
            String prefix = declared[i];
            String uri = declared[i + 1];
            int j = i - 2;
            while (j >= 0 && declared[j].compareTo(prefix) > 0) {
                declared[j + 2] = declared[j];
                declared[j + 3] = declared[j + 1];
                j -= 2;
            }
            declared[j + 2] = prefix;
            declared[j + 3] = uri;
        }
    }

    private void renderAttributes(Attributes attributes) {
        int n = attributes.getLength();
        if (n == 0) {
            return;
        }
        if (order.length < n) {
            order = new Integer[Math.max(n, order.length * 2)];
        }
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        if (n > 1) {
            Arrays.sort(order, 0, n, (a, b) -> {
                int byUri = attributes.getURI(a).compareTo(attributes.getURI(b));
                return byUri != 0 ? byUri : attributes.getLocalName(a).compareTo(attributes.getLocalName(b));
            });
        }
        for (int k = 0; k < n; k++) {
            int i = order[k];
            out.markup(' ');
            out.write(attributes.getQName(i), Utf8Sink.NONE);
            out.markup('=');
            out.markup('"');
            out.write(attributes.getValue(i), Utf8Sink.ATTRIBUTE);
            out.markup('"');
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        out.markup('<');
        out.markup('/');
        out.write(qName, Utf8Sink.NONE);
        out.markup('>');
        scopeSize = scopeMarks[--depth];
        if (depth == 0) {
            rootEnded = true;
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        out.write(ch, start, length, Utf8Sink.TEXT);
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) {
        characters(ch, start, length);
    }

    @Override
    public void processingInstruction(String target, String data) {
        beforeTopLevel();
        out.markup('<');
        out.markup('?');
        out.write(target, Utf8Sink.NONE);
        if (!data.isEmpty()) {
            out.markup(' ');
            out.write(data, Utf8Sink.NONE);
        }
        out.markup('?');
        out.markup('>');
        afterTopLevel();
    }

    @Override
    public void comment(char[] ch, int start, int length) {
        beforeTopLevel();
        out.write("<!--", Utf8Sink.NONE);
        out.write(ch, start, length, Utf8Sink.NONE);
        out.write("-->", Utf8Sink.NONE);
        afterTopLevel();
    }

    private void beforeTopLevel() {
        if (depth == 0 && rootEnded) {
            out.markup('\n');
        }
    }

    private void afterTopLevel() {
        if (depth == 0 && !rootEnded) {
            out.markup('\n');
        }
    }

    @Override
    public void startDTD(String name, String publicId, String systemId) throws SAXException {
        throw new SAXException("a document type declaration is not canonicalised");
    }

    @Override
    public void endDTD() {
    }

    @Override
    public void startEntity(String name) {
    }

    @Override
    public void endEntity(String name) {
    }

    @Override
    public void startCDATA() {
    }

    @Override
    public void endCDATA() {
    }
}
