package fr.opendmp.testkit.dmp.internal;

import com.fasterxml.jackson.databind.JsonNode;
import fr.opendmp.core.access.AccessMode;
import fr.opendmp.testkit.dmp.DmpStatus;
import fr.opendmp.testkit.dmp.FakePatient;
import fr.opendmp.testkit.dmp.FakeProfessional;
import java.time.LocalDate;
import java.util.Optional;

/** Applies a seed document (format in {@code FakeDmpLauncher} and the testkit README) to an engine. */
public final class Seeds {
    private Seeds() {
    }

    /** Applies the seed; throws IllegalArgumentException with the faulty element on a bad seed. */
    public static void apply(Engine engine, JsonNode seed) {
        if (!seed.isObject()) {
            throw new IllegalArgumentException("a seed is a JSON object");
        }
        for (JsonNode p : seed.path("professionals")) {
            engine.store().putProfessional(professional(p));
        }
        int index = 0;
        for (JsonNode p : seed.path("patients")) {
            String at = "patients[" + index++ + "]";
            String ins = required(p, "ins", at);
            DmpStatus status = DmpStatus.valueOf(p.path("dmp").asText("open").toUpperCase(java.util.Locale.ROOT));
            FakePatient patient = new FakePatient(ins, status,
                    Json.text(p, "closedOn").map(LocalDate::parse), Json.text(p, "closureReason"),
                    p.path("attachedToMonEspaceSante").asBoolean(false), Json.text(p, "medecinTraitant"),
                    p.path("minor").asBoolean(false));
            engine.store().putPatient(patient);
            p.path("blocked").forEach(ps -> engine.store().setBlocked(patient.ins(), ps.asText(), true));
            p.path("authorized").forEach(ps -> engine.store().setAuthorized(patient.ins(), ps.asText(), true));
            p.path("notAuthorized").forEach(ps -> engine.store().setAuthorized(patient.ins(), ps.asText(), false));
        }
        index = 0;
        for (JsonNode d : seed.path("documents")) {
            String at = "documents[" + index++ + "]";
            String author = required(d, "author", at);
            FakeProfessional pro = engine.store().professionals().stream()
                    .filter(x -> x.idNatPs().equals(author)).findFirst().orElse(FakeProfessional.doctor(author));
            try {
                engine.deposits().simplified(d.path("documentReference"),
                        new Caller(pro, AccessMode.NORMAL, Optional.empty(), Optional.empty()));
            } catch (FhirException e) {
                throw new IllegalArgumentException(at + ".documentReference refused: " + e.getMessage(), e);
            }
        }
    }

    /** @return a professional from its seed object */
    public static FakeProfessional professional(JsonNode p) {
        FakeProfessional.Builder b = FakeProfessional.builder(required(p, "idNatPs", "professionals[]"));
        if (p.has("givenName") || p.has("familyName")) {
            b.name(p.path("givenName").asText(""), p.path("familyName").asText(""));
        }
        Json.text(p, "structureId").ifPresent(b::structureId);
        Json.text(p, "profession").ifPresent(b::profession);
        if (p.has("specialty")) {
            b.specialty(p.path("specialty").asText(""));
        }
        Json.text(p, "sector").ifPresent(b::sector);
        Json.text(p, "authenticationMode").ifPresent(b::authenticationMode);
        return b.build();
    }

    private static String required(JsonNode n, String field, String at) {
        return Json.text(n, field).orElseThrow(() -> new IllegalArgumentException(at + "." + field + " is required"));
    }
}
