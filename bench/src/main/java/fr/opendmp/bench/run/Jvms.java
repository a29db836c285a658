package fr.opendmp.bench.run;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts fresh JVMs on the bench's class path and times them, whole process. */
public final class Jvms {

    private Jvms() {
    }

    /**
     * One run of a main class in a fresh JVM.
     *
     * @param millis wall time from start to exit
     * @param stdout what it printed
     */
    public record Run(double millis, String stdout) {
    }

    /**
     * @param mainClass the class to run
     * @param jvmArgs extra JVM arguments (e.g. {@code -Dopendmp.shared=...})
     * @param args its arguments
     * @return the run
     * @throws IllegalStateException if it exits with a non-zero status (its output is in the message)
     */
    public static Run run(Class<?> mainClass, List<String> jvmArgs, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        try {
            File out = File.createTempFile("bench-jvm", ".log");
            try {
                ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(out);
                long t0 = System.nanoTime();
                Process p = pb.start();
                int status = p.waitFor();
                double ms = (System.nanoTime() - t0) / 1e6;
                String stdout = Files.readString(out.toPath(), StandardCharsets.UTF_8);
                if (status != 0) {
                    throw new IllegalStateException(mainClass.getSimpleName() + " exited with " + status + ":\n"
                            + stdout);
                }
                return new Run(ms, stdout);
            } finally {
                Files.deleteIfExists(out.toPath());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a JVM", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * @param values numbers
     * @return their median
     */
    public static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
