package fr.opendmp.auth.psc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.opendmp.auth.psc.internal.Jwt;
import fr.opendmp.auth.psc.internal.Pkce;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JwtTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static KeyPair keys;
    static KeyPair otherKeys;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        otherKeys = generator.generateKeyPair();
    }

    static ObjectNode jwks(KeyPair pair, String kid) {
        RSAPublicKey pub = (RSAPublicKey) pair.getPublic();
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        ObjectNode doc = JSON.createObjectNode();
        doc.putArray("keys").addObject().put("kty", "RSA").put("kid", kid).put("use", "sig")
                .put("n", b64.encodeToString(strip(pub.getModulus()))).put("e", b64.encodeToString(strip(pub.getPublicExponent())));
        return doc;
    }

    static byte[] strip(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    @Test
    void signedTokenVerifiesWithTheJwksKeyOfItsKid() {
        String token = Jwt.signRs256(JSON.createObjectNode().put("sub", "899700366240"), keys.getPrivate(), "k1");

        Jwt.Parsed parsed = Jwt.parse(token);
        assertThat(parsed.claims().path("sub").asText()).isEqualTo("899700366240");
        assertThat(Jwt.verifyRs256(parsed, Jwt.rsaKeys(jwks(keys, "k1")))).isTrue();
        assertThat(Jwt.verifyRs256(parsed, Jwt.rsaKeys(jwks(otherKeys, "k1")))).isFalse();
        assertThat(Jwt.verifyRs256(parsed, Jwt.rsaKeys(jwks(keys, "k2")))).isFalse();
    }

    @Test
    void tamperedClaimsOrAlgNoneDoNotVerify() {
        String token = Jwt.signRs256(JSON.createObjectNode().put("sub", "a"), keys.getPrivate(), "k1");
        String[] parts = token.split("\\.");
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String tampered = parts[0] + "." + b64.encodeToString("{\"sub\":\"b\"}".getBytes()) + "." + parts[2];
        String none = b64.encodeToString("{\"alg\":\"none\",\"kid\":\"k1\"}".getBytes()) + "." + parts[1] + ".";
        Map<String, java.security.PublicKey> known = Jwt.rsaKeys(jwks(keys, "k1"));

        assertThat(Jwt.verifyRs256(Jwt.parse(tampered), known)).isFalse();
        assertThat(Jwt.verifyRs256(Jwt.parse(none), known)).isFalse();
    }

    @Test
    void malformedTokenIsRefused() {
        assertThatThrownBy(() -> Jwt.parse("not-a-jwt")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Jwt.parse("a.b.c")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pkceChallengeIsTheRfc7636Example() {
        assertThat(Pkce.challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"))
                .isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
        assertThat(Pkce.randomToken()).hasSize(43).isNotEqualTo(Pkce.randomToken());
    }
}
