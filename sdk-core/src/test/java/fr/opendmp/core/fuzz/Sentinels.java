package fr.opendmp.core.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The health data the test data uses (INS, names, birth dates, document-body markers), read from
 * {@code /privacy/sentinels.txt} (one a line; a name matches as a whole word, digits anywhere): none of them may appear in a log line, an exception message or a
 * {@code toString()}. The build's TRACE capture check reads the same file.
 */
public final class Sentinels {

    private record Sentinel(String value, Pattern word) {
    }

    private static final List<Sentinel> SENTINELS = load();

    private Sentinels() {
    }

    /** @return every sentinel as written in the file */
    public static List<String> all() {
        return SENTINELS.stream().map(Sentinel::value).toList();
    }

    /**
     * @param text what a log line, a message or a {@code toString()} printed
     * @return the sentinels found in it (whole words, case-sensitive), empty when it is clean
     */
    public static List<String> foundIn(String text) {
        List<String> found = new ArrayList<>();
        for (Sentinel s : SENTINELS) {
            if (text.contains(s.value()) && s.word().matcher(text).find()) {
                found.add(s.value());
            }
        }
        return found;
    }

    /** A name matches as a whole word (MARTIN, not MARTINEZ); digits and dates match anywhere. */
    private static Pattern word(String s) {
        return s.chars().anyMatch(Character::isLetter)
                ? Pattern.compile("(?<![\\p{L}])" + Pattern.quote(s) + "(?![\\p{L}])")
                : Pattern.compile(Pattern.quote(s));
    }

    private static List<Sentinel> load() {
        try (InputStream in = Sentinels.class.getResourceAsStream("/privacy/sentinels.txt")) {
            if (in == null) {
                throw new IllegalStateException("/privacy/sentinels.txt is not on the test class path");
            }
            List<Sentinel> sentinels = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String s = line.strip();
                if (!s.isEmpty() && !s.startsWith("#")) {
                    sentinels.add(new Sentinel(s, word(s)));
                }
            }
            return List.copyOf(sentinels);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
