package fr.opendmp.core.outbox.internal;

import fr.opendmp.core.party.Professional;
import fr.opendmp.core.party.Organization;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.opendmp.core.document.Author;
import fr.opendmp.core.code.Code;
import fr.opendmp.core.document.Confidentiality;
import fr.opendmp.core.document.DocumentMetadata;
import fr.opendmp.core.document.Visibility;
import fr.opendmp.core.ins.IdentityStatus;
import fr.opendmp.core.ins.IdentityTraits;
import fr.opendmp.core.ins.Ins;
import fr.opendmp.core.ins.PatientIdentity;
import fr.opendmp.core.ins.Sex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The stored form of an item's identity and metadata: explicit JSON (no reflection), so that a
 * stored item reads back field for field, whatever the records' internals become.
 */
public final class ItemCodec {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ItemCodec() {
    }

    /** @return the identity as JSON (traits, INS when known, RNIV status) */
    public static String identity(PatientIdentity p) {
        ObjectNode o = JSON.createObjectNode();
        IdentityTraits t = p.traits();
        ObjectNode traits = o.putObject("traits");
        traits.put("birthName", t.birthName());
        traits.put("firstBirthFirstName", t.firstBirthFirstName());
        ArrayNode names = traits.putArray("birthFirstNames");
        t.birthFirstNames().forEach(names::add);
        traits.put("birthDate", t.birthDate());
        traits.put("sex", t.sex().name());
        t.birthPlaceCode().ifPresent(v -> traits.put("birthPlaceCode", v));
        t.usedName().ifPresent(v -> traits.put("usedName", v));
        t.usedFirstName().ifPresent(v -> traits.put("usedFirstName", v));
        p.ins().ifPresent(ins -> o.put("ins", ins.fhirIdentifier()));
        o.put("status", p.status().code());
        return o.toString();
    }

    /** @return the identity read back */
    public static PatientIdentity identity(String json) {
        JsonNode o = read(json);
        JsonNode t = o.get("traits");
        List<String> names = new ArrayList<>();
        t.get("birthFirstNames").forEach(n -> names.add(n.asText()));
        IdentityTraits traits = new IdentityTraits(t.get("birthName").asText(), t.get("firstBirthFirstName").asText(),
                names, t.get("birthDate").asText(), Sex.valueOf(t.get("sex").asText()), text(t, "birthPlaceCode"),
                text(t, "usedName"), text(t, "usedFirstName"));
        Optional<Ins> ins = text(o, "ins").map(Ins::fromFhirToken);
        IdentityStatus status = IdentityStatus.fromCode(o.get("status").asText())
                .orElseThrow(() -> new IllegalStateException("unknown stored identity status"));
        if (status.isQualified()) {
            return PatientIdentity.qualified(traits, ins.orElseThrow());
        }
        return PatientIdentity.stored(traits, ins, status);
    }

    /** @return the metadata as JSON */
    public static String metadata(DocumentMetadata m) {
        ObjectNode o = JSON.createObjectNode();
        o.put("uniqueId", m.uniqueId());
        o.set("type", code(m.type()));
        o.set("classCode", code(m.classCode()));
        o.set("format", code(m.format()));
        o.set("facilityType", code(m.facilityType()));
        o.set("practiceSetting", code(m.practiceSetting()));
        o.put("title", m.title());
        o.put("contentType", m.contentType());
        o.put("language", m.language());
        o.put("creationTime", m.creationTime().toString());
        o.put("serviceStart", m.serviceStart().toString());
        m.serviceEnd().ifPresent(v -> o.put("serviceEnd", v.toString()));
        ArrayNode authors = o.putArray("authors");
        m.authors().forEach(a -> authors.add(author(a)));
        m.legalAuthenticator().ifPresent(a -> o.set("legalAuthenticator", author(a)));
        o.put("confidentiality", m.confidentiality().name());
        ArrayNode vis = o.putArray("visibility");
        m.visibility().forEach(v -> vis.add(v.name()));
        m.description().ifPresent(v -> o.put("description", v));
        ArrayNode events = o.putArray("events");
        m.events().forEach(e -> events.add(code(e)));
        return o.toString();
    }

    /** @return the metadata read back (as built when queued: the value sets were checked then) */
    public static DocumentMetadata metadata(String json) {
        JsonNode o = read(json);
        List<Author> authors = new ArrayList<>();
        o.get("authors").forEach(a -> authors.add(author(a)));
        Set<Visibility> vis = EnumSet.noneOf(Visibility.class);
        o.get("visibility").forEach(v -> vis.add(Visibility.valueOf(v.asText())));
        List<Code> events = new ArrayList<>();
        o.get("events").forEach(e -> events.add(code(e)));
        return new DocumentMetadata(o.get("uniqueId").asText(), code(o.get("type")), code(o.get("classCode")),
                code(o.get("format")), code(o.get("facilityType")), code(o.get("practiceSetting")),
                o.get("title").asText(), o.get("contentType").asText(), o.get("language").asText(),
                OffsetDateTime.parse(o.get("creationTime").asText()), OffsetDateTime.parse(o.get("serviceStart").asText()),
                text(o, "serviceEnd").map(OffsetDateTime::parse), authors,
                o.has("legalAuthenticator") ? Optional.of(author(o.get("legalAuthenticator"))) : Optional.empty(),
                Confidentiality.valueOf(o.get("confidentiality").asText()), vis, text(o, "description"), events);
    }

    private static ObjectNode code(Code c) {
        ObjectNode o = JSON.createObjectNode();
        o.put("system", c.system());
        o.put("code", c.code());
        o.put("display", c.display());
        return o;
    }

    private static Code code(JsonNode o) {
        return new Code(o.get("system").asText(), o.get("code").asText(), o.get("display").asText());
    }

    private static ObjectNode author(Author a) {
        ObjectNode o = JSON.createObjectNode();
        Professional p = a.professional();
        o.put("idNatPs", p.idNat());
        p.prefix().ifPresent(v -> o.put("prefix", v));
        p.familyName().ifPresent(v -> o.put("familyName", v));
        p.givenName().ifPresent(v -> o.put("givenName", v));
        a.role().ifPresent(v -> o.set("role", code(v)));
        p.profession().ifPresent(v -> o.set("profession", code(v)));
        p.specialty().ifPresent(v -> o.set("specialty", code(v)));
        p.organization().ifPresent(i -> {
            ObjectNode inst = o.putObject("institution");
            inst.put("idNat", i.idNat());
            i.name().ifPresent(n -> inst.put("name", n));
            i.sector().ifPresent(c -> inst.set("sector", code(c)));
        });
        return o;
    }

    private static Author author(JsonNode o) {
        Function<String, Optional<Code>> optCode = f -> o.has(f) ? Optional.of(code(o.get(f))) : Optional.empty();
        JsonNode i = o.get("institution");
        Optional<Organization> inst = i == null ? Optional.empty()
                : Optional.of(new Organization(i.get("idNat").asText(),
                        text(i, "name").filter(n -> !n.isEmpty()),
                        i.has("sector") ? Optional.of(code(i.get("sector"))) : Optional.empty()));
        Professional p = new Professional(o.get("idNatPs").asText(), text(o, "prefix"), text(o, "givenName"),
                text(o, "familyName"), optCode.apply("profession"), optCode.apply("specialty"), inst);
        return new Author(p, optCode.apply("role"));
    }

    private static Optional<String> text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            // the message of a JSON error may quote the stored text: never passed on
            throw new UncheckedIOException(new IOException("an outbox item's stored JSON cannot be read"));
        }
    }
}
