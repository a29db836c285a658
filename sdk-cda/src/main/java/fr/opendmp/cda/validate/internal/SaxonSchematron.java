package fr.opendmp.cda.validate.internal;

import fr.opendmp.core.xml.internal.SecureXml;
import fr.opendmp.cda.validate.ValidationIssue.Source;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.transform.TransformerException;
import javax.xml.transform.sax.SAXSource;
import javax.xml.transform.stream.StreamSource;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmDestination;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmNodeKind;
import net.sf.saxon.s9api.XsltExecutable;
import net.sf.saxon.s9api.XsltTransformer;
import org.xml.sax.InputSource;

/**
 * Schematron with SchXslt on Saxon-HE. Each {@code .sch} is compiled once per instance; the
 * compiled XSLT gets the {@code .sch}'s own URI as base, so that the relative value-set paths inside
 * it resolve as in the ANS package.
 */
final class SaxonSchematron implements SchematronRunner {

    private static final String SVRL = "http://purl.oclc.org/dsdl/svrl";
    private static final QName ID = new QName("id");
    private static final QName LOCATION = new QName("location");
    private static final QName TEST = new QName("test");
    private static final QName ROLE = new QName("role");

    private final Processor processor = new Processor(false);
    private final Map<Path, XsltExecutable> compiled = new ConcurrentHashMap<>();
    private volatile XsltExecutable pipeline;

    @Override
    @SuppressWarnings("deprecation") // setURIResolver: still the s9api hook for fn:doc() in Saxon 12
    public void apply(Path schematron, byte[] xml, int maxDepth, Issues issues) {
        String name = schematron.getFileName().toString();
        XsltExecutable exe;
        try {
            exe = compiled(schematron.toAbsolutePath().normalize());
        } catch (SaxonApiException | IOException | RuntimeException e) {
            issues.error(Source.SCHEMATRON, name, "schematron", "the schematron cannot be compiled: " + e.getMessage());
            return;
        }
        try {
            XsltTransformer t = exe.load();
            t.setSource(new SAXSource(SecureXml.xmlReader(maxDepth), new InputSource(new ByteArrayInputStream(xml))));
            t.setURIResolver(SaxonSchematron::resolve);
            XdmDestination out = new XdmDestination();
            t.setDestination(out);
            t.transform();
            collect(out.getXdmNode(), name, issues);
        } catch (SaxonApiException e) {
            issues.error(Source.SCHEMATRON, name, "schematron", "the schematron failed to run: " + e.getMessage());
        }
    }

    /**
     * {@code doc()} of the schematrons: local files only; the value set missing from the ANS
     * repository is generated from its SVS source.
     */
    private static javax.xml.transform.Source resolve(String href, String base) throws TransformerException {
        URI uri;
        try {
            uri = base == null || base.isEmpty() ? new URI(href) : new URI(base).resolve(href);
        } catch (URISyntaxException e) {
            throw new TransformerException("bad URI in a schematron: " + href);
        }
        if (!"file".equals(uri.getScheme())) {
            throw new TransformerException("schematrons may only read local files, not " + uri.getScheme() + ":");
        }
        Optional<String> generated = ValueSetFallback.forMissing(Path.of(uri));
        if (generated.isPresent()) {
            return new StreamSource(new StringReader(generated.get()), uri.toString());
        }
        return null;
    }

    private XsltExecutable compiled(Path sch) throws SaxonApiException, IOException {
        XsltExecutable done = compiled.get(sch);
        if (done != null) {
            return done;
        }
        synchronized (this) {
            done = compiled.get(sch);
            if (done == null) {
                XsltTransformer t = pipeline().load();
                t.setSource(new StreamSource(sch.toFile()));
                XdmDestination xslt = new XdmDestination();
                xslt.setBaseURI(sch.toUri());
                t.setDestination(xslt);
                t.transform();
                done = processor.newXsltCompiler().compile(xslt.getXdmNode().asSource());
                compiled.put(sch, done);
            }
            return done;
        }
    }

    private XsltExecutable pipeline() throws SaxonApiException, IOException {
        if (pipeline == null) {
            URL url = SaxonSchematron.class.getResource(SaxonSchematronFactory.PIPELINE);
            try (InputStream in = url.openStream()) {
                pipeline = processor.newXsltCompiler().compile(new StreamSource(in, url.toExternalForm()));
            }
        }
        return pipeline;
    }

    private static void collect(XdmNode svrl, String schName, Issues issues) {
        String pattern = "";
        for (XdmNode n : svrl.select(net.sf.saxon.s9api.streams.Steps.descendant()).toList()) {
            if (n.getNodeKind() != XdmNodeKind.ELEMENT || !SVRL.equals(n.getNodeName().getNamespace())) {
                continue;
            }
            switch (n.getNodeName().getLocalName()) {
                case "active-pattern" -> pattern = value(n, ID);
                case "failed-assert" -> {
                    if (isWarning(value(n, ROLE))) {
                        issues.warning(Source.SCHEMATRON, rule(schName, pattern, n), value(n, LOCATION), message(n));
                    } else {
                        issues.error(Source.SCHEMATRON, rule(schName, pattern, n), value(n, LOCATION), message(n));
                    }
                }
                case "successful-report" -> issues.warning(Source.SCHEMATRON, rule(schName, pattern, n),
                        value(n, LOCATION), message(n));
                default -> {
                }
            }
        }
    }

    /** A failed assert with {@code @role} warning/info (e.g. the "closed template" checks) is not an error. */
    private static boolean isWarning(String role) {
        String r = role.toLowerCase(java.util.Locale.ROOT);
        return r.equals("warning") || r.equals("warn") || r.equals("info") || r.equals("information");
    }

    private static String rule(String schName, String pattern, XdmNode n) {
        String id = value(n, ID);
        return schName + "#" + (pattern.isEmpty() ? "?" : pattern) + (id.isEmpty() ? "" : "/" + id);
    }

    private static String message(XdmNode n) {
        StringBuilder sb = new StringBuilder();
        for (XdmNode c : n.children()) {
            if (c.getNodeKind() == XdmNodeKind.ELEMENT && "text".equals(c.getNodeName().getLocalName())) {
                sb.append(c.getStringValue().replaceAll("\\s+", " ").trim());
            }
        }
        return sb.length() > 0 ? sb.toString() : "failed: " + value(n, TEST);
    }

    private static String value(XdmNode n, QName attr) {
        String v = n.getAttributeValue(attr);
        return v == null ? "" : v;
    }

}
