package fr.opendmp.testkit.dmp.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.opendmp.testkit.dmp.Validation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** TD3.1 (ITI-67 DocumentReference search, TD3.1b) and ITI-66 List search. */
public final class Searches {
    private static final Set<String> TOKEN_PARAMS = Set.of("type", "category", "facility", "setting", "format",
            "security-label", "event", "identifier", "related", "author.identifier");
    private static final Set<String> DOC_PARAMS = Set.of("patient.identifier", "subject.identifier", "status",
            "type", "category", "date", "period", "period-start", "period-end", "facility", "setting", "format",
            "security-label", "event", "identifier", "related", "isArchived", "author.identifier", "creation",
            "_count", "_offset", "_getpages", "_format");
    private static final Set<String> LIST_PARAMS = Set.of("patient.identifier", "subject.identifier", "code",
            "date", "status", "_count", "_offset", "_getpages", "_format");
    private static final int DEFAULT_COUNT = 50;
    private static final int MAX_COUNT = 500;
    private static final int KEPT_SEARCHES = 1_000;

    /** The results of a search of several pages, kept for its next pages, for the caller who searched. */
    private record Snapshot(String owner, List<ObjectNode> resources, List<String> fullUrls) {
    }

    private final DmpStore store;
    private final AccessRules rules;
    private final Validation validation;
    // a record changing between two pages must neither repeat nor skip a document: the next pages
    // read the results of the first (as a FHIR server keeping its searches does), not a new search
    private final Map<String, Snapshot> snapshots = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Snapshot> eldest) {
                    return size() > KEPT_SEARCHES;
                }
            });

    /** Creates the service. */
    public Searches(DmpStore store, AccessRules rules, Validation validation) {
        this.store = store;
        this.rules = rules;
        this.validation = validation;
    }

    /** @return the patient matricule of the query (400 if absent or invalid) */
    public static String patientOf(SearchParams params) {
        String token = params.first("patient.identifier").or(() -> params.first("subject.identifier"))
                .orElseThrow(() -> FhirException.of(400, "required", "MISSING_PATIENT",
                        "patient.identifier is required", "patient.identifier"));
        return PatientRefs.fromToken(token, 400, "patient.identifier");
    }

    /** @return whether the search is a TD3.1b (by identifier) */
    public static boolean byIdentifier(SearchParams params) {
        return params.first("identifier").isPresent();
    }

    /** ITI-67: GET/POST DocumentReference search. */
    public ObjectNode documents(SearchParams params, String base, Caller caller) {
        List<ObjectNode> warnings = unknownParams(params, DOC_PARAMS);
        String ins = patientOf(params);
        boolean td31b = byIdentifier(params);
        List<String> statuses = params.first("status").map(s -> List.of(s.split(",")))
                .orElse(td31b ? List.of("current", "superseded") : List.of("current"));
        List<DateFilter> dates = dates(params, "date");
        List<DateFilter> periods = dates(params, "period");
        List<DateFilter> starts = dates(params, "period-start");
        List<DateFilter> ends = dates(params, "period-end");
        List<DateFilter> creations = dates(params, "creation");
        Optional<String> archived = params.first("isArchived");
        return store.read(() -> {
            rules.checkCredentialPatient(caller, ins);
            rules.requireOpenDmp(ins);
            if (td31b) {
                rules.checkFeedingOrAuthorization(caller, ins);
            } else {
                rules.checkConsultation(caller, ins);
            }
            List<StoredDocument> matches = new ArrayList<>();
            for (String id : store.documentIds(ins)) {
                StoredDocument d = store.document(id).orElseThrow();
                SearchFields f = d.fields();
                if (!statuses.contains(d.status()) || !rules.visible(caller, d)) {
                    continue;
                }
                if (archived.isPresent() ? !f.hasToken("isArchived", archived.get()) : (f.archived() && !td31b)) {
                    continue;
                }
                if (!tokensMatch(params, f) || !all(dates, f.date()) || !all(starts, f.periodStart())
                        || !all(ends, f.periodEnd().or(f::periodStart)) || !all(creations, f.creation())
                        || !periodMatch(periods, f)) {
                    continue;
                }
                matches.add(d);
            }
            return page(params, base, caller.id() + "|" + ins, "DocumentReference", matches.stream().map(StoredDocument::resource).toList(),
                    matches.stream().map(d -> base + "/DocumentReference/" + d.id()).toList(), warnings);
        });
    }

    /** ITI-66: GET List search by patient.identifier, code, date. */
    public ObjectNode lists(SearchParams params, String base, Caller caller) {
        List<ObjectNode> warnings = unknownParams(params, LIST_PARAMS);
        String ins = patientOf(params);
        Optional<String> code = params.first("code");
        List<DateFilter> dates = dates(params, "date");
        return store.read(() -> {
            rules.checkCredentialPatient(caller, ins);
            rules.requireOpenDmp(ins);
            rules.checkConsultation(caller, ins);
            List<StoredList> found = store.lists(ins).stream()
                    .filter(l -> code.isEmpty() || List.of(code.get().split(",")).stream()
                            .anyMatch(c -> c.equals(l.code()) || c.endsWith("|" + l.code())))
                    .filter(l -> all(dates, l.date())).toList();
            return page(params, base, caller.id() + "|" + ins, "List", found.stream().map(l -> visibleItems(l.resource(), caller)).toList(),
                    found.stream().map(l -> base + "/List/" + l.id()).toList(), warnings);
        });
    }

    /** @return the List without the items that reference a document the caller cannot see */
    private ObjectNode visibleItems(ObjectNode list, Caller caller) {
        ObjectNode copy = list.deepCopy();
        JsonNode items = copy.path("entry");
        for (int i = items.size() - 1; i >= 0; i--) {
            String ref = items.path(i).path("item").path("reference").asText("");
            if (ref.startsWith("DocumentReference/") && !store.document(ref.substring("DocumentReference/".length()))
                    .map(d -> rules.visible(caller, d)).orElse(false)) {
                ((ArrayNode) items).remove(i);
            }
        }
        return copy;
    }

    private static boolean tokensMatch(SearchParams params, SearchFields f) {
        for (String p : TOKEN_PARAMS) {
            for (String value : params.all(p)) {
                boolean any = false;
                for (String alt : value.split(",")) {
                    if (f.hasToken(p, alt)) {
                        any = true;
                        break;
                    }
                }
                if (!any) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean periodMatch(List<DateFilter> periods, SearchFields f) {
        for (DateFilter p : periods) {
            boolean ok = switch (p.prefix()) {
                case "ge", "gt" -> p.matches(f.periodEnd().or(f::periodStart));
                case "le", "lt" -> p.matches(f.periodStart());
                default -> p.matches(f.periodStart());
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean all(List<DateFilter> filters, Optional<java.time.Instant> at) {
        for (DateFilter d : filters) {
            if (!d.matches(at)) {
                return false;
            }
        }
        return true;
    }

    private static List<DateFilter> dates(SearchParams params, String name) {
        return params.all(name).stream().map(v -> DateFilter.parse(name, v)).toList();
    }

    private List<ObjectNode> unknownParams(SearchParams params, Set<String> known) {
        List<ObjectNode> warnings = new ArrayList<>();
        for (String name : params.values().keySet()) {
            if (!known.contains(name)) {
                if (validation == Validation.STRICT) {
                    throw FhirException.of(400, "not-supported", "UNKNOWN_SEARCH_PARAMETER",
                            "unknown search parameter " + name, name);
                }
                warnings.add(Outcomes.of(List.of(Issue.warning("not-supported", "UNKNOWN_SEARCH_PARAMETER",
                        "unknown search parameter " + name + " was ignored", name))));
            }
        }
        return warnings;
    }

    private ObjectNode page(SearchParams params, String base, String owner, String type, List<ObjectNode> found,
            List<String> foundUrls, List<ObjectNode> warnings) {
        // _count below 1 is refused (it would page forever: a next link equal to the page itself);
        // above MAX_COUNT it is clamped. A negative _offset is refused.
        int count = intParam(params, "_count", DEFAULT_COUNT);
        if (count < 1) {
            throw FhirException.of(400, "invalid", "INVALID_SEARCH_PARAMETER", "_count must be at least 1", "_count");
        }
        count = Math.min(count, MAX_COUNT);
        int offset = intParam(params, "_offset", 0);
        if (offset < 0) {
            throw FhirException.of(400, "invalid", "INVALID_SEARCH_PARAMETER", "_offset must not be negative",
                    "_offset");
        }
        List<ObjectNode> resources = found;
        List<String> fullUrls = foundUrls;
        Optional<String> kept = params.first("_getpages");
        if (kept.isPresent()) {
            Snapshot snapshot = snapshots.get(kept.get());
            if (snapshot == null || !snapshot.owner().equals(owner)) {
                throw FhirException.of(410, "not-found", "SEARCH_EXPIRED",
                        "the results of this search are no longer kept: search again", "_getpages");
            }
            resources = snapshot.resources();
            fullUrls = snapshot.fullUrls();
        } else if (offset == 0 && count < found.size()) {
            String id = java.util.UUID.randomUUID().toString();
            snapshots.put(id, new Snapshot(owner, found.stream().map(ObjectNode::deepCopy).toList(),
                    List.copyOf(foundUrls)));
            kept = Optional.of(id);
        }
        ObjectNode bundle = Json.object();
        bundle.put("resourceType", "Bundle");
        bundle.put("id", java.util.UUID.randomUUID().toString());
        bundle.put("type", "searchset");
        bundle.put("total", resources.size());
        ArrayNode links = bundle.putArray("link");
        String query = params.without("_offset");
        links.addObject().put("relation", "self").put("url", base + "/" + type + "?" + query
                + (offset > 0 ? "&_offset=" + offset : ""));
        if (offset + count < resources.size()) {
            links.addObject().put("relation", "next").put("url",
                    base + "/" + type + "?" + params.without("_offset", "_getpages") + "&_getpages=" + kept.orElseThrow()
                            + "&_offset=" + (offset + count));
        }
        ArrayNode entries = bundle.putArray("entry");
        for (int i = offset; i < Math.min(resources.size(), offset + count); i++) {
            ObjectNode e = entries.addObject();
            e.put("fullUrl", fullUrls.get(i));
            e.set("resource", resources.get(i));
            e.putObject("search").put("mode", "match");
        }
        for (ObjectNode w : warnings) {
            ObjectNode e = entries.addObject();
            e.set("resource", w);
            e.putObject("search").put("mode", "outcome");
        }
        return bundle;
    }

    private static int intParam(SearchParams params, String name, int dflt) {
        try {
            return params.first(name).map(Integer::parseInt).orElse(dflt);
        } catch (NumberFormatException e) {
            throw FhirException.of(400, "invalid", "INVALID_SEARCH_PARAMETER", name + " must be an integer", name);
        }
    }
}
