package fr.opendmp.testkit.ca;

import fr.opendmp.auth.keys.KeyMaterial;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OutputEncryptor;

/**
 * A certificate issued by a {@link TestCa}, with its private key and chain (leaf, intermediate,
 * root), in the forms tests need. Test material only.
 */
public final class IssuedCertificate {

    private final PrivateKey privateKey;
    private final List<X509Certificate> chain;

    IssuedCertificate(PrivateKey privateKey, List<X509Certificate> chain) {
        this.privateKey = privateKey;
        this.chain = List.copyOf(chain);
    }

    /**
     * @return the private key
     */
    public PrivateKey privateKey() {
        return privateKey;
    }

    /**
     * @return the leaf certificate
     */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /**
     * @return leaf, intermediate, root
     */
    public List<X509Certificate> chain() {
        return chain;
    }

    /**
     * @return the key and chain as sdk-auth key material
     */
    public KeyMaterial keyMaterial() {
        return KeyMaterial.of(privateKey, chain);
    }

    /**
     * @param password the store and key password
     * @return a PKCS#12 store holding the key entry {@code alias} = "key" with the chain
     */
    public KeyStore pkcs12(char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("key", privateKey, password, chain.toArray(Certificate[]::new));
            return store;
        } catch (Exception e) {
            throw new IllegalStateException("cannot build a PKCS#12 store", e);
        }
    }

    /**
     * @param password the store and key password
     * @return the PKCS#12 file bytes
     */
    public byte[] pkcs12Bytes(char[] password) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pkcs12(password).store(out, password);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException("cannot write a PKCS#12 store", e);
        }
    }

    /**
     * @param file the file
     * @param password the store and key password
     * @return the file written (PKCS#12)
     */
    public Path writePkcs12(Path file, char[] password) {
        return write(file, pkcs12Bytes(password));
    }

    /**
     * @return the leaf certificate in PEM
     */
    public String certificatePem() {
        return pem(chain.get(0));
    }

    /**
     * @return the whole chain in PEM, leaf first
     */
    public String chainPem() {
        StringBuilder out = new StringBuilder();
        chain.forEach(c -> out.append(pem(c)));
        return out.toString();
    }

    /**
     * @return the private key in unencrypted PKCS#8 PEM ({@code BEGIN PRIVATE KEY})
     */
    public String privateKeyPem() {
        try {
            return pem(new JcaPKCS8Generator(privateKey, null));
        } catch (Exception e) {
            throw new IllegalStateException("cannot write the key", e);
        }
    }

    /**
     * @return the private key in traditional OpenSSL PEM ({@code BEGIN RSA PRIVATE KEY})
     */
    public String traditionalPrivateKeyPem() {
        return pem(privateKey);
    }

    /**
     * @param password the store and key password
     * @return the private key in encrypted PKCS#8 PEM (AES-256-CBC, PBKDF2)
     */
    public String encryptedPrivateKeyPem(char[] password) {
        try {
            OutputEncryptor encryptor = new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC)
                    .setProvider(new BouncyCastleProvider()).setPassword(password).build();
            StringWriter text = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
                writer.writeObject(new JcaPKCS8Generator(privateKey, encryptor));
            }
            return text.toString();
        } catch (Exception e) {
            throw new IllegalStateException("cannot encrypt the key", e);
        }
    }

    /**
     * @param file the file
     * @param text the text
     * @return the file written
     */
    public static Path write(Path file, String text) {
        return write(file, text.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    private static Path write(Path file, byte[] bytes) {
        try {
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String pem(Object object) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return "IssuedCertificate[" + certificate().getSubjectX500Principal().getName() + "]";
    }
}
