package fr.opendmp.testkit.launcher;

import fr.opendmp.testkit.ca.IssuedCertificate;
import fr.opendmp.testkit.auth.SignedTestCredentials;
import fr.opendmp.testkit.dmp.AuthMode;
import fr.opendmp.testkit.dmp.FakeDmp;
import fr.opendmp.testkit.dmp.Validation;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * Starts a fake DMP and prints its FHIR base URL:
 * {@code java -jar opendmp-fake-dmp.jar [--port 8080] [--bind 127.0.0.1] [--seed f.json]
 * [--auth verify|off] [--credentials-dir DIR] [--validation strict|lenient] [--help]}.
 *
 * <p>{@code --auth verify} (default): HTTPS with mutual TLS and signed VIHFs (see
 * {@link AuthMode#VERIFY}). So that another process can call it, the launcher writes into
 * {@code --credentials-dir} (default {@code ${java.io.tmpdir}/opendmp-fake-dmp-credentials-<port>},
 * outside the working directory, readable by its owner only) the credentials it accepts:
 * {@code client.p12} (the test structure's ORG AUTH_CLI certificate and key, for mTLS),
 * {@code sign.p12} (its ORG SIGN certificate and key, to sign the VIHF; {@code Identifiant_Structure}
 * must be {@value SignedTestCredentials#STRUCTURE_ID}) and {@code ca.pem} (the test CA root, to
 * trust the fake's server certificate), and {@code admin-token} (the token of the admin API, header
 * {@code X-OpenDMP-Admin-Token}); {@code client-cert.pem} and {@code client-key.pem} hold the same TLS
 * client certificate for curl, and {@code POST /admin/vihf} mints a signed VIHF (see sdk-testkit's
 * README). It prints the FHIR base and, on its own line, the DMPi base ({@code Fake DMPi listening: ...}). The PKCS#12 password is random and printed once; no key or token is
 * ever printed. {@code --auth off}: plain HTTP, unsigned credentials, default professional, admin API
 * open (on the loopback; with another {@code --bind} its token is written too). {@code --bind}: the
 * listening address (default the loopback).
 *
 * <p>Seed file (JSON, every part optional):
 * <pre>{@code
 * {
 *   "professionals": [{"idNatPs": "899700218896", "givenName": "Jean", "familyName": "MEDECIN",
 *                      "structureId": "499700218896001", "profession": "10", "specialty": "SM26",
 *                      "sector": "SA07", "authenticationMode": "INDIRECTE_RENFORCEE"}],
 *   "patients": [{"ins": "279119913400976", "dmp": "open|closed|none", "closedOn": "2024-01-31",
 *                 "closureReason": "patient-demande", "attachedToMonEspaceSante": true,
 *                 "medecinTraitant": "899700218896", "minor": false,
 *                 "blocked": ["899700000001"], "authorized": ["899700218896"], "notAuthorized": []}],
 *   "documents": [{"author": "899700218896", "documentReference": { ITI-105 DocumentReference with attachment.data }}]
 * }
 * }</pre>
 * Documents are deposited through the ITI-105 path with the fake's validation mode.
 */
public final class FakeDmpLauncher {

    private FakeDmpLauncher() {
    }

    /** The usage text printed by {@code --help} and after a bad argument. */
    static final String USAGE = "usage: java -jar opendmp-fake-dmp.jar [--port N] [--bind ADDRESS] [--seed file.json]"
            + " [--auth verify|off] [--credentials-dir DIR] [--validation strict|lenient] [--help]\n"
            + "  --port N             port to listen on (default 0: any free port)\n"
            + "  --bind ADDRESS       address to listen on (default the loopback, 127.0.0.1)\n"
            + "  --seed FILE          seed JSON (patients, professionals, documents)\n"
            + "  --auth verify|off    verify (default): HTTPS, mTLS, signed VIHF; off: plain HTTP test mode\n"
            + "  --credentials-dir D  where the client credentials and the admin token are written\n"
            + "                       (default ${java.io.tmpdir}/opendmp-fake-dmp-credentials-<port>)\n"
            + "  --validation MODE    strict (default) or lenient\n"
            + "  --help, -h           print this help and exit";

    /**
     * Entry point; prints the usage and exits with 0 on {@code --help}, with 2 on bad arguments.
     * @param args the command-line arguments
     * @throws Exception if the fake cannot start
     */
    public static void main(String[] args) throws Exception {
        if (wantsHelp(args)) {
            System.out.println(USAGE);
            System.out.flush();
            return;
        }
        // This process is only the fake: answer small responses at once (the JDK server otherwise
        // waits for the client's delayed ACK, ~40 ms a response). Read when the server class loads.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        FakeDmp dmp;
        try {
            dmp = start(args, System.out);
        } catch (IllegalArgumentException e) {
            System.err.println("fake DMP: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(dmp::close, "fake-dmp-shutdown"));
        new CountDownLatch(1).await();
    }

    /** @return whether the arguments ask for the usage ({@code --help} or {@code -h}) */
    static boolean wantsHelp(String[] args) {
        for (String a : args) {
            if ("--help".equals(a) || "-h".equals(a)) {
                return true;
            }
        }
        return false;
    }

    /** @return the default credentials folder for a fake on this port, outside the working directory */
    static Path defaultCredentialsDir(int port) {
        return Path.of(System.getProperty("java.io.tmpdir"), "opendmp-fake-dmp-credentials-" + port);
    }

    /**
     * Parses the arguments and starts the fake, printing nothing (used by tests); in verify mode the
     * credential files are written but their password is not shown: use {@link #start(String[], PrintStream)}.
     * @param args the command-line arguments
     * @return the started fake (the caller closes it)
     * @throws IOException if the files cannot be read or written
     */
    public static FakeDmp start(String[] args) throws IOException {
        return start(args, new PrintStream(java.io.OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8));
    }

    /**
     * Parses the arguments, starts the fake, writes the credential files (verify mode) and prints the
     * base URL, and in verify mode where the credentials are, their password (once) and how to use them.
     *
     * @param args the command-line arguments
     * @param out where to print
     * @return the started fake
     * @throws IOException if the seed cannot be read or the credential files cannot be written
     * @throws IllegalArgumentException on a bad argument or seed
     */
    public static FakeDmp start(String[] args, PrintStream out) throws IOException {
        FakeDmp.Builder b = FakeDmp.builder();
        Path seed = null;
        Path credentialsDir = null;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + name);
            }
            String value = args[++i];
            switch (name) {
                case "--port" -> b.port(Integer.parseInt(value));
                case "--bind" -> b.bindAddress(address(value));
                case "--seed" -> seed = Path.of(value);
                case "--auth" -> {
                    switch (value.toLowerCase(Locale.ROOT)) {
                        case "off" -> b.auth(AuthMode.OFF);
                        case "verify" -> b.auth(AuthMode.VERIFY);
                        default -> throw new IllegalArgumentException("--auth must be verify or off");
                    }
                }
                case "--credentials-dir" -> credentialsDir = Path.of(value);
                case "--validation" -> b.validation(Validation.valueOf(value.toUpperCase(Locale.ROOT)));
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        FakeDmp dmp = b.start();
        if (seed != null) {
            try {
                dmp.seed(Files.readString(seed, StandardCharsets.UTF_8));
            } catch (IOException e) {
                dmp.close();
                throw e;
            } catch (RuntimeException e) {
                dmp.close();
                throw new IllegalArgumentException("bad seed file: " + e.getMessage(), e);
            }
        }
        print(dmp, out);
        Path dir = credentialsDir != null ? credentialsDir : defaultCredentialsDir(dmp.port());
        try {
            if (dmp.auth() == AuthMode.VERIFY) {
                writeCredentials(dmp.tls().orElseThrow(), privateDir(dir), out);
            }
            if (dmp.adminToken().isPresent()) {
                Path token = ownerOnly(Files.writeString(privateDir(dir).resolve("admin-token"),
                        dmp.adminToken().get(), StandardCharsets.US_ASCII));
                out.println("Admin API " + dmp.adminUri() + ": send the header " + FakeDmp.adminTokenHeader()
                        + " with the token in " + token.toAbsolutePath());
                out.flush();
            }
        } catch (IOException | RuntimeException e) {
            dmp.close();
            throw e;
        }
        return dmp;
    }

    private static java.net.InetAddress address(String value) {
        try {
            return java.net.InetAddress.getByName(value);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("--bind: unknown address " + value);
        }
    }

    /** Creates the folder readable by its owner only (where the file system has POSIX permissions). */
    private static Path privateDir(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            try {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (UnsupportedOperationException e) {
                Files.createDirectories(dir);
            }
        }
        return dir;
    }

    private static void writeCredentials(SignedTestCredentials credentials, Path dir, PrintStream out)
            throws IOException {
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        char[] password = HexFormat.of().formatHex(random).toCharArray();
        Path client = ownerOnly(credentials.tlsClient().writePkcs12(dir.resolve("client.p12"), password));
        Path sign = ownerOnly(credentials.signing().writePkcs12(dir.resolve("sign.p12"), password));
        // the same TLS client certificate in PEM, for curl and other non-Java clients (key readable by its owner only)
        IssuedCertificate.write(dir.resolve("client-cert.pem"), credentials.tlsClient().chainPem());
        ownerOnly(IssuedCertificate.write(dir.resolve("client-key.pem"), credentials.tlsClient().privateKeyPem()));
        Path ca = dir.resolve("ca.pem");
        Files.writeString(ca, credentials.ca().rootPem(), StandardCharsets.UTF_8);
        out.println("Fake DMP credentials written to " + dir.toAbsolutePath() + " (PKCS#12 password: "
                + new String(password) + ")");
        out.println("Use them: mTLS with " + client.getFileName() + " (ORG AUTH_CLI), trust " + ca.getFileName()
                + ", and send a VIHF signed with " + sign.getFileName() + " (ORG SIGN) with Identifiant_Structure "
                + SignedTestCredentials.STRUCTURE_ID + " in 'Authorization: IHE-SAML <base64>'"
                + " (sdk-auth: KeyMaterials.fromPkcs12, MutualTls, VihfIssuer, SamlHeaderPlacement.iheSaml())");
        out.println("Non-Java clients: client-cert.pem and client-key.pem are the same TLS client certificate;"
                + " POST /admin/vihf (admin token) mints a signed VIHF for a test professional and patient");
        out.flush();
    }

    private static Path ownerOnly(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: the directory's own permissions apply
        }
        return file;
    }

    /** Prints the base URL line. */
    static void print(FakeDmp dmp, PrintStream out) {
        out.println("Fake DMP listening: " + dmp.baseUri());
        out.println("Fake DMPi listening: " + dmp.dmpiBaseUri());
        out.flush();
    }
}
