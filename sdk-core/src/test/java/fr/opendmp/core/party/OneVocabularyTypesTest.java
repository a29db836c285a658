package fr.opendmp.core.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opendmp.core.access.AccessContext;
import fr.opendmp.core.caller.AuthenticationMode;
import fr.opendmp.core.caller.Caller;
import fr.opendmp.core.code.Code;
import fr.opendmp.core.code.CodeSystems;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OneVocabularyTypesTest {

    @Test
    void aCodeWritesAndReadsItsCaretOidFormAndKnowsTheSameSystemUnderEverySpelling() {
        Code sector = Code.of(CodeSystems.TRE_R02, "SA07", "Cabinet individuel");
        assertThat(sector.caretOid()).isEqualTo("SA07^1.2.250.1.71.4.2.4");
        assertThat(Code.parseCaretOid("SA07^1.2.250.1.71.4.2.4")).isEqualTo(sector);
        assertThat(Code.ofOid(CodeSystems.TRE_G15_OID, "10", "Médecin")).isEqualTo(Code.of(CodeSystems.TRE_G15, "10"));
        assertThatThrownBy(() -> Code.parseCaretOid("SA07")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Code.of("http://example.org/unknown", "x").caretOid())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aProfessionalNeedsOnlyItsIdAndNeverPrintsItsNames() {
        assertThatThrownBy(() -> Professional.of(" ")).isInstanceOf(IllegalArgumentException.class);
        Professional p = Professional.of("810001234567", "Claire", "MARTIN").withPrefix("MME")
                .withProfession(Code.of(CodeSystems.TRE_G15, "10", "Médecin"))
                .withOrganization(Organization.of("10B0167011", "Cabinet"));
        assertThat(p.displayName()).contains("MARTIN Claire");
        assertThat(Professional.of("810001234567").displayName()).isEmpty();
        assertThat(p.toString()).contains("810001234567", "10B0167011").doesNotContain("MARTIN", "Claire", "MME");
    }

    @Test
    void anOrganisationNeedsItsIdNatStruct() {
        assertThatThrownBy(() -> Organization.of("")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Organization.of("10B0167011").withSector(Code.of(CodeSystems.TRE_R02, "SA07")).sector()
                .map(Code::caretOid)).contains("SA07^1.2.250.1.71.4.2.4");
    }

    @Test
    void aCallersProfessionalAndAuthenticationModeGoTogether() {
        Professional p = Professional.of("810001234567");
        assertThat(Caller.of(p, AuthenticationMode.DIRECTE).authenticationMode()).contains(AuthenticationMode.DIRECTE);
        assertThat(Caller.provider().authenticationMode()).isEmpty();
        assertThatThrownBy(() -> new Caller(Optional.of(p), Optional.empty(), AccessContext.normal()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Caller(Optional.empty(), Optional.of(AuthenticationMode.DIRECTE),
                AccessContext.normal())).isInstanceOf(IllegalArgumentException.class);
    }
}
