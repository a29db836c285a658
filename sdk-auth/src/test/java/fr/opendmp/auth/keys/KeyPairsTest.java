package fr.opendmp.auth.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The check that a loaded private key belongs to its certificate. */
class KeyPairsTest {

    @Test
    void aDamagedKeyThatCannotSignIsRefusedAsUnreadableInsteadOfAccepted() throws Exception {
        SelfSigned pair = SelfSigned.create("CN=damaged key test");
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) pair.keys().getPrivate();
        PrivateKey damaged = KeyFactory.getInstance("RSA").generatePrivate(new RSAPrivateCrtKeySpec(key.getModulus(),
                key.getPublicExponent(), key.getPrivateExponent(), key.getPrimeP(), key.getPrimeQ(),
                key.getPrimeExponentP().add(BigInteger.TWO), key.getPrimeExponentQ(), key.getCrtCoefficient()));

        assertThatThrownBy(() -> KeyMaterial.of(damaged, List.of(pair.certificate())))
                .isInstanceOfSatisfying(KeyMaterialException.class,
                        e -> assertThat(e.reason()).isEqualTo(KeyMaterialException.Reason.UNREADABLE))
                .hasMessageContaining("cannot sign");
    }

    @Test
    void theSameKeyUndamagedIsAccepted() throws Exception {
        SelfSigned pair = SelfSigned.create("CN=damaged key test");

        assertThat(KeyMaterial.of(pair.keys().getPrivate(), List.of(pair.certificate())).certificate())
                .isEqualTo(pair.certificate());
    }
}
