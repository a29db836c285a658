package fr.opendmp.testkit.dmp.internal.dmpi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * The parts of an ebRIM registry object (ExtrinsicObject, RegistryPackage, Association) the fake
 * reads: slots, classifications, external identifiers, name and description.
 */
final class RimObject {
    /** A coded classification: scheme, code, codingScheme, display, and its slots (authors). */
    record Coded(String scheme, String node, String code, String codingScheme, String display,
            Map<String, List<String>> slots) {
    }

    final Element element;
    final String id;
    final Map<String, List<String>> slots = new LinkedHashMap<>();
    final List<Coded> classifications = new ArrayList<>();
    final Map<String, String> identifiers = new LinkedHashMap<>();
    final String name;
    final String description;

    RimObject(Element e) {
        this.element = e;
        this.id = e.getAttribute("id");
        for (Element s : Xml.children(e, Ns.RIM, "Slot")) {
            slots.put(s.getAttribute("name"), values(s));
        }
        for (Element c : Xml.children(e, Ns.RIM, "Classification")) {
            Map<String, List<String>> cs = new LinkedHashMap<>();
            for (Element s : Xml.children(c, Ns.RIM, "Slot")) {
                cs.put(s.getAttribute("name"), values(s));
            }
            List<String> scheme = cs.getOrDefault("codingScheme", List.of());
            classifications.add(new Coded(c.getAttribute("classificationScheme"), c.getAttribute("classificationNode"),
                    c.getAttribute("nodeRepresentation"), scheme.isEmpty() ? "" : scheme.get(0),
                    localized(c, "Name"), cs));
        }
        for (Element x : Xml.children(e, Ns.RIM, "ExternalIdentifier")) {
            identifiers.put(x.getAttribute("identificationScheme"), x.getAttribute("value").trim());
        }
        this.name = localized(e, "Name");
        this.description = localized(e, "Description");
    }

    private static List<String> values(Element slot) {
        List<String> out = new ArrayList<>();
        Xml.child(slot, Ns.RIM, "ValueList").ifPresent(vl -> {
            for (Element v : Xml.children(vl, Ns.RIM, "Value")) {
                out.add(v.getTextContent().trim());
            }
        });
        return out;
    }

    private static String localized(Element e, String what) {
        return Xml.path(e, Ns.RIM, what, "LocalizedString").map(l -> l.getAttribute("value")).orElse("");
    }

    Optional<String> slot(String name) {
        List<String> v = slots.getOrDefault(name, List.of());
        return v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    List<Coded> coded(String scheme) {
        return classifications.stream().filter(c -> scheme.equals(c.scheme())).toList();
    }

    Optional<Coded> first(String scheme) {
        return coded(scheme).stream().findFirst();
    }

    boolean hasNode(String node) {
        return classifications.stream().anyMatch(c -> node.equals(c.node()));
    }
}
