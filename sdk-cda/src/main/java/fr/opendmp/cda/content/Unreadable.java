package fr.opendmp.cda.content;

import java.util.Objects;

/**
 * Something a typed reader found but could not read, named so that nothing is dropped silently.
 * Neither part carries health data: {@code where} names the place by its structure, {@code why}
 * says what was missing or unknown.
 *
 * @param where the place, e.g. {@code section 11450-4 > entry 3}
 * @param why the reason, e.g. {@code no coded value}
 */
public record Unreadable(String where, String why) {

    /**
     * Checks presence.
     *
     * @param where the where
     * @param why the why
     */
    public Unreadable {
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(why, "why");
    }
}
