package fr.opendmp.core.access;

import fr.opendmp.core.code.Code;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Why and when a DMP was closed.
 *
 * @param date the closure date, if given
 * @param reason the closure reason code, if given
 * @param text the closure reason text, if given
 */
public record Closure(Optional<LocalDate> date, Optional<Code> reason, Optional<String> text) {

    /**
     * Checks every part.
     * @param date the closure date, if given
     * @param reason the closure reason code, if given
     * @param text the closure reason text, if given
     */
    public Closure {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(text, "text");
    }
}
