package fr.opendmp.testkit.dmp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the loggers wrote while an action ran: the new lines of the build's TRACE capture file when
 * slf4j-simple writes to one (the build sets {@code org.slf4j.simpleLogger.logFile}), else what went
 * to standard error.
 */
final class LogCapture {

    /** An action that may throw. */
    interface Action {
        /** @throws Exception whatever the action throws */
        void run() throws Exception;
    }

    private LogCapture() {
    }

    static String during(Action action) throws Exception {
        String file = System.getProperty("org.slf4j.simpleLogger.logFile", "System.err");
        if (file.equals("System.err") || file.equals("System.out")) {
            PrintStream original = System.err;
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try {
                action.run();
            } finally {
                System.setErr(original);
            }
            return captured.toString(StandardCharsets.UTF_8);
        }
        Path capture = Path.of(file);
        long before = Files.exists(capture) ? Files.size(capture) : 0;
        action.run();
        try (RandomAccessFile f = new RandomAccessFile(capture.toFile(), "r")) {
            byte[] added = new byte[(int) Math.max(0, f.length() - before)];
            f.seek(before);
            f.readFully(added);
            return new String(added, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
