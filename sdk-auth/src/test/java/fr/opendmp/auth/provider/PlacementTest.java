package fr.opendmp.auth.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opendmp.auth.vihf.SignedVihf;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlacementTest {

    static final SignedVihf VIHF = new SignedVihf("<saml:Assertion/>".getBytes(StandardCharsets.UTF_8), "_1",
            Instant.parse("2026-01-01T00:00:00Z"));

    @Test
    void bearerCarriesATokenAsIs() {
        assertThat(new BearerTokenPlacement().headers(new Credential.AccessToken("abc.def.ghi")))
                .isEqualTo(Map.of("Authorization", List.of("Bearer abc.def.ghi")));
    }

    @Test
    void bearerCarriesAVihfBase64UrlEncoded() {
        assertThat(new BearerTokenPlacement().headers(new Credential.Saml(VIHF)).get("Authorization").get(0))
                .isEqualTo("Bearer " + VIHF.base64Url());
    }

    @Test
    void samlHeaderUsesTheGivenHeaderSchemeAndEncoding() {
        assertThat(SamlHeaderPlacement.iheSaml().headers(new Credential.Saml(VIHF)))
                .isEqualTo(Map.of("Authorization", List.of("IHE-SAML " + VIHF.base64())));
        assertThat(new SamlHeaderPlacement("X-Vihf", SamlHeaderPlacement.Encoding.BASE64URL)
                .headers(new Credential.Saml(VIHF))).isEqualTo(Map.of("X-Vihf", List.of(VIHF.base64Url())));
    }

    @Test
    void samlHeaderRefusesAnAccessTokenAndBadHeaderNames() {
        assertThatThrownBy(() -> SamlHeaderPlacement.iheSaml().headers(new Credential.AccessToken("t")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SamlHeaderPlacement("Bad Header", SamlHeaderPlacement.Encoding.BASE64))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void accessTokenNeverShowsItselfAndRefusesControlCharacters() {
        assertThat(new Credential.AccessToken("secret-token").toString()).doesNotContain("secret-token");
        assertThatThrownBy(() -> new Credential.AccessToken("a\r\nX-Injected: 1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void providerNeedsSomethingToProvide() {
        assertThatThrownBy(() -> AuthCredentialsProvider.builder().build()).isInstanceOf(IllegalStateException.class);
    }
}
