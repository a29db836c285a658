package fr.opendmp.auth.keys;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a key file must never let out: any 16 characters of the base64 of its keys (a quoted line or
 * part of one), any 32 hexadecimal digits of their bytes, and the password it was opened with.
 */
final class Secrets {

    static final int BASE64_WINDOW = 16;
    static final int HEX_WINDOW = 32;
    /** Shorter passwords ("", "a", "the") occur in any sentence. */
    static final int SHORTEST_PASSWORD_CHECKED = 8;

    private final Set<String> windows = new HashSet<>();

    /** @param pemKeys the PEM files of the keys (their base64 bodies, encrypted or not) */
    Secrets(List<byte[]> pemKeys) {
        for (byte[] pem : pemKeys) {
            String base64 = body(new String(pem, StandardCharsets.US_ASCII));
            addWindows(base64, BASE64_WINDOW);
            addWindows(HexFormat.of().formatHex(Base64.getDecoder().decode(base64)), HEX_WINDOW);
        }
    }

    /**
     * @param text what a caller may see: a message, a toString()
     * @param password the password the file was opened with
     * @return the secrets the text quotes, named, never the secrets themselves
     */
    List<String> quotedIn(String text, String password) {
        List<String> found = new ArrayList<>();
        if (password.length() >= SHORTEST_PASSWORD_CHECKED && text.contains(password)) {
            found.add("the password");
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (quotes(text, BASE64_WINDOW) || quotes(lower, HEX_WINDOW)) {
            found.add("key bytes");
        }
        return found;
    }

    /** @return the secrets quoted by the error's messages, its causes' and suppressed ones, its toString() */
    List<String> quotedIn(Throwable error, String password) {
        List<String> found = new ArrayList<>();
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            found.addAll(quotedIn(t + " " + t.getMessage(), password));
            for (Throwable s : t.getSuppressed()) {
                found.addAll(quotedIn(s.toString(), password));
            }
        }
        return found.stream().distinct().toList();
    }

    private boolean quotes(String text, int width) {
        for (int i = 0; i + width <= text.length(); i++) {
            if (windows.contains(text.substring(i, i + width))) {
                return true;
            }
        }
        return false;
    }

    private void addWindows(String text, int width) {
        for (int i = 0; i + width <= text.length(); i++) {
            windows.add(text.substring(i, i + width));
        }
    }

    private static String body(String pem) {
        StringBuilder base64 = new StringBuilder();
        for (String line : pem.split("\n")) {
            if (!line.startsWith("-----") && !line.contains(":") && !line.isBlank()) {
                base64.append(line.strip());
            }
        }
        return base64.toString();
    }
}
