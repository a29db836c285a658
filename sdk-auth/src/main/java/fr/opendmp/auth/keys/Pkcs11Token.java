package fr.opendmp.auth.keys;

import java.security.KeyStore;

/**
 * A PKCS#11 token holding keys that never leave it: a CPS card through its middleware, an HSM, or
 * a software token. {@link SunPkcs11Token} reaches it through the JDK's SunPKCS11 provider; tests
 * may use a fake.
 */
public interface Pkcs11Token {

    /**
     * Logs in and returns the token's key store.
     *
     * @param pin the user PIN
     * @return the loaded key store
     * @throws KeyMaterialException with {@code WRONG_PASSWORD} for a wrong PIN, or
     *     {@code TOKEN_UNAVAILABLE} if the token cannot be reached
     */
    KeyStore login(char[] pin);

    /**
     * @return how to name the token in messages (no secret)
     */
    String description();
}
