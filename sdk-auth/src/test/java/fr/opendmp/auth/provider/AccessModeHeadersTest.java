package fr.opendmp.auth.provider;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opendmp.core.access.AccessContext;
import fr.opendmp.core.credentials.CredentialRequest;
import fr.opendmp.core.ins.Ins;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Beside an OAuth token (Pro Santé Connect), the caller's access mode and reason still travel. */
class AccessModeHeadersTest {

    static final Ins INS = Ins.nir("279119913400976");

    static AuthCredentialsProvider tokenProvider() {
        return AuthCredentialsProvider.builder().source(request -> new Credential.AccessToken("psc-token")).build();
    }

    @Test
    void aBrisDeGlaceRequestWithAnOAuthTokenCarriesItsModeAndItsEncodedReason() {
        Map<String, List<String>> headers = tokenProvider().headers(
                CredentialRequest.dmp(INS, AccessContext.brisDeGlace("arrêt cardiaque, patient inconscient")));
        assertThat(headers.get("Authorization")).containsExactly("Bearer psc-token");
        assertThat(headers.get("X-Access-Mode")).containsExactly("bris_de_glace");
        assertThat(headers.get("X-Access-Reason")).containsExactly("arr%C3%AAt+cardiaque%2C+patient+inconscient");
    }

    @Test
    void aNormalRequestWithAnOAuthTokenAddsNoModeHeader() {
        Map<String, List<String>> headers = tokenProvider().headers(CredentialRequest.dmp(INS, AccessContext.normal()));
        assertThat(headers).containsOnlyKeys("Authorization");
    }

    @Test
    void theHeaderNamesAreANamedStrategy() {
        AuthCredentialsProvider p = AuthCredentialsProvider.builder()
                .source(request -> new Credential.AccessToken("psc-token"))
                .accessModeHeaders(new AccessModeHeaders("X-Mode", "X-Motif")).build();
        Map<String, List<String>> headers = p.headers(CredentialRequest.dmp(INS, AccessContext.centreRegulation()));
        assertThat(headers.get("X-Mode")).containsExactly("centre_15");
        assertThat(headers).doesNotContainKey("X-Motif");
    }
}
