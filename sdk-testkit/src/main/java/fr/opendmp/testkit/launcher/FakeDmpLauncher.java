package fr.opendmp.testkit.launcher;

import fr.opendmp.testkit.dmp.AuthMode;
import fr.opendmp.testkit.dmp.FakeDmp;
import fr.opendmp.testkit.dmp.Validation;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * Starts a fake DMP and prints its FHIR base URL:
 * {@code java -jar opendmp-fake-dmp.jar [--port 8080] [--seed f.json] [--auth off] [--validation strict|lenient]}.
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

    /** Entry point; exits with 2 on bad arguments. */
    public static void main(String[] args) throws Exception {
        FakeDmp dmp;
        try {
            dmp = start(args);
        } catch (IllegalArgumentException e) {
            System.err.println("fake DMP: " + e.getMessage());
            System.err.println("usage: java -jar opendmp-fake-dmp.jar [--port N] [--seed file.json] [--auth off]"
                    + " [--validation strict|lenient]");
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(dmp::close, "fake-dmp-shutdown"));
        print(dmp, System.out);
        new CountDownLatch(1).await();
    }

    /** Parses the arguments and starts the fake (used by tests). */
    public static FakeDmp start(String[] args) throws IOException {
        FakeDmp.Builder b = FakeDmp.builder();
        Path seed = null;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + name);
            }
            String value = args[++i];
            switch (name) {
                case "--port" -> b.port(Integer.parseInt(value));
                case "--seed" -> seed = Path.of(value);
                case "--auth" -> {
                    if (!"off".equalsIgnoreCase(value)) {
                        throw new IllegalArgumentException("only --auth off is supported for now");
                    }
                    b.auth(AuthMode.OFF);
                }
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
        return dmp;
    }

    /** Prints the base URL line. */
    static void print(FakeDmp dmp, PrintStream out) {
        out.println("Fake DMP listening: " + dmp.baseUri());
        out.flush();
    }
}
