package fr.opendmp.testkit.dmp.internal;

import fr.opendmp.core.code.CodeSystems;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.opendmp.core.ins.InsOid;
import fr.opendmp.testkit.dmp.DmpStatus;
import fr.opendmp.testkit.dmp.FakePatient;

/** TD02: {@code GET Patient?identifier=<INS system>|<INS>} with the dmp-* extensions and the Consent entry (§7). */
public final class PatientLookup {
    private static final String EXT = "https://interop.esante.gouv.fr/ig/fhir/dmp/StructureDefinition/";

    private final DmpStore store;
    private final AccessRules rules;

    /** Creates the service. */
    public PatientLookup(DmpStore store, AccessRules rules) {
        this.store = store;
        this.rules = rules;
    }

    /** @return the searchset */
    public ObjectNode search(SearchParams params, String base, Caller caller) {
        String token = params.first("identifier").orElseThrow(() -> FhirException.of(400, "required",
                "MISSING_IDENTIFIER", "identifier (the INS) is required", "identifier"));
        String ins = PatientRefs.fromToken(token, 400, "identifier");
        String system = token.substring(0, Math.max(0, token.indexOf('|')));
        return store.read(() -> {
            rules.checkCredentialPatient(caller, ins);
            FakePatient p = store.patient(ins);
            ObjectNode bundle = Json.object();
            bundle.put("resourceType", "Bundle");
            bundle.put("type", "searchset");
            ArrayNode entries = bundle.putArray("entry");
            if (p.status() == DmpStatus.NONE) {
                bundle.put("total", 0);
                return bundle;
            }
            bundle.put("total", 1);
            String patientId = "dmp-" + Integer.toHexString(ins.hashCode());
            ObjectNode patient = Json.object();
            patient.put("resourceType", "Patient");
            patient.put("id", patientId);
            patient.putObject("meta").putArray("profile")
                    .add("https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-patient");
            ArrayNode exts = patient.putArray("extension");
            if (p.status() == DmpStatus.CLOSED) {
                ObjectNode f = exts.addObject().put("url", EXT + "dmp-fermeture");
                ArrayNode sub = f.putArray("extension");
                p.closedOn().ifPresent(d -> sub.addObject().put("url", "dateFermeture").put("valueDate", d.toString()));
                p.closureReason().ifPresent(r -> sub.addObject().put("url", "motifFermeture")
                        .putObject("valueCodeableConcept").putArray("coding").addObject()
                        .put("system", "https://interop.esante.gouv.fr/ig/fhir/dmp/CodeSystem/dmp-motif-fermeture")
                        .put("code", r));
            }
            exts.addObject().put("url", EXT + "dmp-rattachement-mes").put("valueBoolean", p.attachedToMesp());
            exts.addObject().put("url", EXT + "dmp-medecin-traitant")
                    .put("valueBoolean", p.medecinTraitant().map(caller.id()::equals).orElse(false));
            patient.putArray("identifier").addObject().put("use", "official")
                    .put("system", system.isEmpty() ? InsOid.NIR.system() : system).put("value", ins);
            patient.put("active", p.status() == DmpStatus.OPEN);
            ObjectNode e = entries.addObject();
            e.put("fullUrl", base + "/Patient/" + patientId);
            e.set("resource", patient);
            e.putObject("search").put("mode", "match");
            boolean blocked = store.isBlocked(ins, caller.id());
            if (blocked || store.isAuthorized(ins, caller.id())) {
                ObjectNode consent = Json.object();
                consent.put("resourceType", "Consent");
                consent.put("id", "consent-" + patientId);
                consent.put("status", "active");
                consent.putObject("patient").put("reference", "Patient/" + patientId);
                ObjectNode provision = consent.putObject("provision");
                provision.put("type", blocked ? "deny" : "permit");
                provision.putArray("actor").addObject().putObject("reference").putObject("identifier")
                        .put("system", CodeSystems.ID_NAT_PS).put("value", caller.id());
                ObjectNode ce = entries.addObject();
                ce.put("fullUrl", base + "/Consent/consent-" + patientId);
                ce.set("resource", consent);
                ce.putObject("search").put("mode", "include");
            }
            return bundle;
        });
    }
}
