package fr.opendmp.core.transport.internal.fhir;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import fr.opendmp.core.code.Code;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * Streams one DocumentReference object into {@link DocumentReferenceFields}: only the elements the
 * client needs are read, everything else is skipped without being built. Not API.
 */
final class DocumentReferenceParser {

    private DocumentReferenceParser() {
    }

    /** The parser is on the START_OBJECT of the resource; on return it is on its END_OBJECT. */
    static DocumentReferenceFields parse(JsonParser p) throws IOException {
        expect(p, JsonToken.START_OBJECT);
        return parseRest(p, new DocumentReferenceFields());
    }

    /** Reads the remaining fields of the object the parser is in; on return it is on its END_OBJECT. */
    static DocumentReferenceFields parseRest(JsonParser p, DocumentReferenceFields f) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "resourceType" -> f.resourceType = p.getText();
                case "id" -> f.id = p.getText();
                case "meta" -> object(p, (k) -> {
                    if (k.equals("versionId")) {
                        f.versionId = p.getText();
                    } else if (k.equals("lastUpdated")) {
                        f.lastUpdated = p.getText();
                    } else {
                        skip(p);
                    }
                });
                case "extension" -> array(p, () -> {
                    String[] url = new String[1];
                    Boolean[] value = new Boolean[1];
                    object(p, k -> {
                        if (k.equals("url")) {
                            url[0] = p.getText();
                        } else if (k.equals("valueBoolean")) {
                            value[0] = p.getValueAsBoolean();
                        } else {
                            skip(p);
                        }
                    });
                    if (DocumentReferenceReader.IS_ARCHIVED.equals(url[0]) && value[0] != null) {
                        f.archived = value[0];
                    }
                });
                case "contained" -> array(p, () -> contained(p, f));
                case "masterIdentifier" -> f.masterIdentifier = identifier(p)[1];
                case "identifier" -> array(p, () -> {
                    String[] id = identifier(p);
                    if ("usual".equals(id[2])) {
                        f.usualIdentifier = id[1];
                    } else if ("official".equals(id[2])) {
                        f.officialIdentifier = id[1];
                    }
                });
                case "status" -> f.status = p.getText();
                case "type" -> f.type = concept(p);
                case "category" -> array(p, () -> {
                    Code c = concept(p);
                    if (f.category == null) {
                        f.category = c;
                    }
                });
                case "subject" -> object(p, k -> {
                    if (k.equals("reference")) {
                        f.subjectReference = p.getText();
                    } else if (k.equals("identifier")) {
                        String[] id = identifier(p);
                        f.subjectSystem = id[0];
                        f.subjectValue = id[1];
                    } else {
                        skip(p);
                    }
                });
                case "date" -> f.date = p.getText();
                case "author" -> array(p, () -> f.authors.add(reference(p)));
                case "authenticator" -> f.authenticator = reference(p);
                case "description" -> f.description = p.getText();
                case "securityLabel" -> array(p, () -> codings(p, f.securityLabels::add));
                case "content" -> {
                    boolean[] first = {true};
                    array(p, () -> {
                        if (first[0]) {
                            first[0] = false;
                            content(p, f);
                        } else {
                            skip(p);
                        }
                    });
                }
                case "context" -> context(p, f);
                default -> skip(p);
            }
        }
        expect(p, JsonToken.END_OBJECT);
        return f;
    }

    private static void content(JsonParser p, DocumentReferenceFields f) throws IOException {
        object(p, k -> {
            if (k.equals("attachment")) {
                object(p, a -> {
                    switch (a) {
                        case "contentType" -> f.contentType = p.getText();
                        case "language" -> f.language = p.getText();
                        case "url" -> f.url = p.getText();
                        case "size" -> f.size = p.getValueAsLong();
                        case "hash" -> f.hash = p.getText();
                        case "title" -> f.title = p.getText();
                        case "creation" -> f.creation = p.getText();
                        default -> skip(p);
                    }
                });
            } else if (k.equals("format")) {
                f.format = coding(p);
            } else {
                skip(p);
            }
        });
    }

    private static void context(JsonParser p, DocumentReferenceFields f) throws IOException {
        object(p, k -> {
            switch (k) {
                case "event" -> array(p, () -> {
                    Code c = concept(p);
                    if (c != null) {
                        f.events.add(c);
                    }
                });
                case "period" -> object(p, q -> {
                    if (q.equals("start")) {
                        f.periodStart = p.getText();
                    } else if (q.equals("end")) {
                        f.periodEnd = p.getText();
                    } else {
                        skip(p);
                    }
                });
                case "facilityType" -> f.facilityType = concept(p);
                case "practiceSetting" -> f.practiceSetting = concept(p);
                default -> skip(p);
            }
        });
    }

    private static void contained(JsonParser p, DocumentReferenceFields f) throws IOException {
        DocumentReferenceFields.Actor actor = new DocumentReferenceFields.Actor();
        String[] id = new String[1];
        object(p, k -> {
            switch (k) {
                case "id" -> id[0] = p.getText();
                case "identifier" -> array(p, () -> {
                    String[] ident = identifier(p);
                    if (actor.idNat == null || fr.opendmp.core.code.CodeSystems.ID_NAT_PS.equals(ident[0])) {
                        actor.idNat = ident[1];
                    }
                });
                case "name" -> {
                    boolean[] first = {true};
                    array(p, () -> {
                        if (!first[0]) {
                            skip(p);
                            return;
                        }
                        first[0] = false;
                        object(p, n -> {
                            if (n.equals("family")) {
                                actor.family = p.getText();
                            } else if (n.equals("given")) {
                                boolean[] firstGiven = {true};
                                array(p, () -> {
                                    if (firstGiven[0]) {
                                        actor.given = p.getText();
                                        firstGiven[0] = false;
                                    } else {
                                        skip(p);
                                    }
                                });
                            } else {
                                skip(p);
                            }
                        });
                    });
                }
                case "practitioner" -> {
                    DocumentReferenceFields.Ref r = reference(p);
                    actor.practitionerRef = r.identifierValue();
                    actor.practitionerLocalRef = r.reference();
                }
                case "specialty" -> array(p, () -> {
                    Code c = concept(p);
                    if (actor.specialty == null) {
                        actor.specialty = c;
                    }
                });
                case "code" -> array(p, () -> {
                    Code c = concept(p);
                    if (actor.role == null) {
                        actor.role = c;
                    }
                });
                case "organization" -> object(p, o -> {
                    if (o.equals("identifier")) {
                        actor.organizationId = identifier(p)[1];
                    } else if (o.equals("display")) {
                        actor.organizationName = p.getText();
                    } else {
                        skip(p);
                    }
                });
                default -> skip(p);
            }
        });
        if (actor.idNat == null) {
            actor.idNat = actor.practitionerRef;
        }
        if (id[0] != null) {
            f.contained.put("#" + id[0], actor);
        }
    }

    private static DocumentReferenceFields.Ref reference(JsonParser p) throws IOException {
        String[] r = new String[2];
        object(p, k -> {
            if (k.equals("reference")) {
                r[0] = p.getText();
            } else if (k.equals("identifier")) {
                r[1] = identifier(p)[1];
            } else {
                skip(p);
            }
        });
        return new DocumentReferenceFields.Ref(r[0], r[1]);
    }

    /** @return system, value, use */
    private static String[] identifier(JsonParser p) throws IOException {
        String[] id = new String[3];
        object(p, k -> {
            switch (k) {
                case "system" -> id[0] = p.getText();
                case "value" -> id[1] = p.getText();
                case "use" -> id[2] = p.getText();
                default -> skip(p);
            }
        });
        return id;
    }

    private static Code concept(JsonParser p) throws IOException {
        Code[] first = new Code[1];
        codings(p, c -> {
            if (first[0] == null) {
                first[0] = c;
            }
        });
        return first[0];
    }

    private static void codings(JsonParser p, Consumer<Code> sink) throws IOException {
        object(p, k -> {
            if (k.equals("coding")) {
                array(p, () -> {
                    Code c = coding(p);
                    if (c != null) {
                        sink.accept(c);
                    }
                });
            } else {
                skip(p);
            }
        });
    }

    private static Code coding(JsonParser p) throws IOException {
        String[] c = new String[3];
        object(p, k -> {
            switch (k) {
                case "system" -> c[0] = p.getText();
                case "code" -> c[1] = p.getText();
                case "display" -> c[2] = p.getText();
                default -> skip(p);
            }
        });
        if (c[0] == null || c[1] == null || c[0].isEmpty() || c[1].isEmpty()) {
            return null;
        }
        return Code.of(c[0], c[1], c[2] == null ? "" : c[2]);
    }

    @FunctionalInterface
    private interface FieldHandler {
        void field(String name) throws IOException;
    }

    @FunctionalInterface
    private interface ItemHandler {
        void item() throws IOException;
    }

    /** Calls the handler on each field, the parser on its value; a non-object value is skipped. */
    private static void object(JsonParser p, FieldHandler handler) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            skip(p);
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            handler.field(name);
        }
        expect(p, JsonToken.END_OBJECT);
    }

    /** Calls the handler on each item, the parser on its first token; a non-array value is skipped. */
    private static void array(JsonParser p, ItemHandler handler) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            skip(p);
            return;
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() == null) {
                throw new IOException("truncated JSON");
            }
            handler.item();
        }
    }

    private static void skip(JsonParser p) throws IOException {
        p.skipChildren();
    }

    private static void expect(JsonParser p, JsonToken token) throws IOException {
        if (p.currentToken() != token) {
            throw new IOException("expected " + token + ", got " + p.currentToken());
        }
    }
}
