import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The privacy check of the TRACE capture (issue 19), run by the build after each module's tests:
 * {@code java TraceCaptureCheck.java <capture> <sentinels>}. Every logger wrote to the capture at
 * TRACE while the module's tests ran; this fails (exit 1) when a line quotes a sentinel (an INS, a
 * name, a birth date or a document-body marker of the test data), naming the line and the
 * sentinel. No capture (no test ran, or no logger was ever created) is not a failure. Matching:
 * the rule of the tests' {@code fr.opendmp.core.fuzz.Sentinels} (a value with a letter as a whole
 * word, digits anywhere).
 */
public final class TraceCaptureCheck {

    private record Sentinel(String value, Pattern word) {
    }

    public static void main(String[] args) throws IOException {
        Path capture = Path.of(args[0]);
        if (!Files.exists(capture)) {
            System.out.println("[privacy] no TRACE capture at " + capture + " (no test ran or nothing was logged)");
            return;
        }
        List<Sentinel> sentinels = sentinels(Path.of(args[1]));
        List<String> findings = new ArrayList<>();
        long lines = 0;
        try (var reader = Files.newBufferedReader(capture, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines++;
                for (Sentinel s : sentinels) {
                    if (line.contains(s.value()) && s.word().matcher(line).find()) {
                        findings.add(capture.getFileName() + ":" + lines + " quotes '" + s.value() + "': "
                                + abbreviate(line));
                    }
                }
            }
        }
        if (findings.isEmpty()) {
            System.out.println("[privacy] " + capture + ": " + lines + " lines at TRACE, " + sentinels.size()
                    + " sentinels, none found");
            return;
        }
        findings.stream().limit(50).forEach(f -> System.out.println("[privacy] " + f));
        System.out.println("[privacy] " + findings.size() + " line(s) of " + capture + " quote health data");
        System.exit(1);
    }

    private static List<Sentinel> sentinels(Path file) throws IOException {
        List<Sentinel> list = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String s = line.strip();
            if (!s.isEmpty() && !s.startsWith("#")) {
                list.add(new Sentinel(s, s.chars().anyMatch(Character::isLetter)
                        ? Pattern.compile("(?<![\\p{L}])" + Pattern.quote(s) + "(?![\\p{L}])")
                        : Pattern.compile(Pattern.quote(s))));
            }
        }
        return list;
    }

    private static String abbreviate(String line) {
        return line.length() <= 300 ? line : line.substring(0, 300) + "…";
    }
}
