package fr.opendmp.auth.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opendmp.auth.psc.PscClient;
import fr.opendmp.auth.psc.PscSession;
import fr.opendmp.auth.psc.PscTokens;
import fr.opendmp.core.access.AccessContext;
import fr.opendmp.core.caller.AuthenticationMode;
import fr.opendmp.core.caller.Caller;
import fr.opendmp.core.party.Organization;
import fr.opendmp.core.party.Professional;
import fr.opendmp.core.credentials.CredentialRequest;
import fr.opendmp.core.code.Code;
import fr.opendmp.core.code.CodeSystems;
import fr.opendmp.core.error.CredentialsException;
import fr.opendmp.core.ins.Ins;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A Pro Santé Connect session speaks for the professional who logged in, and no one else. */
class PscCredentialSourceTest {

    static final Ins INS = Ins.nir("279119913400976");

    static PscSession session() {
        PscClient client = PscClient.builder().issuer(URI.create("https://psc.example/auth/realms/esante-wallet"))
                .clientId("lps").build();
        return new PscSession(client, new PscTokens("psc-access-token", Instant.now().plusSeconds(600),
                Optional.empty(), Optional.empty(), Optional.empty()), Clock.systemUTC(), Duration.ofSeconds(30));
    }

    @Test
    void aCallInTheSessionOwnersNameCarriesItsTokenAndItsAccessMode() {
        Credential c = CredentialSource.psc(session()).credentialFor(
                CredentialRequest.dmp(INS, Caller.provider(AccessContext.brisDeGlace("urgence vitale"))));
        assertThat(c).isEqualTo(new Credential.AccessToken("psc-access-token"));
    }

    @Test
    void aCallNamingAnotherProfessionalIsRefusedNotSentInTheSessionOwnersName() {
        Professional other = Professional.of("810009876543", "Médecin", "AUTRE")
                .withProfession(Code.of(CodeSystems.TRE_G15, "10")).withSpecialty(Code.of(CodeSystems.TRE_R38, "SM26"))
                .withOrganization(Organization.of("10B0167011").withSector(Code.of(CodeSystems.TRE_R02, "SA01")));
        assertThatThrownBy(() -> CredentialSource.psc(session()).credentialFor(
                CredentialRequest.dmp(INS, Caller.of(other, AuthenticationMode.DIRECTE))))
                .isInstanceOf(CredentialsException.class).hasMessageContaining("session acts for");
    }
}
