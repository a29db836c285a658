package fr.opendmp.auth.keys.internal;

import fr.opendmp.auth.keys.KeyMaterialException;
import fr.opendmp.auth.keys.KeyMaterialException.Reason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMDecryptorProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.InputDecryptorProvider;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** Reads certificates and private keys from PEM text with BouncyCastle. */
public final class PemReader {

    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    /**
     * What a PEM file holds.
     *
     * @param certificates the certificates, in file order
     * @param keys the private keys
     */
    public record Content(List<X509Certificate> certificates, List<PrivateKey> keys) {
    }

    private PemReader() {
    }

    /**
     * @param pem the PEM bytes
     * @param password the key password, if the key is encrypted
     * @param name the file name, for messages
     * @return what the file holds
     */
    public static Content read(byte[] pem, Optional<char[]> password, String name) {
        List<X509Certificate> certificates = new ArrayList<>();
        List<PrivateKey> keys = new ArrayList<>();
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        boolean sawBlock = false;
        try (PEMParser parser = new PEMParser(new InputStreamReader(new ByteArrayInputStream(pem),
                StandardCharsets.US_ASCII))) {
            Object object;
            while ((object = parser.readObject()) != null) {
                sawBlock = true;
                if (object instanceof X509CertificateHolder holder) {
                    certificates.add(toCertificate(holder));
                } else if (object instanceof PrivateKeyInfo info) {
                    keys.add(converter.getPrivateKey(info));
                } else if (object instanceof PEMKeyPair pair) {
                    keys.add(converter.getKeyPair(pair).getPrivate());
                } else if (object instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                    char[] secret = requirePassword(password, name);
                    try {
                        InputDecryptorProvider decryptor = new JceOpenSSLPKCS8DecryptorProviderBuilder()
                                .setProvider(BC).build(secret);
                        keys.add(converter.getPrivateKey(encrypted.decryptPrivateKeyInfo(decryptor)));
                    } catch (PKCSException | org.bouncycastle.operator.OperatorCreationException e) {
                        throw new KeyMaterialException(Reason.WRONG_PASSWORD,
                                "the password does not decrypt the private key in " + name);
                    }
                } else if (object instanceof PEMEncryptedKeyPair encrypted) {
                    char[] secret = requirePassword(password, name);
                    try {
                        PEMDecryptorProvider decryptor = new JcePEMDecryptorProviderBuilder()
                                .setProvider(BC).build(secret);
                        keys.add(converter.getKeyPair(encrypted.decryptKeyPair(decryptor)).getPrivate());
                    } catch (IOException e) {
                        throw new KeyMaterialException(Reason.WRONG_PASSWORD,
                                "the password does not decrypt the private key in " + name);
                    }
                }
            }
        } catch (IOException e) {
            throw new KeyMaterialException(Reason.UNREADABLE, name + " is not readable PEM", e);
        }
        if (!sawBlock) {
            throw new KeyMaterialException(Reason.UNREADABLE, name
                    + " holds no PEM block (-----BEGIN ...-----): is it DER or PKCS#12?");
        }
        return new Content(List.copyOf(certificates), List.copyOf(keys));
    }

    private static char[] requirePassword(Optional<char[]> password, String name) {
        return password.orElseThrow(() -> new KeyMaterialException(Reason.WRONG_PASSWORD,
                "the private key in " + name + " is encrypted: give its password"));
    }

    private static X509Certificate toCertificate(X509CertificateHolder holder) throws IOException {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(holder.getEncoded()));
        } catch (CertificateException e) {
            throw new IOException("unreadable certificate", e);
        }
    }
}
