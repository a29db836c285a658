package fr.opendmp.auth.keys;

import fr.opendmp.auth.keys.KeyMaterialException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.util.Objects;
import java.util.OptionalLong;
import javax.security.auth.login.LoginException;

/**
 * A PKCS#11 token reached through the JDK's SunPKCS11 provider and a native library (the CPS card
 * middleware "Cryptolib CPS", an HSM's library, SoftHSM…).
 */
public final class SunPkcs11Token implements Pkcs11Token {

    private final String name;
    private final Path library;
    private final OptionalLong slot;

    /**
     * @param name a short name for the provider instance (letters and digits)
     * @param library the PKCS#11 native library
     * @param slot the slot id; empty for the first slot with a token
     */
    public SunPkcs11Token(String name, Path library, OptionalLong slot) {
        this.name = Objects.requireNonNull(name, "name");
        this.library = Objects.requireNonNull(library, "library");
        this.slot = Objects.requireNonNull(slot, "slot");
        if (!name.matches("[A-Za-z0-9]+")) {
            throw new IllegalArgumentException("the token name must be letters and digits: " + name);
        }
    }

    @Override
    public KeyStore login(char[] pin) {
        Objects.requireNonNull(pin, "pin");
        if (!Files.isReadable(library)) {
            throw new KeyMaterialException(Reason.TOKEN_UNAVAILABLE, "the PKCS#11 library " + library
                    + " is not readable: install the card middleware or the HSM client");
        }
        Provider base = Security.getProvider("SunPKCS11");
        if (base == null) {
            throw new KeyMaterialException(Reason.TOKEN_UNAVAILABLE, "this JDK has no SunPKCS11 provider");
        }
        StringBuilder config = new StringBuilder("--name=").append(name).append('\n')
                .append("library=").append(library.toAbsolutePath()).append('\n');
        slot.ifPresent(s -> config.append("slot=").append(s).append('\n'));
        Provider provider;
        try {
            provider = base.configure(config.toString());
        } catch (RuntimeException e) {
            throw new KeyMaterialException(Reason.TOKEN_UNAVAILABLE, "cannot configure PKCS#11 for "
                    + description() + ": " + e.getMessage(), e);
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS11", provider);
            store.load(null, pin);
            return store;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            if (isPinRefusal(e)) {
                throw new KeyMaterialException(Reason.WRONG_PASSWORD, "the PIN was refused by " + description(), e);
            }
            throw new KeyMaterialException(Reason.TOKEN_UNAVAILABLE, "cannot open " + description(), e);
        }
    }

    private static boolean isPinRefusal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (t instanceof LoginException || message.contains("CKR_PIN_INCORRECT")
                    || message.contains("CKR_PIN_LEN_RANGE") || message.contains("CKR_PIN_LOCKED")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String description() {
        return "PKCS#11 token " + name + " (" + library.getFileName()
                + (slot.isPresent() ? ", slot " + slot.getAsLong() : "") + ")";
    }

    @Override
    public String toString() {
        return description();
    }
}
