package fr.opendmp.core.transport.internal.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import fr.opendmp.core.access.AccessMode;
import fr.opendmp.core.access.AccessStatus;
import fr.opendmp.core.access.Authorization;
import fr.opendmp.core.access.Closure;
import fr.opendmp.core.access.DmpState;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Maps the TD02 {@code Patient} searchset (plus the OpenDMP {@code Consent} entry carrying the
 * caller's authorization, TD02 of the PDSM4DMP implementation guide) to an {@link AccessStatus}. The Patient's identity traits are
 * not read (RG_0320). Not API.
 */
public final class AccessStatusReader {

    private static final String DMP = "https://interop.esante.gouv.fr/ig/fhir/dmp/StructureDefinition/";

    private AccessStatusReader() {
    }

    /** @return the status the bundle describes */
    public static AccessStatus read(JsonNode bundle, AccessMode mode) {
        JsonNode patient = null;
        Authorization authorization = Authorization.NONE;
        for (JsonNode e : bundle.path("entry")) {
            JsonNode r = e.path("resource");
            String type = r.path("resourceType").asText();
            if (type.equals("Patient") && patient == null) {
                patient = r;
            } else if (type.equals("Consent") && "active".equals(r.path("status").asText("active"))) {
                String provision = r.path("provision").path("type").asText("");
                if (provision.equals("deny")) {
                    authorization = Authorization.BLOCKED;
                } else if (provision.equals("permit") && authorization != Authorization.BLOCKED) {
                    authorization = Authorization.AUTHORIZED;
                }
            }
        }
        if (patient == null) {
            return AccessStatus.none(mode);
        }
        boolean active = patient.path("active").asBoolean(false);
        Optional<Closure> closure = Optional.empty();
        boolean mes = false;
        boolean mt = false;
        for (JsonNode ext : patient.path("extension")) {
            String url = ext.path("url").asText();
            if (url.equals(DMP + "dmp-fermeture")) {
                closure = Optional.of(closure(ext));
            } else if (url.equals(DMP + "dmp-rattachement-mes")) {
                mes = ext.path("valueBoolean").asBoolean(false);
            } else if (url.equals(DMP + "dmp-medecin-traitant")) {
                mt = ext.path("valueBoolean").asBoolean(false);
            }
        }
        return new AccessStatus(active ? DmpState.OPEN : DmpState.CLOSED, active ? Optional.empty() : closure, mes,
                authorization, mt, mode);
    }

    private static Closure closure(JsonNode ext) {
        Optional<LocalDate> date = Optional.empty();
        Optional<fr.opendmp.core.code.Code> reason = Optional.empty();
        Optional<String> text = Optional.empty();
        for (JsonNode sub : ext.path("extension")) {
            switch (sub.path("url").asText()) {
                case "dateFermeture" -> date = date(sub.path("valueDate").asText(sub.path("valueDateTime").asText("")));
                case "motifFermeture" -> reason = FhirJson.firstCoding(sub.path("valueCodeableConcept"));
                case "raisonFermeture" -> text = FhirJson.text(sub, "valueString");
                default -> { }
            }
        }
        return new Closure(date, reason, text);
    }

    private static Optional<LocalDate> date(String value) {
        try {
            return value.length() >= 10 ? Optional.of(LocalDate.parse(value.substring(0, 10))) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
