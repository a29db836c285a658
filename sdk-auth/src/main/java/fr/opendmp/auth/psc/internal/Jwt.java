package fr.opendmp.auth.psc.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The small part of JWS needed here: RS256 compact tokens, and RSA keys from a JWKS. */
public final class Jwt {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Decoder B64 = Base64.getUrlDecoder();
    private static final Base64.Encoder B64E = Base64.getUrlEncoder().withoutPadding();

    /**
     * A parsed (not yet verified) token.
     *
     * @param header the JOSE header
     * @param claims the claims
     * @param signingInput the bytes signed
     * @param signature the signature bytes
     */
    public record Parsed(JsonNode header, JsonNode claims, byte[] signingInput, byte[] signature) {
    }

    private Jwt() {
    }

    /**
     * @param token a compact JWS
     * @return its parts
     * @throws IllegalArgumentException if it is not a well-formed compact JWS
     */
    public static Parsed parse(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a compact JWS (expected 3 parts)");
        }
        try {
            JsonNode header = JSON.readTree(B64.decode(parts[0]));
            JsonNode claims = JSON.readTree(B64.decode(parts[1]));
            if (!header.isObject() || !claims.isObject()) {
                throw new IllegalArgumentException("JWS header and claims must be JSON objects");
            }
            return new Parsed(header, claims, (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII),
                    B64.decode(parts[2]));
        } catch (IOException | IllegalArgumentException e) {
            // no cause: a parser message may quote the token
            throw new IllegalArgumentException("not a well-formed JWS");
        }
    }

    /**
     * @param parsed the token
     * @param keys the keys by {@code kid}
     * @return whether the token is RS256 and its signature verifies with the key its {@code kid} names
     */
    public static boolean verifyRs256(Parsed parsed, Map<String, PublicKey> keys) {
        if (!"RS256".equals(parsed.header().path("alg").asText())) {
            return false;
        }
        String kid = parsed.header().path("kid").asText("");
        PublicKey key = keys.get(kid);
        if (key == null && keys.size() == 1 && kid.isEmpty()) {
            key = keys.values().iterator().next();
        }
        if (key == null) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(key);
            verifier.update(parsed.signingInput());
            return verifier.verify(parsed.signature());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /**
     * @param claims the claims
     * @param key the RSA private key
     * @param kid the key id
     * @return the compact RS256 JWS
     */
    public static String signRs256(ObjectNode claims, PrivateKey key, String kid) {
        try {
            ObjectNode header = JSON.createObjectNode().put("alg", "RS256").put("typ", "JWT").put("kid", kid);
            String input = B64E.encodeToString(JSON.writeValueAsBytes(header)) + "."
                    + B64E.encodeToString(JSON.writeValueAsBytes(claims));
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(key);
            signer.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + B64E.encodeToString(signer.sign());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a JWT", e);
        }
    }

    /**
     * @param jwks a JWKS document
     * @return its RSA signing keys by {@code kid}
     */
    public static Map<String, PublicKey> rsaKeys(JsonNode jwks) {
        Map<String, PublicKey> keys = new HashMap<>();
        for (JsonNode key : jwks.path("keys")) {
            if (!"RSA".equals(key.path("kty").asText()) || "enc".equals(key.path("use").asText())) {
                continue;
            }
            try {
                BigInteger n = new BigInteger(1, B64.decode(key.path("n").asText()));
                BigInteger e = new BigInteger(1, B64.decode(key.path("e").asText()));
                keys.put(key.path("kid").asText(""),
                        KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e)));
            } catch (GeneralSecurityException | IllegalArgumentException ex) {
                // skip a malformed key; the token naming it will not verify
            }
        }
        return keys;
    }

    /**
     * @return a text claim, if present
     */
    public static Optional<String> text(JsonNode claims, String name) {
        JsonNode node = claims.get(name);
        return node != null && node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
    }
}
