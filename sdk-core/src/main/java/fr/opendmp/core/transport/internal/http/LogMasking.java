package fr.opendmp.core.transport.internal.http;

import java.util.regex.Pattern;

/** Masks what must never reach a log line in a URI (INS in query strings). Not API. */
public final class LogMasking {

    private static final Pattern LONG_NUMBERS = Pattern.compile("(\\||%7C|%7c)[0-9A-Za-z]{13,15}|[0-9]{13,15}");

    private LogMasking() {
    }

    /** @return the path and query with every INS-like value replaced by {@code ***} */
    public static String mask(String pathAndQuery) {
        return LONG_NUMBERS.matcher(pathAndQuery).replaceAll(m -> m.group(1) != null
                ? java.util.regex.Matcher.quoteReplacement(m.group(1)) + "***" : "***");
    }
}
