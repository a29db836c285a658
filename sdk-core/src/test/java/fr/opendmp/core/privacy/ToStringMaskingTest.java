package fr.opendmp.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opendmp.core.access.AccessContext;
import fr.opendmp.core.access.Closure;
import fr.opendmp.core.caller.AuthenticationMode;
import fr.opendmp.core.caller.Caller;
import fr.opendmp.core.party.Professional;
import fr.opendmp.core.party.Organization;
import fr.opendmp.core.code.Code;
import fr.opendmp.core.insi.internal.InsiProtocol;
import fr.opendmp.core.insi.internal.SoapRequest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Free text and traits a professional typed never reach a log line through a default toString(). */
class ToStringMaskingTest {

    @Test
    void aBrisDeGlaceReasonIsNeverPrinted() {
        AccessContext urgent = AccessContext.brisDeGlace("Mme DUPONT inconsciente, née le 12/03/1950");
        assertThat(urgent.toString()).contains("BRIS_DE_GLACE").doesNotContain("DUPONT").doesNotContain("1950");
        Professional doctor = Professional.of("810001234567", "Claire", "MARTIN")
                .withProfession(Code.of("1.2.250.1.71.1.2.7", "10"))
                .withSpecialty(Code.of("1.2.250.1.71.4.2.5", "SM26"))
                .withOrganization(new Organization("10B0167011", Optional.empty(), Optional.of(Code.of("1.2.250.1.71.4.2.4", "SA01"))));
        assertThat(Caller.of(doctor, AuthenticationMode.INDIRECTE, urgent).toString())
                .doesNotContain("DUPONT").doesNotContain("MARTIN").doesNotContain("Claire");
    }

    @Test
    void anInsiRequestNeverPrintsTheTraitsItCarries() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("NomNaissance", "DUPONT");
        fields.put("Prenom", "JEANNE");
        fields.put("DateNaissance", "1950-03-12");
        SoapRequest r = new SoapRequest(InsiProtocol.OP_TRAITS, "id-1", "https://insi.example/x", Instant.EPOCH,
                new SoapRequest.LpsContext("emitter", "AUTH-1", "Soft", "1.0", "inst-1"), fields);
        assertThat(r.toString()).contains("NomNaissance").doesNotContain("DUPONT").doesNotContain("JEANNE")
                .doesNotContain("1950");
    }

    @Test
    void aDmpClosureNeverPrintsItsFreeText() {
        Closure closure = new Closure(Optional.of(java.time.LocalDate.parse("2026-02-01")),
                Optional.of(Code.of("1.2.250.1.213.1.1.4.13", "DECES")), Optional.of("Décès de Mme DUPONT"));
        assertThat(closure.toString()).contains("2026-02-01").contains("DECES").doesNotContain("DUPONT")
                .doesNotContain("Décès");
    }
}
