package fr.opendmp.cda.content.internal;

import fr.opendmp.cda.content.ClinicalTime;
import fr.opendmp.cda.content.Quantity;
import fr.opendmp.cda.read.CdaParticipant;
import fr.opendmp.cda.read.internal.CdaTimes;
import fr.opendmp.cda.read.internal.Dom;
import fr.opendmp.cda.read.internal.HeaderParser;
import fr.opendmp.core.code.Code;
import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Reading helpers shared by the typed readers: codes, labels through the narrative, times, quantities. */
public final class Entries {

    /** The XML Schema instance namespace. */
    public static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    private static final Pattern TS = Pattern.compile("(\\d{4,14})(?:\\.\\d{1,4})?([+-]\\d{4})?");

    private final Map<String, String> narrative = new HashMap<>();

    /** @param root the {@code ClinicalDocument} element: its narrative {@code ID}s are indexed */
    public Entries(Element root) {
        index(Dom.path(root, "component", "structuredBody"));
    }

    private void index(Element e) {
        if (e == null) {
            return;
        }
        if (e.hasAttribute("ID")) {
            narrative.put(e.getAttribute("ID"), collapse(e.getTextContent()));
        }
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                index(c);
            }
        }
    }

    /** @return the text with runs of whitespace made single spaces, trimmed */
    public static String collapse(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }

    /** @return the narrative text a {@code reference/@value} ({@code #id} or {@code id}) points to */
    public Optional<String> resolve(Element reference) {
        return Dom.attr(reference, "value").map(v -> v.startsWith("#") ? v.substring(1) : v)
                .map(narrative::get).filter(t -> !t.isEmpty());
    }

    /** @return the text of an {@code originalText} or {@code text} element: its reference, else its own text */
    public Optional<String> textOf(Element e) {
        if (e == null) {
            return Optional.empty();
        }
        Element ref = Dom.child(e, "reference");
        Optional<String> r = ref == null ? Optional.empty() : resolve(ref);
        if (r.isPresent()) {
            return r;
        }
        String own = ownText(e);
        return own.isEmpty() ? Optional.empty() : Optional.of(own);
    }

    private static String ownText(Element e) {
        StringBuilder b = new StringBuilder();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                b.append(n.getNodeValue());
            }
        }
        return collapse(b.toString());
    }

    /** @return the code of a coded element, or else of its first coded {@code translation} */
    public static Optional<Code> code(Element e) {
        Optional<Code> c = HeaderParser.code(e);
        if (c.isPresent() || e == null) {
            return c;
        }
        return Dom.children(e, "translation").stream().flatMap(t -> HeaderParser.code(t).stream()).findFirst();
    }

    /** @return the label of a coded element: its original text, else its display name */
    public Optional<String> label(Element e) {
        if (e == null) {
            return Optional.empty();
        }
        Optional<String> t = textOf(Dom.child(e, "originalText"));
        if (t.isPresent()) {
            return t;
        }
        Optional<String> d = Dom.attr(e, "displayName");
        if (d.isPresent()) {
            return d;
        }
        return Dom.children(e, "translation").stream().flatMap(x -> Dom.attr(x, "displayName").stream()).findFirst();
    }

    /** @return the {@code xsi:type} of an element, without prefix ("" when absent) */
    public static String xsiType(Element e) {
        String t = e.getAttributeNS(XSI, "type");
        int colon = t.indexOf(':');
        return colon >= 0 ? t.substring(colon + 1) : t;
    }

    /** @return a {@code TS} value with its precision */
    public static Optional<ClinicalTime> time(String value) {
        Matcher m = TS.matcher(value.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        ChronoUnit p = switch (m.group(1).length()) {
            case 4 -> ChronoUnit.YEARS;
            case 6 -> ChronoUnit.MONTHS;
            case 8 -> ChronoUnit.DAYS;
            case 10 -> ChronoUnit.HOURS;
            case 12 -> ChronoUnit.MINUTES;
            case 14 -> ChronoUnit.SECONDS;
            default -> null;
        };
        if (p == null) {
            return Optional.empty();
        }
        return CdaTimes.parse(value).map(t -> new ClinicalTime(t, p));
    }

    /** @return the time of an {@code effectiveTime}: its {@code @value}, else its {@code low}, else its {@code center} */
    public static Optional<ClinicalTime> start(Element effectiveTime) {
        if (effectiveTime == null) {
            return Optional.empty();
        }
        Optional<String> v = Dom.attr(effectiveTime, "value");
        if (v.isPresent()) {
            return time(v.get());
        }
        Optional<ClinicalTime> low = Dom.attr(Dom.child(effectiveTime, "low"), "value").flatMap(Entries::time);
        return low.isPresent() ? low : Dom.attr(Dom.child(effectiveTime, "center"), "value").flatMap(Entries::time);
    }

    /** @return the {@code high} of an {@code IVL_TS} */
    public static Optional<ClinicalTime> end(Element effectiveTime) {
        return Dom.attr(Dom.child(effectiveTime, "high"), "value").flatMap(Entries::time);
    }

    /** @return a {@code PQ}-like element as a quantity (unit "" when absent, which means 1) */
    public static Optional<Quantity> quantity(Element e) {
        Optional<String> v = Dom.attr(e, "value");
        if (v.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Quantity(new BigDecimal(v.get()), Dom.attr(e, "unit").orElse("")));
        } catch (NumberFormatException ex) {
            return Optional.empty();
        }
    }

    /** @return the person of a participation ({@code performer}, {@code author}…) and its entity element */
    public static Optional<CdaParticipant> person(Element participation, String entityName) {
        Element entity = Dom.child(participation, entityName);
        return entity == null ? Optional.empty() : HeaderParser.person(participation, entity);
    }

    /** @return the template roots of an element */
    public static List<String> templates(Element e) {
        return Dom.children(e, "templateId").stream().flatMap(t -> Dom.attr(t, "root").stream()).toList();
    }

    /** @return the clinical statement of an {@code entry} or {@code entryRelationship}/{@code component} */
    public static Optional<Element> statement(Element holder) {
        for (Node n = holder.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && Dom.V3.equals(c.getNamespaceURI()) && !"templateId".equals(c.getLocalName())
                    && !"sequenceNumber".equals(c.getLocalName()) && !"seperatableInd".equals(c.getLocalName())) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** @return the LOINC (or other) code of a section, as text, or "?" */
    public static String sectionCode(Element section) {
        return Dom.attr(Dom.child(section, "code"), "code").orElse("?");
    }

    /** @return every section of the body, depth first */
    public static List<Element> allSections(Element root) {
        List<Element> out = new ArrayList<>();
        collect(Dom.path(root, "component", "structuredBody"), out);
        return out;
    }

    private static void collect(Element parent, List<Element> out) {
        for (Element comp : Dom.children(parent, "component")) {
            Element s = Dom.child(comp, "section");
            if (s != null) {
                out.add(s);
                collect(s, out);
            }
        }
    }

    /** @return the first section with this code, depth first */
    public static Optional<Element> section(Element root, String code) {
        return allSections(root).stream().filter(s -> code.equals(sectionCode(s))).findFirst();
    }
}
