package fr.opendmp.auth.doctor;

import fr.opendmp.auth.keys.KeyMaterialException;
import fr.opendmp.auth.keys.TrustAnchors;
import java.io.Console;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The doctor's command line:
 * {@code java -jar opendmp-doctor.jar cert.p12 [--password-env VAR] [--trust roots.pem]}.
 * The password comes from an environment variable or a prompt that does not echo; it is never
 * printed. Exit code 0 when the file is usable for at least one service, 1 otherwise, 2 on usage
 * error.
 */
public final class DoctorCommand {

    private static final String USAGE = "usage: opendmp-doctor <file.p12|file.pem> [--password-env VAR] "
            + "[--trust igc-sante-roots.pem]";

    private DoctorCommand() {
    }

    /**
     * Runs the command with the process's environment and console.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        Console console = System.console();
        int code = run(args, System.out, System.err, System.getenv(),
                () -> console == null ? Optional.empty()
                        : Optional.ofNullable(console.readPassword("Password (not echoed): ")));
        System.exit(code);
    }

    /**
     * Runs the command (testable: no System.exit).
     *
     * @param args the arguments
     * @param out where the report goes
     * @param err where errors go
     * @param env the environment variables
     * @param prompt asks for the password without echo; empty when there is no console
     * @return the exit code
     */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env,
            Supplier<Optional<char[]>> prompt) {
        Path file = null;
        String passwordEnv = null;
        List<Path> trust = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--password-env" -> {
                    if (++i >= args.length) {
                        err.println(USAGE);
                        return 2;
                    }
                    passwordEnv = args[i];
                }
                case "--trust" -> {
                    if (++i >= args.length) {
                        err.println(USAGE);
                        return 2;
                    }
                    trust.add(Path.of(args[i]));
                }
                case "-h", "--help" -> {
                    out.println(USAGE);
                    return 0;
                }
                default -> {
                    if (args[i].startsWith("--") || file != null) {
                        err.println("unknown argument: " + args[i]);
                        err.println(USAGE);
                        return 2;
                    }
                    file = Path.of(args[i]);
                }
            }
        }
        if (file == null) {
            err.println(USAGE);
            return 2;
        }
        if (!Files.isReadable(file)) {
            err.println("cannot read " + file);
            return 2;
        }
        Optional<char[]> password = Optional.empty();
        if (passwordEnv != null) {
            String value = env.get(passwordEnv);
            if (value == null) {
                err.println("the environment variable " + passwordEnv + " is not set");
                return 2;
            }
            password = Optional.of(value.toCharArray());
        } else if (CredentialsDoctor.needsPassword(file)) {
            password = prompt.get();
            if (password.isEmpty()) {
                err.println("no console to ask for the password: use --password-env VAR");
                return 2;
            }
        }
        Optional<TrustAnchors> anchors = Optional.empty();
        if (!trust.isEmpty()) {
            try {
                anchors = Optional.of(TrustAnchors.fromPem(trust));
            } catch (KeyMaterialException e) {
                err.println("cannot read the trust anchors: " + e.getMessage());
                return 2;
            }
        }
        try {
            DoctorReport report = CredentialsDoctor.create(anchors, Clock.systemUTC()).examine(file, password);
            out.print(report.toText());
            return report.usableForSomething() ? 0 : 1;
        } finally {
            password.ifPresent(p -> Arrays.fill(p, '\0'));
        }
    }
}
