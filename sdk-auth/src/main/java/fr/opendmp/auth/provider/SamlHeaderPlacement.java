package fr.opendmp.auth.provider;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A VIHF in a header: {@code <headerName>: <scheme><encoded assertion>}, e.g. IHE IUA's former
 * {@code Authorization: IHE-SAML <base64>} ({@link #iheSaml()}).
 *
 * @param headerName the header, e.g. {@code Authorization}
 * @param scheme the text before the value, e.g. {@code "IHE-SAML "}; empty for none
 * @param encoding how the assertion is encoded
 */
public record SamlHeaderPlacement(String headerName, String scheme, Encoding encoding) implements CredentialPlacement {

    /** How the assertion bytes are encoded. */
    public enum Encoding {
        /** Standard base64 with padding. */
        BASE64,
        /** URL-safe base64 without padding. */
        BASE64URL
    }

    /**
     * Checks a valid header name (token characters).
     * @param headerName the header, e.g. {@code Authorization}
     * @param scheme the text before the value, e.g. {@code "IHE-SAML "}; empty for none
     * @param encoding the encoding
     */
    public SamlHeaderPlacement {
        Objects.requireNonNull(headerName, "headerName");
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(encoding, "encoding");
        if (!headerName.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
            throw new IllegalArgumentException("not a valid HTTP header name: " + headerName);
        }
    }

    /**
     * @param headerName the header
     * @param encoding the encoding
     */
    public SamlHeaderPlacement(String headerName, Encoding encoding) {
        this(headerName, "", encoding);
    }

    /**
     * @return {@code Authorization: IHE-SAML <base64>}
     */
    public static SamlHeaderPlacement iheSaml() {
        return new SamlHeaderPlacement("Authorization", "IHE-SAML ", Encoding.BASE64);
    }

    @Override
    public Map<String, List<String>> headers(Credential credential) {
        if (!(credential instanceof Credential.Saml saml)) {
            throw new IllegalArgumentException("SamlHeaderPlacement carries a VIHF, not an access token");
        }
        String encoded = encoding == Encoding.BASE64 ? saml.vihf().base64() : saml.vihf().base64Url();
        return Map.of(headerName, List.of(scheme + encoded));
    }
}
