package fr.opendmp.testkit.dmp;

import static fr.opendmp.testkit.dmp.RawHttp.INS;
import static fr.opendmp.testkit.dmp.RawHttp.enc;
import static fr.opendmp.testkit.dmp.RawHttp.searchByPatient;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.opendmp.core.access.AccessContext;
import fr.opendmp.testkit.junit.FakeDmpTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 22 item 1: the access-rule suite. One document per test, in one state (masked to
 * professionals, invisible to the patient, archived, deleted), read by one caller (its author,
 * another authorised professional, a professional the patient blocked, another professional in bris
 * de glace) on every route: TD3.1a search, TD3.1b search by identifier, read by id, TD3.2 Binary,
 * PATCH by id and conditional PATCH (each with a no-op {@code test} op), ITI-66 List. A document the
 * caller cannot see is 404 (absent from searches) on every route; a blocked caller gets 403 BLOCKED on
 * every route, whatever the document.
 */
// identity is not what this matrix checks: masking in place keeps one id for every route
@FakeDmpTest(metadataVersionIdentity = MetadataVersionIdentity.KEEP_ID)
class DocumentAccessRulesTest {
    static final FakeProfessional AUTHOR = FakeProfessional.doctor(Docs.AUTHOR);
    static final FakeProfessional OTHER = FakeProfessional.doctor("899700000001");
    static final FakeProfessional BLOCKED = FakeProfessional.doctor("899700000003");
    static final FakeProfessional EMERGENCY = FakeProfessional.doctor("899700000004");
    static final String VISIBILITY_SYSTEM = "https://mos.esante.gouv.fr/NOS/TRE_A07-StatutVisibiliteDocument/FHIR/"
            + "TRE-A07-StatutVisibiliteDocument";
    static final String NO_OP = "[{\"op\":\"test\",\"path\":\"/status\",\"value\":\"current\"}]";

    /** The document's state, and the patch its author applies to reach it. */
    enum State {
        MASKED("[{\"op\":\"add\",\"path\":\"/securityLabel/-\",\"value\":{\"coding\":[{\"system\":\""
                + VISIBILITY_SYSTEM + "\",\"code\":\"MASQUE_PS\"}]}}]"),
        INVISIBLE_TO_PATIENT("[{\"op\":\"add\",\"path\":\"/securityLabel/-\",\"value\":{\"coding\":[{\"system\":"
                + "\"urn:oid:1.2.250.1.213.1.1.4.13\",\"code\":\"INVISIBLE_PATIENT\"}]}}]"),
        ARCHIVED("[{\"op\":\"replace\",\"path\":\"/extension[url:'"
                + "https://interop.esante.gouv.fr/ig/fhir/pdsm/StructureDefinition/pdsm-ext-is-archived"
                + "']/valueBoolean\",\"value\":true}]"),
        DELETED("[{\"op\":\"replace\",\"path\":\"/status\",\"value\":\"entered-in-error\"}]");

        final String patch;

        State(String patch) {
            this.patch = patch;
        }
    }

    /** Who calls. */
    enum Who {
        AUTHOR_NORMAL, OTHER_AUTHORISED, BLOCKED_PROFESSIONAL, BRIS_DE_GLACE
    }

    /** What the caller must get on every route. */
    enum Expect {
        /** 200 everywhere, listed in every search. */
        VISIBLE,
        /** As VISIBLE, but left out of the default TD3.1a listing (listed with isArchived=true). */
        VISIBLE_ARCHIVED,
        /** 404 on read, Binary and both PATCHes; absent from TD3.1a, TD3.1b and List items. */
        HIDDEN,
        /** 403 BLOCKED on every route. */
        REFUSED_BLOCKED
    }

    private FakeDmp dmp;
    private RawHttp http;

    @BeforeEach
    void connect(FakeDmp fake) {
        dmp = fake;
        http = new RawHttp(fake);
    }

    static Stream<Arguments> matrix() {
        List<Arguments> all = new ArrayList<>();
        for (State s : State.values()) {
            for (Who w : Who.values()) {
                all.add(Arguments.of(s, w, expected(s, w)));
            }
        }
        return all.stream();
    }

    private static Expect expected(State s, Who w) {
        if (w == Who.BLOCKED_PROFESSIONAL) {
            return Expect.REFUSED_BLOCKED;
        }
        return switch (s) {
            case MASKED -> w == Who.AUTHOR_NORMAL ? Expect.VISIBLE : Expect.HIDDEN;
            case INVISIBLE_TO_PATIENT -> Expect.VISIBLE;
            case ARCHIVED -> Expect.VISIBLE_ARCHIVED;
            case DELETED -> Expect.HIDDEN;
        };
    }

    private RawHttp as(Who who) {
        return switch (who) {
            case AUTHOR_NORMAL -> http.as(AUTHOR, INS, AccessContext.normal());
            case OTHER_AUTHORISED -> http.as(OTHER, INS, AccessContext.normal());
            case BLOCKED_PROFESSIONAL -> http.as(BLOCKED, INS, AccessContext.normal());
            case BRIS_DE_GLACE -> http.as(EMERGENCY, INS, AccessContext.brisDeGlace("patient inconscient"));
        };
    }

    /** The stored document: entryUUID, Binary path, uniqueId. */
    record Stored(String id, String binary, String uniqueId) {
    }

    private Stored deposit(State state) {
        String uid = Docs.uniqueId(1);
        var r = http.as(AUTHOR, INS, AccessContext.normal()).postJson("", Docs.bundle(INS, uid).toString());
        assertThat(r.status()).isEqualTo(200);
        String id = r.json().path("entry").path(1).path("response").path("location").asText().split("/")[1];
        String binary = r.json().path("entry").path(2).path("response").path("location").asText();
        var patched = http.as(AUTHOR, INS, AccessContext.normal()).patchJson("DocumentReference/" + id, state.patch);
        assertThat(patched.status()).as("the author puts the document in state %s", state).isEqualTo(200);
        dmp.block(INS, BLOCKED.idNatPs());
        dmp.revokeAuthorization(INS, EMERGENCY.idNatPs());
        return new Stored(id, binary, uid);
    }

    @ParameterizedTest(name = "{0} document, {1} caller: {2} on every route")
    @MethodSource("matrix")
    void everyRouteAppliesTheSameVisibility(State state, Who who, Expect expect) {
        Stored doc = deposit(state);
        RawHttp caller = as(who);
        String byIdentifier = "DocumentReference?identifier=" + enc("urn:ietf:rfc:3986|" + doc.uniqueId());
        var search = caller.get(searchByPatient(INS));
        var archivedSearch = caller.get(searchByPatient(INS) + "&isArchived=true");
        var td31b = caller.get(searchByPatient(INS) + "&identifier=" + enc("urn:ietf:rfc:3986|" + doc.uniqueId()));
        var read = caller.get("DocumentReference/" + doc.id());
        var binary = caller.get(doc.binary(), "application/xml");
        var lists = caller.get("List?patient.identifier=" + enc(RawHttp.INS_SYSTEM + "|" + INS) + "&code=submissionset");
        var patchById = caller.patchJson("DocumentReference/" + doc.id(), NO_OP);
        var conditionalPatch = caller.patchJson(byIdentifier, NO_OP);
        List<RawHttp.Response> all = List.of(search, archivedSearch, td31b, read, binary, lists, patchById,
                conditionalPatch);
        switch (expect) {
            case REFUSED_BLOCKED -> all.forEach(r -> {
                assertThat(r.status()).isEqualTo(403);
                assertThat(r.rule()).isEqualTo("BLOCKED");
                assertThat(new String(r.body(), StandardCharsets.UTF_8)).doesNotContain(doc.uniqueId());
            });
            case HIDDEN -> {
                assertThat(ids(search)).doesNotContain(doc.id());
                assertThat(ids(archivedSearch)).doesNotContain(doc.id());
                assertThat(ids(td31b)).isEmpty();
                assertThat(lists.status()).isEqualTo(200);
                assertThat(lists.json().path("entry").toString()).doesNotContain(doc.id());
                for (var r : List.of(read, binary, patchById, conditionalPatch)) {
                    assertThat(r.status()).isEqualTo(404);
                    assertThat(r.json().path("resourceType").asText()).isEqualTo("OperationOutcome");
                    assertThat(new String(r.body(), StandardCharsets.UTF_8)).doesNotContain(doc.uniqueId())
                            .doesNotContain("securityLabel");
                }
            }
            case VISIBLE, VISIBLE_ARCHIVED -> {
                if (expect == Expect.VISIBLE) {
                    assertThat(ids(search)).containsExactly(doc.id());
                } else {
                    assertThat(ids(search)).isEmpty();
                }
                if (expect == Expect.VISIBLE_ARCHIVED) {
                    assertThat(ids(archivedSearch)).containsExactly(doc.id());
                } else {
                    assertThat(ids(archivedSearch)).as("isArchived=true lists archived documents only").isEmpty();
                }
                assertThat(ids(td31b)).containsExactly(doc.id());
                assertThat(read.status()).isEqualTo(200);
                assertThat(read.json().path("id").asText()).isEqualTo(doc.id());
                assertThat(binary.status()).isEqualTo(200);
                assertThat(new String(binary.body(), StandardCharsets.UTF_8)).isEqualTo(Docs.CDA);
                assertThat(lists.json().path("entry").toString()).contains("DocumentReference/" + doc.id());
                assertThat(patchById.status()).isEqualTo(200);
                assertThat(conditionalPatch.status()).isEqualTo(200);
            }
        }
    }

    private static List<String> ids(RawHttp.Response searchset) {
        assertThat(searchset.status()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        for (JsonNode e : searchset.json().path("entry")) {
            if ("match".equals(e.path("search").path("mode").asText())) {
                out.add(e.path("resource").path("id").asText());
            }
        }
        return out.isEmpty() ? List.of() : out;
    }

    @org.junit.jupiter.api.Test
    void aNoOpConditionalPatchByAnotherProfessionalOnAMaskedDocumentIs404AndDoesNotChangeIt() {
        Stored doc = deposit(State.MASKED);
        String byIdentifier = "DocumentReference?identifier=" + enc("urn:ietf:rfc:3986|" + doc.uniqueId());
        var r = as(Who.OTHER_AUTHORISED).patchJson(byIdentifier, NO_OP);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().path("resourceType").asText()).isEqualTo("OperationOutcome");
        String unmask = "[{\"op\":\"remove\",\"path\":\"/securityLabel/1\"}]";
        assertThat(as(Who.OTHER_AUTHORISED).patchJson(byIdentifier, unmask).status()).isEqualTo(404);
        var mine = as(Who.AUTHOR_NORMAL).get("DocumentReference/" + doc.id());
        assertThat(mine.json().path("meta").path("versionId").asText()).as("untouched since the masking").isEqualTo("2");
        assertThat(mine.json().path("securityLabel").toString()).contains("MASQUE_PS");
    }

    @org.junit.jupiter.api.Test
    void anotherProfessionalCannotSupersedeMaskOrHideTheAuthorsDocumentButMayArchiveIt() {
        Stored doc = deposit(State.INVISIBLE_TO_PATIENT);
        RawHttp other = as(Who.OTHER_AUTHORISED);
        String path = "DocumentReference/" + doc.id();
        for (String change : List.of("[{\"op\":\"replace\",\"path\":\"/status\",\"value\":\"superseded\"}]",
                "[{\"op\":\"replace\",\"path\":\"/status\",\"value\":\"entered-in-error\"}]",
                State.MASKED.patch, "[{\"op\":\"remove\",\"path\":\"/securityLabel/1\"}]")) {
            var r = other.patchJson(path, change);
            assertThat(r.status()).as(change).isEqualTo(403);
            assertThat(r.rule()).isEqualTo("NOT_AUTHOR");
        }
        var bdg = as(Who.BRIS_DE_GLACE).patchJson(path, "[{\"op\":\"replace\",\"path\":\"/status\",\"value\":\"superseded\"}]");
        assertThat(bdg.rule()).as("bris de glace gives no right to change").isEqualTo("NOT_AUTHOR");
        assertThat(other.patchJson(path, State.ARCHIVED.patch).status()).isEqualTo(200);
        var current = as(Who.AUTHOR_NORMAL).get(path).json();
        assertThat(current.path("status").asText()).isEqualTo("current");
        assertThat(current.path("securityLabel").toString()).contains("INVISIBLE_PATIENT").doesNotContain("MASQUE_PS");
        assertThat(as(Who.AUTHOR_NORMAL).patchJson(path, State.MASKED.patch).status()).as("the author may").isEqualTo(200);
    }
}
