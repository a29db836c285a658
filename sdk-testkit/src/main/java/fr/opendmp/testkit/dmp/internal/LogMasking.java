package fr.opendmp.testkit.dmp.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks what looks like a matricule INS in a log line: 15 characters, digits except the second
 * character of the birth department (2A/2B, Corsica).
 */
public final class LogMasking {
    private static final Pattern INS = Pattern.compile("(?<![0-9])([0-9])([0-9]{5}[0-9AB][0-9]{6})([0-9]{2})(?![0-9])");

    private LogMasking() {
    }

    /** @return the text with every INS-like run masked as {@code 1************76} */
    public static String mask(String text) {
        if (text == null) {
            return "";
        }
        Matcher m = INS.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, m.group(1) + "*".repeat(12) + m.group(3));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
