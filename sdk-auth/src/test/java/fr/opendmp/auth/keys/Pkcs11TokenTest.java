package fr.opendmp.auth.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class Pkcs11TokenTest {

    static SelfSigned card;
    static SelfSigned other;

    /** A fake token: an in-memory store opened by one PIN, as a card middleware would. */
    record FakeToken(KeyStore store, char[] pin) implements Pkcs11Token {
        @Override
        public KeyStore login(char[] given) {
            if (!Arrays.equals(given, pin)) {
                throw new KeyMaterialException(KeyMaterialException.Reason.WRONG_PASSWORD,
                        "the PIN was refused by " + description());
            }
            return store;
        }

        @Override
        public String description() {
            return "fake CPS card";
        }
    }

    @BeforeAll
    static void issue() throws Exception {
        card = SelfSigned.create("C=FR,O=Test,OU=10B0167011,CN=899700366240");
        other = SelfSigned.create("C=FR,CN=other");
    }

    static FakeToken token() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("auth", card.keys().getPrivate(), "1234".toCharArray(),
                new Certificate[] {card.certificate()});
        return new FakeToken(store, "1234".toCharArray());
    }

    @Test
    void keyIsReadFromTheTokenWithThePin() throws Exception {
        KeyMaterial key = KeyMaterials.fromPkcs11(token(), "1234".toCharArray(), Optional.empty());

        assertThat(key.certificate()).isEqualTo(card.certificate());
    }

    @Test
    void wrongPinIsAWrongPasswordThatDoesNotShowThePin() throws Exception {
        FakeToken token = token();

        assertThatThrownBy(() -> KeyMaterials.fromPkcs11(token, "9999".toCharArray(), Optional.empty()))
                .isInstanceOfSatisfying(KeyMaterialException.class, e -> {
                    assertThat(e.reason()).isEqualTo(KeyMaterialException.Reason.WRONG_PASSWORD);
                    assertThat(e.getMessage()).doesNotContain("9999").doesNotContain("1234");
                });
    }

    @Test
    void keyOfAnotherCertificateIsRefusedAsAMismatch() {
        assertThatThrownBy(() -> KeyMaterial.of(other.keys().getPrivate(), java.util.List.of(card.certificate())))
                .isInstanceOfSatisfying(KeyMaterialException.class, e -> assertThat(e.reason())
                        .isEqualTo(KeyMaterialException.Reason.KEY_CERTIFICATE_MISMATCH));
    }

    @Test
    void missingNativeLibraryIsTokenUnavailable() {
        SunPkcs11Token token = new SunPkcs11Token("missing", Path.of("/nonexistent/libcps.so"), OptionalLong.empty());

        assertThatThrownBy(() -> token.login("1234".toCharArray()))
                .isInstanceOfSatisfying(KeyMaterialException.class, e -> assertThat(e.reason())
                        .isEqualTo(KeyMaterialException.Reason.TOKEN_UNAVAILABLE));
    }

    @Test
    void tokenNameMustBeSimple() {
        assertThatThrownBy(() -> new SunPkcs11Token("bad name\nlibrary=/evil.so", Path.of("/x.so"), OptionalLong.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
