package fr.opendmp.auth.provider;

import java.util.List;
import java.util.Map;

/**
 * {@code Authorization: Bearer <token>}. An access token goes as is; a VIHF goes base64url-encoded
 * (the SAML bearer form — unsure for the DMP; use {@link SamlHeaderPlacement} to choose another).
 */
public record BearerTokenPlacement() implements CredentialPlacement {

    @Override
    public Map<String, List<String>> headers(Credential credential) {
        String value = credential instanceof Credential.AccessToken token ? token.value()
                : ((Credential.Saml) credential).vihf().base64Url();
        return Map.of("Authorization", List.of("Bearer " + value));
    }
}
