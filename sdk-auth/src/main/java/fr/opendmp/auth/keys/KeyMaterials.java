package fr.opendmp.auth.keys;

import fr.opendmp.auth.keys.KeyMaterialException.Reason;
import fr.opendmp.auth.keys.internal.PemReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Loads a private key and its certificate chain from PKCS#12, PEM (PKCS#8, encrypted PKCS#8,
 * traditional OpenSSL keys, certificate chains) or a PKCS#11 token.
 *
 * <pre>{@code
 * KeyMaterial tls = KeyMaterials.fromPkcs12(Path.of("ORG-AUTH_CLI.p12"), password, Optional.empty());
 * }</pre>
 *
 * <p>Every failure is a {@link KeyMaterialException} with a typed {@link Reason}: a wrong password,
 * a file without a private key, a key that does not match its certificate… Messages name the
 * file, never a password or a key.
 */
public final class KeyMaterials {

    private static final long MAX_FILE_BYTES = 1L << 20;

    private KeyMaterials() {
    }

    /**
     * Loads a PKCS#12 file.
     *
     * @param file the .p12/.pfx file
     * @param password the store password (also used for the key)
     * @param alias the entry to use; empty to use the only key entry
     * @return the key and its chain
     * @throws KeyMaterialException if the file cannot be read, the password is wrong, or there is no
     *     (or more than one) key entry
     */
    public static KeyMaterial fromPkcs12(Path file, char[] password, Optional<String> alias) {
        Objects.requireNonNull(password, "password");
        byte[] bytes = read(file);
        KeyStore store;
        try {
            store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(bytes), password);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException
                    || String.valueOf(e.getMessage()).contains("password")) {
                throw new KeyMaterialException(Reason.WRONG_PASSWORD,
                        "the password does not open " + file.getFileName() + " (PKCS#12)", e);
            }
            throw new KeyMaterialException(Reason.UNREADABLE,
                    file.getFileName() + " is not a readable PKCS#12 file", e);
        } catch (GeneralSecurityException e) {
            throw new KeyMaterialException(Reason.UNREADABLE,
                    file.getFileName() + " is not a readable PKCS#12 file", e);
        }
        return fromKeyStore(store, password, alias, file.getFileName().toString());
    }

    /**
     * Reads a key entry from an already loaded key store (PKCS#12, PKCS#11…).
     *
     * @param store the loaded store
     * @param keyPassword the key password (for PKCS#11, the PIN or an empty array)
     * @param alias the entry to use; empty to use the only key entry
     * @param description how to name the store in messages (e.g. the file name)
     * @return the key and its chain
     * @throws KeyMaterialException if there is no such key, the password is wrong or the key does not
     *     match its certificate
     */
    public static KeyMaterial fromKeyStore(KeyStore store, char[] keyPassword, Optional<String> alias,
            String description) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(keyPassword, "keyPassword");
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(description, "description");
        try {
            String chosen = chooseAlias(store, alias, description);
            Key key = store.getKey(chosen, keyPassword);
            if (!(key instanceof PrivateKey privateKey)) {
                throw new KeyMaterialException(Reason.MISSING_PRIVATE_KEY,
                        "the entry '" + chosen + "' of " + description + " holds no private key");
            }
            Certificate[] certificates = store.getCertificateChain(chosen);
            List<X509Certificate> chain = new ArrayList<>();
            if (certificates != null) {
                for (Certificate certificate : certificates) {
                    chain.add((X509Certificate) certificate);
                }
            }
            Optional<java.security.Provider> tokenProvider = "PKCS11".equalsIgnoreCase(store.getType())
                    ? Optional.of(store.getProvider()) : Optional.empty();
            return KeyMaterial.of(privateKey, chain, tokenProvider);
        } catch (UnrecoverableKeyException e) {
            throw new KeyMaterialException(Reason.WRONG_PASSWORD,
                    "the password does not open the private key in " + description, e);
        } catch (GeneralSecurityException e) {
            throw new KeyMaterialException(Reason.UNREADABLE, "cannot read the key in " + description, e);
        }
    }

    /**
     * Loads PEM files: certificates (leaf and chain, any order) and one private key (PKCS#8,
     * encrypted PKCS#8 or traditional OpenSSL), in one file or several.
     *
     * @param files the PEM files (e.g. {@code cert.pem, chain.pem, key.pem}, or one combined file)
     * @param keyPassword the password of an encrypted key; empty if the key is not encrypted
     * @return the key and its chain, leaf first
     * @throws KeyMaterialException if there is no key, no certificate, a wrong password, or the key
     *     matches none of the certificates
     */
    public static KeyMaterial fromPem(List<Path> files, Optional<char[]> keyPassword) {
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(keyPassword, "keyPassword");
        if (files.isEmpty()) {
            throw new IllegalArgumentException("give at least one PEM file");
        }
        List<X509Certificate> certificates = new ArrayList<>();
        List<PrivateKey> keys = new ArrayList<>();
        for (Path file : files) {
            PemReader.Content content = PemReader.read(read(file), keyPassword, file.getFileName().toString());
            certificates.addAll(content.certificates());
            keys.addAll(content.keys());
        }
        String names = files.stream().map(p -> p.getFileName().toString()).toList().toString();
        if (keys.isEmpty()) {
            throw new KeyMaterialException(Reason.MISSING_PRIVATE_KEY, names
                    + " holds no private key: give the key file too (PKCS#8 or OpenSSL PEM)");
        }
        if (keys.size() > 1) {
            throw new KeyMaterialException(Reason.AMBIGUOUS_ALIAS, names + " holds " + keys.size()
                    + " private keys: give exactly one");
        }
        if (certificates.isEmpty()) {
            throw new KeyMaterialException(Reason.MISSING_CERTIFICATE, names
                    + " holds a private key but no certificate: give the certificate too");
        }
        PrivateKey key = keys.get(0);
        X509Certificate leaf = null;
        for (X509Certificate candidate : certificates) {
            if (candidate.getPublicKey() instanceof java.security.interfaces.RSAPublicKey pub
                    && key instanceof java.security.interfaces.RSAPrivateKey priv
                    && pub.getModulus().equals(priv.getModulus())) {
                leaf = candidate;
                break;
            }
        }
        if (leaf == null) {
            leaf = certificates.get(0);
        }
        return KeyMaterial.of(key, orderChain(leaf, certificates));
    }

    /**
     * Reads a key entry from a PKCS#11 token (CPS card, HSM) after logging in with the PIN.
     *
     * @param token the token
     * @param pin the PIN
     * @param alias the entry to use; empty to use the only key entry
     * @return the key (which stays on the token) and its chain
     * @throws KeyMaterialException if the token cannot be reached, the PIN is wrong or there is no key
     */
    public static KeyMaterial fromPkcs11(Pkcs11Token token, char[] pin, Optional<String> alias) {
        Objects.requireNonNull(token, "token");
        KeyStore store = token.login(pin);
        return fromKeyStore(store, pin, alias, token.description());
    }

    static List<X509Certificate> orderChain(X509Certificate leaf, List<X509Certificate> all) {
        List<X509Certificate> ordered = new ArrayList<>();
        ordered.add(leaf);
        List<X509Certificate> rest = new ArrayList<>(all);
        rest.removeIf(c -> c.equals(leaf));
        X509Certificate current = leaf;
        boolean progress = true;
        while (progress && !rest.isEmpty()) {
            progress = false;
            for (X509Certificate candidate : rest) {
                if (candidate.getSubjectX500Principal().equals(current.getIssuerX500Principal())
                        && !current.getSubjectX500Principal().equals(current.getIssuerX500Principal())) {
                    ordered.add(candidate);
                    rest.remove(candidate);
                    current = candidate;
                    progress = true;
                    break;
                }
            }
        }
        ordered.addAll(rest);
        return Collections.unmodifiableList(ordered);
    }

    private static String chooseAlias(KeyStore store, Optional<String> alias, String description)
            throws KeyStoreException {
        if (alias.isPresent()) {
            if (!store.containsAlias(alias.get())) {
                throw new KeyMaterialException(Reason.ALIAS_NOT_FOUND, "no entry '" + alias.get() + "' in "
                        + description + "; entries: " + Collections.list(store.aliases()));
            }
            return alias.get();
        }
        List<String> keyAliases = new ArrayList<>();
        for (String a : Collections.list(store.aliases())) {
            if (store.isKeyEntry(a)) {
                keyAliases.add(a);
            }
        }
        if (keyAliases.isEmpty()) {
            throw new KeyMaterialException(Reason.MISSING_PRIVATE_KEY, description
                    + " holds no private key (only certificates): export the certificate WITH its key");
        }
        if (keyAliases.size() > 1) {
            throw new KeyMaterialException(Reason.AMBIGUOUS_ALIAS, description + " holds several keys "
                    + keyAliases + ": say which alias to use");
        }
        return keyAliases.get(0);
    }

    static byte[] read(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new KeyMaterialException(Reason.UNREADABLE, file.getFileName()
                        + " is larger than 1 MiB: not a key or certificate file");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new KeyMaterialException(Reason.UNREADABLE, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
