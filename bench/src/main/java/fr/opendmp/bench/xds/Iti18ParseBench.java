package fr.opendmp.bench.xds;

import fr.opendmp.core.document.DocumentEntry;
import fr.opendmp.xds.internal.EntryReader;
import fr.opendmp.xds.internal.Xml;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpression;
import javax.xml.xpath.XPathFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * An ITI-18 answer of 1,000 LeafClass entries read into {@link DocumentEntry}s by sdk-xds (hardened
 * DOM, a direct walk) against a plain JDK DOM + XPath reading of the same fields (expressions
 * compiled once, each entry imported into its own small document before its 27 evaluations, the
 * usual way around the JDK XPath's cost per evaluation of the whole document). Run with {@code -prof gc} for the bytes allocated per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class Iti18ParseBench {

    /** Entries in the answer. */
    @Param("1000")
    public int entries;

    private byte[] body;
    private DocumentBuilderFactory factory;
    private XPathExpression eos;
    private List<XPathExpression> fields;

    private static final String[] FIELDS = {"@id", "@lid", "@status", "@mimeType",
        "rim:VersionInfo/@versionName", "rim:Name/rim:LocalizedString/@value",
        "rim:Slot[@name='creationTime']/rim:ValueList/rim:Value", "rim:Slot[@name='hash']/rim:ValueList/rim:Value",
        "rim:Slot[@name='size']/rim:ValueList/rim:Value", "rim:Slot[@name='languageCode']/rim:ValueList/rim:Value",
        "rim:Slot[@name='legalAuthenticator']/rim:ValueList/rim:Value",
        "rim:Slot[@name='repositoryUniqueId']/rim:ValueList/rim:Value",
        "rim:Slot[@name='serviceStartTime']/rim:ValueList/rim:Value",
        "rim:Slot[@name='serviceStopTime']/rim:ValueList/rim:Value",
        "rim:Classification[@classificationScheme='urn:uuid:93606bcf-9494-43ec-9b4e-a7748d1a838d']/rim:Slot[@name='authorPerson']/rim:ValueList/rim:Value",
        "rim:Classification[@classificationScheme='urn:uuid:93606bcf-9494-43ec-9b4e-a7748d1a838d']/rim:Slot[@name='authorInstitution']/rim:ValueList/rim:Value",
        "rim:Classification[@classificationScheme='urn:uuid:93606bcf-9494-43ec-9b4e-a7748d1a838d']/rim:Slot[@name='authorSpecialty']/rim:ValueList/rim:Value",
        "rim:Classification[@classificationScheme='urn:uuid:41a5887f-8865-4c09-adf7-e362475b143a']/@nodeRepresentation",
        "rim:Classification[@classificationScheme='urn:uuid:41a5887f-8865-4c09-adf7-e362475b143a']/rim:Slot/rim:ValueList/rim:Value",
        "rim:Classification[@classificationScheme='urn:uuid:f4f85eac-e6cb-4883-b524-f2705394840f']/@nodeRepresentation",
        "rim:Classification[@classificationScheme='urn:uuid:a09d5840-386c-46f2-b5ad-9c3699a4309d']/@nodeRepresentation",
        "rim:Classification[@classificationScheme='urn:uuid:a09d5840-386c-46f2-b5ad-9c3699a4309d']/rim:Slot/rim:ValueList/rim:Value",
        "rim:Classification[@classificationScheme='urn:uuid:f33fb8ac-18af-42cc-ae0e-ed0b0bdb91e1']/@nodeRepresentation",
        "rim:Classification[@classificationScheme='urn:uuid:cccf5598-8b07-4b77-a05e-ae952c785ead']/@nodeRepresentation",
        "rim:Classification[@classificationScheme='urn:uuid:f0306f51-975f-434e-a61c-c59651d33983']/@nodeRepresentation",
        "rim:Classification[@classificationScheme='urn:uuid:f0306f51-975f-434e-a61c-c59651d33983']/rim:Slot/rim:ValueList/rim:Value",
        "rim:ExternalIdentifier[@identificationScheme='urn:uuid:58a6f841-87b3-4a3e-92fd-a8ffeff98427']/@value",
        "rim:ExternalIdentifier[@identificationScheme='urn:uuid:2e82c1f6-a085-4c72-9da3-8640a32e42ab']/@value"};

    /** Builds the answer and compiles the baseline's expressions. */
    @Setup
    public void setUp() throws Exception {
        body = Iti18Answers.of(entries);
        factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        XPath xp = XPathFactory.newInstance().newXPath();
        Map<String, String> ns = Map.of("rim", "urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0",
                "query", "urn:oasis:names:tc:ebxml-regrep:xsd:query:3.0", "soap", "http://www.w3.org/2003/05/soap-envelope");
        xp.setNamespaceContext(new NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                return ns.getOrDefault(prefix, "");
            }

            @Override
            public String getPrefix(String uri) {
                return null;
            }

            @Override
            public java.util.Iterator<String> getPrefixes(String uri) {
                return null;
            }
        });
        eos = xp.compile("/soap:Envelope/soap:Body/query:AdhocQueryResponse/rim:RegistryObjectList/rim:ExtrinsicObject");
        fields = new ArrayList<>();
        for (String f : FIELDS) {
            fields.add(xp.compile(f));
        }
        if (sdk().size() != entries || jdkDomXpath().size() != entries) {
            throw new IllegalStateException("both readers must see every entry");
        }
    }

    /** @return the SDK's entries (as {@code XdsOperations} reads them) */
    @Benchmark
    public List<DocumentEntry> sdk() throws Exception {
        Document d = Xml.parse(body);
        Element envelope = d.getDocumentElement();
        Element bodyEl = Xml.child(envelope, "http://www.w3.org/2003/05/soap-envelope", "Body").orElseThrow();
        EntryReader.Answer a = EntryReader.read(Xml.elements(bodyEl).get(0));
        List<DocumentEntry> out = new ArrayList<>(a.entries().size());
        for (EntryReader.Read r : a.entries()) {
            out.add(r.entry());
        }
        return out;
    }

    /** @return the same fields read with a plain JDK DOM and XPath */
    @Benchmark
    public List<String[]> jdkDomXpath() throws Exception {
        Document d = factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
        NodeList list = (NodeList) eos.evaluate(d, XPathConstants.NODESET);
        List<String[]> out = new ArrayList<>(list.getLength());
        javax.xml.parsers.DocumentBuilder builder = factory.newDocumentBuilder();
        for (int i = 0; i < list.getLength(); i++) {
            // each entry in its own small document: the JDK's XPath otherwise walks the whole answer
            // on every evaluation (it builds a DTM of the node's document), which no one ships
            Document single = builder.newDocument();
            Node eo = single.importNode(list.item(i), true);
            single.appendChild(eo);
            String[] values = new String[fields.size()];
            for (int f = 0; f < values.length; f++) {
                values[f] = fields.get(f).evaluate(eo);
            }
            out.add(values);
        }
        return out;
    }
}
