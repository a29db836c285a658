package fr.opendmp.auth.keys;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opendmp.core.fuzz.Fuzz;
import fr.opendmp.core.fuzz.HostileInputs;
import fr.opendmp.core.fuzz.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Hostile key files: every loader of key material (PKCS#12 and PEM, keys and trust anchors) given a
 * mutated, truncated or garbage file and a right or wrong password gives its result or a
 * {@link KeyMaterialException} in bounded time, and neither the error nor the result quotes the
 * password or the key.
 */
class KeyFilesFuzzTest {

    static final String PASSWORD = "fuzz-vector-password-7";

    /** A loader, the vector its input is mutated from, and what it is called with. */
    enum Loader {
        PKCS12("store.p12", (file, password) -> KeyMaterials.fromPkcs12(file, password.toCharArray(),
                Optional.empty())),
        PKCS12_TRUST_STORE("store.p12", (file, password) -> TrustAnchors.fromKeyStoreFile(file,
                password.toCharArray())),
        PEM_CERTIFICATE_AND_KEY("cert.pem+key-pkcs8.pem", (file, password) -> KeyMaterials.fromPem(List.of(file),
                KeyFilesFuzzTest.keyPassword(password))),
        PEM_ENCRYPTED_PKCS8("key-pkcs8-encrypted.pem", (file, password) -> KeyMaterials.fromPem(
                List.of(certificate, file), keyPassword(password))),
        PEM_ENCRYPTED_OPENSSL("key-openssl-encrypted.pem", (file, password) -> KeyMaterials.fromPem(
                List.of(file, certificate), keyPassword(password))),
        PEM_TRUST_ANCHORS("cert.pem", (file, password) -> TrustAnchors.fromPem(List.of(file)));

        final String vector;
        final BiFunction<Path, String, Object> load;

        Loader(String vector, BiFunction<Path, String, Object> load) {
            this.vector = vector;
            this.load = load;
        }
    }

    /** Bytes a PEM or DER reader acts on. */
    private static final List<byte[]> KEY_FILE_FRAGMENTS = List.of(ascii("-----BEGIN CERTIFICATE-----\n"),
            ascii("-----END CERTIFICATE-----\n"), ascii("-----BEGIN PRIVATE KEY-----\n"), ascii("-----END "),
            ascii("-----BEGIN ENCRYPTED PRIVATE KEY-----\n"), ascii("Proc-Type: 4,ENCRYPTED\n"),
            ascii("DEK-Info: AES-256-CBC,00\n"), ascii("DEK-Info: DES-EDE3-CBC,ZZ\n"), ascii("="), ascii("\n"),
            ascii("////"), ascii("AAAA"), new byte[] {(byte) 0x84, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF},
            new byte[] {0x30, (byte) 0x80}, new byte[] {0x02, 0x04, 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF},
            new byte[] {0x06, 0x00}, new byte[] {0x04, (byte) 0x83, 0x7F, (byte) 0xFF, (byte) 0xFF}, new byte[] {0});

    /**
     * Bouncy Castle says "malformed" with an IllegalStateException raised in its own code (its
     * DecoderException and ASN1ParsingException are ones), and lets the JDK's index errors out of its
     * hex decoder (a DEK-Info IV of odd length: a StringIndexOutOfBoundsException); its PEM and ASN.1
     * readers wrap both into their IOExceptions. A failure raised while Bouncy Castle runs, which it
     * wrapped itself, is its way of refusing the file; any other programming error inside a
     * KeyMaterialException still fails the property, and one that escapes unwrapped is untyped.
     */
    private static final Predicate<Throwable> BOUNCY_CASTLE_MALFORMED = KeyFilesFuzzTest::raisedInsideBouncyCastle;

    @TempDir
    static Path dir;
    static Path certificate;
    static Secrets secrets;

    @BeforeAll
    static void vectors() throws IOException {
        certificate = Files.write(dir.resolve("cert.pem"), bytes("cert.pem"));
        secrets = new Secrets(List.of(bytes("key-pkcs8.pem"), bytes("key-pkcs8-encrypted.pem"),
                bytes("key-openssl-encrypted.pem")));
    }

    static Optional<char[]> keyPassword(String password) {
        return password.isEmpty() ? Optional.empty() : Optional.of(password.toCharArray());
    }

    /** Each loader as likely, its vector mutated. */
    private static Gen<Pair<Loader, byte[]>> files() {
        return HostileInputs.oneOf(Arrays.stream(Loader.values()).map(l -> HostileInputs.bytesAround(vector(l),
                KEY_FILE_FRAGMENTS).map(file -> Pair.of(l, file))).toList());
    }

    /** The right password half of the time, else a near miss, none, or any text. */
    private static Gen<String> passwords() {
        return Generate.frequency(List.of(Pair.of(5, Generate.constant(PASSWORD)),
                Pair.of(2, Generate.pick(List.of("fuzz-vector-password-8", "", PASSWORD + PASSWORD))),
                Pair.of(3, HostileInputs.hostileText())));
    }

    @Test
    void aHostileKeyFileGivesItsKeyOrAKeyMaterialExceptionNeverThePasswordOrTheKey() {
        Fuzz.theory().forAll(files(), passwords()).checkAssert((input, password) -> {
            Path file = write(input._2);
            String what = input._1 + " (" + password.length() + "-char password)";
            List<Object> result = new ArrayList<>(1);
            Verdict.typedOrSuccess(what, () -> {
                Object loaded = input._1.load.apply(file, password);
                result.add(loaded);
                return loaded;
            }, BOUNCY_CASTLE_MALFORMED, KeyMaterialException.class).ifPresentOrElse(
                            error -> assertThat(secrets.quotedIn(error, password)).as(what + " error").isEmpty(),
                            () -> {
                                assertThat(secrets.quotedIn(String.valueOf(result.get(0)), password))
                                        .as(what + " result").isEmpty();
                                if (result.get(0) instanceof KeyMaterial key) {
                                    assertThat(signsForItsCertificate(key)).as(what + " gave a key that cannot sign"
                                            + " for its certificate").isTrue();
                                }
                            });
        });
    }

    private static boolean raisedInsideBouncyCastle(Throwable t) {
        return Arrays.stream(t.getStackTrace()).map(StackTraceElement::getClassName)
                .filter(c -> !c.startsWith("java.") && !c.startsWith("jdk.") && !c.startsWith("sun."))
                .findFirst().filter(c -> c.startsWith("org.bouncycastle.")).isPresent();
    }

    /** What a loaded key is for: a signature its certificate verifies. */
    static boolean signsForItsCertificate(KeyMaterial key) {
        byte[] probe = "a loaded key signs".getBytes(StandardCharsets.US_ASCII);
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(key.privateKey());
            signer.update(probe);
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(key.certificate().getPublicKey());
            verifier.update(probe);
            return verifier.verify(signer.sign());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    @Test
    void theVectorsLoadWithTheirPasswordSoTheMutationsStartFromRealKeys() {
        for (Loader loader : Loader.values()) {
            assertThat(loader.load.apply(write(vector(loader)), PASSWORD)).as(loader.name()).isNotNull();
        }
    }

    @Test
    void theSecretsCheckCatchesAQuotedKeyLineAndThePasswordSoThePropertyCanFail() {
        String keyLine = new String(bytes("key-pkcs8.pem"), StandardCharsets.US_ASCII).lines().skip(5).findFirst()
                .orElseThrow();
        RuntimeException quotesTheKey = new RuntimeException("bad line",
                new IllegalArgumentException("unexpected '" + keyLine.substring(10, 30) + "'"));

        assertThat(secrets.quotedIn(quotesTheKey, "")).containsExactly("key bytes");
        assertThat(secrets.quotedIn(new RuntimeException("wrong " + PASSWORD), PASSWORD))
                .containsExactly("the password");
        assertThat(secrets.quotedIn(new RuntimeException("the password does not open key-file"), PASSWORD))
                .isEmpty();
    }

    @Test
    void aKeyFileOneBytePastTheLimitIsATypedError() {
        Path file = write(Arrays.copyOf(vector(Loader.PKCS12), (1 << 20) + 1));
        for (Loader loader : Loader.values()) {
            assertThat(Verdict.typedOrSuccess(loader.name() + " past the limit", () -> loader.load.apply(file,
                    PASSWORD), KeyMaterialException.class)).isPresent();
        }
    }

    private static Path write(byte[] content) {
        try {
            return Files.write(dir.resolve("key-file"), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] vector(Loader loader) {
        List<byte[]> parts = Arrays.stream(loader.vector.split("\\+")).map(KeyFilesFuzzTest::bytes).toList();
        byte[] out = new byte[parts.stream().mapToInt(p -> p.length).sum()];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    static byte[] bytes(String name) {
        try (InputStream in = KeyFilesFuzzTest.class.getResourceAsStream("/keys/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
